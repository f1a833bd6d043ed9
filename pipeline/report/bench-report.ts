// What the report costs next to the run: `npx tsx pipeline/report/bench-report.ts <corpus-dir> [repeats]`, and at scale with `--copies <n>`.
//
// Times `runCorpus` (uncached) and then `writeReport` on the same corpus, `repeats` times (default 3), and
// prints the medians and the report's share. With `--copies n` it also multiplies the run's
// dataset n times (ids prefixed `copy-0001/`, texts reused) and times the report alone on it,
// with the process's peak RSS: the report at corpus sizes the NLP would take hours to produce.
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { parseArgs } from 'node:util';
import type { DocumentRecord, QuoteRecord } from '../records.ts';
import { runCorpus } from '../run-corpus.ts';
import type { SpeakerRecord } from '../speakers.ts';
import { readJsonLines, writeReport } from './write-report.ts';

const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The corpus's .txt files as the run reads them: ids relative to the root with `/`, sorted by code unit. */
async function* texts(root: string, prefix = ''): AsyncGenerator<{ id: string; text: string }> {
  const files = (await readdir(root, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile() && e.name.toLowerCase().endsWith('.txt'))
    .map((e) => relative(root, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort(byCodeUnit);
  for (const id of files) {
    const text = (await readFile(join(root, ...id.split('/')), 'utf8')).replace(/^\uFEFF/, '');
    yield { id: prefix + id, text };
  }
}

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

async function* copiesOf(root: string, copies: number): AsyncGenerator<{ id: string; text: string }> {
  for (let c = 1; c <= copies; c++) yield* texts(root, `copy-${String(c).padStart(4, '0')}/`);
}

const { values, positionals } = parseArgs({ allowPositionals: true, options: { copies: { type: 'string', default: '0' } } });
const root = positionals[0];
if (root === undefined) throw new Error('Usage: bench-report.ts <corpus-dir> [repeats] [--copies n]');
const repeats = Number(positionals[1] ?? 3);
const work = await mkdtemp(join(tmpdir(), 'quotes-bench-report-'));
try {
  const out = join(work, 'out');
  const run: number[] = [];
  const report: number[] = [];
  for (let i = 0; i < repeats; i++) {
    // force: a cached rerun would time the cache, not the run
    run.push(await time(() => runCorpus(root, { out, force: true })));
    report.push(await time(() => writeReport({ out, documents: texts(root) })));
  }
  const documents = (await lines<DocumentRecord>(join(out, 'documents.jsonl'))).length;
  const r = median(run);
  const p = median(report);
  console.log(`${documents} documents; run ${run.map((x) => x.toFixed(2)).join(' ')} s (median ${r.toFixed(2)}); report ${report.map((x) => x.toFixed(2)).join(' ')} s (median ${p.toFixed(2)}); report = ${((100 * p) / r).toFixed(1)} % of the run`);

  const copies = Number(values.copies);
  if (copies > 0) {
    const big = join(work, 'big');
    await multiply(out, big, copies);
    const seconds = await time(() => writeReport({ out: big, documents: copiesOf(root, copies) }));
    const rss = process.resourceUsage().maxRSS / 1024;
    console.log(`${documents * copies} documents (×${copies}): report ${seconds.toFixed(2)} s, ${((1000 * seconds) / (documents * copies)).toFixed(2)} ms per document; peak RSS of the whole process ${rss.toFixed(0)} MB`);
  }
} finally {
  await rm(work, { recursive: true, force: true });
}
