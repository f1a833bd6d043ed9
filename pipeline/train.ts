// `quotes train`: fits the clause-boundary model on hand-labelled attributions (PolNeAR train) and writes
// models/boundary-model.json. Examples come from gold spans, not from the pipeline's own output.
import { annotate } from './annotate.ts';
import { boundaryFeatures, boundaryModelJson, isCandidate, startCandidates, startFeatures, trainBoundaryModel, type BoundaryContext, type BoundaryExample, type BoundaryModel } from './boundary.ts';
import type { Doc } from './document.ts';
import { polnearCounts, type GoldDoc } from './evaluate.ts';
import { isSpeechOrWritingCue, type Lexicon } from './lexicon.ts';

/** The most tokens a reported clause runs, as in the attribute stage. */
const MAX_CLAUSE_TOKENS = 150;

function tokenAt(doc: Doc, offset: number): number {
  let lo = 0;
  let hi = doc.tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (doc.tokens[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function breaksOf(doc: Doc, lexicon: Lexicon): BoundaryContext {
  const cues = new Set(doc.cues.filter((c) => c.cls === 'speech' || c.cls === 'writing').map((c) => tokenAt(doc, c.start)));
  const hulls = doc.quotes.filter((q) => q.depth === 0).map((q) => [q.open.start, q.close?.end ?? q.end] as const);
  void lexicon;
  return {
    tokens: doc.tokens,
    isCue: (k) => cues.has(k),
    insideQuote: (offset) => hulls.some(([s, e]) => offset >= s && offset < e),
  };
}

/**
 * For every counted indirect or mixed gold quote whose content starts at a token: each break after its
 * start, labelled 1 at the first break past the gold end (the clause ends there) and 0 before it.
 */
export function boundaryExamples(gold: readonly GoldDoc[], lexicon: Lexicon): BoundaryExample[] {
  const counts = polnearCounts((cue) => isSpeechOrWritingCue(lexicon, cue));
  const examples: BoundaryExample[] = [];
  for (const g of gold) {
    const doc = annotate(g.text, { id: g.id, lexicon });
    const ctx = breaksOf(doc, lexicon);
    for (const q of g.quotes) {
      if (!counts(q) || q.quoteKindHeuristic === 'direct' || q.start == null || q.end == null) continue;
      if ((q.contentSpans?.length ?? 1) > 1) continue;
      const from = tokenAt(doc, q.start);
      if (doc.tokens[from]?.start !== q.start) continue;
      // the gold end without the sentence's punctuation
      let end = q.end;
      while (end > q.start && /[\s.,;:!?]/.test(g.text[end - 1]!)) end--;
      const sentence = doc.sentences.find((s) => from >= s.firstToken && from < s.lastToken);
      if (!sentence) continue;
      const last = Math.min(sentence.lastToken, from + MAX_CLAUSE_TOKENS);
      for (let k = from + 1; k < last; k++) {
        if (!isCandidate(ctx, k)) continue;
        const stop = doc.tokens[k]!.start >= end;
        examples.push({ features: boundaryFeatures(ctx, from, k), label: stop ? 1 : 0 });
        if (stop) break;
      }
    }
  }
  return examples;
}

/**
 * For every counted indirect or mixed gold quote whose cue the cue finder also found: each candidate
 * start after that cue, labelled 1 where the gold content starts.
 */
export function startExamples(gold: readonly GoldDoc[], lexicon: Lexicon): BoundaryExample[] {
  const counts = polnearCounts((cue) => isSpeechOrWritingCue(lexicon, cue));
  const examples: BoundaryExample[] = [];
  for (const g of gold) {
    const doc = annotate(g.text, { id: g.id, lexicon });
    const ctx = breaksOf(doc, lexicon);
    for (const q of g.quotes) {
      if (!counts(q) || q.quoteKindHeuristic === 'direct' || q.start == null || q.cueStart == null || q.cueEnd == null || q.cueEnd > q.start) continue;
      // the last cue the finder saw inside the gold cue (`told reporters` → told)
      const cue = doc.cues.filter((c) => c.start >= q.cueStart! && c.end <= q.cueEnd! && c.form !== 'noun').pop();
      if (!cue) continue;
      const first = tokenAt(doc, cue.end);
      const target = tokenAt(doc, q.start);
      if (doc.tokens[target]?.start !== q.start) continue;
      // a clause after `that` starts there by rule: the model learns the others
      if (/^that$/i.test(doc.tokens[target]!.value) || /^that$/i.test(doc.tokens[target - 1]?.value ?? '')) continue;
      const sentence = doc.sentences.find((s) => first >= s.firstToken && first < s.lastToken);
      if (!sentence) continue;
      const candidates = startCandidates(ctx, first, sentence.lastToken);
      if (!candidates.includes(target)) continue;
      for (const p of candidates) examples.push({ features: startFeatures(ctx, cue.lemma, first, p), label: p === target ? 1 : 0 });
    }
  }
  return examples;
}

export function trainBoundary(gold: readonly GoldDoc[], lexicon: Lexicon): { model: BoundaryModel; examples: number; json: string } {
  const examples = boundaryExamples(gold, lexicon);
  const starts = startExamples(gold, lexicon);
  const end = trainBoundaryModel(examples);
  const start = trainBoundaryModel(starts);
  const model: BoundaryModel = { ...end, start: { bias: start.bias, weights: start.weights } };
  const json = boundaryModelJson(model, {
    what: 'Where a reported clause ends: logistic weights over features of each break (pipeline/boundary.ts).',
    trainedOn: `${gold.length} documents, ${examples.length} breaks, ${starts.length} candidate starts`,
    command: 'quotes train --corpus ../shared/gold/polnear/train.jsonl',
  });
  return { model, examples: examples.length, json };
}
