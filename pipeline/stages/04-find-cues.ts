// Finds reporting verbs and phrases (said, told, according to, in a statement) from the lexicon, by form and lemma.
import type { Cue, Doc, Token } from '../document.ts';
import type { Lexicon } from '../lexicon.ts';

// A form that is only ever a verb's past (`said`, `told`, `stressed`) is a cue whatever tag wink gave it;
// a form shared with a noun (`claims`, `reports`, `comments`) needs wink to call it a verb.
const PAST = /(?:ed|told|said|wrote|spoke|spoken|written)$/;

export function findCues(doc: Doc, lexicon: Lexicon): void {
  const cues: Cue[] = [];
  const tokens = doc.tokens;
  for (const sentence of doc.sentences) {
    // asked only of a sentence with a listed verb form after a proper noun
    let headline: boolean | undefined;
    for (let i = sentence.firstToken; i < sentence.lastToken; i++) {
      const phrase = phraseAt(tokens, i, sentence.lastToken, lexicon);
      if (phrase !== null) {
        const last = tokens[i + phrase.words.length - 1]!;
        cues.push({ start: tokens[i]!.start, end: last.end, value: doc.text.slice(tokens[i]!.start, last.end), lemma: phrase.lemma, cls: phrase.cls, token: i, form: 'phrase' });
        i += phrase.words.length - 1;
        continue;
      }
      const token = tokens[i]!;
      const form = token.value.toLowerCase();
      const listed = lexicon.verbs.get(form);
      const verb = listed ?? (token.pos === 'VERB' ? lexicon.verbs.get(token.lemma) : undefined);
      const noun = lexicon.nouns.get(form);
      // most tokens are neither: nothing below can make them a cue
      if (verb === undefined && noun === undefined) continue;
      // `the New York State Republican Party`, `Mike Pence Calls for …`: a capital mid-sentence is a name or a title-case headline
      // …except a headline's present-tense verb after its subject: `Bernie Sanders Says He’s Already Started Writing …`
      const headlineVerb = listed !== undefined && tokens[i - 1]?.pos === 'PROPN' && /[^s]s$/.test(form) && listed.lemma !== form && (headline ??= isHeadlineCase(tokens, sentence.firstToken, sentence.lastToken));
      if (/^\p{Lu}/u.test(token.value) && i > sentence.firstToken && !/^["“‘'(]$/u.test(tokens[i - 1]!.value) && !headlineVerb) continue;
      // after a name or pronoun a reporting form is a verb whatever its tag: `Viguerie notes`, `Trump says`
      // (`The ad claims`: a noun after its determiner is a subject too)
      const prev = tokens[i - 1];
      // (`the website states that …`: a noun and a third-person form before `that`; `is promising lower taxes`: a progressive)
      const afterSubject = i > sentence.firstToken && (prev!.pos === 'PROPN' || prev!.pos === 'PRON' || (prev!.pos === 'NOUN' && (tokens[i - 2]?.pos === 'DET' || tokens[i + 1]?.value.toLowerCase() === 'that') && /s$/.test(form)));
      const progressive = /ing$/.test(form) && /^(?:is|are|was|were|been|be)$/i.test(prev?.value ?? '');
      // (`so-called`, `well-known`: the second half of a compound adjective; `so called`, `so- called` as typed)
      if (prev?.value === '-' && prev.end === token.start) continue;
      if (/^so$/i.test(prev?.value ?? '') || (prev?.value === '-' && /^so$/i.test(tokens[i - 2]?.value ?? ''))) continue;
      // `Minnesota state delegate`, `the DNC email leak`: a base form wink does not take for a verb, between a
      // noun and a noun, is part of a compound noun
      const compound = verb !== undefined && form === verb.lemma && token.pos !== 'VERB' && /^(?:NOUN|PROPN)$/.test(prev?.pos ?? '') && tokens[i + 1]?.pos === 'NOUN';
      if (compound) continue;
      // `a group called Citizens for Trump`: a participle naming a thing, not a report
      // (`a group called`, `a mall and spa called`; `the campaign called` may be its subject)
      const naming = verb?.lemma === 'call' && form === 'called' && prev?.pos === 'NOUN' && /^\p{Ll}/u.test(prev.value) && !/^(?:for|on|upon)$/i.test(tokens[i + 1]?.value ?? '') && /^an?$/i.test(tokens.slice(Math.max(sentence.firstToken, i - 4), i).reverse().find((t) => t.pos === 'DET')?.value ?? '');
      if (verb && !naming && (token.pos === 'VERB' || afterSubject || headlineVerb || progressive || (token.pos !== 'ADJ' && PAST.test(form) && form !== verb.lemma))) {
        cues.push({ start: token.start, end: token.end, value: token.value, lemma: verb.lemma, cls: verb.cls, token: i, form: 'verb' });
        continue;
      }
      // `in a statement`, `in an interview`, `in a tweet`
      const before = tokens[i - 2];
      if (noun && i - 2 >= sentence.firstToken && /^(?:in|on|via)$/i.test(before!.value) && /^(?:a|an|the|his|her|their|its)$/i.test(tokens[i - 1]!.value)) {
        cues.push({ start: before!.start, end: token.end, value: doc.text.slice(before!.start, token.end), lemma: noun.lemma, cls: noun.cls, token: i, form: 'noun' });
      }
    }
  }
  doc.cues = cues;
}

/** Most words capitalised, as headlines are written: `Clinton Says Russians Hacked DNC`. */
function isHeadlineCase(tokens: readonly Token[], first: number, last: number): boolean {
  let words = 0;
  let capitalised = 0;
  for (let i = first; i < last; i++) {
    const t = tokens[i]!;
    if (!/^\p{L}{4,}/u.test(t.value)) continue;
    words++;
    if (/^\p{Lu}/u.test(t.value)) capitalised++;
  }
  return words >= 3 && capitalised >= 0.8 * words;
}

const byFirstWord = new WeakMap<Lexicon, Map<string, Lexicon['phrases'][number][]>>();

/** Phrases indexed by first word (and its lemma), so each token costs one lookup, not one per phrase. */
function phrasesStartingWith(lexicon: Lexicon, word: string) {
  let index = byFirstWord.get(lexicon);
  if (index === undefined) {
    index = new Map();
    for (const phrase of lexicon.phrases) {
      const first = phrase.words[0]!;
      index.set(first, [...(index.get(first) ?? []), phrase]);
    }
    byFirstWord.set(lexicon, index);
  }
  return index.get(word);
}

function phraseAt(tokens: readonly Token[], i: number, end: number, lexicon: Lexicon) {
  const head = tokens[i]!;
  const candidates = phrasesStartingWith(lexicon, head.value.toLowerCase()) ?? (head.pos === 'VERB' ? phrasesStartingWith(lexicon, head.lemma) : undefined);
  for (const phrase of candidates ?? []) {
    if (i + phrase.words.length > end) continue;
    let ok = true;
    // the first word may be inflected: `pointed out`, `made clear`
    for (let k = 1; k < phrase.words.length && ok; k++) ok = tokens[i + k]!.value.toLowerCase() === phrase.words[k];
    if (ok) return phrase;
  }
  return null;
}
