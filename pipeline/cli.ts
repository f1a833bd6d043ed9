// The `quotes` command line: a thin layer over the library (run a corpus, evaluate a dataset against gold).
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { evaluate, formatReport, polnearCounts, readJsonl, type GoldDoc } from './evaluate.ts';
import { isSpeechOrWritingCue, LEXICON_FILES, loadLexicon } from './lexicon.ts';
import { quoteRecords, type QuoteRecord } from './records.ts';
import { progressReporter } from './progress.ts';
import { runCorpus } from './run-corpus.ts';

const USAGE = `Usage:
  quotes run <corpus-dir | file | -> [--out <dir>] [--workers <n>] [--max-bytes <n>] [--force] [--no-report] [--quiet]
  quotes eval <gold.jsonl> <quotes.jsonl> [--errors] [--all-gold] [--report <dir>]
  quotes eval --corpus <gold.jsonl> [--errors] [--all-gold] [--report <dir>]
  quotes train --corpus <gold.jsonl> [--out <model.json>]

  <corpus-dir>: .txt, .md, .html/.htm and .jsonl files, recursively; - reads JSONL from stdin.
  --workers: threads for the NLP stages (default: the number of cores; 0 = this thread).
  --force: reprocess every document instead of reusing <out>/.cache.
  --no-report: skip the HTML report <out>/report/ (a report left by an earlier run is removed
    when the dataset is rewritten, as it would no longer match).
  --report <dir> (eval): an HTML error view, misses, spurious quotes and wrong speakers marked in each document.
  train: fits the clause-boundary model on the gold attributions (default --out models/boundary-model.json);
    the same gold file gives the same bytes.

Exit codes: 0 done; 1 done, but some documents failed (see errors.jsonl); 2 bad usage.`;

class UsageError extends Error {}

const integerOption = (name: string, value: string, min: number) => {
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < min) throw new UsageError(`Expected \`--${name}\` to be an integer from ${min} and up, got \`${value}\``);
  return n;
};

async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      out: { type: 'string', default: 'output' },
      'max-bytes': { type: 'string', default: '5000000' },
      workers: { type: 'string', default: String(availableParallelism()) },
      force: { type: 'boolean', default: false },
      // parseArgs has no --no-<option> negation: the option is named so
      'no-report': { type: 'boolean', default: false },
      quiet: { type: 'boolean', default: false },
    },
  });
  const root = positionals[0];
  if (root === undefined || positionals.length > 1) throw new UsageError('quotes run takes one corpus folder, file, or - for JSONL on stdin');
  const maxBytes = integerOption('max-bytes', values['max-bytes'], 1);
  const workers = integerOption('workers', values.workers, 0);
  if (root !== '-' && !existsSync(root)) throw new UsageError(`no such corpus \`${root}\``);
  const started = performance.now();
  const progress = values.quiet ? undefined : progressReporter();
  let summary;
  try {
    summary = await runCorpus(root, { out: values.out, maxBytes, workers, force: values.force, report: !values['no-report'], onProgress: progress?.update });
  } finally {
    progress?.end();
  }
  if (!values.quiet) {
    const seconds = (performance.now() - started) / 1000;
    const mb = summary.bytes / 1e6;
    process.stderr.write(
      `${summary.documents} documents (${summary.cached} from the cache), ${summary.quotes} quotes, ${summary.errors} errors, ${summary.warnings} warnings` +
        ` in ${seconds.toFixed(2)} s (${(summary.documents / seconds).toFixed(1)} docs/s, ${(mb / seconds).toFixed(2)} MB/s) → ${values.out}/` +
        `${values['no-report'] ? '' : `, report ${values.out}/report/index.html`}\n`,
    );
  }
  return summary.errors > 0 ? 1 : 0;
}

async function evalCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { corpus: { type: 'string' }, errors: { type: 'boolean', default: false }, 'all-gold': { type: 'boolean', default: false }, report: { type: 'string' } },
  });
  const lexicon = loadLexicon();
  let gold: GoldDoc[];
  let predicted: QuoteRecord[];
  if (values.corpus !== undefined) {
    if (positionals.length > 0) throw new UsageError('quotes eval --corpus takes only the gold file');
    gold = readJsonl<GoldDoc>(readFileSync(values.corpus, 'utf8'), values.corpus);
    // imported here: loading the NLP model costs `quotes run` ~100 MB and ~0.5 s in a thread that does not use it
    const { annotate } = await import('./annotate.ts');
    predicted = gold.flatMap((g) => quoteRecords(annotate(g.text, { id: g.id, lexicon })));
  } else {
    if (positionals.length !== 2) throw new UsageError('quotes eval takes a gold file and a quotes file');
    gold = readJsonl<GoldDoc>(readFileSync(positionals[0]!, 'utf8'), positionals[0]!);
    predicted = readJsonl<QuoteRecord>(readFileSync(positionals[1]!, 'utf8'), positionals[1]!);
  }
  // PolNeAR's attributions include beliefs and poll findings: count those of saying and writing, and every direct and mixed quote
  const countsGold = values['all-gold'] ? undefined : polnearCounts((cue) => isSpeechOrWritingCue(lexicon, cue));
  const report = evaluate(gold, predicted, countsGold ? { countsGold } : {});
  process.stdout.write(formatReport(report, { errors: values.errors }) + '\n');
  if (values.report !== undefined) {
    const { writeErrorReport } = await import('./report/index.ts');
    await writeErrorReport({ dir: values.report, gold, predicted, report });
    process.stderr.write(`error view → ${values.report}/index.html\n`);
  }
  return 0;
}

async function trainCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { corpus: { type: 'string' }, out: { type: 'string', default: fileURLToPath(new URL(`../models/${LEXICON_FILES.boundary}`, import.meta.url)) } },
  });
  if (values.corpus === undefined || positionals.length > 0) throw new UsageError('quotes train takes --corpus <gold.jsonl>');
  const gold = readJsonl<GoldDoc>(readFileSync(values.corpus, 'utf8'), values.corpus);
  const { trainBoundary } = await import('./train.ts');
  const { examples, model, json } = trainBoundary(gold, loadLexicon());
  const tmp = `${values.out}.${process.pid}.tmp`;
  writeFileSync(tmp, json);
  renameSync(tmp, values.out);
  process.stderr.write(`${gold.length} documents, ${examples} examples, ${model.weights.size + (model.start?.weights.size ?? 0)} weights → ${values.out}\n`);
  return 0;
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === 'run') return await run(rest);
    if (command === 'eval') return await evalCommand(rest);
    if (command === 'train') return await trainCommand(rest);
    throw new UsageError(command === undefined ? 'a command is needed' : `unknown command \`${command}\``);
  } catch (error) {
    if (error instanceof UsageError || (error as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`quotes: ${(error as Error).message}\n\n${USAGE}\n`);
      return 2;
    }
    throw error;
  }
}

process.exitCode = await main(process.argv.slice(2));
