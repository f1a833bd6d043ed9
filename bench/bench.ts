// `npm run bench`: throughput against the wink-nlp tokenization floor, worker scaling and the machine's ceiling for it, peak memory, the cached rerun, the report's cost, and pathological inputs.
//
//   npm run bench                      5,000 articles (~20 MB), everything
//   npm run bench -- --docs 100000     the 100,000-article run
//   npm run bench -- --only all        only the all-cores run and its rerun (with --docs 100000: the memory check)
//   npm run bench -- --only report     only the report's cost: three pairs of runs, without it and with it
//   npm run bench -- --only report --pairs 6   the same with more pairs
//   npm run bench -- --only pathological   only the pathological inputs' table
//   npm run bench -- --only report --corpus <dir>   the report's cost (or with `--only all` the all-cores run) on a corpus of one's own
//
// Each measurement runs in a child process so that its peak RSS (getrusage, worker threads
// included) is its own. Corpora are built once under the system temp folder and reused.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { fileHash, pipelineVersion } from '../pipeline/cache.ts';
import { buildCorpus } from './corpus.ts';

const SELF = fileURLToPath(import.meta.url);

interface RunResult { seconds: number; cpuSeconds: number; rssMB: number; documents: number; bytes: number; errors: number; cached: number }
interface FloorResult { seconds: number; bytes: number; tokens: number; rssMB: number; tagSeconds: number }
interface PathoRow { input: string; size: number; ms: number; stages: Record<string, number> }

function child<T>(task: string, args: string[]): T {
  const r = spawnSync(process.execPath, [...process.execArgv, SELF, '--child', task, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`bench: child ${task} failed (${r.status}):\n${r.stderr}`);
  const last = r.stdout.trim().split('\n').pop()!;
  return JSON.parse(last) as T;
}

/**
 * Writes what earlier runs left in the page cache out to disk (`sync`), outside any timing: else a
 * run pays for the writeback of the runs before it (at 5,000 articles a run leaves ~140–170 MB of
 * cache and ~135 MB of dataset, and with the report ~170 MB more), and which run follows which
 * changes its time.
 */
function flushWrites(): void {
  spawnSync('sync');
}

/** `child`, without waiting: for children that must run at the same time. */
function childAsync<T>(task: string, args: string[]): Promise<T> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [...process.execArgv, SELF, '--child', task, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    p.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    p.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    p.on('error', reject);
    p.on('close', (code) => (code === 0 ? resolve(JSON.parse(stdout.trim().split('\n').pop()!) as T) : reject(new Error(`bench: child ${task} failed (${code}):\n${stderr}`))));
  });
}

/** The processes this one started, and theirs (Linux; none elsewhere): the run's speaker pages' process. */
function descendants(pid: number | 'self' = 'self', depth = 0): number[] {
  if (depth > 3) return [];
  const found: number[] = [];
  try {
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      for (const child of readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').split(' ').filter(Boolean).map(Number)) found.push(child, ...descendants(child, depth + 1));
    }
  } catch {}
  return found;
}

/** Resident bytes of a process by its id, 0 once it is gone. */
function residentBytes(pid: number): number {
  try {
    return Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * 4096;
  } catch {
    return 0;
  }
}

// Sampled rather than getrusage's maxRSS: a child's maxRSS starts from its parent's RSS at the fork,
// and the parent may just have hashed a gigabyte of dataset. The processes a run starts count with it.
let peakRss = 0;
const rssNow = () => process.memoryUsage.rss() + descendants().reduce((sum, pid) => sum + residentBytes(pid), 0);
const sampleRss = () => (peakRss = Math.max(peakRss, rssNow()));
setInterval(sampleRss, 50).unref();
const rssMB = () => Math.round(Math.max(peakRss, rssNow()) / 1024 / 1024);

/** CPU seconds of the processes this one started and has waited for (Linux: /proc's cutime and cstime, in ticks of 1/100 s). */
function childrenCpuSeconds(): number {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return 0;
  }
}

async function childRun(dir: string, out: string, workers: number, version: string, report: boolean): Promise<RunResult> {
  const { runCorpus } = await import('../pipeline/run-corpus.ts');
  const t = performance.now();
  const s = await runCorpus(dir, { out, workers, version, report });
  const usage = process.resourceUsage();
  return {
    seconds: (performance.now() - t) / 1000,
    // the speaker pages' process's too
    cpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6 + childrenCpuSeconds(),
    rssMB: rssMB(),
    documents: s.documents,
    bytes: s.bytes,
    errors: s.errors,
    cached: s.cached,
  };
}

/** wink-nlp with an empty pipe, every token's value taken: no pipeline can read text faster. */
async function childFloor(dir: string): Promise<FloorResult> {
  const { default: winkNLP } = await import('wink-nlp');
  const { default: model } = await import('wink-eng-lite-web-model');
  const { readRawCorpus, isError } = await import('../pipeline/read-corpus.ts');
  const nlp = winkNLP(model, []);
  // what the pipeline asks of wink before any stage of its own: sentences, POS tags and lemmas (nlp-adapter.ts)
  const tagger = winkNLP(model, ['sbd', 'pos']);
  const its = tagger.its;
  let seconds = 0;
  let tagSeconds = 0;
  let bytes = 0;
  let tokens = 0;
  for await (const raw of readRawCorpus(dir, { maxBytes: 5_000_000 })) {
    if (isError(raw)) continue;
    let t = performance.now();
    tokens += nlp.readDoc(raw.raw).tokens().out().length;
    seconds += (performance.now() - t) / 1000;
    t = performance.now();
    const doc = tagger.readDoc(raw.raw);
    doc.tokens().out(its.pos);
    doc.tokens().out(its.lemma as unknown as typeof its.value);
    doc.sentences().out(its.span);
    tagSeconds += (performance.now() - t) / 1000;
    bytes += Buffer.byteLength(raw.raw);
  }
  return { seconds, bytes, tokens, rssMB: rssMB(), tagSeconds };
}

/**
 * The CPU stages alone (processRaw and serialize, as a worker runs them) over the first `docs`
 * documents, in this thread, after a warm-up: documents/s. Two of these at once on two cores show
 * what the machine gives a second thread of this work when nothing is shared: the ceiling for
 * 2 workers / 1 worker. Alone, a thread also has the idle core for V8's concurrent GC and compiler.
 */
async function childStages(dir: string, docs: number): Promise<{ rate: number; cpuSeconds: number; seconds: number }> {
  const { readRawCorpus, isError } = await import('../pipeline/read-corpus.ts');
  const { processRaw, serialize } = await import('../pipeline/process-document.ts');
  const raws = [];
  for await (const raw of readRawCorpus(dir, { maxBytes: 5_000_000 })) {
    if (!isError(raw)) raws.push(raw);
    if (raws.length === docs) break;
  }
  for (const raw of raws.slice(0, 50)) processRaw(raw, { page: true });
  const t = performance.now();
  const cpu = process.cpuUsage();
  for (const raw of raws) {
    const r = processRaw(raw, { page: true });
    if (!('error' in r)) serialize(r);
  }
  const used = process.cpuUsage(cpu);
  const seconds = (performance.now() - t) / 1000;
  return { rate: raws.length / seconds, cpuSeconds: (used.user + used.system) / 1e6, seconds };
}

const PARAGRAPH = 'The minister said the plan “would work” and added that nothing was decided. Officials in Berlin disagreed, according to Anna Schmidt, a spokeswoman for the ministry. ';
const PATHOLOGICAL: Record<string, { sizes: number[]; unit: string; make: (n: number) => string }> = {
  'unmatched quotes, one line': { sizes: [10_000, 20_000, 40_000], unit: 'marks', make: (n) => 'He said "word '.repeat(n) },
  'unmatched quotes, one per line': { sizes: [10_000, 20_000, 40_000], unit: 'marks', make: (n) => 'He said "word\n'.repeat(n) },
  'single line': { sizes: [250_000, 500_000, 1_000_000], unit: 'chars', make: (n) => PARAGRAPH.repeat(Math.ceil(n / PARAGRAPH.length)).slice(0, n) },
  'huge paragraph, wrapped lines': {
    sizes: [250_000, 500_000, 1_000_000],
    unit: 'chars',
    make: (n) => PARAGRAPH.repeat(Math.ceil(n / PARAGRAPH.length)).slice(0, n).replace(/(.{70,80}) /g, '$1\n'),
  },
  'many short paragraphs': { sizes: [250_000, 500_000, 1_000_000], unit: 'chars', make: (n) => (PARAGRAPH + '\n\n').repeat(Math.ceil(n / (PARAGRAPH.length + 2))).slice(0, n) },
};

async function childPathological(): Promise<PathoRow[]> {
  const { stages } = await import('../pipeline/annotate.ts');
  const { createDoc } = await import('../pipeline/document.ts');
  const { loadLexicon } = await import('../pipeline/lexicon.ts');
  const { processDocument } = await import('../pipeline/process-document.ts');
  const { collectGarbage } = await import('../pipeline/collect-garbage.ts');
  const lexicon = loadLexicon();
  processDocument({ id: 'warm-up', text: PARAGRAPH.repeat(50) });
  const rows: PathoRow[] = [];
  for (const [input, { sizes, make }] of Object.entries(PATHOLOGICAL)) {
    for (const size of sizes) {
      const text = make(size);
      // the best of two runs, each from a collected heap: timed once, a 1 MB document came out at
      // 1.3–3.3 × the time of 500 KB from one bench to the next, with every stage slower at once
      let ms = Infinity;
      let t = 0;
      for (let k = 0; k < 2; k++) {
        collectGarbage();
        t = performance.now();
        processDocument({ id: 'x', text });
        ms = Math.min(ms, performance.now() - t);
      }
      collectGarbage();
      // the same text once more, stage by stage, to name the stage that grows
      const doc = createDoc('x', text);
      const times: Record<string, number> = {};
      for (const stage of stages) {
        t = performance.now();
        stage(doc, lexicon);
        times[stage.name] = Math.round(performance.now() - t);
      }
      rows.push({ input, size, ms: Math.round(ms), stages: times });
    }
  }
  return rows;
}

async function datasetHash(out: string): Promise<string> {
  const { FILES } = await import('../pipeline/write-dataset.ts');
  const hash = createHash('sha256');
  for (const f of FILES) hash.update(`${await fileHash(join(out, f))}\n`);
  return hash.digest('hex').slice(0, 16);
}

const fmt = (n: number, d = 1) => n.toFixed(d);

function printPathological(): void {
  console.log('\npathological inputs (processDocument, one thread, the best of 2 runs from a collected heap; ratio = time / time at half the size; stages in ms, once):');
  const rows = child<PathoRow[]>('pathological', []);
  let previous: PathoRow | undefined;
  for (const row of rows) {
    const ratio = previous && previous.input === row.input ? row.ms / Math.max(previous.ms, 1) : undefined;
    const stages = Object.entries(row.stages).map(([k, v]) => `${k} ${v}`).join(', ');
    console.log(`  ${row.input.padEnd(30)} ${String(row.size).padStart(9)} ${PATHOLOGICAL[row.input]!.unit.padEnd(5)} ${String(row.ms).padStart(7)} ms  ${ratio === undefined ? '     ' : `${fmt(ratio, 2)}×`}${ratio !== undefined && ratio > 2.5 ? ' SUPER-LINEAR' : '             '}  [${stages}]`);
    previous = row;
  }
}

/** Pairs of runs without the report and with it that `--only report` times (`--pairs`). */
const REPORT_PAIRS = 3;

/** The report's cost: the mean time of the runs with it against the mean of those without. */
function printReportCost(cores: number, reported: readonly RunResult[], bare: readonly RunResult[]): void {
  const mean = (rs: readonly RunResult[]) => rs.reduce((a, r) => a + r.seconds, 0) / rs.length;
  const cost = mean(reported) / mean(bare) - 1;
  const seconds = (rs: readonly RunResult[]) => rs.map((r) => fmt(r.seconds, 1)).join(', ');
  const percent = (x: number) => `${x >= 0 ? '+' : ''}${fmt(x * 100)} %`;
  console.log(`report's cost, ${cores} workers:     ${percent(cost)}  (mean of ${reported.length} runs with it, ${seconds(reported)} s, against ${bare.length} without, ${seconds(bare)} s; target ≤ 10 %)${cost <= 0.1 ? '' : '  ABOVE TARGET'}`);
  // each run with the report against its pair's run without it, next to it: the machine drifts between pairs
  const pairs = reported.map((r, i) => r.seconds / bare[i]!.seconds - 1).filter((x) => Number.isFinite(x));
  const sorted = [...pairs].sort((a, b) => a - b);
  const median = sorted.length % 2 === 1 ? sorted[(sorted.length - 1) / 2]! : (sorted[sorted.length / 2 - 1]! + sorted[sorted.length / 2]!) / 2;
  if (pairs.length > 1) {
    // the pairs' spread, for whether a mean is above the target by more than the machine's drift
    const average = pairs.reduce((a, x) => a + x, 0) / pairs.length;
    const error = Math.sqrt(pairs.reduce((a, x) => a + (x - average) ** 2, 0) / (pairs.length - 1) / pairs.length);
    console.log(`  pair by pair: ${pairs.map(percent).join(', ')}; median ${percent(median)}; mean ${percent(average)} ± ${fmt(error * 100)} % (standard error)`);
  }
  // on cores the runs keep busy, a run's time grows with its CPU, whichever thread spends it
  const cpu = (rs: readonly RunResult[]) => rs.reduce((a, r) => a + r.cpuSeconds, 0) / rs.length;
  console.log(`  CPU: ${fmt(cpu(reported), 1)} s a run with it, ${fmt(cpu(bare), 1)} s without (${percent(cpu(reported) / cpu(bare) - 1)})`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      child: { type: 'string' },
      docs: { type: 'string', default: '5000' },
      dir: { type: 'string' },
      out: { type: 'string' },
      workers: { type: 'string' },
      only: { type: 'string' },
      version: { type: 'string' },
      report: { type: 'string' },
      count: { type: 'string' },
      pairs: { type: 'string' },
      corpus: { type: 'string' },
    },
  });
  if (values.child === 'run') return void console.log(JSON.stringify(await childRun(values.dir!, values.out!, Number(values.workers), values.version!, values.report !== 'false')));
  if (values.child === 'stages') return void console.log(JSON.stringify(await childStages(values.dir!, Number(values.count))));
  if (values.child === 'floor') return void console.log(JSON.stringify(await childFloor(values.dir!)));
  if (values.child === 'pathological') return void console.log(JSON.stringify(await childPathological()));

  const docs = Number(values.docs);
  if (!Number.isInteger(docs) || docs < 1) throw new TypeError(`bench: Expected \`--docs\` to be an integer from 1 and up, got \`${values.docs}\``);
  const only = values.only;
  if (only !== undefined && only !== 'all' && only !== 'report' && only !== 'pathological') throw new TypeError(`bench: Expected \`--only\` to be \`all\`, \`report\` or \`pathological\`, got \`${only}\``);
  if (only === 'pathological') return printPathological();
  const cores = availableParallelism();
  // a corpus of one's own (a folder, a file): only the runs, not the floor and the stages alone, which read the generated one
  const own = values.corpus;
  if (own !== undefined && only !== 'report' && only !== 'all') throw new TypeError(`bench: Expected \`--corpus\` with \`--only report\` or \`--only all\`, got \`--only ${only ?? ''}\``);
  const dir = own ?? join(tmpdir(), `quotes-bench-${docs}`);
  const outs = own === undefined ? join(tmpdir(), `quotes-bench-${docs}-out`) : join(tmpdir(), 'quotes-bench-corpus-out');
  let t = performance.now();
  if (own === undefined) {
    const bytes = await buildCorpus(dir, docs);
    console.log(`corpus: ${docs} articles, ${fmt(bytes / 1e6)} MB in ${dir} (${fmt((performance.now() - t) / 1000)} s to build or check)`);
  } else console.log(`corpus: ${own}`);
  console.log(`machine: ${cores} cores, Node ${process.version}; load = 1-minute load average before each run (others' jobs share the cores)\n`);
  await rm(outs, { recursive: true, force: true });
  // fixed for the whole benchmark: edits to the sources by others meanwhile must not empty the cache between runs
  const version = await pipelineVersion();

  const run = (name: string, workers: number, out = name, report = true) => {
    flushWrites();
    const load = loadavg()[0]!;
    const r = child<RunResult>('run', ['--dir', dir, '--out', join(outs, out), '--workers', String(workers), '--version', version, '--report', String(report)]);
    const line = `${name.padEnd(22)} ${fmt(r.documents / r.seconds).padStart(8)} docs/s ${fmt(r.bytes / 1e6 / r.seconds, 2).padStart(6)} MB/s  ${fmt(r.seconds, 2).padStart(6)} s  CPU ${fmt(r.cpuSeconds).padStart(5)} s  peak RSS ${String(r.rssMB).padStart(4)} MB  load ${fmt(load, 1)}`;
    console.log(line + (r.cached ? `  (${r.cached} from the cache)` : '') + (r.errors ? `  ${r.errors} errors` : ''));
    return r;
  };

  if (only === 'report') {
    // alternating, each into a fresh folder: this machine's speed drifts by 10–25 % within minutes
    const bare: RunResult[] = [];
    const reported: RunResult[] = [];
    const pairs = Number(values.pairs ?? REPORT_PAIRS);
    if (!Number.isInteger(pairs) || pairs < 1) throw new TypeError(`bench: Expected \`--pairs\` to be an integer from 1 and up, got \`${values.pairs}\``);
    for (let pair = 1; pair <= pairs; pair++) {
      bare.push(run(`${cores} workers, no report`, cores, `no report ${pair}`, false));
      reported.push(run(`${cores} workers, report`, cores, `report ${pair}`));
    }
    console.log('');
    printReportCost(cores, reported, bare);
    return;
  }

  let floor: FloorResult | undefined;
  if (!only) {
    floor = child<FloorResult>('floor', ['--dir', dir]);
    console.log(`${'wink tokenize floor'.padEnd(22)} ${fmt(docs / floor.seconds).padStart(8)} docs/s ${fmt(floor.bytes / 1e6 / floor.seconds, 2).padStart(6)} MB/s  ${fmt(floor.seconds).padStart(6)} s  (winkNLP(model, []), every token's value; ${floor.tokens} tokens)`);
    console.log(`${'wink sbd + pos'.padEnd(22)} ${fmt(docs / floor.tagSeconds).padStart(8)} docs/s ${fmt(floor.bytes / 1e6 / floor.tagSeconds, 2).padStart(6)} MB/s  ${fmt(floor.tagSeconds).padStart(6)} s  (winkNLP(model, ['sbd', 'pos']): POS, lemmas and sentence spans, as the pipeline reads them)`);
  }
  const one = only ? undefined : run('pipeline, 1 worker', 1);
  const inThread = only ? undefined : run('pipeline, in-thread', 0);
  const all = run(`pipeline, ${cores} workers`, cores);
  const firstHash = await datasetHash(join(outs, `pipeline, ${cores} workers`));
  const rerun = run('unchanged rerun', cores, `pipeline, ${cores} workers`);
  // the report's cost: runs without it and with it, alternating (runs vary by 10–20 %), each into a
  // fresh folder, as the first run was
  const bare: RunResult[] = [];
  const reported: RunResult[] = [all];
  // 1 worker and all of them once more, the other way round: this machine's speed drifts within a run
  const ones: RunResult[] = one ? [one] : [];
  const alls: RunResult[] = [all];
  if (!only) {
    bare.push(run(`${cores} workers, no report`, cores, 'no report 1', false));
    ones.push(run('pipeline, 1 worker', 1, '1 worker, 2'));
    reported.push(run(`${cores} workers, report`, cores, 'report 2'));
    alls.push(reported.at(-1)!);
    bare.push(run(`${cores} workers, no report`, cores, 'no report 2', false));
  }
  let ceiling: { one: number; two: number } | undefined;
  if (!only && cores >= 2) {
    const count = String(Math.min(docs, 1000));
    const rates = { one: 0, two: 0 };
    for (let round = 0; round < 2; round++) {
      const alone = child<{ rate: number }>('stages', ['--dir', dir, '--count', count]).rate;
      const two = await Promise.all([0, 1].map(() => childAsync<{ rate: number }>('stages', ['--dir', dir, '--count', count])));
      const together = two[0]!.rate + two[1]!.rate;
      console.log(`${'stages alone, 1 thread'.padEnd(22)} ${fmt(alone).padStart(8)} docs/s  then two processes at once ${fmt(together)} docs/s  (processRaw + serialize on ${count} articles, in-thread: no reading, writing or messages)`);
      rates.one += alone;
      rates.two += together;
    }
    ceiling = rates;
  }

  console.log('');
  const mbs = (r: RunResult) => r.bytes / 1e6 / r.seconds;
  if (floor && one) {
    const ratio = mbs(one) / (floor.bytes / 1e6 / floor.seconds);
    console.log(`1 worker / tokenize floor:     ${fmt(ratio, 2)}  (target ≥ 0.5)${ratio >= 0.5 ? '' : '  BELOW TARGET'}`);
    console.log(`wink sbd + pos / floor:        ${fmt(floor.seconds / floor.tagSeconds, 2)}  (wink's tagging the stages build on, alone)`);
  }
  if (one && inThread) console.log(`1 worker / in-thread:          ${fmt(mbs(one) / mbs(inThread), 2)}`);
  if (ones.length > 0) {
    const seconds = (rs: RunResult[]) => rs.reduce((a, r) => a + r.seconds, 0) / rs.length;
    const speedup = seconds(ones) / seconds(alls);
    console.log(`${cores} workers / 1 worker:        ${fmt(speedup, 2)}  (target ≥ 1.7 on 2 cores; mean of ${ones.length} runs each, alternating)${speedup >= 1.7 ? '' : '  BELOW TARGET'}`);
  }
  if (ceiling) console.log(`2 processes / 1, stages alone: ${fmt(ceiling.two / ceiling.one, 2)}  (what two cores give this work with nothing shared: the ceiling for the line above)`);
  if (bare.length > 0) printReportCost(cores, reported, bare);
  const speed = all.seconds / rerun.seconds;
  const rerunHash = await datasetHash(join(outs, `pipeline, ${cores} workers`));
  console.log(`unchanged rerun speedup:       ${fmt(speed, 1)} ×  (target ≥ 20)${speed >= 20 ? '' : '  BELOW TARGET'}; dataset ${rerunHash === firstHash ? 'byte-identical' : 'DIFFERENT'} (${firstHash} / ${rerunHash})`);
  if (one) {
    const a = await datasetHash(join(outs, 'pipeline, 1 worker'));
    const b = await datasetHash(join(outs, 'pipeline, in-thread'));
    console.log(`dataset sha256 (1 worker / in-thread / ${cores} workers): ${a} / ${b} / ${firstHash}${a === b && b === firstHash ? '  identical' : '  DIFFERENT'}`);
  }

  if (!only) printPathological();
}

await main();
