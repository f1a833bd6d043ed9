// The evaluator on tiny hand-built documents: matching, counting rules, speakers, reading, and PolNeAR gold against itself.

import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { QuoteType } from '../pipeline/document.ts';
import {
  evaluate,
  f1,
  formatReport,
  polnearCounts,
  precision,
  readJsonl,
  recall,
  type GoldDoc,
  type GoldQuote,
  type QuoteRecord,
} from '../pipeline/evaluate.ts';

const TEXT = [
  'Peskov said: "No such agreement exists, and no dates have been discussed." ',
  'Smith argued that taxes must rise next year to pay for the new bridge. ',
  'Polls show voters are tired of the campaign.',
].join('');

/** `[start, end)` of the first occurrence of `part` in `text`. */
function at(part: string, text = TEXT): { start: number; end: number } {
  const start = text.indexOf(part);
  if (start === -1) throw new Error(`not in text: ${part}`);
  return { start, end: start + part.length };
}

function gold(content: string, speaker: string | null, more: Partial<GoldQuote> = {}, text = TEXT): GoldQuote {
  const s = speaker === null ? null : at(speaker, text);
  return {
    ...at(content, text),
    text: content,
    type: 'direct',
    speaker,
    speakerStart: s?.start ?? null,
    speakerEnd: s?.end ?? null,
    ...more,
  };
}

/** A record whose speaker mention is `name` where the text has it, else an empty span. */
function pred(content: string, name: string | null, more: Partial<QuoteRecord> = {}, text = TEXT, doc = 'a'): QuoteRecord {
  const { start, end } = at(content, text);
  const mention = name !== null && text.includes(name) ? at(name, text) : { start: 0, end: 0 };
  return {
    id: `${doc}#${start}-${end}`,
    doc,
    type: 'direct',
    text: content,
    start,
    end,
    cue: null,
    speaker: name === null ? null : { name, mention: name, kind: 'person', start: mention.start, end: mention.end, title: null },
    sieve: 'test',
    confidence: 1,
    ...more,
  };
}

const doc = (quotes: GoldQuote[], text = TEXT, id = 'a'): GoldDoc => ({ id, text, quotes });

const PESKOV = 'No such agreement exists, and no dates have been discussed.';
const SMITH = 'that taxes must rise next year to pay for the new bridge';

describe('evaluate: content matching', () => {
  test('an exact match scores P = R = F1 = 1, overlap and exact', () => {
    const r = evaluate([doc([gold(PESKOV, 'Peskov')])], [pred(PESKOV, 'Dmitry Peskov')]);
    const all = r.byType.all;
    expect(all.overlap).toEqual({ tp: 1, fp: 0, goldTp: 1, fn: 0 });
    expect([precision(all.overlap), recall(all.overlap), f1(all.overlap), f1(all.exact)]).toEqual([1, 1, 1, 1]);
    expect(r.errors).toEqual([]);
  });

  // The gold quote has 10 tokens: No such agreement exists and no dates have been discussed.
  test.each([
    ['No such agreement exists, and no dates have', 0.5, true], // 8 of 10: F1 16/18 = 0.89
    ['No such agreement exists', 0.5, true], // 4 of 10: F1 8/14 = 0.57
    ['No such agreement', 0.5, false], // 3 of 10: F1 6/13 = 0.46
    ['No such agreement exists', 0.6, false], // 0.57 under a stricter threshold
  ] as const)('a prediction %j at threshold %d matches: %s', (content, threshold, matches) => {
    const r = evaluate([doc([gold(PESKOV, 'Peskov')])], [pred(content, 'Peskov')], { threshold });
    const expected = matches ? { tp: 1, fp: 0, goldTp: 1, fn: 0 } : { tp: 0, fp: 1, goldTp: 0, fn: 1 };
    expect(r.byType.all.overlap).toEqual(expected);
  });

  test('one-to-one: two predictions on one gold quote make one tp and one fp', () => {
    const r = evaluate([doc([gold(PESKOV, 'Peskov')])], [pred(PESKOV, 'Peskov'), pred('No such agreement exists, and no dates', 'Peskov')]);
    expect(r.byType.all.overlap).toEqual({ tp: 1, fp: 1, goldTp: 1, fn: 0 });
    // Best first: the exact prediction took the gold quote, the shorter one is the spurious one.
    expect(r.errors.map((e) => [e.kind, e.predicted?.text])).toEqual([['spurious', 'No such agreement exists, and no dates']]);
  });

  test('exact ignores a leading "that" on either side', () => {
    const withThat = evaluate([doc([gold(SMITH, 'Smith', { type: 'indirect' })])], [pred(SMITH.slice(5), 'Smith', { type: 'indirect' })]);
    expect(f1(withThat.byType.all.exact)).toBe(1);
    const shorter = evaluate([doc([gold(SMITH, 'Smith', { type: 'indirect' })])], [pred(SMITH.slice(11), 'Smith', { type: 'indirect' })]);
    expect(f1(shorter.byType.all.overlap)).toBe(1);
    expect(f1(shorter.byType.all.exact)).toBe(0);
  });

  test('gold without offsets is matched as a bag of lower-cased tokens', () => {
    const noOffsets: GoldQuote = { type: 'direct', text: '"no such Agreement exists and no dates have been discussed"', speaker: 'Dmitry Peskov' };
    const r = evaluate([doc([noOffsets])], [pred(PESKOV, 'Dmitry Peskov')]);
    expect(r.byType.all.overlap).toEqual({ tp: 1, fp: 0, goldTp: 1, fn: 0 });
    expect(f1(r.byType.all.exact)).toBe(1);
    expect(r.speaker.exactName).toEqual({ right: 1, total: 1 });
  });

  test('an interrupted quote may be predicted as its hull', () => {
    // Content: 3 tokens; hull: 13, so the hull's F1 against the content alone is 6/16.
    const text = '"Yes," he said after a long pause in the crowded hall, "we will."';
    const parts = [at('Yes', text), at('we will', text)];
    const g: GoldQuote = { type: 'direct', text: 'Yes, … we will', start: parts[0]!.start, end: parts[1]!.end, contentSpans: parts.map((s) => [s.start, s.end] as const), speaker: 'he' };
    const p: QuoteRecord = { ...pred('Yes', 'he', {}, text), end: parts[1]!.end };
    const r = evaluate([doc([g], text)], [p]);
    expect(r.byType.all.overlap).toEqual({ tp: 1, fp: 0, goldTp: 1, fn: 0 });
    expect(f1(r.byType.all.exact)).toBe(1);
  });

  test('a quote nested in a matched one is not covered by it', () => {
    const r = evaluate([doc([gold(PESKOV, 'Peskov'), gold('and no dates have been discussed', 'Peskov')])], [pred(PESKOV, 'Peskov')]);
    expect(r.byType.all.overlap).toEqual({ tp: 1, fp: 0, goldTp: 1, fn: 1 });
  });

  test('recall counts by gold type, precision by predicted type', () => {
    const r = evaluate([doc([gold(PESKOV, 'Peskov', { type: 'direct' })])], [pred(PESKOV, 'Peskov', { type: 'indirect' })]);
    expect(r.byType.direct.overlap).toEqual({ tp: 0, fp: 0, goldTp: 1, fn: 0 });
    expect(r.byType.indirect.overlap).toEqual({ tp: 1, fp: 0, goldTp: 0, fn: 0 });
    expect(r.byType.mixed.overlap).toEqual({ tp: 0, fp: 0, goldTp: 0, fn: 0 });
  });
});

describe('evaluate: multi-paragraph quotations', () => {
  const para = ['We will build the bridge', 'and we will pay for it', 'with money from the state', 'and never raise your taxes'];
  const text = `Smith said:\n\n"${para.join('\n\n')}."`;
  const golds = para.map((p) => gold(p, 'Smith', {}, text));
  const whole = (): QuoteRecord => ({ ...pred(para[0]!, 'Smith', {}, text), end: at(para[3]!, text).end });

  test('a matched prediction also covers the next gold paragraph', () => {
    const two = { ...pred(para[0]!, 'Smith', {}, text), end: at(para[1]!, text).end };
    const r = evaluate([doc(golds.slice(0, 2), text)], [two]);
    // One prediction, two gold paragraphs: precision counts it once, recall twice.
    expect(r.byType.all.overlap).toEqual({ tp: 1, fp: 0, goldTp: 2, fn: 0 });
    expect(r.endToEnd).toEqual({ tp: 1, fp: 0, goldTp: 2, fn: 0 });
    expect(f1(r.byType.all.exact)).toBe(1);
  });

  test('four paragraphs, none matching alone, match together', () => {
    const r = evaluate([doc(golds, text)], [whole()]);
    expect(r.byType.all.overlap).toEqual({ tp: 1, fp: 0, goldTp: 4, fn: 0 });
  });

  test('a paragraph less than 90 % covered stays a miss', () => {
    const cut = { ...pred(para[0]!, 'Smith', {}, text), end: at('and we will', text).end };
    const r = evaluate([doc(golds.slice(0, 2), text)], [cut]);
    expect(r.byType.all.overlap).toEqual({ tp: 1, fp: 0, goldTp: 1, fn: 1 });
  });
});

describe('evaluate: what counts', () => {
  test('a prediction matching an uncounted gold quote is neither tp nor fp', () => {
    const polls = 'voters are tired of the campaign';
    const countsGold = (q: GoldQuote) => q.cue !== 'show';
    const r = evaluate(
      [doc([gold(PESKOV, 'Peskov', { cue: 'said' }), gold(polls, 'Polls', { type: 'indirect', cue: 'show' })])],
      [pred(PESKOV, 'Peskov'), pred(polls, 'Polls', { type: 'indirect' })],
      { countsGold },
    );
    expect(r.byType.all.overlap).toEqual({ tp: 1, fp: 0, goldTp: 1, fn: 0 });
    expect(r.byType.indirect.overlap).toEqual({ tp: 0, fp: 0, goldTp: 0, fn: 0 });
    expect(r.ignored).toBe(1);
    expect(r.endToEnd).toEqual({ tp: 1, fp: 0, goldTp: 1, fn: 0 });
  });

  test('predictions in documents not in gold are ignored', () => {
    const r = evaluate([doc([gold(PESKOV, 'Peskov')])], [pred(PESKOV, 'Peskov'), pred(PESKOV, 'Peskov', {}, TEXT, 'elsewhere')]);
    expect(r.byType.all.overlap).toEqual({ tp: 1, fp: 0, goldTp: 1, fn: 0 });
    expect(r.unknownDocument).toBe(1);
    expect(r.documentsPredicted).toBe(1);
  });

  const said = (cue: string) => ['said', 'told', 'wrote'].includes(cue);
  test.each<[string, Partial<GoldQuote>, boolean]>([
    ['indirect, sourced, saying', { quoteKindHeuristic: 'indirect', attributionType: 'Attribution', speaker: 'Smith', cue: 'said' }, true],
    ['indirect, sourced, believing', { quoteKindHeuristic: 'indirect', attributionType: 'Attribution', speaker: 'Smith', cue: 'believes' }, false],
    ['indirect, no source', { quoteKindHeuristic: 'indirect', attributionType: 'Attribution-no-source', speaker: null, cue: 'said' }, false],
    ['indirect, empty speaker', { quoteKindHeuristic: 'indirect', attributionType: 'Attribution', speaker: ' ', cue: 'said' }, false],
    ['direct, no source', { quoteKindHeuristic: 'direct', attributionType: 'Attribution-no-source', speaker: null, cue: 'is expected' }, true],
    ['mixed, believing', { quoteKindHeuristic: 'mixed', attributionType: 'Attribution', speaker: 'Smith', cue: 'thinks' }, true],
    ['fixture type wins over the heuristic', { type: 'direct', quoteKindHeuristic: 'indirect', cue: 'thinks' }, true],
  ])('polnearCounts: %s → %s', (_, fields, expected) => {
    expect(polnearCounts(said)({ text: 'x', ...fields })).toBe(expected);
  });
});

describe('evaluate: speakers', () => {
  const text = 'Hillary Clinton\'s campaign manager Robby Mook said "we are ahead in Ohio today" on Sunday.';
  const content = 'we are ahead in Ohio today';
  const g = gold(content, "Hillary Clinton's campaign manager Robby Mook", {}, text);
  const p = (speaker: QuoteRecord['speaker']): QuoteRecord => ({ ...pred(content, null, {}, text), speaker });
  const who = (name: string, start = 0, end = 0) => ({ name, mention: name, kind: 'person' as const, start, end, title: null });

  test.each<[string, QuoteRecord['speaker'], boolean]>([
    ['last name is a gold speaker word', who('Robby Mook'), true],
    ['possessive stripped', who("Mook's"), true],
    ['case ignored', who('ROBBY MOOK'), true],
    ['mention span overlaps the gold span', who('the manager', at('manager', text).start, at('manager', text).end), true],
    ['another person', who('Tim Kaine'), false],
    ['first name only', who('Robby Smith'), false],
    ['no speaker', null, false],
    ['span right after the gold span', who('Sunday', at('Mook', text).end, at('said', text).end), false],
  ])('%s', (_, speaker, right) => {
    const r = evaluate([doc([g], text)], [p(speaker)]);
    expect(r.speaker.all).toEqual({ right: right ? 1 : 0, total: 1 });
    expect(r.speaker.names).toEqual({ right: right ? 1 : 0, total: 1 });
    // The content match holds either way; end to end needs the speaker too.
    expect(r.byType.all.overlap.tp).toBe(1);
    expect(r.endToEnd).toEqual(right ? { tp: 1, fp: 0, goldTp: 1, fn: 0 } : { tp: 0, fp: 1, goldTp: 0, fn: 1 });
    expect(r.errors.map((e) => e.kind)).toEqual(right ? [] : ['wrong-speaker']);
  });

  // The record names the entity and keeps the mention's span: `He` resolved to Robby Mook.
  test.each<[string, string | null, boolean, boolean]>([
    ['resolved to a name', 'Robby Mook', true, true],
    ['left as the pronoun', 'he', true, false],
    ['unresolved', null, false, false],
  ])('a gold pronoun speaker %s', (_, name, right, resolved) => {
    const t = 'Robby Mook spoke. He said "we are ahead in Ohio today" on Sunday.';
    const he = at('He', t);
    const record = { ...pred(content, null, {}, t), speaker: name === null ? null : { ...who(name, he.start, he.end), mention: 'He' } };
    const r = evaluate([doc([gold(content, 'He', {}, t)], t)], [record]);
    expect(r.speaker.all).toEqual({ right: right ? 1 : 0, total: 1 });
    expect(r.speaker.names.total).toBe(0);
    expect(r.speaker.pronounsResolved).toEqual({ right: resolved ? 1 : 0, total: 1 });
  });

  test('a gold quote without a speaker is right only without a predicted speaker', () => {
    const none = gold(PESKOV, null);
    expect(evaluate([doc([none])], [pred(PESKOV, null)]).speaker.all).toEqual({ right: 1, total: 1 });
    expect(evaluate([doc([none])], [pred(PESKOV, 'Peskov')]).speaker.all).toEqual({ right: 0, total: 1 });
  });

  test('exact name compares canonical gold names, ignoring case', () => {
    const canonical: GoldQuote = { type: 'direct', text: PESKOV, ...at(PESKOV), speaker: 'Dmitry Peskov' };
    expect(evaluate([doc([canonical])], [pred(PESKOV, 'dmitry peskov')]).speaker.exactName).toEqual({ right: 1, total: 1 });
    expect(evaluate([doc([canonical])], [pred(PESKOV, 'Peskov')]).speaker.exactName).toEqual({ right: 0, total: 1 });
    // A span speaker is no canonical name.
    expect(evaluate([doc([gold(PESKOV, 'Peskov')])], [pred(PESKOV, 'Peskov')]).speaker.exactName.total).toBe(0);
  });
});

describe('evaluate: options and records', () => {
  test.each([0, -1, 1.5, Number.NaN])('threshold %d fails early', (threshold) => {
    expect(() => evaluate([], [], { threshold })).toThrow(`quotes: Expected \`threshold\` to be a number greater than 0 and at most 1, got \`${threshold}\``);
  });

  test('a prediction outside its document text fails with its id', () => {
    expect(() => evaluate([doc([])], [{ ...pred(PESKOV, null), end: TEXT.length + 1 }])).toThrow(/^quotes: prediction `a#\d+-\d+`: Expected `start`\/`end` within the text of `a`/);
  });

  test('readJsonl reads records and skips blank lines', () => {
    expect(readJsonl<{ n: number }>('{"n":1}\n\n{"n":2}\n', 'x.jsonl')).toEqual([{ n: 1 }, { n: 2 }]);
  });

  test('readJsonl names the source and line of malformed JSON', () => {
    expect(() => readJsonl('{"n":1}\n\n{"n":\n', 'gold/dev.jsonl')).toThrow(new Error('quotes: gold/dev.jsonl:3: malformed JSON'));
  });
});

describe('formatReport', () => {
  const r = evaluate(
    [doc([gold(PESKOV, 'Peskov'), gold(SMITH, 'Smith', { type: 'indirect' })])],
    [pred(PESKOV, 'Lavrov'), pred('Polls show voters are tired', null, { type: 'indirect' })],
  );

  test('prints documents, the per-type table, speaker and end-to-end scores with 3 decimals', () => {
    const out = formatReport(r);
    expect(out).toContain('documents: 1 gold, 1 with predictions');
    expect(out).toMatch(/^type\s+gold\s+pred\s+P\s+R\s+F1\s+exact F1$/m);
    expect(out).toMatch(/^direct\s+1\s+1\s+1\.000\s+1\.000\s+1\.000\s+1\.000$/m);
    expect(out).toMatch(/^indirect\s+1\s+1\s+0\.000\s+0\.000\s+0\.000\s+0\.000$/m);
    expect(out).toMatch(/^mixed\s+0\s+0\s+0\.000\s+0\.000\s+0\.000\s+0\.000$/m);
    expect(out).toMatch(/^all\s+2\s+2\s+0\.500\s+0\.500\s+0\.500\s+0\.500$/m);
    expect(out).toMatch(/^speaker accuracy\s+0\.000\s+\(0\/1\)$/m);
    expect(out).toContain('recall of direct and mixed quotes: 1.000  (1/1)');
    expect(out).toContain('end to end (quote and speaker): P 0.000  R 0.000  F1 0.000');
    expect(out).not.toContain('errors');
  });

  test('lists errors by document with texts and speakers', () => {
    const out = formatReport(r, { errors: true });
    const errors = out.slice(out.indexOf('errors (3):'));
    expect(errors).toBe(
      [
        'errors (3):',
        '',
        'a',
        '  wrong-speaker',
        `    gold 14-73 "${PESKOV}"  speaker: Peskov`,
        `    pred 14-73 "${PESKOV}"  speaker: Lavrov`,
        '  miss',
        `    gold ${at(SMITH).start}-${at(SMITH).end} "${SMITH}"  speaker: Smith`,
        '  spurious',
        `    pred ${at('Polls').start}-${at('tired').end} "Polls show voters are tired"  speaker: (none)`,
        '',
      ].join('\n'),
    );
  });

  test('clips long texts to about 100 characters', () => {
    const long = `${'word '.repeat(60)}end`;
    const out = formatReport(evaluate([doc([gold(long, null, {}, long)], long)], []), { errors: true });
    expect(out).toContain(`"${'word '.repeat(20).slice(0, 99)}…"`);
  });
});

const DEV = '/work/shared/gold/polnear/dev.jsonl';

test.skipIf(!existsSync(DEV))('PolNeAR gold scored against itself has F1 = 1', () => {
  const docs = readJsonl<GoldDoc>(readFileSync(DEV, 'utf8').split('\n').slice(0, 3).join('\n'), DEV);
  const records = docs.flatMap((d) =>
    d.quotes.map(
      (q): QuoteRecord => ({
        id: `${d.id}#${q.start}-${q.end}`,
        doc: d.id,
        type: (q.type ?? q.quoteKindHeuristic) as QuoteType,
        text: q.text,
        start: q.start!,
        end: q.end!,
        cue: null,
        speaker: q.speaker ? { name: q.speaker, mention: q.speaker, kind: 'person', start: q.speakerStart!, end: q.speakerEnd!, title: null } : null,
        sieve: 'gold',
        confidence: 1,
      }),
    ),
  );
  expect(records.length).toBeGreaterThan(0);
  const r = evaluate(docs, records);
  expect(f1(r.byType.all.overlap)).toBe(1);
  expect(f1(r.endToEnd)).toBe(1);
  expect(r.errors).toEqual([]);
});
