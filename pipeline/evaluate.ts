// Scores a quotes.jsonl against gold JSONL: content by token overlap (one-to-one, best first), then the speaker of each matched pair.
//
// Reads records, never pipeline internals. Counts are kept (tp/fp/fn, spaCy PRFScore style)
// and precision, recall and F1 are derived from them. Precision and recall keep their own
// true positives because one long predicted quotation may match several gold paragraphs:
// PolNeAR labels a quotation running over paragraphs one paragraph at a time.

import { collapseWhitespace, type QuoteType } from './document.ts';
import type { QuoteRecord as DatasetRecord } from './records.ts';

// ---------------------------------------------------------------------------------------------
// Records

/** One gold quote: PolNeAR's attributions (offsets, span speaker) or a hand fixture's (canonical speaker). */
export interface GoldQuote {
  readonly id?: string;
  /** Hand fixtures: the quote's kind. */
  readonly type?: QuoteType;
  /** PolNeAR: the kind guessed from quotation marks (not gold, but the best there is). */
  readonly quoteKindHeuristic?: QuoteType;
  readonly attributionType?: 'Attribution' | 'Attribution-no-source';
  /** The content as written; matched as a bag of tokens when `start`/`end` are missing. */
  readonly text: string;
  readonly start?: number;
  readonly end?: number;
  /** Content parts when an interruption splits the quote; `start`/`end` is their hull. */
  readonly contentSpans?: readonly (readonly [number, number])[];
  /** The annotated speaker span's text (PolNeAR) or a canonical name (fixtures); null when there is none. */
  readonly speaker?: string | null;
  readonly speakerStart?: number | null;
  readonly speakerEnd?: number | null;
  readonly cue?: string | null;
  readonly cueStart?: number | null;
  readonly cueEnd?: number | null;
}

export interface GoldDoc {
  readonly id: string;
  readonly text: string;
  readonly quotes: readonly GoldQuote[];
}

/** One line of our dataset's `quotes.jsonl` (records.ts); files written before `parts` existed still score. */
export type QuoteRecord = Omit<DatasetRecord, 'parts'> & { readonly parts?: DatasetRecord['parts'] };

// ---------------------------------------------------------------------------------------------
// Report

/**
 * Counts behind one precision/recall/F1. `tp` and `fp` are predictions, `goldTp` and `fn` are
 * gold quotes: `goldTp` exceeds `tp` when one prediction covers several gold paragraphs.
 */
export interface Counts {
  /** Predictions matched to a counted gold quote. */
  readonly tp: number;
  /** Predictions matched to nothing counted. */
  readonly fp: number;
  /** Counted gold quotes matched. */
  readonly goldTp: number;
  /** Counted gold quotes left unmatched. */
  readonly fn: number;
}

/** Part of a whole: `right` of `total`. */
export interface Share {
  readonly right: number;
  readonly total: number;
}

export interface TypeScores {
  /** Match by token-overlap F1 ≥ threshold. */
  readonly overlap: Counts;
  /** Match with equal token sequences (a leading "that" dropped on either side). */
  readonly exact: Counts;
}

export interface SpeakerScores {
  /** Matched pairs whose predicted speaker is right (no speaker is right when gold has none). */
  readonly all: Share;
  /** Restricted to gold speakers that are not a bare pronoun. */
  readonly names: Share;
  /** Gold speakers that are a bare pronoun, predicted as a name that is not a pronoun. */
  readonly pronounsResolved: Share;
  /** Predicted name equals the gold speaker, ignoring case; over gold speakers without offsets (canonical names). */
  readonly exactName: Share;
}

export type ErrorKind = 'miss' | 'spurious' | 'wrong-speaker';

export interface EvaluationError {
  readonly kind: ErrorKind;
  readonly doc: string;
  readonly gold?: GoldQuote;
  readonly predicted?: QuoteRecord;
}

export type TypeRow = QuoteType | 'all';

export interface EvaluationReport {
  /** Gold documents. */
  readonly documents: number;
  /** Gold documents with at least one prediction. */
  readonly documentsPredicted: number;
  /** Predictions in documents the gold file does not have: ignored. */
  readonly unknownDocument: number;
  /** Predictions matching only a gold quote that does not count: neither tp nor fp. */
  readonly ignored: number;
  /** Recall by gold type, precision by predicted type. */
  readonly byType: Readonly<Record<TypeRow, TypeScores>>;
  readonly speaker: SpeakerScores;
  /** A true positive needs the content matched and the speaker right. */
  readonly endToEnd: Counts;
  /** In gold-file document order, then by offset. */
  readonly errors: readonly EvaluationError[];
}

export function precision(c: Counts): number {
  return ratio(c.tp, c.tp + c.fp);
}

export function recall(c: Counts): number {
  return ratio(c.goldTp, c.goldTp + c.fn);
}

export function f1(c: Counts): number {
  const p = precision(c);
  const r = recall(c);
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
}

/** `right / total`, or 0 when there is nothing to count. */
export function accuracy(s: Share): number {
  return ratio(s.right, s.total);
}

function ratio(a: number, b: number): number {
  return b === 0 ? 0 : a / b;
}

// ---------------------------------------------------------------------------------------------
// Options and reading

export interface EvaluateOptions {
  /**
   * Which gold quotes count. PolNeAR counts attributions whose cue is of saying or writing,
   * plus every direct and mixed quote (see `polnearCounts`); others count neither way: a
   * prediction that matches one is ignored, neither tp nor fp.
   * @default every gold quote counts
   */
  readonly countsGold?: (q: GoldQuote) => boolean;
  /**
   * Token-overlap F1 a prediction needs to match a gold quote.
   * @default 0.5
   */
  readonly threshold?: number;
}

/** One JSON value a line; blank lines skipped. Throws `quotes: <source>:<line>: malformed JSON`. */
export function readJsonl<T>(text: string, source: string): T[] {
  const records: T[] = [];
  const lines = text.replace(/^\uFEFF/, '').split('\n');
  for (const [i, line] of lines.entries()) {
    if (line.trim() === '') continue;
    try {
      records.push(JSON.parse(line) as T);
    } catch (cause) {
      throw new Error(`quotes: ${source}:${i + 1}: malformed JSON`, { cause });
    }
  }
  return records;
}

/**
 * PolNeAR's counting rule: every direct and mixed quote, and attributions with a source whose
 * cue is of saying or writing. Beliefs, plans and polls ("polls show", "is expected") do not count.
 */
export function polnearCounts(isSpeechOrWritingCue: (cue: string) => boolean): (q: GoldQuote) => boolean {
  return (q) => {
    const kind = q.type ?? q.quoteKindHeuristic;
    if (kind === 'direct' || kind === 'mixed') return true;
    const speaker = q.speaker?.trim() ?? '';
    const cue = q.cue?.trim() ?? '';
    return q.attributionType === 'Attribution' && speaker !== '' && cue !== '' && isSpeechOrWritingCue(cue);
  };
}

/** A gold speaker that is one of these, as a whole, is a pronoun. */
const PRONOUNS: ReadonlySet<string> = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'him', 'her', 'them', 'his', 'their', 'you']);

const TYPES: readonly QuoteType[] = ['direct', 'indirect', 'mixed'];

/** Share of a gold quote's tokens a matched prediction must hold to cover it as another paragraph. */
const COVERAGE = 0.9;

// ---------------------------------------------------------------------------------------------
// Evaluation

export function evaluate(gold: readonly GoldDoc[], predicted: readonly QuoteRecord[], options: EvaluateOptions = {}): EvaluationReport {
  const threshold = options.threshold ?? 0.5;
  if (typeof threshold !== 'number' || !(threshold > 0 && threshold <= 1)) {
    throw new TypeError(`quotes: Expected \`threshold\` to be a number greater than 0 and at most 1, got \`${String(threshold)}\``);
  }
  const countsGold = options.countsGold ?? (() => true);

  const docs = new Map<string, GoldDoc>();
  for (const doc of gold) {
    if (docs.has(doc.id)) throw new Error(`quotes: gold document \`${doc.id}\` appears twice`);
    docs.set(doc.id, doc);
  }
  const byDoc = new Map<string, QuoteRecord[]>();
  let unknownDocument = 0;
  for (const record of predicted) {
    const doc = docs.get(record.doc);
    if (doc === undefined) {
      unknownDocument++;
      continue;
    }
    checkPrediction(record, doc);
    const list = byDoc.get(doc.id) ?? [];
    list.push(record);
    byDoc.set(doc.id, list);
  }

  const tally = new Tally();
  for (const doc of gold) tally.add(evaluateDoc(doc, byDoc.get(doc.id) ?? [], threshold, countsGold));
  return {
    documents: gold.length,
    documentsPredicted: byDoc.size,
    unknownDocument,
    ...tally.result(),
  };
}

function checkPrediction(record: QuoteRecord, doc: GoldDoc): void {
  const { start, end } = record;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end > doc.text.length) {
    throw new Error(`quotes: prediction \`${record.id}\`: Expected \`start\`/\`end\` within the text of \`${doc.id}\` (length ${doc.text.length}), got \`${start}\`/\`${end}\``);
  }
  if (!TYPES.includes(record.type)) {
    throw new Error(`quotes: prediction \`${record.id}\`: Expected \`type\` to be direct, indirect or mixed, got \`${String(record.type)}\``);
  }
}

/** A word of a quote: `key` is its offset when spans are compared, its lower-cased text when bags are. */
interface Tok {
  readonly key: string;
  readonly word: string;
  readonly order: number;
}

interface Tokens {
  readonly toks: readonly Tok[];
  readonly bag: ReadonlyMap<string, number>;
}

interface GoldItem {
  readonly quote: GoldQuote;
  readonly kind: QuoteType;
  readonly counted: boolean;
  /** Offsets on the gold side: compare token positions; otherwise bags of words. */
  readonly positional: boolean;
  readonly toks: readonly Tok[];
  readonly bag: ReadonlyMap<string, number>;
  /**
   * An interrupted quote's hull, interruption included: a record has no parts, so for
   * "“We will,” he said, “win.”" the hull is as good an answer as the content.
   */
  readonly hull: Tokens | null;
  readonly order: number;
}

interface PredItem {
  readonly record: QuoteRecord;
  /** Compared with gold that has offsets. */
  readonly byPosition: Tokens;
  /** Compared with gold that has only its text. */
  readonly byWord: Tokens;
}

interface DocResult {
  readonly gold: readonly GoldItem[];
  readonly preds: readonly PredItem[];
  /** Prediction → the counted gold quotes it matched, the one it was paired with first. */
  readonly matched: ReadonlyMap<PredItem, readonly GoldItem[]>;
  readonly goldMatch: ReadonlyMap<GoldItem, PredItem>;
  readonly ignored: ReadonlySet<PredItem>;
  readonly exactGold: ReadonlySet<GoldItem>;
  readonly exactPred: ReadonlySet<PredItem>;
  readonly doc: GoldDoc;
}

function evaluateDoc(doc: GoldDoc, records: readonly QuoteRecord[], threshold: number, countsGold: (q: GoldQuote) => boolean): DocResult {
  const tokens = tokenize(doc.text, 0);
  const gold = doc.quotes.map((quote, order) => goldItem(doc, tokens, quote, order, countsGold(quote)));
  const preds = [...records]
    .sort((a, b) => a.start - b.start || a.end - b.end)
    .map((record): PredItem => {
      const byPosition = toks(within(tokens, record.start, record.end), true);
      const byWord = toks(tokenize(doc.text.slice(record.start, record.end), record.start), false);
      return { record, byPosition: { toks: byPosition, bag: bagOf(byPosition) }, byWord: { toks: byWord, bag: bagOf(byWord) } };
    });
  const side = (g: GoldItem, p: PredItem) => (g.positional ? p.byPosition : p.byWord);
  const overlap = (g: GoldItem, p: PredItem) => intersection(g.bag, side(g, p).bag);
  const score = (g: GoldItem, p: PredItem) => {
    const f = tokenF1(overlap(g, p), g.toks.length, side(g, p).toks.length);
    return g.hull === null ? f : Math.max(f, tokenF1(intersection(g.hull.bag, p.byPosition.bag), g.hull.toks.length, p.byPosition.toks.length));
  };
  const matches = (g: GoldItem, p: PredItem) => score(g, p) > 0 && score(g, p) >= threshold;

  const matched = new Map<PredItem, GoldItem[]>();
  const goldMatch = new Map<GoldItem, PredItem>();
  const pair = (g: GoldItem, p: PredItem) => {
    goldMatch.set(g, p);
    matched.set(p, [...(matched.get(p) ?? []), g]);
  };
  const counted = gold.filter((g) => g.counted);

  // 1. One-to-one, best first: two predictions on one gold quote make one tp and one fp.
  const candidates: { g: GoldItem; p: PredItem; f: number }[] = [];
  for (const g of counted) {
    for (const p of preds) if (matches(g, p)) candidates.push({ g, p, f: score(g, p) });
  }
  candidates.sort((a, b) => b.f - a.f || position(a.g) - position(b.g) || a.g.order - b.g.order || a.p.record.start - b.p.record.start || preds.indexOf(a.p) - preds.indexOf(b.p));
  for (const { g, p } of candidates) {
    if (!goldMatch.has(g) && !matched.has(p)) pair(g, p);
  }

  // 2. Paragraphs of a long quotation: "“We will … \n\n“And we will …”" is gold twice, predicted once.
  //    Only beside what the prediction already matched: an attribution nested inside another
  //    ("“It’s finished,” she said of the election, in which she was sure Trump would win, …")
  //    is a quote of its own, not a paragraph.
  const coverage = (g: GoldItem, p: PredItem) => (g.toks.length === 0 ? 0 : overlap(g, p) / g.toks.length);
  for (const g of counted) {
    if (goldMatch.has(g)) continue;
    const covering = [...matched.entries()].filter(([p, gs]) => coverage(g, p) >= COVERAGE && gs.every((h) => apart(g, h))).map(([p]) => p);
    const best = covering.sort((a, b) => coverage(g, b) - coverage(g, a))[0];
    if (best !== undefined) pair(g, best);
  }

  // 3. The same when no single paragraph was long enough to match it: four equal paragraphs
  //    give each F1 0.4 against the whole, but together they are the prediction.
  for (const p of preds) {
    if (matched.has(p)) continue;
    const group: GoldItem[] = [];
    for (const g of counted) {
      if (!goldMatch.has(g) && coverage(g, p) >= COVERAGE && group.every((h) => apart(g, h))) group.push(g);
    }
    if (group.length < 2) continue;
    const union = unionToks(group);
    const all = side(group[0]!, p);
    if (tokenF1(intersection(bagOf(union), all.bag), union.length, all.toks.length) < threshold) continue;
    group.sort((a, b) => b.toks.length - a.toks.length || a.order - b.order);
    for (const g of group) pair(g, p);
  }

  // 4. A prediction matching only what does not count (a belief, a poll) is neither right nor wrong.
  const ignored = new Set<PredItem>();
  for (const p of preds) {
    if (!matched.has(p) && gold.some((g) => !g.counted && matches(g, p))) ignored.add(p);
  }

  // Exact: equal token sequences, or a prediction that is exactly the paragraphs it covers.
  const exactGold = new Set<GoldItem>();
  const exactPred = new Set<PredItem>();
  for (const [p, gs] of matched) {
    const whole = gs.length > 1 && sameSequence(unionToks(gs), side(gs[0]!, p).toks);
    for (const g of gs) {
      if (whole || sameSequence(g.toks, side(g, p).toks) || (g.hull !== null && sameSequence(g.hull.toks, p.byPosition.toks))) {
        exactGold.add(g);
        exactPred.add(p);
      }
    }
  }
  return { doc, gold, preds, matched, goldMatch, ignored, exactGold, exactPred };
}

function goldItem(doc: GoldDoc, tokens: readonly Token[], quote: GoldQuote, order: number, counted: boolean): GoldItem {
  const kind = quote.type ?? quote.quoteKindHeuristic;
  if (kind === undefined || !TYPES.includes(kind)) {
    throw new Error(`quotes: gold \`${doc.id}\` quote ${order + 1}: Expected \`type\` or \`quoteKindHeuristic\` to be direct, indirect or mixed, got \`${String(kind)}\``);
  }
  const spans = goldSpans(quote);
  for (const [start, end] of spans ?? []) {
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end > doc.text.length) {
      throw new Error(`quotes: gold \`${doc.id}\` quote ${order + 1}: Expected content offsets within the text (length ${doc.text.length}), got \`${start}\`/\`${end}\``);
    }
  }
  const positional = spans !== null;
  const t = positional ? toks(spans.flatMap(([start, end]) => within(tokens, start, end)), true) : toks(tokenize(typeof quote.text === 'string' ? quote.text : '', 0), false);
  const h = spans !== null && spans.length > 1 ? toks(within(tokens, spans[0]![0], Math.max(...spans.map((s) => s[1]))), true) : null;
  return { quote, kind, counted, positional, toks: t, bag: bagOf(t), hull: h === null ? null : { toks: h, bag: bagOf(h) }, order };
}

function goldSpans(q: GoldQuote): (readonly [number, number])[] | null {
  if (q.contentSpans !== undefined && q.contentSpans.length > 0) return [...q.contentSpans].sort((a, b) => a[0] - b[0]);
  if (typeof q.start === 'number' && typeof q.end === 'number') return [[q.start, q.end]];
  return null;
}

/** Neither gold quote lies within the other's hull; without offsets, no telling. */
function apart(a: GoldItem, b: GoldItem): boolean {
  if (!a.positional || !b.positional) return true;
  return hullEnd(a) <= position(b) || hullEnd(b) <= position(a);
}

function hullEnd(g: GoldItem): number {
  return Math.max(g.quote.end ?? 0, ...(g.quote.contentSpans ?? []).map((s) => s[1]));
}

function position(g: GoldItem): number {
  return g.quote.start ?? g.quote.contentSpans?.[0]?.[0] ?? 0;
}

// ---------------------------------------------------------------------------------------------
// Tokens

interface Token {
  readonly start: number;
  readonly end: number;
  readonly lower: string;
}

function tokenize(text: string, offset: number): Token[] {
  return Array.from(text.matchAll(/[\p{L}\p{N}]+/gu), (m) => ({ start: offset + m.index, end: offset + m.index + m[0].length, lower: m[0].toLowerCase() }));
}

/** The tokens lying wholly inside `[start, end)`; `tokens` is in text order. */
function within(tokens: readonly Token[], start: number, end: number): Token[] {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (tokens[mid]!.start < start) lo = mid + 1;
    else hi = mid;
  }
  const out: Token[] = [];
  for (let i = lo; i < tokens.length && tokens[i]!.end <= end; i++) out.push(tokens[i]!);
  return out;
}

function toks(tokens: readonly Token[], positional: boolean): Tok[] {
  return tokens.map((t, i) => ({ key: positional ? String(t.start) : t.lower, word: t.lower, order: positional ? t.start : i }));
}

function bagOf(t: readonly Tok[]): Map<string, number> {
  const bag = new Map<string, number>();
  for (const { key } of t) bag.set(key, (bag.get(key) ?? 0) + 1);
  return bag;
}

function intersection(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  let n = 0;
  for (const [key, count] of a) n += Math.min(count, b.get(key) ?? 0);
  return n;
}

function tokenF1(overlap: number, gold: number, pred: number): number {
  return gold + pred === 0 ? 0 : (2 * overlap) / (gold + pred);
}

/** Several gold paragraphs as one quote: positions in text order, bags in file order. */
function unionToks(group: readonly GoldItem[]): Tok[] {
  const first = group[0];
  if (first === undefined) return [];
  if (!first.positional) return [...group].sort((a, b) => a.order - b.order).flatMap((g) => g.toks);
  const seen = new Map<string, Tok>();
  for (const g of group) for (const t of g.toks) seen.set(t.key, t);
  return [...seen.values()].sort((a, b) => a.order - b.order);
}

/** Equal after dropping a leading "that": `said that taxes rise` is the quote `taxes rise`. */
function sameSequence(a: readonly Tok[], b: readonly Tok[]): boolean {
  const x = dropThat(a);
  const y = dropThat(b);
  return a.length > 0 && b.length > 0 && x.length === y.length && x.every((t, i) => t.key === y[i]!.key);
}

function dropThat(t: readonly Tok[]): readonly Tok[] {
  return t[0]?.word === 'that' ? t.slice(1) : t;
}

// ---------------------------------------------------------------------------------------------
// Speakers

function goldSpeaker(q: GoldQuote): string {
  return q.speaker?.trim() ?? '';
}

function isPronoun(s: string): boolean {
  return PRONOUNS.has(s.trim().toLowerCase());
}

/**
 * Right when the predicted mention overlaps the gold speaker span, or the predicted name's last
 * word is a word of the gold speaker: `Robby Mook` for "Hillary Clinton's campaign manager Robby Mook".
 * A gold quote without a speaker is right only when none is predicted.
 */
function speakerRight(g: GoldQuote, p: QuoteRecord): boolean {
  const speaker = p.speaker;
  const goldName = goldSpeaker(g);
  if (goldName === '') return speaker === null;
  if (speaker === null) return false;
  const { speakerStart: gs, speakerEnd: ge } = g;
  if (typeof gs === 'number' && typeof ge === 'number' && typeof speaker.start === 'number' && typeof speaker.end === 'number') {
    if (speaker.start < ge && gs < speaker.end) return true;
  }
  const last = normalWord(speaker.name.trim().split(/\s+/).pop() ?? '');
  return last !== '' && speakerWords(goldName).has(last);
}

/** Lower-cased, edge punctuation and a possessive stripped: `Clinton’s,` → `clinton`. */
function normalWord(w: string): string {
  return w
    .toLowerCase()
    .replace(/[‘’]/g, "'")
    .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')
    .replace(/'s$/, '');
}

/** Whole words and their parts, so `Wasserman-Schultz` has `schultz` too. */
function speakerWords(s: string): Set<string> {
  const words = new Set<string>();
  for (const w of s.split(/\s+/)) {
    words.add(normalWord(w));
    for (const t of tokenize(w, 0)) words.add(t.lower);
  }
  words.delete('');
  return words;
}

// ---------------------------------------------------------------------------------------------
// Tally

class MutableCounts {
  tp = 0;
  fp = 0;
  goldTp = 0;
  fn = 0;
  frozen(): Counts {
    return { tp: this.tp, fp: this.fp, goldTp: this.goldTp, fn: this.fn };
  }
}

class MutableShare {
  right = 0;
  total = 0;
  count(right: boolean): void {
    this.total++;
    if (right) this.right++;
  }
  frozen(): Share {
    return { right: this.right, total: this.total };
  }
}

const ROWS: readonly TypeRow[] = ['direct', 'indirect', 'mixed', 'all'];

class Tally {
  private readonly overlap = new Map(ROWS.map((r) => [r, new MutableCounts()]));
  private readonly exact = new Map(ROWS.map((r) => [r, new MutableCounts()]));
  private readonly endToEnd = new MutableCounts();
  private readonly speakerAll = new MutableShare();
  private readonly speakerNames = new MutableShare();
  private readonly pronounsResolved = new MutableShare();
  private readonly exactName = new MutableShare();
  private readonly errors: EvaluationError[] = [];
  private ignored = 0;

  add(r: DocResult): void {
    const errors: { at: number; error: EvaluationError }[] = [];
    const rows = (t: QuoteType) => [t, 'all'] as const;
    for (const g of r.gold) {
      if (!g.counted) continue;
      const p = r.goldMatch.get(g);
      for (const row of rows(g.kind)) {
        this.overlap.get(row)![p === undefined ? 'fn' : 'goldTp']++;
        this.exact.get(row)![r.exactGold.has(g) ? 'goldTp' : 'fn']++;
      }
      if (p === undefined) {
        this.endToEnd.fn++;
        errors.push({ at: position(g), error: { kind: 'miss', doc: r.doc.id, gold: g.quote } });
        continue;
      }
      const right = speakerRight(g.quote, p.record);
      this.endToEnd[right ? 'goldTp' : 'fn']++;
      if (!right) errors.push({ at: position(g), error: { kind: 'wrong-speaker', doc: r.doc.id, gold: g.quote, predicted: p.record } });
      const name = goldSpeaker(g.quote);
      this.speakerAll.count(right);
      if (name !== '' && !isPronoun(name)) this.speakerNames.count(right);
      if (name !== '' && isPronoun(name)) {
        const predictedName = p.record.speaker?.name.trim() ?? '';
        this.pronounsResolved.count(predictedName !== '' && !isPronoun(predictedName));
      }
      if (name !== '' && typeof g.quote.speakerStart !== 'number') {
        this.exactName.count(p.record.speaker?.name.trim().toLowerCase() === name.toLowerCase());
      }
    }
    for (const p of r.preds) {
      if (r.ignored.has(p)) {
        this.ignored++;
        continue;
      }
      const gs = r.matched.get(p);
      for (const row of rows(p.record.type)) {
        this.overlap.get(row)![gs === undefined ? 'fp' : 'tp']++;
        this.exact.get(row)![r.exactPred.has(p) ? 'tp' : 'fp']++;
      }
      // Precision end to end: the speaker of the gold quote the prediction was paired with first.
      const primary = gs?.[0];
      this.endToEnd[primary !== undefined && speakerRight(primary.quote, p.record) ? 'tp' : 'fp']++;
      if (gs === undefined) errors.push({ at: p.record.start, error: { kind: 'spurious', doc: r.doc.id, predicted: p.record } });
    }
    errors.sort((a, b) => a.at - b.at);
    this.errors.push(...errors.map((e) => e.error));
  }

  result(): Omit<EvaluationReport, 'documents' | 'documentsPredicted' | 'unknownDocument'> {
    const byType = Object.fromEntries(
      ROWS.map((row) => [row, { overlap: this.overlap.get(row)!.frozen(), exact: this.exact.get(row)!.frozen() }]),
    ) as Record<TypeRow, TypeScores>;
    return {
      ignored: this.ignored,
      byType,
      speaker: {
        all: this.speakerAll.frozen(),
        names: this.speakerNames.frozen(),
        pronounsResolved: this.pronounsResolved.frozen(),
        exactName: this.exactName.frozen(),
      },
      endToEnd: this.endToEnd.frozen(),
      errors: this.errors,
    };
  }
}

// ---------------------------------------------------------------------------------------------
// Formatting

/** A plain-text report: documents, the per-type table, speaker accuracies, end to end; errors by document. */
export function formatReport(report: EvaluationReport, options: { readonly errors?: boolean } = {}): string {
  const n = (x: number) => x.toFixed(3);
  const lines: string[] = [];
  lines.push(
    `documents: ${report.documents} gold, ${report.documentsPredicted} with predictions`,
    `predictions ignored: ${report.ignored} matching only uncounted gold, ${report.unknownDocument} in documents not in gold`,
    '',
  );

  const table = [
    ['type', 'gold', 'pred', 'P', 'R', 'F1', 'exact F1'],
    ...ROWS.map((row) => {
      const { overlap, exact } = report.byType[row];
      return [row, String(overlap.goldTp + overlap.fn), String(overlap.tp + overlap.fp), n(precision(overlap)), n(recall(overlap)), n(f1(overlap)), n(f1(exact))];
    }),
  ];
  const widths = table[0]!.map((_, i) => Math.max(...table.map((r) => r[i]!.length)));
  for (const r of table) lines.push(r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ').trimEnd());
  // the recall a quote extractor is held to for quotations: direct and mixed together
  const found = report.byType.direct.overlap.goldTp + report.byType.mixed.overlap.goldTp;
  const quoted = found + report.byType.direct.overlap.fn + report.byType.mixed.overlap.fn;
  lines.push(`recall of direct and mixed quotes: ${quoted === 0 ? 'n/a' : n(found / quoted)}  (${found}/${quoted})`, '');

  const share = (label: string, s: Share) => `${label.padEnd(34)}${s.total === 0 ? '  n/a' : n(accuracy(s))}  (${s.right}/${s.total})`;
  lines.push(
    share('speaker accuracy', report.speaker.all),
    share('  gold speaker is a name', report.speaker.names),
    share('  gold pronoun resolved to a name', report.speaker.pronounsResolved),
    share('  exact name (canonical gold)', report.speaker.exactName),
    '',
    `end to end (quote and speaker): P ${n(precision(report.endToEnd))}  R ${n(recall(report.endToEnd))}  F1 ${n(f1(report.endToEnd))}`,
  );

  if (options.errors === true && report.errors.length > 0) {
    lines.push('', `errors (${report.errors.length}):`);
    let doc: string | null = null;
    for (const e of report.errors) {
      if (e.doc !== doc) {
        doc = e.doc;
        lines.push('', doc);
      }
      lines.push(`  ${e.kind}`);
      if (e.gold !== undefined) {
        const at = typeof e.gold.start === 'number' ? ` ${e.gold.start}-${e.gold.end}` : '';
        lines.push(`    gold${at} ${clip(e.gold.text)}  speaker: ${e.gold.speaker ?? '(none)'}`);
      }
      if (e.predicted !== undefined) {
        const s = e.predicted.speaker;
        lines.push(`    pred ${e.predicted.start}-${e.predicted.end} ${clip(e.predicted.text)}  speaker: ${s === null ? '(none)' : s.name}`);
      }
    }
  }
  return `${lines.join('\n')}\n`;
}

function clip(text: string): string {
  const t = collapseWhitespace(text);
  return JSON.stringify(t.length > 100 ? `${t.slice(0, 99)}…` : t);
}
