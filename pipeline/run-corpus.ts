// Runs the pipeline over a corpus: bounded reading ahead, a worker pool for the CPU stages, a cache for unchanged documents, rows written in a stable order, and the HTML report.
import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Piscina } from 'piscina';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { fileStat, ResultCache, treeStat, type Manifest } from './cache.ts';
import type { Task, WorkedResult, WorkResult } from './worker.ts';
import { isError, readRawCorpus, type ErrorRecord, type RawDocument, type ReadFs } from './read-corpus.ts';
import { removeTree } from './report/report-dir.ts';
import { ReportWriter } from './report/write-report.ts';
import { SpeakerPagesProcess } from './report/speaker-pages-process.ts';
import { collectGarbage, collectGarbageIfGrownBy } from './collect-garbage.ts';
import { entitiesBySignature, SpeakerIndex } from './speakers.ts';
import { DatasetWriter, FILES } from './write-dataset.ts';

export interface RunProgress {
  /** Documents written so far (error records included). */
  readonly done: number;
  /** Documents in the corpus, or null while unknown (JSONL corpora are counted as they are read). */
  readonly total: number | null;
  /** Of `done`, those taken from the cache. */
  readonly cached: number;
  /** Of `done`, those skipped with an error record. */
  readonly errors: number;
  /** UTF-8 bytes of document text read so far. */
  readonly bytes: number;
}

export interface RunOptions {
  /** Output folder. @default 'output' */
  readonly out?: string;
  /** Documents (files, or JSONL lines) larger than this many bytes get an error record instead of being read. @default 5_000_000 */
  readonly maxBytes?: number;
  /** Files read ahead of the one being processed. @default 16 */
  readonly readAhead?: number;
  /**
   * Worker threads for the CPU stages; 0 runs them in this thread. One worker beats the main
   * thread by letting reading and writing overlap the stages (see the README, Performance).
   * @default the number of cores
   */
  readonly workers?: number;
  /** Reprocess every document, ignoring the cache (which is refreshed). @default false */
  readonly force?: boolean;
  /**
   * Write the HTML report to `<out>/report/`: the workers render each document's section of a page,
   * the rest is built from the dataset at the end. Without it, a report left by an earlier run is removed when
   * the dataset is rewritten, as it would no longer match.
   * @default true
   */
  readonly report?: boolean;
  /**
   * What the cache is keyed by besides the text. The benchmark fixes it for its runs, because other
   * people's edits to the sources during a run would otherwise (rightly) invalidate the cache.
   * @default pipelineVersion(): a hash of the sources a worker loads, models/ and package.json
   */
  readonly version?: string;
  /**
   * Documents a worker reads before a fresh one replaces it (see `pool`). @default never: a worker's
   * memory is flat without it (nlp-adapter.ts renews wink-nlp's lexicon itself)
   */
  readonly recycleAfter?: number;
  /** Called after each document is written. */
  readonly onProgress?: (progress: RunProgress) => void;
  /** File operations for reading the corpus; tests inject failures. @default node:fs/promises */
  readonly fs?: ReadFs;
  /** Where the corpus `-` is read from. @default process.stdin */
  readonly stdin?: NodeJS.ReadableStream;
}

export interface RunSummary {
  /** Documents in the corpus, error records included. */
  readonly documents: number;
  readonly quotes: number;
  /** Documents skipped with an error record: the run exits 1 when there are any. */
  readonly errors: number;
  /** Warnings about documents that were processed (`action: 'processed'` in errors.jsonl). */
  readonly warnings: number;
  /** Documents taken from the cache. */
  readonly cached: number;
  /** UTF-8 bytes of document text. */
  readonly bytes: number;
}

/**
 * Growth of this thread's heap in use between two full collections (`collectGarbageIfGrownBy`) as
 * documents are written: every 1,000 documents instead, its heap swung between 34 and 117 MB in a
 * 20,000-article run. The commit makes more garbage (each quote spliced and written twice) over more
 * of the heap live: collecting on the same growth there, the end of that run took ~30 s.
 */
const GROWTH = 32 * 1024 * 1024;

/** A worker's young generation, in MB (`resourceLimits`). */
const YOUNG_GENERATION_MB = 24;

/** Documents committed between two full collections of this thread's heap. */
const COMMIT_GC_EVERY = 1000;

const integer = (name: string, value: number, min: number) => {
  if (!Number.isInteger(value) || value < min) throw new TypeError(`quotes: Expected \`${name}\` to be an integer from ${min} and up, got \`${value}\``);
  return value;
};

const boolean = (name: string, value: unknown) => {
  if (typeof value !== 'boolean') throw new TypeError(`quotes: Expected \`${name}\` to be a boolean, got \`${String(value)}\``);
  return value;
};

function validate(options: RunOptions) {
  return {
    out: options.out ?? 'output',
    maxBytes: integer('maxBytes', options.maxBytes ?? 5_000_000, 1),
    readAhead: integer('readAhead', options.readAhead ?? 16, 1),
    workers: integer('workers', options.workers ?? availableParallelism(), 0),
    force: options.force ?? false,
    report: boolean('report', options.report ?? true),
    recycleAfter: options.recycleAfter === undefined ? Infinity : integer('recycleAfter', options.recycleAfter, 1),
  };
}

/**
 * Worker threads start without the parent's loader hooks when the parent registered tsx from code
 * (bin/quotes.js) or runs under vitest: hand them tsx's loader explicitly unless they inherit it.
 */
function workerExecArgv(): string[] {
  if (process.execArgv.some((a) => a.includes('tsx'))) return process.execArgv;
  const loader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  return [...process.execArgv, '--import', loader];
}

/** Runs the CPU stages of one document: in a worker pool, or in this thread. */
type Result = WorkResult;

interface Processor {
  run(task: Task): Promise<Result>;
  close(): Promise<void>;
}

async function inThread(): Promise<Processor> {
  // imported only here: with workers, the main thread never loads the NLP model (~100 MB, ~0.5 s)
  const { work } = await import('./worker.ts');
  return { run: async (task) => work(task), close: async () => {} };
}

/**
 * A worker pool, replaced by a fresh one every `recycleAfter` documents per worker when asked. A
 * replacement costs the pool its warm-up: the old generation drains, the new one loads the model
 * (~0.5 s a thread) and compiles the stages again. It bounded the heap when wink-nlp kept every word
 * it read; nlp-adapter.ts now renews its lexicon itself, and 100,000 bench articles on 2 workers
 * without replacement peaked at 461 MB (463 MB with it). The old generation finishes its documents
 * before the new one starts, so memory never holds both.
 */
function pool(workers: number, recycleAfter: number): Processor {
  const make = () =>
    new Piscina<Task, Result>({
      filename: new URL('./worker.ts', import.meta.url).href,
      minThreads: workers,
      maxThreads: workers,
      execArgv: workerExecArgv(),
      // A second task waits in each worker's port: without it a worker sat idle from posting one
      // result until the main thread handed it the next, ~8 % of its time on PolNeAR with 2 workers.
      // The stages are synchronous, so the two never run at once.
      concurrentTasksPerWorker: 2,
      // A task no worker could take yet goes back to the head of the queue, not its tail: each worker
      // then takes documents in corpus order, as it files their speaker items (`fileSpeakerItems`).
      // Sent to the tail, one document in ~7 came after a later one (session 15).
      stricterFIFO: true,
      // V8's default young generation (up to 48 MB a thread) took each worker ~25 MB of RSS more for
      // a few percent of speed (see worker.ts for the old generation)
      resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
    });
  let piscina = make();
  let submitted = 0;
  const inFlight = new Set<Promise<Result>>();
  let ready: Promise<void> = Promise.resolve();
  let closed: Promise<void> | undefined;
  return {
    run(job) {
      if (submitted === recycleAfter * workers) {
        submitted = 0;
        const old = piscina;
        const draining = [...inFlight];
        ready = ready.then(async () => {
          await Promise.allSettled(draining);
          await old.destroy();
          piscina = make();
        });
      }
      submitted++;
      const task = ready.then(() => piscina.run(job));
      inFlight.add(task);
      void task.finally(() => inFlight.delete(task)).catch(() => {});
      return task;
    },
    // once, whoever asks: the run starts closing the pool, and a failure after that closes it again
    close: () => (closed ??= ready.then(() => piscina.destroy())),
  };
}

function datasetStats(out: string): Record<string, string | null> {
  const files: Record<string, string | null> = {};
  for (const file of FILES) files[file] = fileStat(join(out, file));
  return files;
}

/** Whether the report is as the last run left it, by its files' stats; a manifest from before they were kept does not say. */
function reportIntact(dir: string, manifest: Manifest): boolean {
  return manifest.reportStat != null && treeStat(dir) === manifest.reportStat;
}

/**
 * The summary of the last run when the inputs hash as they did then and its dataset (and report,
 * when one is wanted) is intact: nothing to process and nothing to write. Reads and hashes every
 * document and the report, which is all an unchanged rerun costs. Undefined when anything differs.
 */
async function unchanged(corpus: AsyncIterable<RawDocument | ErrorRecord>, cache: ResultCache, manifest: Manifest, out: string, report: boolean, onProgress: RunOptions['onProgress']): Promise<RunSummary | undefined> {
  const files = datasetStats(out);
  if (FILES.some((f) => files[f] === null || files[f] !== manifest.filesStat?.[f])) return undefined;
  if (report && !reportIntact(join(out, 'report'), manifest)) return undefined;
  const inputs = createHash('sha256');
  let documents = 0;
  let errors = 0;
  let bytes = 0;
  for await (const raw of corpus) {
    documents++;
    if (isError(raw)) {
      errors++;
      inputs.update(`${JSON.stringify(raw)}\n`);
    } else {
      bytes += Buffer.byteLength(raw.raw);
      inputs.update(`${cache.key(raw)}\n`);
    }
    onProgress?.({ done: documents, total: null, cached: documents - errors, errors, bytes });
  }
  if (inputs.digest('hex') !== manifest.inputs) return undefined;
  return { ...manifest.summary, cached: documents - errors };
}

/**
 * Runs the pipeline over the corpus at `root` (a folder, one file, or `-` for JSONL on stdin) and
 * commits the dataset to `out`. Documents are processed out of order by the pool but written in the
 * corpus order, through a reorder window of a few documents per worker: the dataset is the same
 * bytes whatever the number of workers, and at most that window of documents is held at once.
 */
export async function runCorpus(root: string, options: RunOptions = {}): Promise<RunSummary> {
  const { out, maxBytes, readAhead, workers, force, recycleAfter, report: wantReport } = validate(options);
  const cache = await ResultCache.open(out, options.version);
  let total: number | null = null;
  const read = () => readRawCorpus(root, { maxBytes, readAhead, fs: options.fs, stdin: options.stdin, onTotal: (n) => (total = n) });
  // standard input cannot be read twice
  if (!force && root !== '-') {
    const manifest = await cache.readManifest();
    const same = manifest && (await unchanged(read(), cache, manifest, out, wantReport, options.onProgress));
    if (same) return same;
  }

  const writer = new DatasetWriter(out);
  await writer.open();
  const report = wantReport ? await ReportWriter.create(out) : undefined;
  const index = new SpeakerIndex();
  let processor: Promise<Processor> | undefined;
  // created on the first document the cache does not hold: an unchanged rerun starts no thread
  const processorFor = () => (processor ??= workers === 0 ? inThread() : Promise.resolve(pool(workers, recycleAfter)));

  const inputs = createHash('sha256');
  let submitted: Promise<void> = Promise.resolve();
  // in-thread, the run files the speaker items itself: held in memory up to a point, not appended to files
  const filing = report !== undefined && workers > 0 ? report.filing : null;
  let given = 0;
  type Done = { result: Result; cached: boolean; bytes: number; seq: number };
  const handle = async (raw: RawDocument | ErrorRecord): Promise<Done> => {
    const seq = given++;
    if (isError(raw)) {
      inputs.update(`${JSON.stringify(raw)}\n`);
      return { result: raw, cached: false, bytes: 0, seq };
    }
    const bytes = Buffer.byteLength(raw.raw);
    const key = cache.key(raw);
    inputs.update(`${key}\n`);
    // an entry from a run without a report has no section of a page: a miss when a report is wanted
    const lookup = force ? undefined : cache.get(key).then((entry) => (entry !== undefined && report && (entry.page === undefined || entry.parts === undefined) ? undefined : entry));
    // looked up side by side, but handed to the pool in corpus order: with one worker, documents
    // are processed in the same order on every run (wink-nlp's results depend on what it read before)
    // (the task is wrapped: a promise returned from `then` would be waited for, not handed on)
    const turn = submitted.then(async () => ((await lookup) ? undefined : { task: (await processorFor()).run({ raw, cachePath: cache.path(key), page: report !== undefined, seq, filing }) }));
    submitted = turn.then(
      () => {},
      () => {},
    );
    const submission = await turn;
    if (!submission) return { result: (await lookup)!, cached: true, bytes, seq };
    let result: Result;
    try {
      result = await submission.task;
    } catch (error) {
      // a worker that died (out of memory, a crash in native code): piscina starts another, the run goes on
      result = { doc: raw.id, error: 'failed', message: `the worker failed: ${(error as Error).message}`, action: 'skipped' };
    }
    return { result, cached: false, bytes, seq };
  };

  let documents = 0;
  let quotes = 0;
  let errors = 0;
  let warnings = 0;
  let cached = 0;
  let bytes = 0;
  const write = async ({ result, cached: hit, bytes: size, seq }: Done) => {
    // the main thread's heap held up to ~140 MB between its major collections on the bench, ~40 MB of it live
    documents++;
    collectGarbageIfGrownBy(GROWTH);
    bytes += size;
    if (hit) cached++;
    if (isError(result)) {
      errors++;
      await writer.writeError(result);
    } else {
      const r: WorkedResult = result;
      quotes += r.quoteCount;
      index.add(r.id, r.speakers);
      await writer.writeFrame(r.document, r.frame);
      if (report) await report.addDocument(seq, r.id, r.page!, r.speakerItems!, r.parts!);
      for (const w of r.warnings) {
        warnings++;
        await writer.writeError(w);
      }
    }
    options.onProgress?.({ done: documents, total, cached, errors, bytes });
  };

  const window = Math.max(workers, 1) * 4 + 4;
  const inFlight: Promise<Done>[] = [];
  let pagesProcess: SpeakerPagesProcess | undefined;
  try {
    // started with the run, so that it has loaded by the end, when it writes the speaker pages beside the commit
    if (report && workers > 0) pagesProcess = new SpeakerPagesProcess(report.filing);
    for await (const raw of read()) {
      const done = handle(raw);
      // settled later, in order; a rejection here must not count as unhandled meanwhile
      done.catch(() => {});
      inFlight.push(done);
      while (inFlight.length >= window) await write(await inFlight.shift()!);
    }
    while (inFlight.length > 0) await write(await inFlight.shift()!);
    // the workers are not needed to link speakers and rewrite the quotes: the pool closes meanwhile,
    // and the speaker pages' process, which takes about as long as the commit, is handed its task first
    const closing = processor?.then((p) => p.close());
    // waited for after the commit, or by the failure path, which closes the pool again
    closing?.catch(() => {});
    const { speakers, lookup, names } = index.link();
    const named = report ? names() : [];
    // with no worker, a run keeps to this thread, which then needs each name's entity
    const entities = workers > 0 ? undefined : entitiesBySignature(named);
    const end = await report?.end((key) => entities?.get(key), documents - errors, speakers.length, errors + warnings, pagesProcess?.write);
    await end?.start(speakers, named);
    let committed = 0;
    await writer.commit(
      speakers,
      lookup,
      end && {
        document: () => {
          // the commit's garbage piles up between major collections: the end of the 100,000-article
          // bench held up to ~800 MB of heap, and a snapshot of the end of 20,000 found 70 MB of 182 live
          if (++committed % COMMIT_GC_EVERY === 0) collectGarbage();
        },
        complete: () => end.finish(),
      },
    );
    await closing;
    processor = undefined;
    if (report) await report.commit();
    else removeTree(join(out, 'report'));
    const summary = { documents, quotes, errors, warnings, bytes };
    const reportStat = report ? treeStat(join(out, 'report')) : null;
    // without a manifest the next run only loses its short cut
    await cache.writeManifest({ inputs: inputs.digest('hex'), filesStat: datasetStats(out), reportStat, summary }).catch(() => {});
    // housekeeping: a folder that cannot be removed now is removed by a later run
    try {
      cache.prune();
    } catch {}
  } catch (error) {
    // the workers first: one still running would write a page into the report folder being removed
    if (processor) await (await processor).close().catch(() => {});
    processor = undefined;
    await writer.abort();
    await report?.abort();
    throw error;
  } finally {
    if (processor) await (await processor).close();
    await pagesProcess?.stop();
  }
  return { documents, quotes, errors, warnings, cached, bytes };
}
