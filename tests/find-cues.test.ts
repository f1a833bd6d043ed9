// Reporting verbs, phrases and nouns: found by form and lemma, with auxiliaries and adverbs around them, classed speech/writing/thought.
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { buildLexicon, LEXICON_FILES, type LexiconData } from '../pipeline/lexicon.ts';
import { annotate } from '../pipeline/annotate.ts';
import { annotated, slice } from './helpers.ts';

const cuesOf = (text: string) => annotated(text).cues.map((c) => [c.value, c.lemma, c.cls, c.form] as const);

/** `[behaviour, text, the cues we expect as [value, lemma, class, form]]` */
const CUES: readonly [string, string, readonly (readonly [string, string, string, string])[]][] = [
  ['said', 'Peskov said the talks were over.', [['said', 'say', 'speech', 'verb']]],
  ['says (present)', 'Trump says it is time to move forward.', [['says', 'say', 'speech', 'verb']]],
  ['told, with an object', 'Peskov told reporters the talks were over.', [['told', 'tell', 'speech', 'verb']]],
  ['has repeatedly said: auxiliary and adverb before the verb', 'Putin has repeatedly said the talks were over.', [['said', 'say', 'speech', 'verb']]],
  ['later clarified', 'Trump later clarified that the talks were over.', [['clarified', 'clarify', 'speech', 'verb']]],
  ['also tweeted (writing)', 'Trump also tweeted that the talks were over.', [['tweeted', 'tweet', 'writing', 'verb']]],
  ['has tweeted', 'Trump has tweeted that the talks were over.', [['tweeted', 'tweet', 'writing', 'verb']]],
  ['wrote (writing)', 'Trump wrote that the talks were over.', [['wrote', 'write', 'writing', 'verb']]],
  ['stressed', 'The ministry stressed that talks were over.', [['stressed', 'stress', 'speech', 'verb']]],
  ['noted', 'Putin noted that the talks were over.', [['noted', 'note', 'speech', 'verb']]],
  ['assured', 'Putin assured Trump that Russia had not interfered.', [['assured', 'assure', 'speech', 'verb']]],
  ['confirmed', 'Putin confirmed on Saturday that the talks were over.', [['confirmed', 'confirm', 'speech', 'verb']]],
  ['reiterated', 'The president reiterated that there was no reason for concern.', [['reiterated', 'reiterate', 'speech', 'verb']]],
  ['added', 'Trump added that he had pressed Putin twice.', [['added', 'add', 'speech', 'verb']]],
  ['claim (present, a form shared with the noun)', 'Officials claim the talks are over.', [['claim', 'claim', 'speech', 'verb']]],
  ['according to (a phrase)', 'According to Lavrov, the talks were over.', [['According to', 'according to', 'speech', 'phrase']]],
  ['pointed out (a phrasal verb)', 'She pointed out that the talks were over.', [['pointed out', 'point out', 'speech', 'phrase']]],
  ['said in a statement: verb and reporting noun', 'The Kremlin said in a statement that the talks were over.', [['said', 'say', 'speech', 'verb'], ['in a statement', 'statement', 'writing', 'noun']]],
  ['wrote in a tweet', 'Trump wrote in a tweet that the talks were over.', [['wrote', 'write', 'writing', 'verb'], ['in a tweet', 'tweet', 'writing', 'noun']]],
  ['a group called … names a thing, reports nothing', 'Tim Selaty leads a group called Citizens for Trump.', []],
  ['so called, typed without its hyphen, names a thing', 'The so called Implementation Initiative was launched.', []],
  ['so- called, broken by PDF extraction, names a thing', 'The so- called special relationship was tested.', []],
  ['a base form between two nouns is part of a compound noun (state delegate)', 'Minnesota state delegate Mary Susan wore a red cape.', []],
  ['a base form between two nouns is part of a compound noun (email policies)', 'It was a violation of Pentagon email policies.', []],
  ['a base form after a plural subject is still a verb (Democrats say voters …)', 'Democrats say voters are angry.', [['say', 'say', 'speech', 'verb']]],
  ['the campaign called … is a report', 'The campaign called the ad a lie.', [['called', 'call', 'speech', 'verb']]],
  ['said in an interview', 'He said in an interview that it was over.', [['said', 'say', 'speech', 'verb'], ['in an interview', 'interview', 'speech', 'noun']]],
  ['a participle after a comma (speaking) and the main verb', 'Lavrov, speaking in Moscow, insisted the talks were over.', [['speaking', 'speak', 'speech', 'verb'], ['insisted', 'insist', 'speech', 'verb']]],
  ['believes (thought)', 'Trump believes the talks are over.', [['believes', 'believe', 'thought', 'verb']]],
  ['thinks (thought)', 'Trump thinks the talks are over.', [['thinks', 'think', 'thought', 'verb']]],
  ['feared (thought)', 'Trump feared the talks were over.', [['feared', 'fear', 'thought', 'verb']]],
  ['a plural noun is not a cue (the claims)', 'The claims were false.', []],
  ['a noun reports is not a cue', 'The reports were false.', []],
  ['a sentence without reporting has no cue', 'The talks ended on Monday.', []],
];

describe('findCues', () => {
  test.each(CUES)('%s', (_, text, expected) => {
    expect(cuesOf(text)).toEqual(expected);
  });

  test.each(CUES.filter(([, , cues]) => cues.length > 0))('%s: each cue span slices to its value', (_, text) => {
    const doc = annotated(text);
    expect(doc.cues.map((c) => slice(text, c))).toEqual(doc.cues.map((c) => c.value));
  });

  test.each(CUES.filter(([, , cues]) => cues.length > 0))('%s: each cue points at its head token', (_, text) => {
    const doc = annotated(text);
    for (const c of doc.cues) {
      const head = doc.tokens[c.token]!;
      expect(head.start >= c.start && head.end <= c.end).toBe(true);
    }
  });

  test('a cue inside debris is not found', () => {
    const text = 'Talks resume in Geneva\n\nThe talks resumed on Monday after a break of two months.\n\nREAD MORE: Lavrov said talks would resume\n\nA reply is due by the end of the month.';
    expect(cuesOf(text)).toEqual([]);
  });
});

describe('findCues: the lexicon is data handed in', () => {
  // A tiny lexicon in which only `quipped` and `by way of` are cues: nothing is hard-wired in the stage.
  const data: LexiconData = {
    verbs: { verbs: [{ lemma: 'quip', forms: ['quip', 'quips', 'quipped'], class: 'speech' }] },
    phrases: { phrases: [{ text: 'by way of', class: 'speech' }], nouns: [{ lemma: 'memo', forms: ['memo'], class: 'writing' }] },
    titles: { titles: ['spokesman'], honorifics: ['mr.'], affiliations: ['kremlin'] },
    pronouns: { he: { gender: 'male', number: 'singular' } },
    organizations: { names: ['kremlin'], heads: ['ministry'], groups: ['officials'] },
    notNames: { words: ['monday'] },
    // the attribution rules' word classes, which finding cues does not use
    wordClasses: JSON.parse(readFileSync(new URL(`../models/${LEXICON_FILES.wordClasses}`, import.meta.url), 'utf8')) as unknown,
  };
  const tiny = buildLexicon(data);

  test.each([
    ['a verb only the tiny lexicon has', 'Peskov quipped that the talks were over.', [['quipped', 'quip']]],
    ['a verb only the full lexicon has is not a cue', 'Peskov said the talks were over.', []],
    ['a phrase only the tiny lexicon has', 'By way of Lavrov, the talks were over.', [['By way of', 'by way of']]],
    ['a noun only the tiny lexicon has', 'Peskov quipped in a memo that the talks were over.', [['quipped', 'quip'], ['in a memo', 'memo']]],
  ] as const)('%s', (_, text, expected) => {
    expect(annotate(text, { lexicon: tiny }).cues.map((c) => [c.value, c.lemma])).toEqual(expected);
  });
});
