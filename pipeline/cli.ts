// The `quotes` command line: a thin layer over the library (run a corpus, evaluate a dataset against gold).
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { annotate } from './annotate.ts';
import { evaluate, formatReport, polnearCounts, readJsonl, type GoldDoc } from './evaluate.ts';
import { isSpeechOrWritingCue, loadLexicon } from './lexicon.ts';
import { quoteRecords, type QuoteRecord } from './records.ts';
import { runCorpus } from './run-corpus.ts';

const USAGE = `Usage:
  quotes run <corpus-dir> [--out <dir>] [--max-bytes <n>] [--quiet]
  quotes eval <gold.jsonl> <quotes.jsonl> [--errors] [--all-gold]
  quotes eval --corpus <gold.jsonl> [--errors] [--all-gold]

Exit codes: 0 done; 1 done, but some documents failed (see errors.jsonl); 2 bad usage.`;

class UsageError extends Error {}

async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { out: { type: 'string', default: 'output' }, 'max-bytes': { type: 'string', default: '5000000' }, quiet: { type: 'boolean', default: false } },
  });
  const root = positionals[0];
  if (root === undefined || positionals.length > 1) throw new UsageError('quotes run takes one corpus folder');
  const maxBytes = Number(values['max-bytes']);
  const started = performance.now();
  const interactive = process.stderr.isTTY && !values.quiet;
  let lastReport = started;
  const summary = await runCorpus(root, {
    out: values.out,
    maxBytes,
    onProgress: (done, total) => {
      if (values.quiet) return;
      const now = performance.now();
      if (done < total && now - lastReport < (interactive ? 100 : 5000)) return;
      lastReport = now;
      const rate = done / ((now - started) / 1000);
      const eta = rate > 0 ? (total - done) / rate : 0;
      const line = `${done}/${total} documents, ${rate.toFixed(1)} docs/s, ETA ${eta.toFixed(0)} s`;
      if (interactive) process.stderr.write(`\r${line}${done === total ? '\n' : ''}`);
      else process.stderr.write(line + '\n');
    },
  });
  if (!values.quiet) {
    const seconds = (performance.now() - started) / 1000;
    process.stderr.write(`${summary.documents} documents, ${summary.quotes} quotes, ${summary.errors} errors in ${seconds.toFixed(2)} s → ${values.out}/\n`);
  }
  return summary.errors > 0 ? 1 : 0;
}

function evalCommand(args: string[]): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { corpus: { type: 'string' }, errors: { type: 'boolean', default: false }, 'all-gold': { type: 'boolean', default: false } },
  });
  const lexicon = loadLexicon();
  let gold: GoldDoc[];
  let predicted: QuoteRecord[];
  if (values.corpus !== undefined) {
    if (positionals.length > 0) throw new UsageError('quotes eval --corpus takes only the gold file');
    gold = readJsonl<GoldDoc>(readFileSync(values.corpus, 'utf8'), values.corpus);
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
  return 0;
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === 'run') return await run(rest);
    if (command === 'eval') return evalCommand(rest);
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
