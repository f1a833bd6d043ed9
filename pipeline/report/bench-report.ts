// What the report costs a run: `npx tsx pipeline/report/bench-report.ts <corpus-dir> [repeats] [--workers n]`, and at scale with `--copies <n>`.
//
// Times `runCorpus` (uncached) with the report and without it, alternating, `repeats` times each
// (default 3), with the same number of workers, and prints the medians and the report's share.
// With `--copies n` it also multiplies the run's dataset n times (ids prefixed `copy-0001/`) and
// times what the report builds at the end on it (lists, overview, speaker and name pages; document
// pages are the workers'), with the process's peak RSS: the report at corpus sizes the NLP would
// take hours to produce.
import { availableParallelism } from 'node:os';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { DocumentRecord, QuoteRecord } from '../records.ts';
import { runCorpus } from '../run-corpus.ts';
import type { SpeakerRecord } from '../speakers.ts';
import { readJsonLines, ReportWriter } from './write-report.ts';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function time(f: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await f();
  return (performance.now() - start) / 1000;
}

async function lines<T>(path: string): Promise<T[]> {
  const all: T[] = [];
  for await (const x of readJsonLines<T>(path)) all.push(x);
  return all;
}

/** The dataset of `out`, `copies` times over, in `big`: documents and quotes in id order, speakers merged. */
async function multiply(out: string, big: string, copies: number): Promise<void> {
  const documents = await lines<DocumentRecord>(join(out, 'documents.jsonl'));
  const quotes = await lines<QuoteRecord>(join(out, 'quotes.jsonl'));
  const speakers = await lines<SpeakerRecord>(join(out, 'speakers.jsonl'));
  await mkdir(big, { recursive: true });
  const docLines: string[] = [];
  const quoteLines: string[] = [];
  for (let c = 1; c <= copies; c++) {
    const prefix = `copy-${String(c).padStart(4, '0')}/`;
    for (const d of documents) docLines.push(JSON.stringify({ ...d, id: prefix + d.id }));
    for (const q of quotes) quoteLines.push(JSON.stringify({ ...q, id: prefix + q.id, doc: prefix + q.doc }));
  }
  await writeFile(join(big, 'documents.jsonl'), docLines.join('\n') + '\n');
  await writeFile(join(big, 'quotes.jsonl'), quoteLines.join('\n') + '\n');
  const scaled = speakers.map((s) => JSON.stringify({ ...s, quotes: s.quotes * copies, documents: s.documents * copies }));
  await writeFile(join(big, 'speakers.jsonl'), scaled.join('\n') + '\n');
}

const { values, positionals } = parseArgs({ allowPositionals: true, options: { copies: { type: 'string', default: '0' }, workers: { type: 'string', default: String(availableParallelism()) } } });
const root = positionals[0];
if (root === undefined) throw new Error('Usage: bench-report.ts <corpus-dir> [repeats] [--workers n] [--copies n]');
const repeats = Number(positionals[1] ?? 3);
const workers = Number(values.workers);
const work = await mkdtemp(join(tmpdir(), 'quotes-bench-report-'));
try {
  const out = join(work, 'out');
  const withReport: number[] = [];
  const without: number[] = [];
  for (let i = 0; i < repeats; i++) {
    // force: a cached rerun would time the cache, not the run; alternating evens out a machine that warms up
    without.push(await time(() => runCorpus(root, { out, workers, force: true, report: false })));
    withReport.push(await time(() => runCorpus(root, { out, workers, force: true })));
  }
  const documents = (await lines<DocumentRecord>(join(out, 'documents.jsonl'))).length;
  const a = median(without);
  const b = median(withReport);
  const list = (xs: number[]) => xs.map((x) => x.toFixed(2)).join(' ');
  console.log(`${documents} documents, ${workers} workers; without the report ${list(without)} s (median ${a.toFixed(2)}); with it ${list(withReport)} s (median ${b.toFixed(2)}); the report adds ${((100 * (b - a)) / a).toFixed(1)} %`);

  const copies = Number(values.copies);
  if (copies > 0) {
    const big = join(work, 'big');
    await multiply(out, big, copies);
    const seconds = await time(async () => {
      const report = await ReportWriter.create(big);
      await report.build(big, []);
      await report.commit();
    });
    const rss = process.resourceUsage().maxRSS / 1024;
    console.log(`${documents * copies} documents (×${copies}): the report's end ${seconds.toFixed(2)} s, ${((1000 * seconds) / (documents * copies)).toFixed(2)} ms per document; peak RSS of the whole process ${rss.toFixed(0)} MB`);
  }
} finally {
  await rm(work, { recursive: true, force: true });
}
