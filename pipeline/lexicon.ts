// Loads the hand-compiled language resources in models/*.json, validates them, and builds the lookup tables the stages share.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readBoundaryModel, type BoundaryModel } from './boundary.ts';
import type { CueClass } from './document.ts';

export type { CueClass };

export interface CueEntry {
  readonly lemma: string;
  readonly cls: CueClass;
}

/** A multiword cue in one of its inflected forms: `words` are lower-case, `lemma` is the phrase's text (`point out`). */
export interface PhraseEntry {
  readonly words: readonly string[];
  readonly lemma: string;
  readonly cls: CueClass;
}

export interface PronounEntry {
  readonly gender: 'male' | 'female' | 'neuter' | 'plural' | 'first' | 'second';
  readonly number: 'singular' | 'plural';
}

export interface Lexicon {
  /** Lower-case inflected form → entry (`said` → say/speech). */
  readonly verbs: ReadonlyMap<string, CueEntry>;
  /** Multiword cues, one entry per inflected form, longest first. */
  readonly phrases: readonly PhraseEntry[];
  /** Lower-case form → entry (`statement`, `statements`, `press release`); forms may be multiword. */
  readonly nouns: ReadonlyMap<string, CueEntry>;
  /** Lower-case; multiword titles kept as one string with single spaces. */
  readonly titles: ReadonlySet<string>;
  /** Every single word of every title (lower-case), including inner words such as `of` in `secretary of state`. */
  readonly titleWords: ReadonlySet<string>;
  readonly honorifics: ReadonlySet<string>;
  /** Place, institution and party words that prefix a title, plus prefix modifiers (`former`, `acting`). */
  readonly affiliations: ReadonlySet<string>;
  /** What an abbreviated title stands for: `sen.` → `senator`. */
  readonly titleAbbreviations: ReadonlyMap<string, string>;
  /** The affiliations that name a country (`russian`, `us`): two different ones are two different people. */
  readonly nationalities: ReadonlySet<string>;
  readonly pronouns: ReadonlyMap<string, PronounEntry>;
  readonly organizations: ReadonlySet<string>;
  readonly organizationHeads: ReadonlySet<string>;
  readonly groups: ReadonlySet<string>;
  /** Last words of news outlets' names (`post`, `times`, `reuters`). */
  readonly press: ReadonlySet<string>;
  /** Nouns that refer back to a news outlet (`newspaper`, `network`). */
  readonly pressNominals: ReadonlySet<string>;
  readonly notNames: ReadonlySet<string>;
  /** The learned clause-boundary model (models/boundary-model.json), or null: the rules decide. */
  readonly boundary: BoundaryModel | null;
  /** Small classes of words the attribution rules test tokens against (models/word-classes.json). */
  readonly words: WordClasses;
}

/** Each class of models/word-classes.json: lower-case words (a connective may be several, space-separated). */
export type WordClasses = { readonly [K in (typeof WORD_CLASSES)[number]]: ReadonlySet<string> };

/** Whether `word` (any case) is of word class `cls` of `lexicon`. */
export const isWordOf = (lexicon: Lexicon, cls: keyof WordClasses, word: string | undefined) => word !== undefined && lexicon.words[cls].has(word.toLowerCase());

export const WORD_CLASSES = ['hearerVerbs', 'clauseOnlyVerbs', 'topicOnlyVerbs', 'contentNouns', 'workNouns', 'timeNouns', 'subordinators', 'clauseBreaks', 'connectives', 'nameParticles', 'determiners', 'placePrepositions', 'speakerPronouns', 'maleTitles', 'femaleTitles', 'smallTitleWords'] as const;

/** Raw parsed JSON of the files in models/, one field per file. */
export interface LexiconData {
  verbs: unknown;
  phrases: unknown;
  titles: unknown;
  pronouns: unknown;
  organizations: unknown;
  notNames: unknown;
  wordClasses: unknown;
  /** The learned clause-boundary model; without it the rules decide. */
  boundary?: unknown;
}

/** The file in models/ behind each field of LexiconData. */
export const LEXICON_FILES = {
  verbs: 'reporting-verbs.json',
  phrases: 'reporting-phrases.json',
  titles: 'titles.json',
  pronouns: 'pronouns.json',
  organizations: 'organizations.json',
  notNames: 'not-names.json',
  wordClasses: 'word-classes.json',
  boundary: 'boundary-model.json',
} as const satisfies Record<keyof LexiconData, string>;

const CLASSES: readonly CueClass[] = ['speech', 'writing', 'thought'];
const GENDERS: readonly PronounEntry['gender'][] = ['male', 'female', 'neuter', 'plural', 'first', 'second'];
const NUMBERS: readonly PronounEntry['number'][] = ['singular', 'plural'];

/** Lower-case, trimmed, inner whitespace collapsed to single spaces. */
function normalize(text: string): string {
  return text.normalize('NFC').toLowerCase().trim().replace(/\s+/g, ' ');
}

function show(value: unknown): string {
  if (value === undefined) return 'undefined';
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

/** Validation helpers bound to one file, so every error names it. */
class Reader {
  constructor(readonly file: string) {}

  fail(what: string, got: unknown): never {
    throw new Error(`quotes: invalid lexicon ${this.file}: ${what}, got ${show(got)}`);
  }

  /** A plain object whose keys are among `keys`; keys starting with `$` are comments and ignored. */
  object(where: string, value: unknown, keys: readonly string[] | null): Record<string, unknown> {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      this.fail(`${where} must be an object`, value);
    }
    const record = value as Record<string, unknown>;
    if (keys !== null) {
      for (const key of Object.keys(record)) {
        if (!key.startsWith('$') && !keys.includes(key)) {
          this.fail(`${where} has unknown field "${key}" (expected ${keys.join(', ')})`, record[key]);
        }
      }
    }
    return record;
  }

  /** A non-empty string, normalised. */
  text(where: string, value: unknown): string {
    if (typeof value !== 'string' || normalize(value) === '') this.fail(`${where} must be a non-empty string`, value);
    return normalize(value);
  }

  optionalText(where: string, value: unknown): void {
    if (value !== undefined && typeof value !== 'string') this.fail(`${where} must be a string when present`, value);
  }

  /** A non-empty array of non-empty strings, normalised. */
  texts(where: string, value: unknown): string[] {
    if (!Array.isArray(value) || value.length === 0) this.fail(`${where} must be a non-empty array of strings`, value);
    return value.map((item: unknown, i) => this.text(`${where}[${i}]`, item));
  }

  /** One of `allowed`. */
  oneOf<T extends string>(where: string, value: unknown, allowed: readonly T[]): T {
    if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
      this.fail(`${where} must be one of ${allowed.join(', ')}`, value);
    }
    return value as T;
  }

  array(where: string, value: unknown): unknown[] {
    if (!Array.isArray(value)) this.fail(`${where} must be an array`, value);
    return value;
  }
}

/** Adds `form → entry` to `map`, throwing when the form already belongs to another lemma or class. */
function claim(r: Reader, map: Map<string, CueEntry>, form: string, entry: CueEntry): void {
  const prior = map.get(form);
  if (prior === undefined) {
    map.set(form, entry);
  } else if (prior.lemma !== entry.lemma) {
    r.fail(`form "${form}" of "${entry.lemma}" already belongs to "${prior.lemma}"`, form);
  } else if (prior.cls !== entry.cls) {
    r.fail(`form "${form}" of "${entry.lemma}" has two classes (${prior.cls}, ${entry.cls})`, entry.cls);
  }
}

/** Reads `[{lemma, forms, class, note?}]` into a form map; `singleWord` forbids spaces in forms. */
function readCueList(r: Reader, where: string, value: unknown, singleWord: boolean): Map<string, CueEntry> {
  const map = new Map<string, CueEntry>();
  const lemmas = new Set<string>();
  r.array(where, value).forEach((raw, i) => {
    const at = `${where}[${i}]`;
    const item = r.object(at, raw, ['lemma', 'forms', 'class', 'note']);
    const lemma = r.text(`${at}.lemma`, item['lemma']);
    const forms = r.texts(`${at}.forms`, item['forms']);
    const cls = r.oneOf(`${at}.class`, item['class'], CLASSES);
    r.optionalText(`${at}.note`, item['note']);
    if (lemmas.has(lemma)) r.fail(`${at}.lemma "${lemma}" is listed twice`, item['lemma']);
    lemmas.add(lemma);
    if (!forms.includes(lemma)) r.fail(`${at}.forms must include the lemma "${lemma}"`, item['forms']);
    const entry: CueEntry = Object.freeze({ lemma, cls });
    forms.forEach((form, j) => {
      if (singleWord && form.includes(' ')) r.fail(`${at}.forms[${j}] must be a single word`, form);
      claim(r, map, form, entry);
    });
  });
  return map;
}

function readVerbs(raw: unknown): Map<string, CueEntry> {
  const r = new Reader(LEXICON_FILES.verbs);
  const top = r.object('the file', raw, ['verbs']);
  return readCueList(r, 'verbs', top['verbs'], true);
}

function readPhrases(raw: unknown): { phrases: PhraseEntry[]; nouns: Map<string, CueEntry> } {
  const r = new Reader(LEXICON_FILES.phrases);
  const top = r.object('the file', raw, ['phrases', 'nouns']);
  const phrases: PhraseEntry[] = [];
  const byForm = new Map<string, CueEntry>();
  r.array('phrases', top['phrases']).forEach((rawItem, i) => {
    const at = `phrases[${i}]`;
    const item = r.object(at, rawItem, ['text', 'class', 'forms', 'note']);
    const text = r.text(`${at}.text`, item['text']);
    const cls = r.oneOf(`${at}.class`, item['class'], CLASSES);
    r.optionalText(`${at}.note`, item['note']);
    const forms = item['forms'] === undefined ? [text] : r.texts(`${at}.forms`, item['forms']);
    if (!forms.includes(text)) r.fail(`${at}.forms must include the text "${text}"`, item['forms']);
    const entry: CueEntry = { lemma: text, cls };
    for (const form of new Set(forms)) {
      if (!form.includes(' ')) r.fail(`${at} form "${form}" must have at least two words`, form);
      if (byForm.get(form)?.lemma === text) r.fail(`${at} text "${text}" is listed twice`, item['text']);
      claim(r, byForm, form, entry);
      phrases.push(Object.freeze({ words: Object.freeze(form.split(' ')), lemma: text, cls }));
    }
  });
  // Longest first, so a matcher trying them in order prefers `put out a statement` to `put out`; ties keep file order.
  phrases.sort((a, b) => b.words.length - a.words.length);
  const nouns = readCueList(r, 'nouns', top['nouns'], false);
  return { phrases, nouns };
}

/** A named array of strings as a set of normalised strings. */
function readSet(r: Reader, top: Record<string, unknown>, key: string): Set<string> {
  return new Set(r.texts(key, top[key]));
}

/** `{"sen.": "senator", …}`: optional; each key and value a non-empty string. */
function readAbbreviations(r: Reader, raw: unknown): Map<string, string> {
  const map = new Map<string, string>();
  if (raw === undefined) return map;
  for (const [key, value] of Object.entries(r.object('abbreviations', raw, null))) {
    if (key.startsWith('$')) continue;
    map.set(r.text('abbreviations key', key), r.text(`abbreviations["${key}"]`, value));
  }
  return map;
}

/** Like readSet, for a list a small lexicon may leave out (a test's hand-made one): empty when absent. */
function readOptionalSet(r: Reader, top: Record<string, unknown>, key: string): Set<string> {
  return top[key] === undefined ? new Set() : readSet(r, top, key);
}

/** `{"<class>": {"words": [...]}, …}`: every class of WORD_CLASSES, and no other. */
function readWordClasses(raw: unknown): WordClasses {
  const r = new Reader(LEXICON_FILES.wordClasses);
  const top = r.object('the file', raw, WORD_CLASSES);
  const classes: Partial<Record<(typeof WORD_CLASSES)[number], Set<string>>> = {};
  for (const name of WORD_CLASSES) classes[name] = readSet(r, r.object(name, top[name], ['words']), 'words');
  return classes as WordClasses;
}

function readPronouns(raw: unknown): Map<string, PronounEntry> {
  const r = new Reader(LEXICON_FILES.pronouns);
  const top = r.object('the file', raw, null);
  const map = new Map<string, PronounEntry>();
  for (const [key, value] of Object.entries(top)) {
    if (key.startsWith('$')) continue;
    const form = r.text('a pronoun key', key);
    if (form.includes(' ')) r.fail(`pronoun "${key}" must be a single word`, key);
    if (map.has(form)) r.fail(`pronoun "${form}" is listed twice`, key);
    const item = r.object(`"${key}"`, value, ['gender', 'number', 'note']);
    const gender = r.oneOf(`"${key}".gender`, item['gender'], GENDERS);
    const number = r.oneOf(`"${key}".number`, item['number'], NUMBERS);
    r.optionalText(`"${key}".note`, item['note']);
    map.set(form, Object.freeze({ gender, number }));
  }
  if (map.size === 0) r.fail('the file must list at least one pronoun', raw);
  return map;
}

/** Validates raw data and builds the lookup tables; throws `quotes: invalid lexicon <file>: <what>, got <value>` on bad data. */
export function buildLexicon(data: LexiconData): Lexicon {
  const verbs = readVerbs(data.verbs);
  const { phrases, nouns } = readPhrases(data.phrases);

  const titlesReader = new Reader(LEXICON_FILES.titles);
  const titlesTop = titlesReader.object('the file', data.titles, ['titles', 'honorifics', 'affiliations', 'nationalities', 'abbreviations']);
  const titles = readSet(titlesReader, titlesTop, 'titles');
  const titleWords = new Set([...titles].flatMap((title) => title.split(' ')));

  const orgReader = new Reader(LEXICON_FILES.organizations);
  const orgTop = orgReader.object('the file', data.organizations, ['names', 'heads', 'groups', 'press', 'pressNominals']);

  const notNamesReader = new Reader(LEXICON_FILES.notNames);
  const notNamesTop = notNamesReader.object('the file', data.notNames, ['words']);

  return {
    verbs,
    phrases,
    nouns,
    titles,
    titleWords,
    honorifics: readSet(titlesReader, titlesTop, 'honorifics'),
    affiliations: readSet(titlesReader, titlesTop, 'affiliations'),
    nationalities: readOptionalSet(titlesReader, titlesTop, 'nationalities'),
    titleAbbreviations: readAbbreviations(titlesReader, titlesTop['abbreviations']),
    pronouns: readPronouns(data.pronouns),
    organizations: readSet(orgReader, orgTop, 'names'),
    organizationHeads: readSet(orgReader, orgTop, 'heads'),
    groups: readSet(orgReader, orgTop, 'groups'),
    press: readOptionalSet(orgReader, orgTop, 'press'),
    pressNominals: readOptionalSet(orgReader, orgTop, 'pressNominals'),
    notNames: readSet(notNamesReader, notNamesTop, 'words'),
    boundary: data.boundary === undefined ? null : readBoundaryModel(data.boundary, LEXICON_FILES.boundary),
    words: readWordClasses(data.wordClasses),
  };
}

function readJson(dir: string, file: string): unknown {
  const path = join(dir, file);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`quotes: cannot read lexicon file ${path}: ${(error as Error).message}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new Error(`quotes: invalid lexicon ${file}: not valid JSON (${(error as Error).message}), got ${show(text.slice(0, 40))}`);
  }
}

const cache = new Map<string, Lexicon>();

/** Loads and validates models/*.json once (cached); `dir` defaults to the repo's models/ folder resolved from import.meta.url. */
export function loadLexicon(dir?: string): Lexicon {
  const folder = dir ?? fileURLToPath(new URL('../models/', import.meta.url));
  const cached = cache.get(folder);
  if (cached !== undefined) return cached;
  const lexicon = buildLexicon({
    verbs: readJson(folder, LEXICON_FILES.verbs),
    phrases: readJson(folder, LEXICON_FILES.phrases),
    titles: readJson(folder, LEXICON_FILES.titles),
    pronouns: readJson(folder, LEXICON_FILES.pronouns),
    organizations: readJson(folder, LEXICON_FILES.organizations),
    notNames: readJson(folder, LEXICON_FILES.notNames),
    wordClasses: readJson(folder, LEXICON_FILES.wordClasses),
    boundary: existsSync(join(folder, LEXICON_FILES.boundary)) ? readJson(folder, LEXICON_FILES.boundary) : undefined,
  });
  cache.set(folder, lexicon);
  return lexicon;
}

interface CueIndex {
  /** Joined multiword form (phrase or noun) → classes found under it. */
  readonly multi: ReadonlyMap<string, readonly CueClass[]>;
  readonly longest: number;
}

const cueIndexes = new WeakMap<Lexicon, CueIndex>();

function cueIndex(lexicon: Lexicon): CueIndex {
  let index = cueIndexes.get(lexicon);
  if (index === undefined) {
    const multi = new Map<string, CueClass[]>();
    const add = (key: string, cls: CueClass): void => {
      const list = multi.get(key);
      if (list === undefined) multi.set(key, [cls]);
      else if (!list.includes(cls)) list.push(cls);
    };
    let longest = 1;
    for (const phrase of lexicon.phrases) {
      add(phrase.words.join(' '), phrase.cls);
      longest = Math.max(longest, phrase.words.length);
    }
    for (const [form, entry] of lexicon.nouns) {
      const length = form.split(' ').length;
      if (length > 1) add(form, entry.cls);
      longest = Math.max(longest, length);
    }
    index = { multi, longest };
    cueIndexes.set(lexicon, index);
  }
  return index;
}

/** Is this cue text (e.g. "reports", "told reporters", "according to", "said in a statement") a cue of saying or writing? Checks each word against verb forms, nouns and phrases; false for thought-only cues. */
export function isSpeechOrWritingCue(lexicon: Lexicon, cueText: string): boolean {
  const words = normalize(cueText.replace(/[\u2018\u2019\u02bc]/g, "'"))
    .split(' ')
    .map((word) => word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter((word) => word !== '');
  const spoken = (cls: CueClass | undefined): boolean => cls === 'speech' || cls === 'writing';
  const { multi, longest } = cueIndex(lexicon);
  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? '';
    if (spoken(lexicon.verbs.get(word)?.cls) || spoken(lexicon.nouns.get(word)?.cls)) return true;
    for (let n = 2; n <= longest && i + n <= words.length; n++) {
      if (multi.get(words.slice(i, i + n).join(' '))?.some(spoken)) return true;
    }
  }
  return false;
}
