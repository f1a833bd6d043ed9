// The one module that touches wink-nlp and compromise: turns their output into character spans.
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import compromise from 'compromise';

export interface TokenSpan {
  readonly start: number;
  readonly end: number;
  readonly value: string;
  readonly pos: string;
  readonly lemma: string;
}

export interface SentenceSpan {
  /** Index of the sentence's first token in the returned tokens. */
  readonly firstToken: number;
  /** One past the sentence's last token. */
  readonly lastToken: number;
}

export interface Analysis {
  readonly tokens: TokenSpan[];
  readonly sentences: SentenceSpan[];
}

/**
 * wink-nlp learns: a word it has not seen is added to its lexicon, and its tokenizer then keeps that
 * word whole (`Trump's`, once read at a sentence end, stops splitting into `Trump` + `'s`). So a
 * document's tokens would depend on what its thread read before, and the dataset on the worker
 * count. After each document the words it taught are taken out of the lexicon's hash again, so every
 * document sees the model's own words and its own only (`modelForWink`).
 */
interface Lexemes {
  hash: Record<string, number>;
  list: string[];
}
let lexemes: Lexemes | null = null;
/**
 * wink-eng-lite-web-model's `metaCER()` replaces its module's machines with their own JSON on every
 * call (`machines = JSON.stringify(machines)`), and every wink instance calls it once: each new
 * instance got the last one's string stringified again, escapes doubling each time. After ~15
 * instances (15,000 documents in one thread) the string took hundreds of MB, and at ~20 it no longer
 * fit in a string (`RangeError: Invalid string length`); replacing workers every 2,000 documents hid
 * it. The first call's answer is the right one, and wink only reads it: it is kept.
 */
let metaCER: unknown;
export const modelForWink = {
  ...model,
  core() {
    // the typings call the core model `unknown`: it is `{ features: { lexeme: { hash, list, … } }, … }`
    const core = (model.core as () => { features: { lexeme: Lexemes } })();
    lexemes = core.features.lexeme;
    return core;
  },
  metaCER() {
    return (metaCER ??= (model.metaCER as () => unknown)());
  },
} as typeof model;

// Only what we read: sentence boundaries and POS (lemmas come with POS). The default pipe adds
// negation, sentiment and entities we never use, at ~1.7 × the cost (../shared/LIBRARIES.md).
const PIPE = ['sbd', 'pos'];
let nlp = winkNLP(modelForWink, PIPE);
const its = nlp.its;
// Words re-learned by each document pile up in the lexicon's list (~25 KB a document); a fresh instance every
// 1,000 documents (~60 ms to build, 0.06 ms a document) keeps a worker's heap small and flat.
const DOCUMENTS_PER_INSTANCE = 1000;
let documents = 0;

const LONG_RUN = 200;
/** A run of LONG_RUN characters without whitespace; a plain scan, several times faster than /\S{200}/. */
function hasLongRun(text: string): boolean {
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 10 || c === 9 || c === 13 || c === 160) run = 0;
    else if (++run >= LONG_RUN) return true;
  }
  return false;
}
const LONG_RUN_ALL = /\S{200,}/g;
const WHITESPACE_RUN = /\s{3,}/g;

/**
 * Tokens, POS, lemmas and sentences of `text`, with exact character offsets.
 * wink gives token values but no offsets, so each value is found in the text from the previous
 * token's end; whitespace tokens (wink's `\n\n`) are dropped.
 */
export function analyze(text: string): Analysis {
  if (++documents > DOCUMENTS_PER_INSTANCE) {
    nlp = winkNLP(modelForWink, PIPE);
    documents = 1;
  }
  const known = lexemes!.list.length;
  // wink's tokenizer is quadratic in the length of one unbroken run of characters (a pasted base64
  // blob, a minified script): such runs are no words, and are blanked, same length, before it reads
  const readable = hasLongRun(text) ? text.replace(LONG_RUN_ALL, (run) => ' '.repeat(run.length)) : text;
  // …and it is quadratic in long runs of whitespace (a page of blanked navigation): runs are shortened
  // to what they say (a paragraph break, a line break, a space); tokens are found in `text` below anyway
  const doc = nlp.readDoc(readable.replace(WHITESPACE_RUN, (run) => (run.indexOf('\n') !== run.lastIndexOf('\n') ? '\n\n' : run.includes('\n') ? '\n' : ' ')));
  const values = doc.tokens().out(its.value) as string[];
  const tags = doc.tokens().out(its.pos) as string[];
  // wink's typings declare `its.lemma` with the addons signature `out()` does not accept; it works at run time.
  const lemmas = doc.tokens().out(its.lemma as unknown as typeof its.value) as string[];
  const spans = doc.sentences().out(its.span) as unknown as [number, number][];
  // forget what this document taught (see `modelForWink`); its list entries stay, so indexes stay valid
  for (let i = known; i < lexemes!.list.length; i++) delete lexemes!.hash[lexemes!.list[i]!];

  // wink token index → our token index (or -1 for dropped whitespace tokens)
  const ours = new Int32Array(values.length).fill(-1);
  const tokens: TokenSpan[] = [];
  let cursor = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    // wink's `\n\n` tokens (type tabCRLF) are whitespace: no token of ours
    if (value.trim() === '') continue;
    const at = text.indexOf(value, cursor);
    // A value wink normalised cannot be found verbatim: drop it rather than misplace it.
    if (at === -1) continue;
    ours[i] = tokens.length;
    tokens.push({ start: at, end: at + value.length, value, pos: tags[i] ?? 'X', lemma: (lemmas[i] ?? value).toLowerCase() });
    cursor = at + value.length;
  }

  const sentences: SentenceSpan[] = [];
  for (const [first, last] of spans) {
    let a = -1;
    let b = -1;
    for (let i = first; i <= last; i++) {
      const k = ours[i]!;
      if (k === -1) continue;
      if (a === -1) a = k;
      b = k;
    }
    if (a !== -1) sentences.push({ firstToken: a, lastToken: b + 1 });
  }
  return { tokens, sentences };
}

const personCache = new Map<string, boolean>();

/**
 * compromise's opinion on whether a short candidate string (a name in a speaker position) is a
 * person's name. Asked of a few candidates per document, never of whole documents: `.people()`
 * over a whole article costs ~55 ms (../shared/LIBRARIES.md).
 */
export function looksLikePerson(candidate: string): boolean {
  let answer = personCache.get(candidate);
  if (answer === undefined) {
    answer = compromise(`${candidate} said.`).people().found as boolean;
    if (personCache.size > 10_000) personCache.clear();
    personCache.set(candidate, answer);
  }
  return answer;
}

const genderCache = new Map<string, 'male' | 'female' | 'unknown'>();

/** compromise's first-name lists: `Donald` → male, `Angela` → female, `Sauli` → unknown. */
export function firstNameGender(first: string): 'male' | 'female' | 'unknown' {
  let answer = genderCache.get(first);
  if (answer === undefined) {
    const doc = compromise(first);
    answer = doc.has('#MaleName') ? 'male' : doc.has('#FemaleName') ? 'female' : 'unknown';
    if (genderCache.size > 10_000) genderCache.clear();
    genderCache.set(first, answer);
  }
  return answer;
}
