// Checks the models/*.json language resources through their loader: lookups, coverage, cue classification and validation errors.

import { mkdtempSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { buildLexicon, isSpeechOrWritingCue, LEXICON_FILES, loadLexicon, type LexiconData } from '../pipeline/lexicon.ts';

const modelsDir = fileURLToPath(new URL('../models/', import.meta.url));
const files = LEXICON_FILES;

/** A fresh deep copy of the raw JSON, safe to mutate. */
function rawData(): LexiconData {
  const read = (file: string): unknown => JSON.parse(readFileSync(join(modelsDir, file), 'utf8')) as unknown;
  return {
    verbs: read(files.verbs),
    phrases: read(files.phrases),
    titles: read(files.titles),
    pronouns: read(files.pronouns),
    organizations: read(files.organizations),
    notNames: read(files.notNames),
    wordClasses: read(files.wordClasses),
  };
}

interface RawCue {
  lemma: string;
  forms: string[];
  class: string;
}

const lexicon = loadLexicon();

describe('verbs', () => {
  test.each([
    ['said', 'say', 'speech'],
    ['says', 'say', 'speech'],
    ['saying', 'say', 'speech'],
    ['told', 'tell', 'speech'],
    ['wrote', 'write', 'writing'],
    ['written', 'write', 'writing'],
    ['tweeted', 'tweet', 'writing'],
    ['reiterated', 'reiterate', 'speech'],
    ['clarified', 'clarify', 'speech'],
    ['assured', 'assure', 'speech'],
    ['spoke', 'speak', 'speech'],
    ['spoken', 'speak', 'speech'],
    ['admitted', 'admit', 'speech'],
    ['denies', 'deny', 'speech'],
    ['emphasised', 'emphasize', 'speech'],
    ['emphasized', 'emphasize', 'speech'],
    ['criticised', 'criticize', 'speech'],
    ['e-mailed', 'email', 'writing'],
    ['swore', 'swear', 'speech'],
    ['believes', 'believe', 'thought'],
    ['thought', 'think', 'thought'],
    ['felt', 'feel', 'thought'],
    ['knew', 'know', 'thought'],
  ])('%s → %s (%s)', (form, lemma, cls) => {
    expect(lexicon.verbs.get(form)).toEqual({ lemma, cls });
  });

  test('has at least 170 lemmas, 150 of them speech or writing', () => {
    const lemmas = new Map([...lexicon.verbs.values()].map((entry) => [entry.lemma, entry.cls]));
    expect(lemmas.size).toBeGreaterThanOrEqual(170);
    expect([...lemmas.values()].filter((cls) => cls !== 'thought').length).toBeGreaterThanOrEqual(150);
  });

  const speech = `say tell add note stress assure confirm reiterate clarify announce claim insist explain argue warn admit
    deny acknowledge suggest state declare remark comment respond reply answer ask urge promise vow pledge predict
    complain concede contend maintain emphasize underline joke recall boast charge accuse allege assert testify repeat
    report disclose reveal describe call praise criticize slam blast`.split(/\s+/);
  const writing = 'write tweet post retweet publish blog text email'.split(' ');
  const thought = 'believe think feel hope fear expect know doubt suspect worry'.split(' ');
  test.each([
    ...speech.map((lemma) => [lemma, 'speech'] as const),
    ...writing.map((lemma) => [lemma, 'writing'] as const),
    ...thought.map((lemma) => [lemma, 'thought'] as const),
  ])('lemma %s is %s', (lemma, cls) => {
    expect(lexicon.verbs.get(lemma)).toEqual({ lemma, cls });
  });

  test('every key is a single lower-case word', () => {
    for (const form of lexicon.verbs.keys()) expect(form).toMatch(/^[a-z-]+$/);
  });
});

describe('phrases and nouns', () => {
  test.each([
    ['according to', 'according to', 'speech'],
    ['point out', 'point out', 'speech'],
    ['pointed out', 'point out', 'speech'],
    ['went on', 'go on', 'speech'],
    ['weighed in', 'weigh in', 'speech'],
    ['took to twitter', 'take to twitter', 'writing'],
    ['was convinced', 'be convinced', 'thought'],
  ])('phrase %s → %s (%s)', (text, lemma, cls) => {
    const found = lexicon.phrases.find((phrase) => phrase.words.join(' ') === text);
    expect(found).toMatchObject({ lemma, cls });
  });

  test('phrases are multiword and longest first', () => {
    const lengths = lexicon.phrases.map((phrase) => phrase.words.length);
    expect(Math.min(...lengths)).toBeGreaterThanOrEqual(2);
    expect(lengths).toEqual([...lengths].sort((a, b) => b - a));
  });

  test.each([
    ['statement', 'statement', 'writing'],
    ['statements', 'statement', 'writing'],
    ['interview', 'interview', 'speech'],
    ['remarks', 'remark', 'speech'],
    ['press release', 'press release', 'writing'],
    ['op-ed', 'op-ed', 'writing'],
    ['tweet', 'tweet', 'writing'],
    ['belief', 'belief', 'thought'],
  ])('noun %s → %s (%s)', (form, lemma, cls) => {
    expect(lexicon.nouns.get(form)).toEqual({ lemma, cls });
  });

  test('at least 40 phrase and noun entries', () => {
    const phraseLemmas = new Set(lexicon.phrases.map((phrase) => phrase.lemma));
    const nounLemmas = new Set([...lexicon.nouns.values()].map((entry) => entry.lemma));
    expect(phraseLemmas.size + nounLemmas.size).toBeGreaterThanOrEqual(40);
  });
});

describe('titles, organisations, names', () => {
  test.each(['spokesman', 'spokeswoman', 'foreign minister', 'secretary of state', 'president', 'sen.', 'ceo'])(
    'title %s',
    (title) => {
      expect(lexicon.titles.has(title)).toBe(true);
    },
  );

  test('titles are role words, not affiliation + title pairs', () => {
    expect(lexicon.titles.has('kremlin spokesman')).toBe(false);
    expect(lexicon.affiliations.has('kremlin')).toBe(true);
  });

  test('titleWords holds the words of multiword titles', () => {
    for (const word of ['secretary', 'state', 'foreign', 'minister']) expect(lexicon.titleWords.has(word)).toBe(true);
  });

  test('sizes', () => {
    expect(lexicon.titles.size).toBeGreaterThanOrEqual(120);
    expect(lexicon.affiliations.size).toBeGreaterThanOrEqual(60);
    expect(lexicon.honorifics.has('mr.')).toBe(true);
    expect(lexicon.honorifics.has('dr')).toBe(true);
  });

  test.each([
    ['names', 'kremlin'],
    ['names', 'the associated press'],
    ['names', 'tass'],
    ['heads', 'ministry'],
    ['heads', 'agency'],
    ['groups', 'officials'],
    ['groups', 'analysts'],
  ] as const)('organizations %s has %s', (key, value) => {
    const set = { names: lexicon.organizations, heads: lexicon.organizationHeads, groups: lexicon.groups }[key];
    expect(set.has(value)).toBe(true);
  });

  test.each(['monday', 'january', 'the', 'however', 'meanwhile'])('%s is not a name', (word) => {
    expect(lexicon.notNames.has(word)).toBe(true);
  });

  test.each(['may', 'will', 'said'])('%s may be a name', (word) => {
    expect(lexicon.notNames.has(word)).toBe(false);
  });
});

describe('pronouns', () => {
  test.each([
    ['he', 'male', 'singular'],
    ['his', 'male', 'singular'],
    ['she', 'female', 'singular'],
    ['her', 'female', 'singular'],
    ['they', 'plural', 'plural'],
    ['their', 'plural', 'plural'],
    ['it', 'neuter', 'singular'],
    ['i', 'first', 'singular'],
    ['we', 'first', 'plural'],
    ['you', 'second', 'singular'],
  ])('%s is %s %s', (form, gender, number) => {
    expect(lexicon.pronouns.get(form)).toEqual({ gender, number });
  });
});

describe('isSpeechOrWritingCue', () => {
  test.each([
    ['reports', true],
    ['told reporters', true],
    ['according to', true],
    ['said in a statement', true],
    ['Said,', true],
    ['pointed out', true],
    ['in a press release', true],
    ['wrote on Twitter', true],
    ['believes', false],
    ['thought', false],
    ['was convinced', false],
    ['', false],
  ])('%j → %s', (cue, expected) => {
    expect(isSpeechOrWritingCue(lexicon, cue)).toBe(expected);
  });
});

describe('loading and validation', () => {
  test('loadLexicon caches', () => {
    expect(loadLexicon()).toBe(lexicon);
  });

  test('buildLexicon accepts the shipped data', () => {
    expect(buildLexicon(rawData()).verbs.size).toBe(lexicon.verbs.size);
  });

  test.each([
    ['hearerVerbs', 'tell', 'announce'],
    ['clauseOnlyVerbs', 'say', 'describe'],
    ['topicOnlyVerbs', 'speak', 'say'],
    ['contentNouns', 'notion', 'statement'],
    ['workNouns', 'movie', 'president'],
    ['timeNouns', 'week', 'monday'],
    ['subordinators', 'although', 'that'],
    ['clauseBreaks', 'who', 'that'],
    ['connectives', 'in fact', 'in'],
    ['nameParticles', 'von', 'the'],
    ['determiners', 'the', 'of'],
    ['placePrepositions', 'from', 'by'],
    ['speakerPronouns', 'she', 'her'],
    ['maleTitles', 'spokesman', 'german'],
    ['femaleTitles', 'queen', 'spokeswoman'],
    ['smallTitleWords', 'of', 'making'],
  ] as const)('word class %s has %s and not %s', (cls, word, not) => {
    expect(lexicon.words[cls].has(word)).toBe(true);
    expect(lexicon.words[cls].has(not)).toBe(false);
  });

  test('a bad class names the file and the value', () => {
    const data = rawData();
    ((data.verbs as { verbs: RawCue[] }).verbs[0] as RawCue).class = 'spech';
    expect(() => buildLexicon(data)).toThrow(/^quotes: invalid lexicon reporting-verbs\.json: .*class.*got "spech"$/);
  });

  test('a form mapped to two lemmas throws', () => {
    const data = rawData();
    const state = (data.verbs as { verbs: RawCue[] }).verbs.find((entry) => entry.lemma === 'state');
    state?.forms.push('said');
    expect(() => buildLexicon(data)).toThrow(
      /^quotes: invalid lexicon reporting-verbs\.json: form "said" of "state" already belongs to "say", got "said"$/,
    );
  });

  test('a lemma listed twice throws', () => {
    const data = rawData();
    (data.verbs as { verbs: RawCue[] }).verbs.push({ lemma: 'say', forms: ['say'], class: 'speech' });
    expect(() => buildLexicon(data)).toThrow(/reporting-verbs\.json: verbs\[\d+\]\.lemma "say" is listed twice/);
  });

  test('a form mapped to two lemmas in a fresh lemma throws too', () => {
    const data = rawData();
    (data.verbs as { verbs: RawCue[] }).verbs.push({ lemma: 'utter2', forms: ['utter2', 'told'], class: 'speech' });
    expect(() => buildLexicon(data)).toThrow(/form "told" of "utter2" already belongs to "tell"/);
  });

  test.each<[string, (data: LexiconData) => void, RegExp]>([
    [
      'phrase class',
      (data) => {
        ((data.phrases as { phrases: { class: string }[] }).phrases[0] as { class: string }).class = 'gossip';
      },
      /reporting-phrases\.json: phrases\[0\]\.class .*got "gossip"/,
    ],
    [
      'pronoun gender',
      (data) => {
        (data.pronouns as Record<string, unknown>)['he'] = { gender: 'man', number: 'singular' };
      },
      /pronouns\.json: .*gender.*got "man"/,
    ],
    [
      'titles not an array',
      (data) => {
        (data.titles as Record<string, unknown>)['titles'] = 'president';
      },
      /titles\.json: titles must be a non-empty array of strings, got "president"/,
    ],
    [
      'unknown field',
      (data) => {
        (data.organizations as Record<string, unknown>)['nmaes'] = [];
      },
      /organizations\.json: .*unknown field "nmaes"/,
    ],
    [
      'non-string word',
      (data) => {
        (data.notNames as { words: unknown[] }).words.push(42);
      },
      /not-names\.json: words\[\d+\] must be a non-empty string, got 42/,
    ],
    [
      'single-word phrase',
      (data) => {
        (data.phrases as { phrases: unknown[] }).phrases.push({ text: 'per', class: 'speech' });
      },
      /reporting-phrases\.json: .*at least two words/,
    ],
    [
      'missing word class',
      (data) => {
        delete (data.wordClasses as Record<string, unknown>)['hearerVerbs'];
      },
      /word-classes\.json: hearerVerbs must be an object, got undefined/,
    ],
    [
      'unknown word class',
      (data) => {
        (data.wordClasses as Record<string, unknown>)['hearerVerb'] = { words: ['tell'] };
      },
      /word-classes\.json: .*unknown field "hearerVerb"/,
    ],
    [
      'empty word class',
      (data) => {
        (data.wordClasses as Record<string, { words: unknown[] }>)['connectives']!.words = [];
      },
      /word-classes\.json: words must be a non-empty array of strings, got \[\]/,
    ],
  ])('bad %s throws', (_name, mutate, message) => {
    const data = rawData();
    mutate(data);
    expect(() => buildLexicon(data)).toThrow(message);
  });

  test('loadLexicon reports a broken file by name', () => {
    const dir = mkdtempSync(join(tmpdir(), 'quotes-lexicon-'));
    for (const file of Object.values(files)) copyFileSync(join(modelsDir, file), join(dir, file));
    writeFileSync(join(dir, files.titles), '{"titles": [');
    expect(() => loadLexicon(dir)).toThrow(/invalid lexicon titles\.json: not valid JSON/);
  });

  test('data is lower-cased on load', () => {
    const data = rawData();
    (data.verbs as { verbs: RawCue[] }).verbs.push({ lemma: 'Harrumph', forms: ['Harrumph', 'HARRUMPHED'], class: 'speech' });
    expect(buildLexicon(data).verbs.get('harrumphed')).toEqual({ lemma: 'harrumph', cls: 'speech' });
  });
});
