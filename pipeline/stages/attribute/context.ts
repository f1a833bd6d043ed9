// The attribute stage's shared state and helpers: the sieves and their confidence, token and sentence lookups, quotation hulls, and `add`, which records an attribution and claims its text.
import type { Attribution, Block, Cue, Doc, Mention, QuoteSpan, QuoteType, Span, Token } from '../../document.ts';
import type { BoundaryContext } from '../../boundary.ts';
import type { Lexicon } from '../../lexicon.ts';
import { objectArray } from '../../object-array.ts';

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

export const SKIPPABLE = new Set(['ADV', 'AUX', 'PART']);

/** The longest reported clause, in tokens. */
export const MAX_CLAUSE_TOKENS = 150;

export const CLAUSE_END = /^[.!?;]$/;

export const OPENING_MARK = /^["“‘'«„`]+$/u;

export const CLOSING_MARK = /^["”’'»`]+$/u;

export interface Context {
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
  /** Outermost quotations by the offset of their opening mark (one a mark): a lookup, not a scan, per token. */
  readonly outerByOpen: ReadonlyMap<number, QuoteSpan>;
  /** Indexes into `attributions` by the sentence their content starts in: "the attributions near here" without a scan. */
  readonly bySentence: Map<number, number[]>;
  /** What the boundary model reads of the document. */
  readonly breaks: BoundaryContext;
}

/** The state the sieves share over one document. */
export function createContext(doc: Doc, lexicon: Lexicon): Context {
  // arrays of one hidden class whatever the document (see `objectArray`)
  const outer = objectArray(doc.quotes.filter((q) => q.depth === 0));
  const ctx: Context = {
    doc,
    lexicon,
    tokens: doc.tokens,
    mentionByStart: new Map(doc.mentions.map((m) => [m.start, m])),
    mentionByEnd: new Map(doc.mentions.map((m) => [m.end, m])),
    cueByToken: new Map(doc.cues.map((c) => [tokenAt(doc.tokens, c.start), c])),
    usedCues: new Set(),
    usedQuotes: new Set(),
    attributions: objectArray([]),
    claimed: new Uint8Array(doc.text.length + 1),
    contentBlocks: objectArray(doc.blocks.filter((b) => b.kind === 'title' || b.kind === 'paragraph')),
    outer,
    quoteHulls: objectArray(outer.map((q) => ({ start: q.open.start, end: q.close?.end ?? q.end }))),
    outerByOpen: new Map(outer.map((q) => [q.open.start, q])),
    bySentence: new Map(),
    breaks: { tokens: doc.tokens, isCue: (k) => reportingCueAt(ctx, k), insideQuote: (offset) => insideQuote(ctx, offset), notName: (k) => lexicon.notNames.has(doc.tokens[k]!.value.toLowerCase()) },
  };
  return ctx;
}

/** Index of the first token starting at or after `offset`. */
export function tokenAt(tokens: readonly Token[], offset: number): number {
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
export function sentenceIndex(doc: Doc, token: number): number {
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

export function sentenceOf(doc: Doc, token: number) {
  return doc.sentences[sentenceIndex(doc, token)];
}

export const reports = (cue: Cue) => cue.cls === 'speech' || cue.cls === 'writing';

export const reportingCueAt = (ctx: Context, k: number) => {
  const cue = ctx.cueByToken.get(k);
  return cue !== undefined && reports(cue);
};

export function claim(ctx: Context, span: Span): void {
  ctx.claimed.fill(1, span.start, span.end);
}

export function add(ctx: Context, a: Omit<Attribution, 'confidence'>, quotes: readonly QuoteSpan[] = []): void {
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

/** Index of the span holding `offset` among sorted, non-overlapping spans, or -1 (binary search). */
export function spanIndexAt(spans: readonly Span[], offset: number): number {
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

export function insideQuote(ctx: Context, offset: number): boolean {
  return spanIndexAt(ctx.quoteHulls, offset) !== -1;
}

/**
 * The outermost quotation whose hull holds all of `[start, end)` (`start < end`), or undefined: hulls
 * do not overlap, so it is the one holding `start`, if it reaches `end` (binary search: a sieve asks
 * it once per attribution, and a scan made a document of 6,000 quotes quadratic).
 */
export function outerHolding(ctx: Context, start: number, end: number): QuoteSpan | undefined {
  const i = spanIndexAt(ctx.quoteHulls, start);
  return i !== -1 && ctx.quoteHulls[i]!.end >= end ? ctx.outer[i] : undefined;
}

/** Outermost quotations whose hull overlaps `span`, in text order (binary search: no scan of the document's quotes). */
export function quotesOverlapping(ctx: Context, span: Span): QuoteSpan[] {
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

export function quotesWithin(ctx: Context, span: Span): QuoteSpan[] {
  return quotesOverlapping(ctx, span).filter((q) => q.open.start >= span.start && (q.close?.end ?? q.end) <= span.end);
}

export function typeOf(ctx: Context, span: Span): QuoteType {
  return quotesWithin(ctx, span).length > 0 ? 'mixed' : 'indirect';
}

/** Offsets covered by attributions so far: a reported clause must not claim a quote already attributed. */
export function overlapsAttribution(ctx: Context, span: Span): boolean {
  return ctx.claimed.subarray(span.start, span.end).includes(1);
}

/** Attributions whose content starts within `back` sentences before sentence `at`, or in it. */
export function attributionsNear(ctx: Context, at: number, back: number): Attribution[] {
  const found: Attribution[] = [];
  for (let i = Math.max(0, at - back); i <= at; i++) for (const k of ctx.bySentence.get(i) ?? []) found.push(ctx.attributions[k]!);
  return found;
}

/** The attribution ending last among those that pass `test`. */
export function latest(attributions: readonly Attribution[], test: (a: Attribution) => boolean): Attribution | undefined {
  let found: Attribution | undefined;
  for (const a of attributions) if (test(a) && (found === undefined || a.end > found.end)) found = a;
  return found;
}

/** Index in `ctx.contentBlocks` of the block holding `offset`, or -1. */
export function blockIndexAt(ctx: Context, offset: number): number {
  return spanIndexAt(ctx.contentBlocks, offset);
}

export function blockAround(ctx: Context, offset: number): Block | undefined {
  return ctx.contentBlocks[blockIndexAt(ctx, offset)];
}

export const wordCount = (s: string) => (s.match(/[\p{L}\p{N}]+/gu) ?? []).length;

