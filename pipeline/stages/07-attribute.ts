// Links quotes to cues and speakers with sieves, most precise first; each attribution records the sieve that made it.
import type { Attribution, Block, Cue, Doc, Entity, Mention, QuoteSpan, QuoteType, Span, Token } from '../document.ts';
import { boundaryFeatures, endProbability, isCandidate, startCandidates, startFeatures, startScore, type BoundaryContext } from '../boundary.ts';
import type { Lexicon } from '../lexicon.ts';
import { genderOfEntity, isConfirmedPerson, RECENT_MENTIONS, sameName } from './06-resolve-entities.ts';

/** Confidence of each sieve when its speaker is a name; a pronoun or nominal speaker lowers it. */
export const SIEVES = {
  'quote-then-speaker-cue': 0.95, // `"…," Peskov said` · `"…," said Peskov`
  'speaker-cue-quote': 0.93, // `Trump wrote in a tweet: "…"` · `Trump says '…'`
  'speaker-cue-that': 0.85, // `Peskov told reporters (that) …` · `Putin assured Trump that "…"`
  'clause-then-speaker-cue': 0.8, // `…, Lavrov said.`
  'according-to': 0.8, // `according to X, …` · `…, according to X.` · `As X noted, …`
  'speaker-cue-object': 0.6, // `Clinton attacked Trump` · `called for a special prosecutor`
  'cue-then-quoted-fragment': 0.6, // `Clinton noted … her work to bring jobs from “Buffalo to Albany.”`
  'verb-then-quoted-fragment': 0.4, // `Reid has been pounding Trump as a “con artist”`
  'possessor-noun-that': 0.6, // `Trump’s claim that …`, `her remark that …`
  'cue-without-speaker': 0.3, // `…, saying he “has consistently demonstrated …”`, no speaker found
  'participle-cue': 0.75, // `…, adding that "nothing will be done"`
  'headline-dash-speaker': 0.8, // `'Sanctions not discussed …' – Trump`
  'quote-dash-speaker': 0.85, // `“Donald Trump scares me.” ― Krystal Correa` at the end of a line
  'transcript-speaker': 0.85, // `PENCE: Well, look, …`: a transcript's paragraph
  'quote-continues-speaker': 0.7, // a quote-only paragraph after an attributed one
  'previous-speaker': 0.35, // a quotation no sieve claimed, after an attribution with no other speaker between
  unattributed: 0.2, // a quotation no sieve could attribute
} as const;
export type Sieve = keyof typeof SIEVES;

const SKIPPABLE = new Set(['ADV', 'AUX', 'PART']);
/** The longest reported clause, in tokens. */
const MAX_CLAUSE_TOKENS = 150;
const CLAUSE_END = /^[.!?;]$/;
const OPENING_MARK = /^["“‘'«„`]+$/u;
const CLOSING_MARK = /^["”’'»`]+$/u;

interface Context {
  readonly doc: Doc;
  readonly lexicon: Lexicon;
  readonly tokens: readonly Token[];
  readonly mentionByStart: Map<number, Mention>;
  readonly mentionByEnd: Map<number, Mention>;
  readonly cueByToken: Map<number, Cue>;
  readonly usedCues: Set<Cue>;
  readonly usedQuotes: Set<QuoteSpan>;
  readonly attributions: Attribution[];
  /** Offsets an attribution or a used quotation covers: `overlapsAttribution` in the span's length, not the document's. */
  readonly claimed: Uint8Array;
  /** Content blocks (titles, paragraphs) in text order, for binary search. */
  readonly contentBlocks: readonly Block[];
  /** Outermost quotations in text order, and their `[open.start, close.end)` hulls, for binary search. */
  readonly outer: readonly QuoteSpan[];
  readonly quoteHulls: readonly Span[];
  /** Indexes into `attributions` by the sentence their content starts in: "the attributions near here" without a scan. */
  readonly bySentence: Map<number, number[]>;
  /** What the boundary model reads of the document. */
  readonly breaks: BoundaryContext;
}

/** Index of the first token starting at or after `offset`. */
function tokenAt(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index in `doc.sentences` of the sentence holding `token`, or -1. */
function sentenceIndex(doc: Doc, token: number): number {
  let lo = 0;
  let hi = doc.sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = doc.sentences[mid]!;
    if (token < s.firstToken) hi = mid - 1;
    else if (token >= s.lastToken) lo = mid + 1;
    else return mid;
  }
  return -1;
}

function sentenceOf(doc: Doc, token: number) {
  return doc.sentences[sentenceIndex(doc, token)];
}

/** The speaker mention a cue reports: before it (`Peskov later said`) or, inverted, right after it (`said Peskov`). */
function speakerOf(ctx: Context, cue: Cue): { mention: Mention; after: boolean } | null {
  const { tokens } = ctx;
  const first = tokenAt(tokens, cue.start);
  if (cue.form === 'phrase' && cue.lemma === 'according to') {
    const m = ctx.mentionByStart.get(tokens[first + 2]?.start ?? -1) ?? ctx.mentionByStart.get(tokens[first + 3]?.start ?? -1);
    if (m) return { mention: m, after: true };
    // `according to early results of exit polls conducted for the Associated Press,`: the source runs to the comma
    let end = first + 2;
    while (end < tokens.length && end - first < 30 && !/^[,.;:!?]$/.test(tokens[end]!.value) && !OPENING_MARK.test(tokens[end]!.value)) end++;
    const source = end > first + 2 ? nounPhrase(ctx, first + 2, end, 30) : null;
    return source ? { mention: source, after: true } : null;
  }
  // a participle after a comma (`Trump returned the compliment, telling Reuters, “…”`) reports the clause's subject
  const before = tokens[first - 1];
  if (/ing$/i.test(tokens[first]!.value) && before?.value === ',') return subjectBefore(ctx, first - 1);
  // `Obama punctuated his list by saying “Too many.”`: the same after by, after, while, before
  if (/ing$/i.test(tokens[first]!.value) && /^(?:by|after|while|before|when)$/i.test(before?.value ?? '')) return subjectBefore(ctx, first - 1);
  // `to describe`, `to tell`: an infinitive's subject is not next to it
  if (before?.value.toLowerCase() === 'to') return null;
  // `McConnell was quick to embrace the mogul and said this week that …`: the subject of the first verb
  // (`Carson did not mention his rivals, but told his supporters, …`: a comma before the conjunction too)
  if (before && /^(?:and|but)$/i.test(before.value)) return subjectBefore(ctx, first - 1);
  // left: skip adverbs and auxiliaries (`has repeatedly said`, `, however, later clarified`) and an appositive
  let j = first - 1;
  for (;;) {
    // (not a possessive: `Trump’s promises` has no speaker)
    // (not a possessive: `Trump’s promises` has no speaker; `He’s predicting` has)
    if (j >= 0 && SKIPPABLE.has(tokens[j]!.pos) && !(/^['’]s$/i.test(tokens[j]!.value) && tokens[j]!.pos !== 'AUX')) j--;
    // `Merkley, Brown and Menendez all suggested`: a floating quantifier after the subject
    else if (j >= 1 && /^(?:all|both|each)$/i.test(tokens[j]!.value) && (tokens[j - 1]!.pos === 'PROPN' || tokens[j - 1]!.value === ')' || tokens[j - 1]!.pos === 'PRON' || tokens[j - 1]!.pos === 'NOUN')) j--;
    // `Sen. Bernie Sanders (I-Vt.) said`
    else if (j >= 0 && tokens[j]!.value === ')') {
      let open = j - 1;
      while (open > j - 10 && open >= 0 && tokens[open]!.value !== '(') open--;
      if (open < 0 || tokens[open]!.value !== '(') break;
      j = open - 1;
    }
    // `The US president, however, later clarified`
    else if (j >= 2 && tokens[j]!.value === ',' && tokens[j - 1]!.pos === 'ADV' && tokens[j - 2]!.value === ',') j -= 3;
    else break;
  }
  // `Harvey, who acknowledged Trump was his fourth choice`: the relative pronoun speaks for the name before it
  if (j >= 2 && /^who$/i.test(tokens[j]!.value) && tokens[j - 1]!.value === ',') {
    const antecedent = ctx.mentionByEnd.get(tokens[j - 2]!.end);
    if (antecedent) {
      const who = tokens[j]!;
      return { mention: { start: who.start, end: who.end, kind: 'pronoun', value: who.value, name: null, title: null, entityKind: antecedent.entityKind, gender: 'unknown', entity: antecedent.entity }, after: false };
    }
  }
  // `all the experts I interviewed said`: a relative clause without its pronoun between the subject and the verb
  if (j >= 2 && tokens[j]!.pos === 'VERB' && /^(?:I|we|he|she|they)$/i.test(tokens[j - 1]!.value) && tokens[j - 2]!.pos === 'NOUN') j -= 2;
  if (j >= 0) {
    let m = ctx.mentionByEnd.get(tokens[j]!.end) ?? nounPhraseEndingAt(ctx, j);
    // `Trump at the time said`: the subject stands before a prepositional phrase; `In addition to stating` has none
    if (m && !ctx.mentionByEnd.has(tokens[j]!.end)) {
      const p = tokenAt(tokens, m.start) - 1;
      // (`a source familiar with the investigation said`: the noun before the adjective that takes the phrase)
      // (`other prominent bundlers in both parties said`: the phrase before the preposition)
      if (p >= 0 && tokens[p]!.pos === 'ADP') m = ctx.mentionByEnd.get(tokens[p - 1]?.end ?? -1) ?? (tokens[p - 1]?.pos === 'ADJ' && p >= 2 ? nounPhraseEndingAt(ctx, p - 2) : p >= 1 ? nounPhraseEndingAt(ctx, p - 1) : null);
      // `Aides this week said`: a time phrase stands between the subject and its verb
      else if (p >= 0 && TIME_WORDS.test(tokens[j]!.value)) {
        // (`Wells Fargo just this month announced`)
        let q = p;
        while (q > 0 && tokens[q]!.pos === 'ADV') q--;
        m = ctx.mentionByEnd.get(tokens[q]!.end) ?? m;
      }
    }
    // `Trump unleashed a series of tweets early Friday saying that …`: a participle after a verb's object reports the verb's subject
    if (m && m.kind === 'nominal' && /ing$/i.test(tokens[first]!.value) && tokens[tokenAt(tokens, m.start) - 1]?.pos === 'VERB') {
      const subject = subjectBefore(ctx, tokenAt(tokens, m.start) - 1);
      if (subject) return subject;
    }
    if (m) return { mention: m, after: false };
    // `her senior policy adviser, Jake Sullivan, said`: a name in apposition
    const apposed = tokens[j]!.value === ',' ? ctx.mentionByEnd.get(tokens[j - 1]?.end ?? -1) : undefined;
    if (apposed && apposed.kind === 'name' && tokens[tokenAt(tokens, apposed.start) - 1]?.value === ',') return { mention: apposed, after: false };
    // `Sen. John McCain, R-Ariz., said` · `Tillerson, who arrived on Sunday, said` · `Jason Sims — a teacher — says`
    const dash = /^(?:—|–|--)$/.test(tokens[j]!.value);
    if (tokens[j]!.value === ',' || dash) {
      for (let k = j - 1; k >= Math.max(0, j - 40); k--) {
        if (dash ? tokens[k]!.value === tokens[j]!.value : tokens[k]!.value === ',' || tokens[k]!.value === '(') {
          let e = k - 1;
          // `Sen. Claire McCaskill (D-Mo.), who has endorsed Clinton, said`
          if (tokens[e]?.value === ')') while (e > k - 10 && e > 0 && tokens[e]!.value !== '(') e--;
          if (tokens[e]?.value === '(') e--;
          const m2 = ctx.mentionByEnd.get(tokens[e]?.end ?? -1);
          // `Another pollster, David Woodard of Clemson University, said`: the name in apposition
          const named = ctx.mentionByStart.get(tokens[k + 1]?.start ?? -1);
          if ((!m2 || m2.kind !== 'name') && !dash && named?.kind === 'name' && named.entityKind === 'person') return { mention: named, after: false };
          if (m2) return { mention: m2, after: false };
        }
        // (the period of `R-Ky.` ends no sentence)
        const abbreviation = tokens[k]!.value === '.' && /^\p{Lu}\p{L}{0,3}$/u.test(tokens[k - 1]?.value ?? '');
        // (`veterans' families`: a plural possessive, not a quotation's end)
        if ((CLAUSE_END.test(tokens[k]!.value) && !abbreviation) || (CLOSING_MARK.test(tokens[k]!.value) && insideQuote(ctx, tokens[k]!.start))) break;
      }
    }
  }
  // inverted: `"…," said Peskov`, `…, said the Kremlin spokesman`
  const prev = tokens[first - 1];
  if (!prev || prev.pos === 'PUNCT' || CLOSING_MARK.test(prev.value)) {
    let k = tokenAt(tokens, cue.end);
    while (k < tokens.length && tokens[k]!.pos === 'ADV') k++;
    const m = ctx.mentionByStart.get(tokens[k]?.start ?? -1) ?? nounPhraseStartingAt(ctx, k);
    if (m) return { mention: m, after: true };
  }
  return null;
}

/** The subject of the clause ending at `comma`: the nearest mention before it that a verb follows. */
function subjectBefore(ctx: Context, comma: number): { mention: Mention; after: boolean } | null {
  const { tokens } = ctx;
  const at = sentenceIndex(ctx.doc, comma);
  let from = ctx.doc.sentences[at]?.firstToken ?? Math.max(0, comma - 40);
  // `She declared “What a Super Tuesday!” and said that …`: wink ends a sentence at `!”`; the clause goes on
  if (at > 0 && tokens[from]!.pos === 'CCONJ' && CLOSING_MARK.test(tokens[from - 1]?.value ?? '')) from = ctx.doc.sentences[at - 1]!.firstToken;
  // `Putin confirmed that both leaders had shared their views, saying …`: the speaker of the clause just reported
  const reported = attributionsNear(ctx, at, 1).find((a) => a.mention !== null && a.cue !== null && a.cue.start >= tokens[from]!.start && a.end <= tokens[comma]!.end && a.mention.start < tokens[comma]!.start);
  if (reported) return { mention: reported.mention!, after: false };
  // the main clause's subject: the first mention a verb follows, after an opening subordinate clause
  let k = from;
  if (SUBORDINATORS.test(tokens[from]!.value)) {
    while (k < comma && tokens[k]!.value !== ',') k++;
    k++;
  }
  const start = k;
  for (; k < comma; k++) {
    // a known mention, or the noun phrase that opens the clause (`The billionaire businessman began …`)
    const m = ctx.mentionByStart.get(tokens[k]!.start) ?? (k === start ? nounPhraseStartingAt(ctx, k) : null);
    if (!m || insideQuote(ctx, m.start)) continue;
    let v = tokenAt(tokens, m.end);
    while (v < comma && (tokens[v]!.pos === 'ADV' || tokens[v]!.pos === 'AUX')) v++;
    if (tokens[v]?.pos === 'VERB' || tokens[v - 1]?.pos === 'AUX') return { mention: m, after: false };
  }
  return null;
}

const NP_INNER = new Set(['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM']);

/** A speaker the mention finder did not know (`one former GOP leadership aide`, `several Clinton supporters`): the noun phrase itself. */
function nounPhrase(ctx: Context, from: number, to: number, longest = 8): Mention | null {
  const { tokens } = ctx;
  const head = tokens[to - 1]!;
  if (to - from > longest || !(head.pos === 'NOUN' || head.pos === 'PROPN' || head.pos === 'NUM')) return null;
  const start = tokens[from]!.start;
  const value = ctx.doc.view.slice(start, head.end).replace(/\s+/g, ' ');
  const plural = head.pos === 'NOUN' && /s$/i.test(head.value) && head.lemma !== head.value.toLowerCase();
  return { start, end: head.end, kind: 'nominal', value, name: null, title: value.replace(/^(?:the|a|an)\s+/i, ''), entityKind: plural ? 'group' : 'person', entity: -1 };
}

function nounPhraseEndingAt(ctx: Context, j: number): Mention | null {
  const { tokens } = ctx;
  // `Six in 10 say`, `one in four said`: a share of those polled
  if (tokens[j]!.pos === 'NUM' && tokens[j - 1]?.value === 'in' && j >= 2) {
    let from = j - 2;
    // (`About four in 10 said`, `nearly half`: a quantifier belongs to the share)
    while (from > 0 && (tokens[from - 1]!.pos === 'ADV' || tokens[from - 1]!.pos === 'ADJ' || /^(?:about|nearly|almost|roughly|around|some)$/i.test(tokens[from - 1]!.value))) from--;
    return nounPhrase(ctx, from, j + 1);
  }
  if (!(tokens[j]!.pos === 'NOUN' || tokens[j]!.pos === 'PROPN')) return null;
  let from = j;
  for (;;) {
    const p = tokens[from - 1];
    if (!p || j - from >= 10) break;
    // `The Democratic presidential front-runner and former secretary of state said`
    const joins = /^(?:of|and|-)$/i.test(p.value) && from - 2 >= 0 && /^(?:NOUN|PROPN|ADJ)$/.test(tokens[from - 2]!.pos);
    // `the FDIC’s internal investigation`: a possessor inside the phrase
    const possessive = /^['’]s$/i.test(p.value) && from - 2 >= 0 && /^(?:NOUN|PROPN)$/.test(tokens[from - 2]!.pos);
    if (!NP_INNER.has(p.pos) && !joins && !possessive) break;
    from--;
    if (p.pos === 'DET') break;
  }
  return nounPhrase(ctx, from, j + 1, 12);
}

function nounPhraseStartingAt(ctx: Context, k: number): Mention | null {
  const { tokens } = ctx;
  // `said his best friend at Lehigh`: a possessive opens the phrase
  let to = /^(?:his|her|their|its|our|my)$/i.test(tokens[k]?.value ?? '') ? k + 1 : k;
  while (to < tokens.length && NP_INNER.has(tokens[to]!.pos) && to - k < 8 && (to === k || tokens[to]!.pos !== 'DET')) to++;
  return to > k ? nounPhrase(ctx, k, to) : null;
}

const reports = (cue: Cue) => cue.cls === 'speech' || cue.cls === 'writing';
const reportingCueAt = (ctx: Context, k: number) => {
  const cue = ctx.cueByToken.get(k);
  return cue !== undefined && reports(cue);
};

export function attribute(doc: Doc, lexicon: Lexicon): void {
  const ctx: Context = {
    doc,
    lexicon,
    tokens: doc.tokens,
    mentionByStart: new Map(doc.mentions.map((m) => [m.start, m])),
    mentionByEnd: new Map(doc.mentions.map((m) => [m.end, m])),
    cueByToken: new Map(doc.cues.map((c) => [tokenAt(doc.tokens, c.start), c])),
    usedCues: new Set(),
    usedQuotes: new Set(),
    attributions: [],
    claimed: new Uint8Array(doc.text.length + 1),
    contentBlocks: doc.blocks.filter((b) => b.kind === 'title' || b.kind === 'paragraph'),
    outer: doc.quotes.filter((q) => q.depth === 0),
    quoteHulls: doc.quotes.filter((q) => q.depth === 0).map((q) => ({ start: q.open.start, end: q.close?.end ?? q.end })),
    bySentence: new Map(),
    breaks: { tokens: doc.tokens, isCue: (k) => reportingCueAt(ctx, k), insideQuote: (offset) => insideQuote(ctx, offset) },
  };
  const outer = ctx.outer;

  headlineDashSpeaker(ctx);
  transcriptSpeaker(ctx);
  for (const q of outer) if (!ctx.usedQuotes.has(q)) quoteDashSpeaker(ctx, q);
  for (const q of outer) if (!ctx.usedQuotes.has(q)) quoteThenSpeakerCue(ctx, q, outer);
  for (const q of outer) if (!ctx.usedQuotes.has(q)) speakerCueQuote(ctx, q);
  quotesContinueAttribution(ctx, outer);
  // a cue inside a quotation is the quoted speaker's words, not the article's attribution
  // (`in a debate`, `in a statement` name the occasion of a verb's report; they report nothing alone)
  const cues = doc.cues.filter((c) => reports(c) && c.form !== 'noun' && !insideQuote(ctx, c.start) && !isPassive(ctx, c));
  const participle = (c: Cue) => /ing$/i.test(c.value) && doc.tokens[tokenAt(doc.tokens, c.start) - 1]?.value === ',';
  // `…, Lavrov said.` first: a clause-final attribution is surer than a cue inside its clause (`The leaders also agreed to …`)
  for (const cue of cues) if (!ctx.usedCues.has(cue) && !participle(cue)) clauseThenSpeakerCue(ctx, cue, outer);
  // then in text order, so `…, saying they had agreed to “create …”` is the participle's clause before `agreed` can claim it
  for (const cue of cues) {
    if (ctx.usedCues.has(cue)) continue;
    if (participle(cue)) participleCue(ctx, cue, outer);
    else reportedClause(ctx, cue, outer);
  }
  quoteContinuesSpeaker(ctx, outer);
  possessorNounThat(ctx, outer);
  for (const q of outer) if (!ctx.usedQuotes.has(q)) quotedFragmentAfterCue(ctx, q, outer);
  for (const q of outer) if (!ctx.usedQuotes.has(q)) unattributed(ctx, q);

  ctx.attributions.sort((a, b) => a.start - b.start || a.end - b.end);
  resolvePronouns(ctx);
  doc.attributions = ctx.attributions;
}

function claim(ctx: Context, span: Span): void {
  ctx.claimed.fill(1, span.start, span.end);
}

function add(ctx: Context, a: Omit<Attribution, 'confidence'>, quotes: readonly QuoteSpan[] = []): void {
  for (const q of quotes) {
    ctx.usedQuotes.add(q);
    claim(ctx, { start: q.open.start, end: q.close?.end ?? q.end });
  }
  claim(ctx, a);
  const sentence = sentenceIndex(ctx.doc, tokenAt(ctx.doc.tokens, a.start));
  ctx.bySentence.set(sentence, [...(ctx.bySentence.get(sentence) ?? []), ctx.attributions.length]);
  if (a.cue) ctx.usedCues.add(a.cue);
  const factor = a.mention === null ? 1 : a.mention.kind === 'name' ? 1 : a.mention.kind === 'nominal' ? 0.9 : 0.85;
  ctx.attributions.push({ ...a, confidence: Math.round(SIEVES[a.sieve as Sieve] * factor * 100) / 100 });
}

/** `"…," Peskov said` · `"…," said Peskov` · `"We will win," he said, "and soon."` */
function quoteThenSpeakerCue(ctx: Context, q: QuoteSpan, outer: readonly QuoteSpan[]): void {
  if (q.close === null) return;
  const { tokens } = ctx;
  let k = tokenAt(tokens, q.close.end);
  while (k < tokens.length && (tokens[k]!.value === ',' || tokens[k]!.value === '—' || tokens[k]!.value === '–')) k++;
  const blockEnd = blockAround(ctx, q.close.start)?.end ?? q.close.end;
  // a quote ending its sentence (`…tremendous.”`) is followed by the short form only: `Trump wrote on Twitter.`
  const endsSentence = /[.!?]$/.test(ctx.doc.view.slice(q.start, q.end).trimEnd());
  // the cue within the next few tokens: `Peskov said`, `he said`, `said Peskov`, `Trump wrote on Twitter`, `the Kremlin spokesman later said`
  // (as far as a long appositive: `“…,” Cecelia Purner, 67, a retired customer service representative in Allentown, Pa., said`)
  for (let c = k; c < Math.min(tokens.length, k + 25) && tokens[c]!.start < blockEnd; c++) {
    const t = tokens[c]!;
    // `Rep. Gwen Moore (D-Wis.) said`: a parenthesis, its full stops included, is passed over
    if (t.value === '(') {
      let close = c + 1;
      while (close < Math.min(tokens.length, c + 10) && tokens[close]!.value !== ')') close++;
      if (tokens[close]?.value === ')') {
        c = close;
        continue;
      }
    }
    if (OPENING_MARK.test(t.value) || CLAUSE_END.test(t.value)) break;
    // (`…where we came from.” As it stands, …`: after a quotation that ends its sentence, only a listed cue)
    const cue = ctx.cueByToken.get(c) ?? (endsSentence ? undefined : adjacentVerb(ctx, c, tokenAt(tokens, q.open.start)));
    if (!cue || ctx.usedCues.has(cue) || cue.form === 'noun' || !reports(cue)) continue;
    // `Putin noted later that …` introduces a clause of its own; `Trump added to People` does not
    let next = tokenAt(tokens, cue.end);
    while (next < tokens.length && tokens[next]!.pos === 'ADV') next++;
    if (/^that$/i.test(tokens[next]?.value ?? '') || (/^to$/i.test(tokens[next]?.value ?? '') && tokens[next + 1]?.pos === 'VERB')) continue;
    const cueSentence = sentenceOf(ctx.doc, c);
    // `…who knows?” Trump told Britain’s ITV television station in an interview` is the quote's; `…tremendous.” Putin noted later that …` is not
    if (endsSentence && cueSentence && cueSentence.lastToken - c > 8 && clauseAfterCue(ctx, cue, cueSentence) !== -1) continue;
    const speaker = speakerOf(ctx, cue);
    if (!speaker) continue;
    // the speaker sits between the quote and the cue, or right after the cue
    if (!speaker.after && speaker.mention.start < q.close.end) continue;
    // `On Fox News channel’s “Sunday Morning Futures,” Rep. Darrell Issa said Clinton’s …`: a title, and the cue reports the clause after it
    const title = wordCount(ctx.doc.view.slice(q.start, q.end)) <= 4 && /^(?:['’]s|on|in|at|of)$/i.test(tokens[tokenAt(tokens, q.open.start) - 1]?.value ?? '');
    if (title && !speaker.after && cueSentence && clauseAfterCue(ctx, cue, cueSentence) !== -1) continue;
    let parts: Span[] = [...q.parts];
    const used = [q];
    // split quote: `"We will win," he said, "and soon."` — a comma after the attribution, then the rest
    let after = tokenAt(tokens, Math.max(cue.end, speaker.mention.end));
    while (after < tokens.length && SKIPPABLE.has(tokens[after]!.pos)) after++;
    // (`"…," Schiff told Capital Download on Wednesday, "…"`: a hearer and a time before the comma)
    let hearer = after;
    while (hearer < tokens.length && hearer - after < 7 && (/^(?:DET|NOUN|PROPN|ADP|NUM|PRON)$/.test(tokens[hearer]!.pos) || /^\p{Lu}/u.test(tokens[hearer]!.value)) && !OPENING_MARK.test(tokens[hearer]!.value)) hearer++;
    if (hearer > after && tokens[hearer]?.value === ',') after = hearer;
    if (tokens[after]?.value === ',' || tokens[after]?.value === ':') {
      // (`"…," Tester said, referring to the excuse, "…"` · `"…," he said, but "…"`: a participle's phrase or a
      // conjunction may stand between, not another clause)
      let mark = after + 1;
      while (mark < Math.min(tokens.length, after + 14) && !OPENING_MARK.test(tokens[mark]!.value) && !CLOSING_MARK.test(tokens[mark]!.value) && !CLAUSE_END.test(tokens[mark]!.value)) mark++;
      const between = tokens.slice(after + 1, mark);
      // (`"…," Trump said, adding later, "…"`: a reporting participle starts an attribution of its own)
      const interrupted = between.length > 0 && (!/^(?:,|:|but|and)$/i.test(tokens[mark - 1]!.value) || between.some((t, i) => (t.pos === 'VERB' && !/ing$/i.test(t.value)) || t.pos === 'AUX' || (t.pos === 'PRON' && /^(?:he|she|they|i|we)$/i.test(t.value)) || reportingCueAt(ctx, after + 1 + i)));
      const opening = OPENING_MARK.test(tokens[mark]?.value ?? '') && !interrupted ? tokens[mark]!.start : -1;
      const next = outer.find((o) => o.open.start === opening && !ctx.usedQuotes.has(o));
      if (next && /[,\p{L}\p{N}]$/u.test(ctx.doc.view.slice(q.start, q.end).trimEnd())) {
        parts = [...parts, ...next.parts];
        used.push(next);
      }
    }
    const last = used[used.length - 1]!;
    // `Rubio "apologized numerous times on this show," Hannity said.`: words before the quote make it mixed
    const sentence = sentenceOf(ctx.doc, tokenAt(tokens, q.open.start));
    const lead = sentence ? ctx.doc.view.slice(sentence.start, q.open.start) : '';
    // …unless those words have a reporting verb of their own (`Morris says the campaign will "compete"`): a reported clause
    let leadCue = false;
    for (let i = sentence?.firstToken ?? 0; sentence && i < tokens.length && tokens[i]!.end <= q.open.start && !leadCue; i++) {
      const c = ctx.cueByToken.get(i);
      leadCue = c !== undefined && reports(c);
    }
    if (leadCue) return;
    // `“We’re alive, unlike the robots” at the Democratic convention, he said`: words after the quote, before
    // the attribution's comma, belong to what was said too
    let end = q.close.end;
    const attribution = Math.min(speaker.mention.start, cue.start);
    if (used.length === 1 && attribution > q.close.end) {
      const tail = ctx.doc.view.slice(q.close.end, attribution);
      const comma = tail.search(/[,—–]\s*$/u);
      if (comma > 0 && /[\p{L}\p{N}]/u.test(tail.slice(0, comma)) && !/["“‘«]/u.test(tail)) end = q.close.end + tail.slice(0, comma).trimEnd().length;
    }
    if (sentence && used.length === 1 && ((/[\p{L}\p{N}]/u.test(lead) && !/:\s*$/.test(lead)) || end > q.close.end)) {
      const span = { start: /[\p{L}\p{N}]/u.test(lead) && !/:\s*$/.test(lead) ? sentence.start : q.open.start, end };
      add(ctx, { ...span, parts: [span], type: 'mixed', cue, mention: speaker.mention, sieve: 'quote-then-speaker-cue' }, quotesWithin(ctx, span).concat(used.filter((u) => !quotesWithin(ctx, span).includes(u))));
      return;
    }
    add(ctx, { start: q.start, end: last.end, parts, type: 'direct', cue, mention: speaker.mention, sieve: 'quote-then-speaker-cue' }, used);
    return;
  }
}

/** `what she calls “real solutions”`: a label, quoted inside what someone else says, reports nothing itself. */
function isLabel(ctx: Context, cue: Cue, speaker: Mention): boolean {
  return cue.lemma === 'call' && /^(?:what|which|whom?)$/i.test(ctx.tokens[tokenAt(ctx.tokens, speaker.start) - 1]?.value ?? '');
}

/** `Trump wrote in a tweet: "…"` · `Peskov said: "…"` · `Trump says '…'` */
function speakerCueQuote(ctx: Context, q: QuoteSpan): void {
  const { tokens, doc } = ctx;
  const open = tokenAt(tokens, q.open.start);
  // `The New York Times confirmed that observation, reporting:` + a paragraph that is the quotation:
  // the introduction is the sentence the colon ends
  const block = blockAround(ctx, q.open.start);
  const introduced = block !== undefined && block.start === q.open.start && tokens[open - 1]?.value === ':';
  const sentence = sentenceOf(doc, introduced ? open - 1 : open);
  // `Skelly: “Vito is outstanding with data.”`: a name and a colon
  const colon = tokens[open - 1]?.value === ':' ? open - 1 : -1;
  const named = colon > 0 ? ctx.mentionByEnd.get(tokens[colon - 1]!.end) : undefined;
  if (named && named.kind === 'name' && tokenAt(tokens, named.start) === sentence?.firstToken) {
    add(ctx, { start: q.start, end: q.end, parts: q.parts, type: 'direct', cue: null, mention: named, sieve: 'speaker-cue-quote' }, [q]);
    return;
  }
  const from = Math.max(sentence?.firstToken ?? 0, open - 10);
  for (let c = open - 1; c >= from; c--) {
    const t = tokens[c]!;
    if (t.value.toLowerCase() === 'that' || CLOSING_MARK.test(t.value)) return;
    const cue = ctx.cueByToken.get(c) ?? adjacentVerb(ctx, c, open);
    if (!cue || ctx.usedCues.has(cue) || !reports(cue) || cue.form === 'noun') continue;
    // between the cue and the quote: nothing, or a few words ending in a colon or comma
    const first = tokenAt(tokens, cue.end);
    const lastBetween = tokens[open - 1];
    if (first < open && lastBetween!.value !== ':' && lastBetween!.value !== ',') return;
    for (let b = first; b < open; b++) if (tokens[b]!.pos === 'VERB' && !ctx.cueByToken.has(b)) return;
    const speaker = speakerOf(ctx, cue);
    if (!speaker) return;
    if (isLabel(ctx, cue, speaker.mention)) return;
    // `Obama said “it gets me mad” every time he thinks about …`: the quotation opens a longer clause, a mixed quote
    if (q.close !== null && !/[.!?]$/.test(doc.view.slice(q.start, q.end).trimEnd()) && sentence) {
      const rest = tokens.slice(tokenAt(tokens, q.close.end), sentence.lastToken).filter((t) => /[\p{L}\p{N}]/u.test(t.value));
      if (rest.length >= 2 && !ctx.cueByToken.has(tokenAt(tokens, q.close.end) + (tokens[tokenAt(tokens, q.close.end)]?.value === ',' ? 1 : 0))) {
        const span = clauseFrom(ctx, open, ctx.outer);
        if (span && span.end > q.close.end && !overlapsAttribution(ctx, span)) {
          add(ctx, { ...span, parts: [span], type: 'mixed', cue, mention: speaker.mention, sieve: 'speaker-cue-quote' }, quotesWithin(ctx, span));
          return;
        }
      }
    }
    add(ctx, { start: q.start, end: q.end, parts: q.parts, type: 'direct', cue, mention: speaker.mention, sieve: 'speaker-cue-quote' }, [q]);
    return;
  }
}

/**
 * `He continued, “…”`, `“…,” he laughed.`: a verb the lexicon does not list still reports the
 * quotation it stands next to, when only its subject and a comma or colon separate them.
 */
function adjacentVerb(ctx: Context, c: number, quoteToken: number): Cue | undefined {
  const { tokens } = ctx;
  const t = tokens[c]!;
  if (t.pos !== 'VERB') return undefined;
  const before = c + 2 === quoteToken && /^[,:]$/.test(tokens[c + 1]!.value);
  const after = c > quoteToken && /^[,.]$/.test(tokens[c + 1]?.value ?? '');
  if (!before && !after) return undefined;
  return { start: t.start, end: t.end, value: t.value, lemma: t.lemma, cls: 'speech', token: c, form: 'verb' };
}

/** The span of a reported clause starting at token `from`: to the sentence's end or a participle (`, adding`), quotes kept whole. */
function clauseFrom(ctx: Context, from: number, outer: readonly QuoteSpan[], minTokens = 3, object = false): Span | null {
  const { tokens, doc } = ctx;
  let sentence = sentenceOf(doc, from);
  if (!sentence) return null;
  // no reported clause runs for pages: a bound keeps a document that is one endless sentence linear
  let end = Math.min(sentence.lastToken, from + MAX_CLAUSE_TOKENS);
  // `While Ramos said that A, he appears …`: a clause reported inside a subordinate clause ends at its comma
  const opener = tokens[sentence.firstToken]!;
  const subordinate = SUBORDINATORS.test(opener.value) || (/ing$/i.test(opener.value) && opener.pos === 'VERB' && /^Having$/i.test(opener.value));
  let finite = false;
  const model = ctx.lexicon.boundary;
  for (let k = from + 1; k < end; k++) {
    const t = tokens[k]!;
    // the learned model, where there is one, decides at each break (models/boundary-model.json, `quotes train`)
    if (model) {
      if (subordinate && sentence.firstToken < from && t.value === ',' && !insideQuote(ctx, t.start)) {
        end = k;
        break;
      }
      if (isCandidate(ctx.breaks, k) && endProbability(model, boundaryFeatures(ctx.breaks, from, k)) >= model.threshold) {
        end = k;
        break;
      }
      continue;
    }
    // `Kasich says A and tells the crowd B`, `criticized A and said B`: the speaker's next reporting verb ends what was said
    if (t.pos === 'CCONJ' && k - from >= 2 && !insideQuote(ctx, t.start)) {
      let v = k + 1;
      while (v < end && (tokens[v]!.pos === 'ADV' || tokens[v]!.pos === 'AUX')) v++;
      if (tokens[v]?.pos === 'VERB' && !/ing$/i.test(tokens[v]!.value) && (ctx.cueByToken.has(v) || object)) {
        end = tokens[k - 1]!.value === ',' ? k - 1 : k;
        break;
      }
      // `…, and three-quarters said the same of Sanders`: another attribution begins
      if (tokens[k - 1]!.value === ',') {
        let cue = false;
        for (let c = k + 1; c < Math.min(end, k + 8) && !cue; c++) cue = ctx.cueByToken.has(c) && !/ing$/i.test(tokens[c]!.value);
        if (cue) {
          end = k - 1;
          break;
        }
      }
    }
    if (t.value === ',' && !insideQuote(ctx, t.start)) {
      if (subordinate && sentence.firstToken < from) {
        end = k;
        break;
      }
      // `…, who was his chief of staff`, `…, a swipe at …`, `…, although …`: an appositive or another clause
      if (k - from >= 3 && CLAUSE_BREAK.test(tokens[k + 1]?.value ?? '')) {
        end = k;
        break;
      }
    }
    // `…, adding that`, `…, citing a ceasefire`, `…, saying`: a participle ends the clause (`…Russia,” citing`) —
    // once the clause has its verb (`Millennials, numbering 75.3 million, surpassed …` has not)
    if (t.pos === 'VERB' || t.pos === 'AUX' || insideQuote(ctx, t.start)) finite = true;
    // (`… “there’s nothing wrong with that” — asserting that …`: a dash too)
    if (!/^(?:,|—|–|--)$/.test(t.value) || !finite) continue;
    const mark = CLOSING_MARK.test(tokens[k + 1]?.value ?? '') ? 1 : 0;
    const next = tokens[k + 1 + mark];
    if (next && /ing$/i.test(next.value) && next.pos === 'VERB') {
      end = k + 2 * mark;
      break;
    }
  }
  let start = tokens[from]!.start;
  let stop = tokens[end - 1]!.end;
  // a quotation that runs past wink's sentence break belongs to the clause
  for (const q of quotesOverlapping(ctx, { start, end: stop })) {
    if (q.open.start < stop && (q.close?.end ?? q.end) > stop && q.open.start >= start) {
      stop = q.close?.end ?? q.end;
      // `…recruit more radical jihadists.”` ends its sentence inside the marks
      if (/[.!?]$/.test(doc.view.slice(q.start, q.end).trimEnd())) continue;
      const next = sentenceOf(doc, tokenAt(tokens, stop));
      if (next && next !== sentence) {
        sentence = next;
        const tail = tokens.slice(tokenAt(tokens, stop), next.lastToken);
        const cut = tail.findIndex((t) => t.value === ',' || CLAUSE_END.test(t.value));
        if (cut > 0) stop = tail[cut - 1]!.end;
      }
    }
  }
  // drop the sentence's final punctuation, not a closing quotation mark
  while (stop > start && /[\s.,;:!?]/.test(doc.view[stop - 1]!) && !insideQuote(ctx, stop - 1)) stop--;
  while (start < stop && /\s/.test(doc.view[start]!)) start++;
  if (tokenAt(tokens, stop) - tokenAt(tokens, start) < minTokens) return null;
  return { start, end: stop };
}

/** Index of the span holding `offset` among sorted, non-overlapping spans, or -1 (binary search). */
function spanIndexAt(spans: readonly Span[], offset: number): number {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const span = spans[mid]!;
    if (offset < span.start) hi = mid - 1;
    else if (offset >= span.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

function insideQuote(ctx: Context, offset: number): boolean {
  return spanIndexAt(ctx.quoteHulls, offset) !== -1;
}

/** Outermost quotations whose hull overlaps `span`, in text order (binary search: no scan of the document's quotes). */
function quotesOverlapping(ctx: Context, span: Span): QuoteSpan[] {
  const hulls = ctx.quoteHulls;
  let lo = 0;
  let hi = hulls.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (hulls[mid]!.end <= span.start) lo = mid + 1;
    else hi = mid;
  }
  const found: QuoteSpan[] = [];
  for (let i = lo; i < hulls.length && hulls[i]!.start < span.end; i++) found.push(ctx.outer[i]!);
  return found;
}

function quotesWithin(ctx: Context, span: Span): QuoteSpan[] {
  return quotesOverlapping(ctx, span).filter((q) => q.open.start >= span.start && (q.close?.end ?? q.end) <= span.end);
}

function typeOf(ctx: Context, span: Span): QuoteType {
  return quotesWithin(ctx, span).length > 0 ? 'mixed' : 'indirect';
}

/** Offsets covered by attributions so far: a reported clause must not claim a quote already attributed. */
function overlapsAttribution(ctx: Context, span: Span): boolean {
  return ctx.claimed.subarray(span.start, span.end).includes(1);
}

/** `the State Department was told that …`, `it was argued`: a passive cue's subject heard, not spoke. */
function isPassive(ctx: Context, cue: Cue): boolean {
  const { tokens } = ctx;
  let j = tokenAt(tokens, cue.start) - 1;
  while (j >= 0 && tokens[j]!.pos === 'ADV') j--;
  return j >= 0 && /^(?:was|were|been|be|is|are|being|am|get|got|gets)$/i.test(tokens[j]!.value) && /(?:ed|en|told|said|wrote|written|heard)$/i.test(cue.value);
}

/** `…, Lavrov said.` · `Many of the closures, he said, have involved …` */
/** The token before the phrase a speaker mention heads: `…, a wide array of economists say` · `…, a spokeswoman, Anna White, said`. */
function beforeSpeakerPhrase(ctx: Context, mention: Mention): number {
  const { tokens } = ctx;
  const first = tokenAt(tokens, mention.start);
  let k = first - 1;
  while (k > 0 && first - k <= 8 && (/^(?:DET|ADJ|NOUN|NUM)$/.test(tokens[k]!.pos) || /^of$/i.test(tokens[k]!.value))) k--;
  if (k < first - 1 && tokens[k]?.value === ',') return k;
  // a name in apposition to a nominal: `a spokeswoman, Anna Richardson White,`
  if (tokens[first - 1]?.value === ',' && mention.kind === 'name') {
    let j = first - 2;
    while (j > 0 && first - j <= 8 && /^(?:DET|ADJ|NOUN)$/.test(tokens[j]!.pos)) j--;
    if (j < first - 2 && tokens[j]?.value === ',' && tokens[j + 1]!.pos === 'DET') return j;
  }
  return first - 1;
}

function clauseThenSpeakerCue(ctx: Context, cue: Cue, outer: readonly QuoteSpan[]): void {
  const { tokens, doc } = ctx;
  const c = tokenAt(tokens, cue.start);
  const sentence = sentenceOf(doc, c);
  if (!sentence || cue.lemma === 'according to') return;
  const speaker = speakerOf(ctx, cue);
  if (!speaker) return;
  const lead = speaker.after ? c - 1 : beforeSpeakerPhrase(ctx, speaker.mention);
  if (lead > sentence.firstToken && tokens[lead]!.value === ',' && attributionEndsClause(ctx, cue, speaker.mention, sentence)) {
    beforeComma(ctx, cue, speaker.mention, sentence.firstToken, lead, outer, 'clause-then-speaker-cue');
  }
}

/** `Peskov told reporters (that) …` · `…, Lavrov said.` · `according to X, …` */
function reportedClause(ctx: Context, cue: Cue, outer: readonly QuoteSpan[]): void {
  const { tokens, doc } = ctx;
  const c = tokenAt(tokens, cue.start);
  const sentence = sentenceOf(doc, c);
  if (!sentence) return;
  const speaker = speakerOf(ctx, cue);
  if (!speaker || isLabel(ctx, cue, speaker.mention)) return;

  if (cue.lemma === 'according to') {
    const mentionEnd = tokenAt(tokens, speaker.mention.end);
    // `According to X, …`
    if (tokens[mentionEnd]?.value === ',' && c === sentence.firstToken) {
      const span = clauseFrom(ctx, mentionEnd + 1, outer);
      if (span && !overlapsAttribution(ctx, span)) add(ctx, { ...span, parts: [span], type: typeOf(ctx, span), cue, mention: speaker.mention, sieve: 'according-to' }, quotesWithin(ctx, span));
      return;
    }
    // `…, according to X.`
    if (tokens[c - 1]?.value === ',') beforeComma(ctx, cue, speaker.mention, sentence.firstToken, c - 1, outer, 'according-to');
    return;
  }

  // `As the International Business Times noted, Clinton raised …`: the clause after the comma
  const first = tokens[sentence.firstToken]!;
  if (!speaker.after && /^as$/i.test(first.value) && speaker.mention.start > first.start && c - sentence.firstToken <= 10) {
    let comma = tokenAt(tokens, cue.end);
    while (comma < sentence.lastToken && comma - c < 8 && tokens[comma]!.value !== ',') comma++;
    const span = tokens[comma]?.value === ',' ? clauseFrom(ctx, comma + 1, outer) : null;
    if (span && !overlapsAttribution(ctx, span)) add(ctx, { ...span, parts: [span], type: typeOf(ctx, span), cue, mention: speaker.mention, sieve: 'according-to' }, quotesWithin(ctx, span));
    return;
  }
  // `Peskov told reporters (that) …`, `Trump said on Saturday that …`: the clause after the cue
  let from = speaker.after ? -1 : clauseAfterCue(ctx, cue, sentence);
  // (after `that` the clause has its start: `confirmed on Saturday that …`)
  if (from !== -1 && tokens[from - 1]?.value.toLowerCase() !== 'that') from = learnedStart(ctx, cue, sentence, from);
  if (from !== -1) {
    let span = clauseFrom(ctx, from, outer);
    // `Dmitry Peskov, who said the talks were over, left Geneva`: a relative clause ends at its comma
    if (span && /^who$/i.test(speaker.mention.value)) {
      for (let k = from; k < tokenAt(tokens, span.end); k++) {
        if (tokens[k]!.value === ',' && !insideQuote(ctx, tokens[k]!.start)) {
          span = k > from ? { start: span.start, end: tokens[k - 1]!.end } : null;
          break;
        }
      }
    }
    if (span && !overlapsAttribution(ctx, span)) add(ctx, { ...span, parts: [span], type: typeOf(ctx, span), cue, mention: speaker.mention, sieve: 'speaker-cue-that' }, quotesWithin(ctx, span));
    return;
  }
  // `Rubio called the statement “offensive and outlandish.”`, `is pledging to “win many hundreds of delegates”`:
  // the cue's object holds quoted words, a mixed quote
  if (!speaker.after) {
    const start = tokenAt(tokens, cue.end);
    for (let k = start; k < Math.min(sentence.lastToken, start + 12); k++) {
      const t = tokens[k]!;
      if (CLAUSE_END.test(t.value) || (t.pos === 'VERB' && k > start && !/^(?:to)$/i.test(tokens[k - 1]!.value))) break;
      if (OPENING_MARK.test(t.value) && outer.some((q) => q.open.start === t.start)) {
        const span = clauseFrom(ctx, learnedStart(ctx, cue, sentence, start), outer);
        if (span && !overlapsAttribution(ctx, span)) add(ctx, { ...span, parts: [span], type: 'mixed', cue, mention: speaker.mention, sieve: 'speaker-cue-that' }, quotesWithin(ctx, span));
        return;
      }
    }
  }
  // `…, Lavrov said.` · `…, said Lavrov.` — the clause comes first
  const lead = speaker.after ? c - 1 : tokenAt(tokens, speaker.mention.start) - 1;
  if (lead > sentence.firstToken && tokens[lead]!.value === ',' && attributionEndsClause(ctx, cue, speaker.mention, sentence)) {
    beforeComma(ctx, cue, speaker.mention, sentence.firstToken, lead, outer, 'clause-then-speaker-cue');
    return;
  }
  // `Clinton attacked Trump`, `called for a special prosecutor`, `talked about the wall`: what was said is the object
  if (!speaker.after) {
    let k = tokenAt(tokens, cue.end);
    // `vowed to work to repeal …`, `urged him to resign`: an infinitive says what was said
    const object = /^(?:him|her|them|us|me|you)$/i.test(tokens[k]?.value ?? '') ? 1 : 0;
    const infinitive = tokens[k + object + 1];
    // (`Christie said to laughs` is no infinitive: `laughs` is not a base form)
    if (cue.lemma !== 'say' && tokens[k + object]?.value.toLowerCase() === 'to' && infinitive?.pos === 'VERB' && infinitive.value.toLowerCase() === infinitive.lemma) {
      const span = clauseFrom(ctx, learnedStart(ctx, cue, sentence, k), outer, 2);
      if (span && !overlapsAttribution(ctx, span)) add(ctx, { ...span, parts: [span], type: typeOf(ctx, span), cue, mention: speaker.mention, sieve: 'speaker-cue-object' }, quotesWithin(ctx, span));
      return;
    }
    if (SAY_ONLY.has(cue.lemma)) return;
    if (/^(?:about|for|of|on|against|over)$/i.test(tokens[k]?.value ?? '')) k++;
    const head = tokens[k];
    if (!head || !/^(?:DET|NOUN|PROPN|ADJ|NUM|PRON)$/.test(head.pos) || /^(?:it|him|her|them|me|us|you|that|this)$/i.test(head.value)) return;
    const span = clauseFrom(ctx, learnedStart(ctx, cue, sentence, k), outer, 1, true);
    if (span && !overlapsAttribution(ctx, span)) add(ctx, { ...span, parts: [span], type: typeOf(ctx, span), cue, mention: speaker.mention, sieve: 'speaker-cue-object' }, quotesWithin(ctx, span));
  }
}

const TIME_WORDS = /^(?:week|weekend|year|month|day|night|morning|afternoon|evening|time|today|tonight|yesterday|tomorrow)$/i;
/** Verbs that take a hearer before their that-clause. */
const HEARER_VERBS = new Set(['tell', 'assure', 'reassure', 'remind', 'warn', 'inform', 'promise', 'convince', 'notify', 'persuade', 'advise', 'caution', 'show', 'teach', 'email', 'text', 'write', 'tweet', 'ask', 'urge', 'brief', 'alert', 'guarantee', 'pledge', 'vow', 'signal', 'say']);
const SUBORDINATORS = /^(?:while|although|though|whereas|after|before|as|when|whenever|if|because|since|once|until|unless|having)$/i;
const CLAUSE_BREAK = /^(?:who|whom|whose|which|where|a|an|although|though|while|whereas|because|since|including|even)$/i;

/** Verbs whose content is a clause, never a bare object: `said so`, `told him`, `added a line`. */
const SAY_ONLY = new Set(['say', 'tell', 'add', 'write', 'tweet', 'post', 'speak', 'talk', 'ask', 'answer', 'reply', 'respond', 'comment', 'note', 'state', 'explain']);

/**
 * The learned start, where there is one (models/boundary-model.json): past an object or an adverbial,
 * or not (`urged Congress to …`); `rule` otherwise.
 */
function learnedStart(ctx: Context, cue: Cue, sentence: { lastToken: number }, rule: number): number {
  const { tokens } = ctx;
  const starts = ctx.lexicon.boundary?.start;
  if (!starts) return rule;
  const first = tokenAt(tokens, cue.end);
  let best = rule;
  let bestScore = -Infinity;
  for (const p of startCandidates(ctx.breaks, first, sentence.lastToken)) {
    const score = startScore(starts, startFeatures(ctx.breaks, cue.lemma, first, p));
    if (score > bestScore) [best, bestScore] = [p, score];
  }
  // (the content leaves out a leading `that`, as the output always has: `said that taxes rise` → `taxes rise`)
  return tokens[best]?.value.toLowerCase() === 'that' && best + 1 < sentence.lastToken ? best + 1 : best;
}

/** Where the reported clause after a cue starts — after `that`, an object, adverbials — or -1 if no clause follows. */
function clauseAfterCue(ctx: Context, cue: Cue, sentence: { lastToken: number }): number {
  const { tokens } = ctx;
  let k = tokenAt(tokens, cue.end);
  // `told a town hall in Salem, New Hampshire on Monday that …`
  const limit = Math.min(sentence.lastToken, k + 15);
  for (; k < limit; k++) {
    const t = tokens[k]!;
    // `described changes that were driving …`: a relative `that`, followed by its verb, starts no report
    if (t.value.toLowerCase() === 'that') {
      // (`said the areas of the network that were hacked suggested …`: a verb that takes no object still has its clause)
      if (/^(?:VERB|AUX)$/.test(tokens[k + 1]?.pos ?? '') && k > tokenAt(tokens, cue.end)) {
        if (SAY_ONLY.has(cue.lemma)) break;
        return -1;
      }
      // `lamented Sanders’ vote on legislation that she supported`: after an object, `that` is relative,
      // unless the verb takes a hearer and a clause (`told reporters that`, `assured Trump that`)
      const object = tokens[tokenAt(tokens, cue.end)];
      const hearer = object !== undefined && k > tokenAt(tokens, cue.end) && /^(?:DET|NOUN|PROPN|PRON)$/.test(object.pos) && !ctx.lexicon.notNames.has(object.value.toLowerCase());
      return hearer && !HEARER_VERBS.has(cue.lemma) ? -1 : k + 1;
    }
    // `told The Associated Press on Monday that`: a capitalised "verb" is part of a name;
    // `said in an ABC interview taped before the attacks that`: a participle modifies a noun
    const participle = t.pos === 'VERB' && ((/(?:ed|ing)$/i.test(t.value) && tokens[k - 1]?.pos === 'NOUN') || (/ing$/i.test(t.value) && k === tokenAt(tokens, cue.end)));
    // `says at a campaign stop in Toledo that`: a noun wink took for a verb inside a prepositional phrase
    const inPhrase = t.pos === 'VERB' && tokens[k - 1]?.pos === 'NOUN' && tokens[k - 2]?.pos === 'DET' && tokens[k - 3]?.pos === 'ADP';
    if (inPhrase) continue;
    if (((t.pos === 'VERB' || t.pos === 'AUX') && !/^\p{Lu}/u.test(t.value) && !participle) || CLAUSE_END.test(t.value) || OPENING_MARK.test(t.value) || t.value === ':') break;
  }
  // no `that`: the clause starts after the cue (`Trump said he …`), an object (`told reporters`) and
  // adverbials (`said on Friday he met …`, `said Tuesday`), with a subject and a verb
  let from = tokenAt(tokens, cue.end);
  const object = ctx.mentionByStart.get(tokens[from]?.start ?? -1);
  if (object && cue.lemma === 'tell') from = tokenAt(tokens, object.end);
  else if (/^(?:reporters|journalists)$/i.test(tokens[from]?.value ?? '')) from++;
  else if (cue.lemma === 'tell') {
    // `tells the crowd, he’s been known …`: an object noun phrase, then the clause
    let k = from;
    while (k < sentence.lastToken && k - from < 6 && /^(?:DET|ADJ|NOUN|PROPN|NUM)$/.test(tokens[k]!.pos)) k++;
    if (k > from && tokens[k - 1]!.pos !== 'DET') from = tokens[k]?.value === ',' ? k + 1 : k;
  }
  // (`said about half of …`, `said over 40 percent …`: a quantity, not a preposition)
  const quantity = (k: number) => /^(?:about|around|over|under|nearly)$/i.test(tokens[k]?.value ?? '') && (tokens[k + 1]?.pos === 'NUM' || /^(?:half|a|one|two|three|four)$/i.test(tokens[k + 1]?.value ?? ''));
  for (let guard = 0; guard < 4 && from < sentence.lastToken; guard++) {
    const t = tokens[from]!;
    // (`explained how he would …`: a wh-word opens the clause)
    if (t.pos === 'ADV' && !/^(?:none|so|not|how|why|when|where)$/i.test(t.value)) from++;
    else if (ctx.lexicon.notNames.has(t.value.toLowerCase()) && t.pos === 'PROPN') from++;
    else if (t.pos === 'ADP' && !/^(?:whether|if)$/i.test(t.value) && !quantity(from)) {
      let k = from + 1;
      while (k < sentence.lastToken && k - from <= 8 && /^(?:DET|ADJ|NOUN|PROPN|NUM|PART)$/.test(tokens[k]!.pos)) k++;
      if (k === from + 1) return -1;
      from = k;
      if (tokens[from]?.value === ',') from++;
    } else break;
  }
  // `said “zero” voters would follow`: the clause may open with quoted words
  const mark = OPENING_MARK.test(tokens[from]?.value ?? '') ? 1 : 0;
  const head = tokens[from + mark];
  // `said so`, `said no.`: a one-word answer is no clause; `says no matter what …` is
  const oneWord = /^(?:so|yes|no|that)$/i.test(head?.value ?? '') && /^(?:PUNCT)$/.test(tokens[from + 1]?.pos ?? 'PUNCT');
  // (`says if he spent the day in South Carolina he’d …`: a clause may open with a conditional)
  const conditional = (head?.pos === 'SCONJ' && /^(?:if|when|because|unless|once)$/i.test(head.value)) || /^whether$/i.test(head?.value ?? '');
  if (!head || (/^(?:PUNCT|ADP|CCONJ|SCONJ|PART|SYM)$/.test(head.pos) && !conditional && !quantity(from + mark)) || oneWord) return -1;
  // (`acknowledged it was unlikely`: `it` before a verb is the clause's subject)
  const subjectIt = /^it$/i.test(head.value) && /^(?:AUX|VERB)$/.test(tokens[from + mark + 1]?.pos ?? '');
  if (/^(?:it|him|her|them|me|us|you)$/i.test(head.value) && cue.lemma !== 'say' && !subjectIt) return -1;
  if (head.pos === 'VERB' && !/^\p{Lu}/u.test(head.value) && !/ing$/i.test(head.value)) return -1;
  // (`said some of Clinton's rhetoric on the campaign trail has been …`: the verb may stand a dozen words on)
  const verb = tokens.slice(from + mark + 1, Math.min(sentence.lastToken, from + mark + 12)).findIndex((t) => t.pos === 'VERB' || t.pos === 'AUX');
  return verb === -1 ? -1 : from;
}

/**
 * Does the attribution close its sentence (`…, officials said.`, `…, Lavrov said on Friday.`) or sit
 * inside it (`Many of the closures, he said, have involved …`)? Not when a clause or object follows
 * the cue (`On Twitter, Jeb Bush called Trump …`).
 */
function attributionEndsClause(ctx: Context, cue: Cue, mention: Mention, sentence: { lastToken: number }): boolean {
  const { tokens } = ctx;
  let from = tokenAt(tokens, Math.max(cue.end, mention.end));
  // (`…, political analysts say; in 2012 …`)
  if (tokens[from]?.value === ',' || tokens[from]?.value === ';') return true;
  // (`…, a spokeswoman said on Saturday, and it has …`: a short adverbial, then a comma)
  let k = from;
  while (k < sentence.lastToken && k - from < 4 && /^(?:ADP|DET|NOUN|PROPN|NUM)$/.test(tokens[k]!.pos)) k++;
  if (k > from && tokens[k]?.value === ',' && tokens[from]!.pos === 'ADP') return true;
  from = tokenAt(tokens, Math.max(cue.end, mention.end));
  const tail = tokens.slice(from, sentence.lastToken);
  return tail.length <= 12 && !tail.some((t) => t.pos === 'VERB' || t.pos === 'AUX' || OPENING_MARK.test(t.value));
}

/** Connectives that open a sentence and are the writer's, not the speaker's: `But`, `Still,`, `In fact,`. */
const CONNECTIVES = /^(?:but|and|so|yet|still|however|meanwhile|instead|indeed|moreover|nonetheless|nevertheless|also|now|then|even so|in fact|in addition|at the same time|after all|of course)$/i;

/** The first token of what was said in a clause that opens at `first`: past a connective and a dateline (`WASHINGTON (Reuters) -`). */
function pastConnective(ctx: Context, first: number, comma: number): number {
  const { tokens, doc } = ctx;
  let k = first;
  // `CAMBRIDGE, Mass., Dec. 11 (UPI) — …`, `WASHINGTON (Reuters) - …`: a dateline ends at its dash
  if (/^\p{Lu}{3,}/u.test(tokens[k]!.value)) {
    for (let d = k + 1; d < Math.min(comma, k + 14); d++) {
      if (/^(?:—|–|-|--)$/.test(tokens[d]!.value) && doc.view[tokens[d]!.start - 1] === ' ') {
        k = d + 1;
        break;
      }
    }
  }
  for (let n = 3; n >= 1; n--) {
    const words = tokens.slice(k, k + n);
    if (words.length === n && CONNECTIVES.test(words.map((t) => t.value).join(' '))) {
      const next = k + n;
      if (n === 1 && words[0]!.pos === 'CCONJ') return next < comma ? next : k;
      if (tokens[next]?.value === ',' && next + 1 < comma) return next + 1;
    }
  }
  return k;
}

function beforeComma(ctx: Context, cue: Cue, mention: Mention, first: number, comma: number, outer: readonly QuoteSpan[], sieve: Sieve): void {
  const { tokens, doc } = ctx;
  first = pastConnective(ctx, first, comma);
  let start = tokens[first]!.start;
  // a preceding attribution in the sentence (`Peskov said … and, Lavrov said, …`) or a dateline (`MOSCOW, July 10. /TASS/.`)
  const stop = tokens[comma - 1]!.end;
  if (stop - start < 10) {
    // `Still, he said, officials have to decide …`: a connective before the attribution, the clause after it
    // `Voters, Clinton suggested, don’t have to worry …`: a short subject before it, the rest of its clause after
    const after = tokenAt(tokens, Math.max(cue.end, mention.end));
    const connective = /^(?:ADV|CCONJ|SCONJ)$/.test(tokens[first]!.pos);
    const subject = /^(?:NOUN|PROPN|PRON)$/.test(tokens[comma - 1]!.pos);
    if (comma - first > 2 || tokens[after]?.value !== ',' || !(connective || subject)) return;
    const rest = clauseFrom(ctx, after + 1, outer, 3);
    if (!rest || overlapsAttribution(ctx, rest)) return;
    if (!tokens.slice(tokenAt(tokens, rest.start), tokenAt(tokens, rest.end)).some((t) => t.pos === 'VERB' || t.pos === 'AUX')) return;
    const parts: Span[] = connective ? [rest] : [{ start, end: stop }, rest];
    const span = { start: parts[0]!.start, end: rest.end };
    add(ctx, { ...span, parts, type: typeOf(ctx, span), cue, mention, sieve }, quotesWithin(ctx, span));
    return;
  }
  // content that is one whole quotation is a direct quote, attributed by the quote sieves
  const whole = outer.find((q) => q.open.start <= start && (q.close?.end ?? q.end) >= stop);
  if (whole) return;
  while (start < stop && /\s/.test(doc.view[start]!)) start++;
  const parts: Span[] = [{ start, end: stop }];
  // `Many of the closures, he said, have involved public courses.`: the clause resumes after the attribution
  const after = tokenAt(tokens, Math.max(cue.end, mention.end));
  let rest: Span | null = null;
  if (tokens[after]?.value === ',') {
    rest = clauseFrom(ctx, after + 1, outer, 2);
    if (rest) parts.push(rest);
  }
  // a clause has a finite verb, before the attribution or after it (`Otherwise, she said, countries may …`)
  const finite = (from: number, to: number) => tokens.slice(from, to).some((t) => (t.pos === 'VERB' && !/ing$/i.test(t.value)) || t.pos === 'AUX');
  if (!finite(first, comma) && !(rest && finite(tokenAt(tokens, rest.start), tokenAt(tokens, rest.end)))) return;
  const span = { start, end: parts[parts.length - 1]!.end };
  if (overlapsAttribution(ctx, span)) return;
  add(ctx, { ...span, parts, type: typeOf(ctx, span), cue, mention, sieve }, quotesWithin(ctx, span));
}

/** Attributions whose content starts within `back` sentences before sentence `at`, or in it. */
function attributionsNear(ctx: Context, at: number, back: number): Attribution[] {
  const found: Attribution[] = [];
  for (let i = Math.max(0, at - back); i <= at; i++) for (const k of ctx.bySentence.get(i) ?? []) found.push(ctx.attributions[k]!);
  return found;
}

/** The attribution ending last among those that pass `test`. */
function latest(attributions: readonly Attribution[], test: (a: Attribution) => boolean): Attribution | undefined {
  let found: Attribution | undefined;
  for (const a of attributions) if (test(a) && (found === undefined || a.end > found.end)) found = a;
  return found;
}

/** `…, saying they had agreed to "create a working group"` · `…, adding that "nothing will be done"`: the main clause's speaker. */
function participleCue(ctx: Context, cue: Cue, outer: readonly QuoteSpan[]): void {
  const { tokens, doc } = ctx;
  const c = tokenAt(tokens, cue.start);
  if (!/ing$/i.test(cue.value) || tokens[c - 1]?.value !== ',') return;
  // the subject of the clause the participle hangs on, else the attribution just before it
  const subject = speakerOf(ctx, cue)?.mention;
  const at = sentenceIndex(doc, c);
  const before = latest(attributionsNear(ctx, at, 2), (a) => a.end <= cue.start && a.mention !== null);
  const speaker = subject ?? (before && at !== -1 && before.end >= doc.sentences[Math.max(0, at - 1)]!.start ? before.mention : null);
  if (!speaker) return;
  let from = c + 1;
  if (tokens[from]?.value.toLowerCase() === 'that') from++;
  else if (at !== -1) from = learnedStart(ctx, cue, doc.sentences[at]!, from);
  const span = clauseFrom(ctx, from, outer);
  if (!span || overlapsAttribution(ctx, span)) return;
  add(ctx, { ...span, parts: [span], type: typeOf(ctx, span), cue, mention: speaker, sieve: 'participle-cue' }, quotesWithin(ctx, span));
}

/** `'Sanctions not discussed with Putin, until Ukrainian crisis resolved' – Trump`: a heading's speaker after a dash. */
function headlineDashSpeaker(ctx: Context): void {
  const { doc } = ctx;
  for (const block of doc.blocks) {
    if (block.kind !== 'title' && block.kind !== 'paragraph') continue;
    const text = doc.view.slice(block.start, block.end);
    const dash = /\s[–—-]\s*([^–—-]{2,40})$/u.exec(text);
    if (!dash || /[.!?]["”’']?$/u.test(text.slice(0, dash.index).trim()) && block.kind !== 'title') continue;
    const nameStart = block.start + dash.index + dash[0].length - dash[1]!.length;
    const mention = doc.mentions.find((m) => m.start === nameStart && m.end <= block.end);
    // the name ends the heading (`WASHINGTON (Reuters) - Hillary Clinton spoke` is a dateline and a sentence)
    if (!mention || mention.kind !== 'name' || /[\p{L}\p{N}]/u.test(doc.view.slice(mention.end, block.end))) continue;
    let span: Span = { start: block.start, end: block.start + text.slice(0, dash.index).trimEnd().length };
    const quote = doc.quotes.find((q) => q.depth === 0 && q.open.start === span.start && q.close?.end === span.end);
    const type: QuoteType = quote ? 'direct' : 'indirect';
    if (quote) span = { start: quote.start, end: quote.end };
    add(ctx, { ...span, parts: [span], type, cue: null, mention, sieve: 'headline-dash-speaker' }, quote ? [quote] : []);
  }
}

/** Labels in capitals before a colon that name no speaker. */
const NOT_SPEAKERS = /^(?:UPDATE|UPDATED|NOTE|EDITOR'?S NOTE|EDITOR’S NOTE|WATCH|RELATED|READ MORE|READ|PHOTOS?|VIDEO|CORRECTION|CLARIFICATION|Q|A|BREAKING|EXCLUSIVE|ANALYSIS|OPINION|SOURCE|SOURCES|PARTIAL TRANSCRIPT|TRANSCRIPT|ABSTRACT)$/;

/**
 * `PENCE: Well, look, …` · `"WALLACE: But, Governor Pence, …"`: a transcript's paragraph, its speaker
 * named in capitals before a colon. The speaker is the document's person of that surname, or a new one.
 */
function transcriptSpeaker(ctx: Context): void {
  const { doc } = ctx;
  for (const block of ctx.contentBlocks) {
    const text = doc.view.slice(block.start, block.end);
    const label = /^(["“]?)(\p{Lu}[\p{Lu}.'’ -]{1,38}\p{Lu}):[^\S\n]+(?=\S)/u.exec(text);
    if (!label || NOT_SPEAKERS.test(label[2]!) || label[2]!.split(/\s+/).length > 4) continue;
    const labelStart = block.start + label[1]!.length;
    let start = block.start + label[0].length;
    let end = block.start + text.trimEnd().length;
    const opened = label[1] !== '' ? doc.quotes.find((q) => q.depth === 0 && q.open.start === block.start) : undefined;
    if (label[1] !== '' && /["”]$/u.test(doc.view.slice(start, end))) end--;
    if (end - start < 2 || overlapsAttribution(ctx, { start, end })) continue;
    while (start < end && /\s/.test(doc.view[start]!)) start++;
    const surname = label[2]!.split(/\s+/).pop()!.toLowerCase();
    let entity = doc.entities.findIndex((e) => e.kind === 'person' && e.name.split(/\s+/).pop()!.toLowerCase() === surname);
    if (entity === -1) {
      const name = label[2]!.toLowerCase().replace(/(^|[\s'’-])\p{L}/gu, (c) => c.toUpperCase());
      entity = doc.entities.push({ name, kind: 'person', aliases: [name], titles: [], gender: 'unknown' }) - 1;
    }
    const mention: Mention = { start: labelStart, end: labelStart + label[2]!.length, kind: 'name', value: label[2]!, name: doc.entities[entity]!.name, title: null, entityKind: 'person', entity };
    const span = { start, end };
    // a quotation over several paragraphs of the transcript is used, not claimed whole: each paragraph has its speaker
    if (opened && opened.parts.length > 1) ctx.usedQuotes.add(opened);
    add(ctx, { ...span, parts: [span], type: 'direct', cue: null, mention, sieve: 'transcript-speaker' }, opened && opened.parts.length === 1 ? [opened] : quotesWithin(ctx, span));
  }
}

/**
 * `“Donald Trump scares me.” ― Krystal Correa`: a quotation signed, as readers' voices and epigraphs
 * are, by a dash and a name that end the line.
 */
function quoteDashSpeaker(ctx: Context, q: QuoteSpan): void {
  const { doc } = ctx;
  if (q.close === null) return;
  // (spaces on one line, a no-break space among them)
  const dash = /^[^\S\n]*[―—–][^\S\n]*/u.exec(doc.view.slice(q.close.end, q.close.end + 8)) ?? /^[^\S\n]+-[^\S\n]+/.exec(doc.view.slice(q.close.end, q.close.end + 8));
  if (!dash) return;
  const mention = ctx.mentionByStart.get(q.close.end + dash[0].length);
  if (!mention || mention.kind !== 'name' || mention.entityKind !== 'person') return;
  // the name ends the line: nothing but a full stop after it (in the text: the view joins wrapped lines)
  if (!/^[^\S\n]*\.?[^\S\n]*(?:\n|$)/.test(doc.text.slice(mention.end, mention.end + 40))) return;
  add(ctx, { start: q.start, end: q.end, parts: q.parts, type: 'direct', cue: null, mention, sieve: 'quote-dash-speaker' }, [q]);
}

/**
 * `“A,” Barkley said. “B.”` — quotations that follow an attributed one, with nothing but its
 * attribution between, are the same speaker's: one attribution of several parts (as PolNeAR
 * labels them), running on into a next paragraph that opens with a quotation; `parts` keeps
 * each piece's span.
 */
function quotesContinueAttribution(ctx: Context, outer: readonly QuoteSpan[]): void {
  const { doc, tokens } = ctx;
  const byOpen = new Map(outer.map((q) => [q.open.start, q]));
  for (let i = 0; i < ctx.attributions.length; i++) {
    let a = ctx.attributions[i]!;
    // (`Rubio "apologized numerous times," Hannity said. "I think …"`: a mixed quote's speaker goes on too)
    if (a.type === 'indirect' || a.mention === null) continue;
    // a signed quotation (`“…” ― Krystal Correa`) ends with its signature
    if (a.sieve === 'quote-dash-speaker') continue;
    for (;;) {
      // the end of the attribution's sentence: after `Barkley said` or the closing mark
      const attributionEnd = Math.max(a.end, a.cue?.end ?? 0, a.mention!.end);
      let at = attributionEnd;
      const t = tokenAt(tokens, at);
      const sentence = sentenceOf(doc, t) ?? sentenceOf(doc, t - 1);
      if (sentence && sentence.end > at && !/[“"‘«]/u.test(doc.view.slice(at, sentence.end))) at = sentence.end;
      while (at < doc.view.length && /[\s.,;:!?”’"']/u.test(doc.view[at]!) && !byOpen.has(at)) at++;
      const next = byOpen.get(at) ?? afterAppositive(ctx, attributionEnd, a.cue);
      if (!next || ctx.usedQuotes.has(next) || next.close === null) break;
      // into the next paragraph only when that paragraph opens with the quotation (PolNeAR labels it so)
      if (blockAround(ctx, next.open.start) !== blockAround(ctx, a.start) && blockAround(ctx, next.open.start)?.start !== next.open.start) break;
      // the next quotation is followed by an attribution of its own: not a continuation
      const after = tokenAt(tokens, next.close.end);
      const blockEnd = blockAround(ctx, next.close.start)?.end ?? next.close.end;
      let own = false;
      for (let k = after; k < after + 6 && k < tokens.length && tokens[k]!.start < blockEnd && !CLAUSE_END.test(tokens[k]!.value) && !OPENING_MARK.test(tokens[k]!.value); k++) {
        if (ctx.cueByToken.has(k)) own = true;
      }
      if (own) break;
      ctx.usedQuotes.add(next);
      a = { ...a, end: next.end, parts: [...a.parts, ...next.parts] };
      ctx.attributions[i] = a;
    }
  }
}

/**
 * `“…,” said Rep. G.K. Butterfield (D-N.C.), head of the Congressional Black Caucus. “…”`: the quotation
 * after the rest of the attribution's sentence — an appositive, no other clause, no other cue.
 */
function afterAppositive(ctx: Context, at: number, cue: Cue | null): QuoteSpan | undefined {
  const { doc, tokens } = ctx;
  const next = quotesOverlapping(ctx, { start: at, end: at + 200 }).find((q) => q.open.start >= at);
  if (!next || blockAround(ctx, next.open.start) !== blockAround(ctx, at)) return undefined;
  const between = doc.view.slice(at, next.open.start).replace(/\([^)]*\)/g, '');
  if (!/^[,\s]/.test(between) || /[.!?;:]\s+\S|["“‘«]/u.test(between.trimEnd())) return undefined;
  for (let k = tokenAt(tokens, at); k < tokens.length && tokens[k]!.end <= next.open.start; k++) {
    const c = ctx.cueByToken.get(k);
    if ((c !== undefined && c !== cue) || tokens[k]!.pos === 'AUX' || (tokens[k]!.pos === 'VERB' && !/(?:ed|ing)$/i.test(tokens[k]!.value))) return undefined;
  }
  return next;
}

const POSSESSIVE_PRONOUNS: Readonly<Record<string, 'male' | 'female' | 'plural' | 'neuter'>> = { his: 'male', her: 'female', their: 'plural', its: 'neuter' };

/**
 * `Trump’s claim that there have been “thousands of shootings”`, `her remark that …`, `his warning that …`:
 * a reporting noun of speech or writing, its possessor the speaker, the that-clause what was said.
 */
function possessorNounThat(ctx: Context, outer: readonly QuoteSpan[]): void {
  const { tokens, doc } = ctx;
  for (let k = 1; k < tokens.length - 2; k++) {
    const t = tokens[k]!;
    const noun = t.pos === 'NOUN' ? ctx.lexicon.nouns.get(t.value.toLowerCase()) : undefined;
    if (!noun || (noun.cls !== 'speech' && noun.cls !== 'writing') || tokens[k + 1]!.value.toLowerCase() !== 'that') continue;
    if (insideQuote(ctx, t.start) || overlapsAttribution(ctx, t)) continue;
    // the possessor, maybe past an adjective (`Stumpf’s repeated emphasis`)
    let p = k - 1;
    if (tokens[p]!.pos === 'ADJ') p--;
    let mention: Mention | undefined;
    const pronoun = POSSESSIVE_PRONOUNS[tokens[p]?.value.toLowerCase() ?? ''];
    if (pronoun) {
      const w = tokens[p]!;
      mention = { start: w.start, end: w.end, kind: 'pronoun', value: w.value, name: null, title: null, entityKind: pronoun === 'plural' ? 'group' : pronoun === 'neuter' ? 'organization' : 'person', gender: pronoun, entity: -1 };
    } else if (/^['’]s?$/.test(tokens[p]?.value ?? '')) mention = ctx.mentionByEnd.get(tokens[p - 1]?.end ?? -1);
    if (!mention || (mention.kind !== 'name' && mention.kind !== 'pronoun')) continue;
    const span = clauseFrom(ctx, k + 2, outer);
    if (!span || overlapsAttribution(ctx, span)) continue;
    const cue: Cue = { start: t.start, end: t.end, value: t.value, lemma: noun.lemma, cls: noun.cls, token: k, form: 'noun' };
    add(ctx, { ...span, parts: [span], type: typeOf(ctx, span), cue, mention, sieve: 'possessor-noun-that' }, quotesWithin(ctx, span));
    void doc;
  }
}

/**
 * `Clinton noted the Sept. 11 attacks and her work to bring jobs from “Buffalo to Albany.”`: quoted
 * words inside a sentence whose reporting verb no stricter sieve could use are a mixed quote of what
 * follows that verb.
 */
function quotedFragmentAfterCue(ctx: Context, q: QuoteSpan, outer: readonly QuoteSpan[]): void {
  const { tokens, doc } = ctx;
  const open = tokenAt(tokens, q.open.start);
  const sentence = sentenceOf(doc, open);
  if (!sentence || q.close === null) return;
  for (let c = open - 1; c >= sentence.firstToken; c--) {
    const cue = ctx.cueByToken.get(c);
    if (!cue || ctx.usedCues.has(cue) || !reports(cue) || insideQuote(ctx, cue.start)) continue;
    // (no speaker next to the cue: the subject of its sentence's main clause)
    const speaker = speakerOf(ctx, cue) ?? subjectBefore(ctx, c);
    // (`to denounce what Turnbull called North Korea’s “dangerous” actions`: past the label to its reporter)
    if (speaker && isLabel(ctx, cue, speaker.mention)) continue;
    if ((speaker && speaker.after) || cue.form === 'noun') return;
    let from = tokenAt(tokens, cue.end);
    if (/^[,:]$/.test(tokens[from]?.value ?? '')) from++;
    if (tokens[from]?.value.toLowerCase() === 'that') from++;
    const span = clauseFrom(ctx, from, outer, 2);
    if (!span || span.end < q.close.end || span.start > q.open.start || overlapsAttribution(ctx, span)) return;
    // (`…, saying he “has consistently demonstrated …”` with no subject found: what was said, speaker unknown)
    add(ctx, { ...span, parts: [span], type: 'mixed', cue, mention: speaker?.mention ?? null, sieve: speaker ? 'cue-then-quoted-fragment' : 'cue-without-speaker' }, quotesWithin(ctx, span));
    return;
  }
  verbThenQuotedFragment(ctx, q, outer);
}

/** Nouns that a title of a work follows: `the movie “Sharknado 3”`, `a “Make America Great Again” hat`. */
const TITLED = /^(?:movie|film|show|program|programme|book|song|album|series|headline|column|article|magazine|documentary|play|hat|slogan|ad|video|site|website|event|rally|tour|campaign)$/;

/**
 * `Reid has been steadily pounding Trump as a “con artist”`, `Trump openly admires Putin as a “strong leader”`:
 * quoted words in the object of a verb the lexicon does not list, its subject a person — a mixed quote
 * of a looser kind, and less sure.
 */
function verbThenQuotedFragment(ctx: Context, q: QuoteSpan, outer: readonly QuoteSpan[]): void {
  const { tokens, doc } = ctx;
  const open = tokenAt(tokens, q.open.start);
  const sentence = sentenceOf(doc, open);
  if (!sentence || q.close === null || wordCount(doc.view.slice(q.start, q.end)) > 8) return;
  // a title (`on ABC’s “This Week”`, `the movie “Sharknado 3”`) is a name, not words someone said
  const before = tokens.slice(Math.max(sentence.firstToken, open - 3), open).map((t) => t.value.toLowerCase());
  if (/^(?:on|in|at)$/.test(before[before.length - 1] ?? '') || before.some((w) => TITLED.test(w))) return;
  for (let c = open - 1; c >= Math.max(sentence.firstToken, open - 8); c--) {
    const t = tokens[c]!;
    if (CLAUSE_END.test(t.value) || CLOSING_MARK.test(t.value) || t.value === ',') return;
    // (a listed cue is the stricter sieves' to use or leave)
    if (ctx.cueByToken.has(c)) return;
    if (t.pos !== 'VERB' || insideQuote(ctx, t.start) || /^(?:is|are|was|were|be|been|being|has|have|had)$/i.test(t.value)) continue;
    const verb: Cue = { start: t.start, end: t.end, value: t.value, lemma: t.lemma, cls: 'speech', token: c, form: 'verb' };
    const speaker = speakerOf(ctx, verb);
    if (!speaker || speaker.after || !(speaker.mention.kind === 'name' || speaker.mention.kind === 'pronoun')) return;
    const span = clauseFrom(ctx, c + 1, outer, 2);
    if (!span || span.end < q.close.end || overlapsAttribution(ctx, span)) return;
    add(ctx, { ...span, parts: [span], type: 'mixed', cue: verb, mention: speaker.mention, sieve: 'verb-then-quoted-fragment' }, quotesWithin(ctx, span));
    return;
  }
}

/** A quote-only paragraph, or a quote after an attributed one in its paragraph, continues that speaker. */
function quoteContinuesSpeaker(ctx: Context, outer: readonly QuoteSpan[]): void {
  const { doc } = ctx;
  // the last direct attribution before each quote, kept as the quotes go by in text order
  const directs = ctx.attributions.filter((a) => a.mention !== null && a.type === 'direct').sort((a, b) => a.end - b.end);
  let next = 0;
  let previous: Attribution | undefined;
  for (const q of outer) {
    while (next < directs.length && directs[next]!.end <= q.start) previous = directs[next++];
    if (ctx.usedQuotes.has(q) || q.close === null) continue;
    const block = blockIndexAt(ctx, q.start);
    if (!previous || block === -1) continue;
    const b = ctx.contentBlocks[block]!;
    const previousBlock = blockIndexAt(ctx, previous.start);
    const adjacent = previousBlock !== -1 && block - previousBlock === 1 && b.kind === 'paragraph';
    // in its paragraph, only the sentence right after the attribution's may continue it
    if (previousBlock === block && sentenceIndex(doc, tokenAt(doc.tokens, q.open.start)) - sentenceIndex(doc, tokenAt(doc.tokens, previous.end) - 1) > 1) continue;
    if (previousBlock !== block && !adjacent) continue;
    const quoteOnly = adjacent && !/[\p{L}\p{N}]/u.test(doc.view.slice(b.start, q.open.start) + doc.view.slice(q.close.end, b.end));
    // no other speaker in between: no reporting verb between the previous attribution and this quote
    let interrupted = false;
    for (let i = tokenAt(doc.tokens, previous.end); i < doc.tokens.length && doc.tokens[i]!.end <= q.open.start && !interrupted; i++) {
      const c = ctx.cueByToken.get(i);
      interrupted = c !== undefined && c !== previous.cue && reports(c);
    }
    if (interrupted || !(previousBlock === block || (adjacent && quoteOnly))) continue;
    // a quotation inside a sentence (`he said on “Meet the Press.”`) is a title, not more of the speech
    const sentence = sentenceOf(doc, tokenAt(doc.tokens, q.open.start));
    if (sentence && /[\p{L}\p{N}]/u.test(doc.view.slice(sentence.start, q.open.start))) continue;
    if (wordCount(doc.view.slice(q.start, q.end)) < 3) continue;
    add(ctx, { start: q.start, end: q.end, parts: q.parts, type: 'direct', cue: previous.cue, mention: previous.mention, sieve: 'quote-continues-speaker' }, [q]);
    previous = ctx.attributions[ctx.attributions.length - 1];
  }
}

/** Index in `ctx.contentBlocks` of the block holding `offset`, or -1. */
function blockIndexAt(ctx: Context, offset: number): number {
  return spanIndexAt(ctx.contentBlocks, offset);
}

function blockAround(ctx: Context, offset: number): Block | undefined {
  return ctx.contentBlocks[blockIndexAt(ctx, offset)];
}

const wordCount = (s: string) => (s.match(/[\p{L}\p{N}]+/gu) ?? []).length;

/** A long quotation no sieve attributes is kept, speaker unknown; short ones are scare quotes and titles. */
function unattributed(ctx: Context, q: QuoteSpan): void {
  const text = ctx.doc.view.slice(q.start, q.end);
  if (q.close === null || wordCount(text) < 5 || !/[.,!?…]$/u.test(text.trim())) return;
  const previous = previousSpeaker(ctx, q);
  if (previous) add(ctx, { start: q.start, end: q.end, parts: q.parts, type: 'direct', cue: previous.cue, mention: previous.mention, sieve: 'previous-speaker' }, [q]);
  else add(ctx, { start: q.start, end: q.end, parts: q.parts, type: 'direct', cue: null, mention: null, sieve: 'unattributed' }, [q]);
}

/**
 * The attribution a quotation no sieve claimed most likely continues: the last one before it, in its
 * paragraph or the one before, with a named speaker and no other reporting verb or name between.
 */
function previousSpeaker(ctx: Context, q: QuoteSpan): Attribution | undefined {
  const { doc, tokens } = ctx;
  const block = blockIndexAt(ctx, q.open.start);
  if (block === -1) return undefined;
  const earliest = ctx.contentBlocks[Math.max(0, block - 1)]!.start;
  let found: Attribution | undefined;
  // (a signed quotation, `“…” ― Krystal Correa`, speaks for itself only)
  for (const a of ctx.attributions) if (a.end <= q.open.start && a.start >= earliest && a.mention !== null && a.mention.entity !== -1 && a.sieve !== 'quote-dash-speaker' && (found === undefined || a.end > found.end)) found = a;
  if (!found) return undefined;
  const from = tokenAt(tokens, Math.max(found.end, found.cue?.end ?? 0, found.mention!.end));
  for (let k = from; k < tokens.length && tokens[k]!.end <= q.open.start; k++) {
    if (insideQuote(ctx, tokens[k]!.start)) continue;
    const cue = ctx.cueByToken.get(k);
    if (cue !== undefined && reports(cue) && cue !== found.cue) return undefined;
    const m = ctx.mentionByStart.get(tokens[k]!.start);
    if (m && m.kind === 'name' && m.entityKind === 'person' && m.entity !== found.mention!.entity) return undefined;
  }
  void doc;
  return found;
}

/**
 * A pronoun speaker is the most salient compatible entity: the one an editor named in brackets
 * (`He [Putin]`), else the speaker of the quote before when compatible, else the last person
 * mentioned outside quotations.
 */
function resolvePronouns(ctx: Context): void {
  const { doc } = ctx;
  const entities = doc.entities;
  const outsideQuotes = (m: Mention) => !insideQuote(ctx, m.start);
  const fits = (e: Entity, m: Mention) => {
    if (m.gender === 'plural') return e.kind === 'group' || e.kind === 'organization';
    if (m.gender === 'neuter') return e.kind === 'organization';
    const gender = genderOfEntity(e, ctx.lexicon);
    return e.kind === 'person' && (gender === 'unknown' || gender === m.gender);
  };
  let previousSpeaker = -1;
  let previousEnd = -1;
  for (const a of ctx.attributions) {
    const m = a.mention;
    // `I said`, `we wrote` outside a quotation: the article's own author, named in the records
    if (m && m.kind === 'pronoun' && m.entity === -1 && m.gender !== 'first') {
      let found = -1;
      if (m.bracketed) found = entities.findIndex((e) => e.kind === 'person' && sameName(e.name.split(/\s+/), m.bracketed!.split(/\s+/)));
      // the speaker of the quote before, if within the last few sentences
      if (found === -1 && previousSpeaker !== -1 && fits(entities[previousSpeaker]!, m) && m.start - previousEnd < 600) found = previousSpeaker;
      if (found === -1) {
        // from the last mention before the pronoun backwards (binary search to it)
        let lo = 0;
        let hi = doc.mentions.length;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (doc.mentions[mid]!.start < m.start) lo = mid + 1;
          else hi = mid;
        }
        for (let i = lo - 1; i >= Math.max(0, lo - RECENT_MENTIONS); i--) {
          const c = doc.mentions[i]!;
          if (c.entity === -1 || !outsideQuotes(c)) continue;
          const e = entities[c.entity]!;
          if (fits(e, m) && (e.kind !== 'person' || isConfirmedPerson(e, ctx.lexicon))) {
            found = c.entity;
            break;
          }
        }
      }
      if (found !== -1) {
        m.entity = found;
        const e = entities[found]!;
        if (e.gender === 'unknown' && (m.gender === 'male' || m.gender === 'female')) e.gender = m.gender;
      }
    }
    if (m && m.entity !== -1) {
      previousSpeaker = m.entity;
      previousEnd = a.end;
    }
  }
}
