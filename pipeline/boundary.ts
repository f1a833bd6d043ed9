// Where a reported clause starts and ends: logistic models over the tokens around each candidate (after a
// reporting verb: its object, adverbials; later: a comma, a conjunction, a subordinator), trained on
// PolNeAR train by `quotes train` and kept in models/ as data.
import type { Token } from './document.ts';

export interface BoundaryModel {
  readonly bias: number;
  readonly weights: ReadonlyMap<string, number>;
  /** Probability of ending the clause above which it ends. */
  readonly threshold: number;
  /** Where a clause starts after its cue: the candidate scoring highest. Null: the rules decide. */
  readonly start?: { readonly bias: number; readonly weights: ReadonlyMap<string, number> } | null;
}

/** What the features need to know about a document beyond its tokens. */
export interface BoundaryContext {
  readonly tokens: readonly Token[];
  readonly isCue: (token: number) => boolean;
  readonly insideQuote: (offset: number) => boolean;
  /** A capitalised word that is never a name on its own (`Tuesday`, `March`: models/not-names.json). */
  readonly notName?: (token: number) => boolean;
}

const BREAKS = /^(?:,|;|:|—|–|--|\(|and|but|or|while|whereas|although|though|because|since|as|after|before|when|if|until|unless|despite|amid|including|which|who|where|even|so)$/i;
const SUBJECTS = /^(?:he|she|they|it|we|i|you)$/i;
const CLOSING = /^["”’'»`]+$/u;

/** A token the clause may end before: punctuation that breaks a clause, a conjunction, a subordinator, a relative. */
export function isBreak(t: Token): boolean {
  return BREAKS.test(t.value) || t.pos === 'CCONJ' || t.pos === 'SCONJ';
}

/**
 * Where a clause may end, before token `k`: a break outside quotations, or a participle right after a
 * closing mark (`…with Russia,” citing …`).
 */
export function isCandidate(ctx: BoundaryContext, k: number): boolean {
  const t = ctx.tokens[k]!;
  if (ctx.insideQuote(t.start)) return false;
  return isBreak(t) || (CLOSING.test(ctx.tokens[k - 1]?.value ?? '') && t.pos === 'VERB' && /ing$/i.test(t.value));
}

const bucket = (n: number) => (n <= 3 ? '1-3' : n <= 7 ? '4-7' : n <= 15 ? '8-15' : n <= 30 ? '16-30' : '31+');

/** Features of ending the clause that starts at token `from` just before token `k`. */
export function boundaryFeatures(ctx: BoundaryContext, from: number, k: number, lemma = ''): string[] {
  const { tokens } = ctx;
  const t = tokens[k]!;
  const prev = tokens[k - 1];
  const next = tokens[k + 1];
  const next2 = tokens[k + 2];
  const b = BREAKS.test(t.value) ? t.value.toLowerCase() : t.pos;
  // the next word itself when it is a function word or a participle (`saying`, `adding`), else its tag
  const n1 = next === undefined ? 'END' : CLOSING.test(next.value) ? 'QUOTE' : /^(?:PUNCT|CCONJ|SCONJ|ADP|PRON|DET|AUX|PART|ADV)$/.test(next.pos) || (next.pos === 'VERB' && /ing$/i.test(next.value)) ? next.value.toLowerCase() : next.pos;
  const n1ing = next !== undefined && next.pos === 'VERB' && /ing$/i.test(next.value);
  let finite = false;
  for (let i = from; i < k && !finite; i++) finite = tokens[i]!.pos === 'AUX' || (tokens[i]!.pos === 'VERB' && !/ing$/i.test(tokens[i]!.value)) || ctx.insideQuote(tokens[i]!.start);
  // a finite verb ahead, before the next break: another clause starts here
  let verbAhead = false;
  let cueAhead = false;
  for (let i = k + 1; i < Math.min(tokens.length, k + 8); i++) {
    const a = tokens[i]!;
    if (ctx.isCue(i) && !/ing$/i.test(a.value)) cueAhead = true;
    if ((a.pos === 'VERB' && !/ing$/i.test(a.value)) || a.pos === 'AUX') {
      verbAhead = true;
      break;
    }
    if (isBreak(a) && i > k + 1) break;
  }
  const subjectAhead = next !== undefined && SUBJECTS.test(next.value) && /^(?:VERB|AUX)$/.test(next2?.pos ?? '');
  const afterQuote = prev !== undefined && CLOSING.test(prev.value);
  const f = [
    `b=${b}`,
    `n1=${n1}`,
    `b|n1=${b}|${n1}`,
    `p1=${prev === undefined ? 'START' : afterQuote ? 'QUOTE' : prev.pos}`,
    `b|p1=${b}|${afterQuote ? 'QUOTE' : prev?.pos}`,
    `n2=${next2?.pos ?? 'END'}`,
    `d=${bucket(k - from)}`,
    `b|d=${b}|${bucket(k - from)}`,
    `finite=${finite}`,
    `b|finite=${b}|${finite}`,
    `verbAhead=${verbAhead}`,
    `b|verbAhead=${b}|${verbAhead}`,
    `cueAhead=${cueAhead}`,
    `b|cueAhead=${b}|${cueAhead}`,
  ];
  if (n1ing) f.push('n1ing', `b|n1ing=${b}`);
  if (ctx.isCue(k + 1)) f.push(`b|n1cue=${b}`);
  // the reporting verb's own habits (`urged … to`, `said …, adding`)
  if (lemma !== '') f.push(`lemma|b=${lemma}|${b}`);
  f.push(`b|n1|n2=${b}|${n1}|${next2?.pos ?? 'END'}`, `p1w=${prev !== undefined && /^(?:PUNCT|ADP|DET|PRON|CCONJ|SCONJ|PART|AUX)$/.test(prev.pos) ? prev.value.toLowerCase() : prev?.pos}`);
  let breaks = 0;
  for (let i = from + 1; i < k; i++) if (isBreak(tokens[i]!) && !ctx.insideQuote(tokens[i]!.start)) breaks++;
  f.push(`b|breaks=${b}|${Math.min(breaks, 3)}`);
  let quoted = false;
  for (let i = from; i < k && !quoted; i++) quoted = ctx.insideQuote(tokens[i]!.start);
  if (quoted) f.push(`b|quoted=${b}`);
  if (subjectAhead) f.push('subjectAhead', `b|subjectAhead=${b}`);
  return f;
}

/** How far after its cue a reported clause may start, in tokens. */
export const START_WINDOW = 12;

const word = (t: Token | undefined) => (t === undefined ? 'NONE' : /^(?:PUNCT|ADP|DET|PRON|CCONJ|SCONJ|PART|AUX|ADV)$/.test(t.pos) ? t.value.toLowerCase() : t.pos);

/**
 * Features of starting the clause reported by the cue `lemma`, whose words begin at token `first`, at
 * token `p`: what is passed over (an object, a preposition, `that`) and what comes next.
 */
export function startFeatures(ctx: BoundaryContext, lemma: string, first: number, p: number): string[] {
  const { tokens } = ctx;
  const d = p - first;
  // (`said Tuesday his actions …`: a weekday is an adverbial, not the clause's subject the way a name is)
  const notName = (i: number) => tokens[i]?.pos === 'PROPN' && ctx.notName?.(i) === true;
  const wordAt = (i: number) => (notName(i) ? 'NOTNAME' : word(tokens[i]));
  const passed = new Set<string>();
  for (let i = first; i < p; i++) {
    const t = tokens[i]!;
    passed.add(t.value.toLowerCase() === 'that' ? 'that' : t.value === ',' ? 'comma' : notName(i) ? 'NOTNAME' : t.pos);
  }
  let verbAhead = false;
  for (let i = p; i < Math.min(tokens.length, p + 5) && !verbAhead; i++) verbAhead = tokens[i]!.pos === 'AUX' || (tokens[i]!.pos === 'VERB' && !/ing$/i.test(tokens[i]!.value));
  const here = wordAt(p);
  const before = wordAt(p - 1);
  const f = [
    `d=${Math.min(d, 6)}`,
    `lemma|d=${lemma}|${Math.min(d, 3)}`,
    `t=${here}`,
    `t-1=${before}`,
    `t-1|t=${before}|${here}`,
    `lemma|t=${lemma}|${here}`,
    `lemma|t-1=${lemma}|${before}`,
    `verbAhead=${verbAhead}`,
    `t|verbAhead=${here}|${verbAhead}`,
  ];
  for (const x of [...passed].sort()) f.push(`passed=${x}`, `lemma|passed=${lemma}|${x}`);
  return f;
}

/** Candidate starts after a cue whose words begin at `first`: each token up to the window, none inside a quotation but its opening. */
export function startCandidates(ctx: BoundaryContext, first: number, last: number): number[] {
  const found: number[] = [];
  for (let p = first; p < Math.min(last, first + START_WINDOW); p++) {
    const t = ctx.tokens[p]!;
    const inside = ctx.insideQuote(t.start) && p > first && ctx.insideQuote(ctx.tokens[p - 1]!.start);
    // (`about half`, `nearly 40 percent`: a quantity is not split from its number)
    const quantity = p > first && /^(?:about|around|nearly|over|under|almost|roughly|some)$/i.test(ctx.tokens[p - 1]!.value) && (t.pos === 'NUM' || /^(?:half|a|one|two|three|four)$/i.test(t.value));
    if (/^[,.;:!?)\]]$/.test(t.value) || inside || quantity) continue;
    found.push(p);
  }
  return found;
}

export function endProbability(model: BoundaryModel, features: readonly string[]): number {
  let z = model.bias;
  for (const f of features) z += model.weights.get(f) ?? 0;
  return 1 / (1 + Math.exp(-z));
}

export interface BoundaryExample {
  readonly features: readonly string[];
  /** 1: the clause ends before this break; 0: it goes on. */
  readonly label: 0 | 1;
}

/**
 * Logistic regression by AdaGrad over the examples in the order given, a fixed number of passes: the
 * same examples give the same weights, byte for byte.
 */
export function trainBoundaryModel(examples: readonly BoundaryExample[], options: { epochs?: number; rate?: number; l2?: number } = {}): BoundaryModel {
  const epochs = options.epochs ?? 8;
  const rate = options.rate ?? 0.3;
  const l2 = options.l2 ?? 1e-5;
  const weights = new Map<string, number>();
  const squares = new Map<string, number>();
  let bias = 0;
  let biasSquare = 1e-8;
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (const { features, label } of examples) {
      let z = bias;
      for (const f of features) z += weights.get(f) ?? 0;
      const gradient = 1 / (1 + Math.exp(-z)) - label;
      biasSquare += gradient * gradient;
      bias -= (rate * gradient) / Math.sqrt(biasSquare);
      for (const f of features) {
        const w = weights.get(f) ?? 0;
        const g = gradient + l2 * w;
        const s = (squares.get(f) ?? 1e-8) + g * g;
        squares.set(f, s);
        weights.set(f, w - (rate * g) / Math.sqrt(s));
      }
    }
  }
  return { bias, weights, threshold: 0.5 };
}

/** The model as models/boundary-model.json holds it: weights rounded and sorted, so retraining is byte-stable. */
export function boundaryModelJson(model: BoundaryModel, about: Record<string, unknown>): string {
  const round = (x: number) => Math.round(x * 1e4) / 1e4;
  const sorted = (weights: ReadonlyMap<string, number>) => Object.fromEntries([...weights].map(([f, w]) => [f, round(w)] as const).filter(([, w]) => w !== 0).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const start = model.start ? { bias: round(model.start.bias), weights: sorted(model.start.weights) } : undefined;
  return `${JSON.stringify({ $about: about, bias: round(model.bias), threshold: model.threshold, weights: sorted(model.weights), ...(start ? { start } : {}) }, null, 1)}\n`;
}

/** The start score of one candidate (a logit: candidates are compared, not thresholded). */
export function startScore(model: NonNullable<BoundaryModel['start']>, features: readonly string[]): number {
  let z = model.bias;
  for (const f of features) z += model.weights.get(f) ?? 0;
  return z;
}

/** Reads the JSON form back; throws with the file's name on a malformed model. */
export function readBoundaryModel(raw: unknown, file: string): BoundaryModel {
  const fail = (what: string): never => {
    throw new Error(`quotes: ${file}: ${what}`);
  };
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) fail('must be an object');
  const o = raw as Record<string, unknown>;
  if (typeof o['bias'] !== 'number' || !Number.isFinite(o['bias'])) fail('bias must be a number');
  if (typeof o['threshold'] !== 'number' || !(o['threshold'] > 0 && o['threshold'] < 1)) fail('threshold must be a number between 0 and 1');
  const w = o['weights'];
  if (typeof w !== 'object' || w === null || Array.isArray(w)) fail('weights must be an object of numbers');
  const readWeights = (raw: unknown, at: string) => {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) fail(`${at} must be an object of numbers`);
    const weights = new Map<string, number>();
    for (const [f, v] of Object.entries(raw as Record<string, unknown>)) {
      if (typeof v !== 'number' || !Number.isFinite(v)) fail(`weight "${f}" must be a number`);
      weights.set(f, v as number);
    }
    return weights;
  };
  const weights = readWeights(w, 'weights');
  let start: BoundaryModel['start'] = null;
  if (o['start'] !== undefined) {
    const st = o['start'] as Record<string, unknown>;
    if (typeof st !== 'object' || st === null || typeof st['bias'] !== 'number') fail('start must be an object with a bias and weights');
    start = { bias: st['bias'] as number, weights: readWeights(st['weights'], 'start.weights') };
  }
  return { bias: o['bias'] as number, weights, threshold: o['threshold'] as number, start };
}
