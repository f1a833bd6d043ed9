// `quotes train`: fits the clause-boundary models on hand-labelled attributions (PolNeAR train) and writes
// models/boundary-model.json. Examples come from gold spans, not from the pipeline's own output.
import { annotate } from './annotate.ts';
import { boundaryFeatures, boundaryModelJson, isCandidate, startCandidates, startFeatures, trainBoundaryModel, type BoundaryContext, type BoundaryExample, type BoundaryModel } from './boundary.ts';
import type { Doc } from './document.ts';
import { polnearCounts, type GoldDoc, type GoldQuote } from './evaluate.ts';
import { isSpeechOrWritingCue, type Lexicon } from './lexicon.ts';
// the features are read as the attribute stage reads them: its tokens, cues and quotation hulls
import { createContext, MAX_CLAUSE_TOKENS, sentenceOf, tokenAt } from './stages/attribute/context.ts';

/** Each break after a gold content's start, labelled 1 at the first break past its end (the clause ends there), 0 before. */
function endExamples(doc: Doc, ctx: BoundaryContext, q: GoldQuote, text: string): BoundaryExample[] {
  if ((q.contentSpans?.length ?? 1) > 1) return [];
  const from = tokenAt(doc.tokens, q.start!);
  if (doc.tokens[from]?.start !== q.start) return [];
  // the gold end without the sentence's punctuation
  let end = q.end!;
  while (end > q.start! && /[\s.,;:!?]/.test(text[end - 1]!)) end--;
  const sentence = sentenceOf(doc, from);
  if (!sentence) return [];
  const lemma = cueOf(doc, q)?.lemma ?? '';
  const examples: BoundaryExample[] = [];
  for (let k = from + 1; k < Math.min(sentence.lastToken, from + MAX_CLAUSE_TOKENS); k++) {
    if (!isCandidate(ctx, k)) continue;
    const stop = doc.tokens[k]!.start >= end;
    examples.push({ features: boundaryFeatures(ctx, from, k, lemma), label: stop ? 1 : 0 });
    if (stop) break;
  }
  return examples;
}

/** The last cue the finder saw inside the gold cue (`told reporters` → told), if the gold cue comes before the content. */
function cueOf(doc: Doc, q: GoldQuote) {
  if (q.cueStart == null || q.cueEnd == null || q.cueEnd > q.start!) return undefined;
  return doc.cues.filter((c) => c.start >= q.cueStart! && c.end <= q.cueEnd! && c.form !== 'noun').pop();
}

/** Each candidate start after the gold quote's cue (as the cue finder saw it), labelled 1 where the gold content starts. */
function startExamples(doc: Doc, ctx: BoundaryContext, q: GoldQuote): BoundaryExample[] {
  const cue = cueOf(doc, q);
  if (!cue) return [];
  const first = tokenAt(doc.tokens, cue.end);
  const target = tokenAt(doc.tokens, q.start!);
  if (doc.tokens[target]?.start !== q.start) return [];
  // a clause after `that` starts there by rule: the model learns the others
  if (/^that$/i.test(doc.tokens[target]!.value) || /^that$/i.test(doc.tokens[target - 1]?.value ?? '')) return [];
  const sentence = sentenceOf(doc, first);
  if (!sentence) return [];
  const candidates = startCandidates(ctx, first, sentence.lastToken);
  if (!candidates.includes(target)) return [];
  return candidates.map((p) => ({ features: startFeatures(ctx, cue.lemma, first, p), label: p === target ? 1 : 0 }));
}

/** Examples for both models from the counted indirect and mixed gold attributions, each document annotated once. */
export function boundaryExamples(gold: readonly GoldDoc[], lexicon: Lexicon): { ends: BoundaryExample[]; starts: BoundaryExample[] } {
  const counts = polnearCounts((cue) => isSpeechOrWritingCue(lexicon, cue));
  const ends: BoundaryExample[] = [];
  const starts: BoundaryExample[] = [];
  for (const g of gold) {
    const doc = annotate(g.text, { id: g.id, lexicon });
    const ctx = createContext(doc, lexicon).breaks;
    for (const q of g.quotes) {
      if (!counts(q) || q.quoteKindHeuristic === 'direct' || q.start == null || q.end == null) continue;
      ends.push(...endExamples(doc, ctx, q, g.text));
      starts.push(...startExamples(doc, ctx, q));
    }
  }
  return { ends, starts };
}

export function trainBoundary(gold: readonly GoldDoc[], lexicon: Lexicon): { model: BoundaryModel; examples: number; json: string } {
  const { ends, starts } = boundaryExamples(gold, lexicon);
  const end = trainBoundaryModel(ends);
  const start = trainBoundaryModel(starts);
  const model: BoundaryModel = { ...end, start: { bias: start.bias, weights: start.weights } };
  const json = boundaryModelJson(model, {
    what: 'Where a reported clause starts and ends: logistic weights over features of each candidate (pipeline/boundary.ts).',
    trainedOn: `${gold.length} documents, ${ends.length} breaks, ${starts.length} candidate starts`,
    command: 'quotes train --corpus ../shared/gold/polnear/train.jsonl',
  });
  return { model, examples: ends.length + starts.length, json };
}
