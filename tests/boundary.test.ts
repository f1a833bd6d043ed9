// The learned clause-boundary model: its features, its training (reproducible, able to learn), its file format, and its use.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { boundaryFeatures, boundaryModelJson, endProbability, isCandidate, readBoundaryModel, startCandidates, startFeatures, startScore, trainBoundaryModel, type BoundaryContext, type BoundaryExample } from '../pipeline/boundary.ts';
import { buildLexicon, LEXICON_FILES, loadLexicon, type LexiconData } from '../pipeline/lexicon.ts';
import { annotate } from '../pipeline/annotate.ts';
import { quoteRecords } from '../pipeline/records.ts';
import { boundaryExamples } from '../pipeline/train.ts';
import { annotated } from './helpers.ts';

const contextOf = (text: string): BoundaryContext => {
  const doc = annotated(text);
  const hulls = doc.quotes.filter((q) => q.depth === 0).map((q) => [q.open.start, q.close?.end ?? q.end] as const);
  return { tokens: doc.tokens, isCue: () => false, insideQuote: (offset) => hulls.some(([s, e]) => offset >= s && offset < e) };
};
const indexOf = (ctx: BoundaryContext, value: string, nth = 0) => ctx.tokens.map((t, i) => (t.value === value ? i : -1)).filter((i) => i >= 0)[nth]!;

describe('boundary: candidates and features', () => {
  test.each([
    ['a comma', 'He said the plan works, and nothing else matters.', ',', true],
    ['a conjunction', 'He said the plan works and nothing else matters.', 'and', true],
    ['a subordinator', 'He said the plan works because nothing else matters.', 'because', true],
    ['a noun', 'He said the plan works because nothing else matters.', 'plan', false],
    ['a comma inside a quotation', 'He said the plan "works, mostly" and left.', ',', false],
  ])('%s is a candidate: %s', (_, text, value, expected) => {
    const ctx = contextOf(text);
    expect(isCandidate(ctx, indexOf(ctx, value))).toBe(expected);
  });

  test('features name the break, the next word and whether a verb follows', () => {
    const ctx = contextOf('He said the plan works, adding that nothing else matters.');
    const from = indexOf(ctx, 'the');
    const features = boundaryFeatures(ctx, from, indexOf(ctx, ','));
    expect(features).toContain('b=,');
    expect(features).toContain('n1=adding');
    expect(features).toContain('finite=true');
    expect(features).toContain('n1ing');
    expect(boundaryFeatures(ctx, from, indexOf(ctx, ','), 'say')).toContain('lemma|b=say|,');
  });

  test('features are the same for the same text', () => {
    const a = contextOf('He said the plan works, and nothing else matters.');
    const b = contextOf('He said the plan works, and nothing else matters.');
    expect(boundaryFeatures(a, 2, indexOf(a, ','))).toEqual(boundaryFeatures(b, 2, indexOf(b, ',')));
  });
});

describe('boundary: training', () => {
  // ends before `saying`, goes on past `and`: a rule the model must find
  const examples: BoundaryExample[] = Array.from({ length: 40 }, (_, i) => [
    { features: ['b=,', 'n1=saying'], label: 1 as const },
    { features: ['b=and', `n1=${i % 2 ? 'NOUN' : 'DET'}`], label: 0 as const },
  ]).flat();

  test('learns to end before a participle and to go on past a conjunction', () => {
    const model = trainBoundaryModel(examples);
    expect(endProbability(model, ['b=,', 'n1=saying'])).toBeGreaterThan(0.8);
    expect(endProbability(model, ['b=and', 'n1=NOUN'])).toBeLessThan(0.2);
  });

  test('the same examples give the same bytes', () => {
    const about = { trainedOn: 'test' };
    expect(boundaryModelJson(trainBoundaryModel(examples), about)).toBe(boundaryModelJson(trainBoundaryModel(examples), about));
  });

  test('the JSON form reads back to the same probabilities', () => {
    const model = trainBoundaryModel(examples);
    const back = readBoundaryModel(JSON.parse(boundaryModelJson(model, {})), 'test.json');
    expect(endProbability(back, ['b=,', 'n1=saying'])).toBeCloseTo(endProbability(model, ['b=,', 'n1=saying']), 3);
  });
});

describe('boundary: where a clause starts', () => {
  test('candidates after a cue skip punctuation and the inside of a quotation, not its opening mark', () => {
    const ctx = contextOf('Clinton urged Congress, on Monday, "to act now" on guns.');
    const first = indexOf(ctx, 'urged') + 1;
    const values = startCandidates(ctx, first, ctx.tokens.length).map((p) => ctx.tokens[p]!.value);
    expect(values).toEqual(['Congress', 'on', 'Monday', '"', 'on', 'guns']);
  });

  test('features name the cue, what was passed over and what follows', () => {
    const ctx = contextOf('Clinton urged Congress to act on guns.');
    const first = indexOf(ctx, 'urged') + 1;
    const features = startFeatures(ctx, 'urge', first, indexOf(ctx, 'to'));
    expect(features).toContain('lemma|passed=urge|PROPN');
    expect(features).toContain('t=to');
    expect(features).toContain('verbAhead=true');
  });

  test('a weekday is told from a name: it is passed over as an adverbial, not the clause’s subject', () => {
    const base = contextOf('Trump said Tuesday his actions were legal.');
    const ctx: BoundaryContext = { ...base, notName: (k) => base.tokens[k]!.value === 'Tuesday' };
    const first = indexOf(ctx, 'said') + 1;
    expect(startFeatures(ctx, 'say', first, first)).toContain('t=NOTNAME');
    expect(startFeatures(ctx, 'say', first, first + 1)).toContain('passed=NOTNAME');
    expect(startFeatures(base, 'say', first, first)).not.toContain('t=NOTNAME');
  });

  test('a start model learned from examples prefers the labelled candidate', () => {
    const examples: BoundaryExample[] = Array.from({ length: 30 }, () => [
      { features: ['lemma|passed=urge|PROPN', 't=to'], label: 1 as const },
      { features: ['d=0', 't=PROPN'], label: 0 as const },
    ]).flat();
    const start = trainBoundaryModel(examples);
    expect(startScore(start, ['lemma|passed=urge|PROPN', 't=to'])).toBeGreaterThan(startScore(start, ['d=0', 't=PROPN']));
  });

  test('models/boundary-model.json holds a start model too', () => {
    expect(loadLexicon().boundary?.start?.weights.size).toBeGreaterThan(100);
  });

  test('the start model reads back from its JSON form', () => {
    const model = { ...trainBoundaryModel([{ features: ['b=,'], label: 1 }]), start: { bias: 0.5, weights: new Map([['t=to', 1.25]]) } };
    const back = readBoundaryModel(JSON.parse(boundaryModelJson(model, {})), 'test.json');
    expect(back.start?.weights.get('t=to')).toBe(1.25);
    expect(() => readBoundaryModel({ bias: 0, threshold: 0.5, weights: {}, start: { weights: {} } }, 'test.json')).toThrow(/start must be an object with a bias/);
  });
});

describe('boundary: the model file', () => {
  const models = new URL('../models/', import.meta.url);
  const data = (boundary: unknown): LexiconData => ({
    ...Object.fromEntries(Object.entries(LEXICON_FILES).filter(([k]) => k !== 'boundary').map(([k, file]) => [k, JSON.parse(readFileSync(new URL(file, models), 'utf8'))])),
    boundary,
  }) as LexiconData;

  test('models/boundary-model.json loads with the lexicon', () => {
    expect(loadLexicon().boundary?.weights.size).toBeGreaterThan(100);
  });

  test.each([
    ['not an object', [], /must be an object/],
    ['no bias', { threshold: 0.5, weights: {} }, /bias must be a number/],
    ['a threshold of 1', { bias: 0, threshold: 1, weights: {} }, /threshold must be a number between 0 and 1/],
    ['a weight that is text', { bias: 0, threshold: 0.5, weights: { 'b=,': 'high' } }, /weight "b=," must be a number/],
  ])('a malformed model is refused with its file name: %s', (_, raw, message) => {
    expect(() => buildLexicon(data(raw))).toThrow(message);
    expect(() => buildLexicon(data(raw))).toThrow(/boundary-model\.json/);
  });

  test('without a model the rules decide where a clause ends', () => {
    const lexicon = buildLexicon(data(undefined));
    expect(lexicon.boundary).toBeNull();
    const text = 'Donald Trump said the talks had gone well, adding that nothing was decided.';
    expect(quoteRecords(annotate(text, { id: 'a.txt', lexicon })).map((r) => r.text)).toEqual(['the talks had gone well', 'nothing was decided']);
  });
});

describe('boundary: examples from gold spans', () => {
  const text = 'Dmitry Peskov said the talks were over, and he left Geneva on Monday.';
  const content = 'the talks were over';
  const gold = [{
    id: 'g.txt',
    text,
    quotes: [{ text: content, start: text.indexOf(content), end: text.indexOf(content) + content.length, speaker: 'Dmitry Peskov', cue: 'said', cueStart: text.indexOf('said'), cueEnd: text.indexOf('said') + 4, quoteKindHeuristic: 'indirect' as const, attributionType: 'Attribution' as const }],
  }];

  test('the first break past the gold end is labelled 1, and no break after it is used', () => {
    const { ends } = boundaryExamples(gold, loadLexicon());
    expect(ends.map((e) => [e.features[0], e.label])).toEqual([['b=,', 1]]);
  });

  test('the candidate start where the gold content starts is labelled 1, the others 0', () => {
    const { starts } = boundaryExamples(gold, loadLexicon());
    expect(starts.filter((e) => e.label === 1)).toHaveLength(1);
    expect(starts.find((e) => e.label === 1)!.features).toContain('t=the');
    expect(starts.length).toBeGreaterThan(3);
  });
});
