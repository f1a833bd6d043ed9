// Builds output/report/ in a run: the workers write each document's page as they annotate it; at the end, the overview, the lists, the speaker and name pages come from the dataset files, streaming.
//
// Nothing is read or annotated again. A document's page needs its text, its blocks and its quotes,
// which only the worker that annotated it holds: it renders the page there and writes it into the
// report's temporary folder (worker.ts). What needs the whole corpus — counts, speakers, lists —
// is built here from documents.jsonl, quotes.jsonl and speakers.jsonl, which hold documents and
// their quotes in the same order, so one merge-walk pairs them whatever the size of the corpus.
import { createReadStream } from 'node:fs';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { DocumentRecord, QuoteRecord } from '../records.ts';
import type { SpeakerName, SpeakerRecord } from '../speakers.ts';
import { documentListPage, documentRow, listPath, speakerListPage, speakerQuoteItem, speakerRow } from './lists.ts';
import { namePages } from './name-pages.ts';
import { Overview } from './overview.ts';
import { documentPath, PER_PAGE, speakerPageCount } from './paths.ts';
import { inTextOrder, quoteAnchors } from './render-document.ts';
import { ReportDir } from './report-dir.ts';
import { SCRIPT } from './script.ts';
import { SpeakerPages } from './speaker-pages.ts';
import { STYLE } from './style.ts';

/**
 * One JSON value per non-empty line, read as a stream a chunk at a time (readline costs more than
 * the parsing); a file that does not exist reads as empty when `optional`.
 */
export async function* readJsonLines<T>(path: string, optional = false): AsyncGenerator<T> {
  const input = createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 16 });
  let n = 0;
  let rest = '';
  const parse = (line: string) => {
    n++;
    try {
      return line.trim() === '' ? undefined : (JSON.parse(line) as T);
    } catch (cause) {
      throw new Error(`quotes: report: ${path}:${n}: malformed JSON`, { cause });
    }
  };
  try {
    for await (const chunk of input) {
      const lines = (rest + (chunk as string)).split('\n');
      rest = lines.pop()!;
      for (const line of lines) {
        const value = parse(line);
        if (value !== undefined) yield value;
      }
    }
    const last = parse(rest);
    if (last !== undefined) yield last;
  } catch (error) {
    if (optional && (error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  } finally {
    input.destroy();
  }
}

/** Non-empty lines of a file, counted without parsing: how many list pages there will be. */
async function countLines(path: string, optional = false): Promise<number> {
  let n = 0;
  let previous = 10;
  try {
    for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
      for (const byte of chunk) {
        if (byte === 10 && previous !== 10) n++;
        previous = byte;
      }
    }
  } catch (error) {
    if (optional && (error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw error;
  }
  return previous === 10 ? n : n + 1;
}

const pages = (items: number) => Math.max(1, Math.ceil(items / PER_PAGE));

/** Pairs each document record with its quotes: quotes.jsonl is grouped by document, in documents.jsonl order. */
class QuotesByDocument {
  readonly #path: string;
  readonly #iterator: AsyncIterator<QuoteRecord>;
  #current: QuoteRecord | null | undefined;

  /** `quotes` are the records of quotes.jsonl at `path`, read from it when not given. */
  constructor(path: string, quotes: AsyncIterable<QuoteRecord> = readJsonLines<QuoteRecord>(path)) {
    this.#path = path;
    this.#iterator = quotes[Symbol.asyncIterator]();
  }

  async #advance(): Promise<void> {
    const next = await this.#iterator.next();
    this.#current = next.done === true ? null : next.value;
  }

  /** The quotes of document `id`, in text order. */
  async of(id: string): Promise<QuoteRecord[]> {
    if (this.#current === undefined) await this.#advance();
    const quotes: QuoteRecord[] = [];
    while (this.#current != null && this.#current.doc === id) {
      quotes.push(this.#current);
      await this.#advance();
    }
    return inTextOrder(quotes);
  }

  /** Fails when quotes are left over: quotes.jsonl was not in documents.jsonl order, and some would be missing from the report. */
  async done(): Promise<void> {
    if (this.#current === undefined) await this.#advance();
    if (this.#current != null) {
      throw new Error(`quotes: report: ${this.#path}: quote \`${this.#current.id}\` is out of documents.jsonl order or of a document it does not list`);
    }
  }
}

/** What `build` is handed rather than reading it from the dataset, for a build that starts before the dataset is complete. */
export interface BuildSources {
  /** The records of quotes.jsonl, which is then not read. */
  readonly quotes?: AsyncIterable<QuoteRecord>;
  /** The records of speakers.jsonl, which is then not read (nor need it be written yet). */
  readonly speakers?: readonly SpeakerRecord[];
}

/**
 * `<out>/report/`, written into a temporary folder that replaces the old report on `commit()`.
 * Document pages go in first, from the workers (under `folder`) or through `writeDocument`; `build`
 * adds everything else once the dataset is complete.
 */
export class ReportWriter {
  readonly #dir: ReportDir;

  private constructor(dir: ReportDir) {
    this.#dir = dir;
  }

  static async create(out: string): Promise<ReportWriter> {
    if (typeof out !== 'string' || out === '') throw new TypeError(`quotes: Expected \`out\` to be a folder path, got \`${String(out)}\``);
    return new ReportWriter(await ReportDir.create(join(out, 'report')));
  }

  /** The report `create(out)` started in this process, to add to from another thread (`build-thread.ts`). */
  static attach(out: string): ReportWriter {
    return new ReportWriter(ReportDir.attach(join(out, 'report')));
  }

  /** Each file written through this writer, with its sha256: what another thread's writer adds with `addDigests`. */
  digests(): [path: string, sha256: string][] {
    return this.#dir.digests();
  }

  addDigests(files: Iterable<readonly [path: string, sha256: string]>): void {
    for (const [path, sha256] of files) this.#dir.add(path, sha256);
  }

  /**
   * A thread of its own for `build`, fed the quotes.jsonl lines as the dataset's commit writes them:
   * the two run side by side on two cores instead of one after the other, and nothing is read back
   * and parsed on this thread. Started before the dataset is complete, so that it has loaded by then
   * (~0.15 s).
   */
  buildThread(): ReportBuild {
    return new ReportBuild(this);
  }

  /** The temporary report folder: a worker writes a document's page to `join(folder, documentPath(id))`. */
  get folder(): string {
    return this.#dir.scratch;
  }

  /** A document page the run holds itself: taken from the cache, or one a worker could not write. */
  writeDocument(id: string, html: string): Promise<void> {
    return this.#dir.write(documentPath(id), html);
  }

  /** Counts the page of document `id` that a worker wrote into `folder`, by its sha256. */
  addDocument(id: string, sha256: string): void {
    this.#dir.add(documentPath(id), sha256);
  }

  /** `treeHash` of the report as written: what the manifest records. */
  digest(): string {
    return this.#dir.digest();
  }

  /**
   * Writes the overview, the document and speaker lists, the speaker pages and the name pages from
   * the dataset files in `dataset`, and `names`, every name documents gave a speaker, with its entity.
   */
  async build(dataset: string, names: Iterable<SpeakerName>, from: BuildSources = {}): Promise<void> {
    const dir = this.#dir;
    const documentsFile = join(dataset, 'documents.jsonl');
    const overview = new Overview();
    const documentCount = await countLines(documentsFile);
    overview.documentPages = pages(documentCount);
    const speakers = from.speakers ?? readJsonLines<SpeakerRecord>(join(dataset, 'speakers.jsonl'), true);
    const speakerCount = from.speakers?.length ?? (await countLines(join(dataset, 'speakers.jsonl'), true));
    const speakerListPages = pages(speakerCount);
    overview.speakerPages = speakerPageCount(speakerCount);
    overview.errors = await countLines(join(dataset, 'errors.jsonl'), true);
    await dir.write('report.css', STYLE);
    await dir.write('report.js', SCRIPT);

    // the speakers first: in a build thread, while the quotes are still being written
    const speakerPages = new SpeakerPages(dir.scratch, overview.speakerPages);
    let rows: string[] = [];
    let listPage = 1;
    for await (const speaker of speakers) {
      overview.addSpeaker(speaker);
      await speakerPages.addSpeaker(speaker);
      if (rows.length === PER_PAGE) {
        await dir.write(listPath('speakers', listPage), speakerListPage(rows, listPage, speakerListPages, speakerCount));
        listPage++;
        rows = [];
      }
      rows.push(speakerRow(speaker, overview.speakerPages));
    }
    await dir.write(listPath('speakers', listPage), speakerListPage(rows, listPage, speakerListPages, speakerCount));
    for (const [path, html] of namePages(names, overview.speakerPages)) await dir.write(path, html);

    const quotesOf = new QuotesByDocument(join(dataset, 'quotes.jsonl'), from.quotes);
    rows = [];
    listPage = 1;
    for await (const record of readJsonLines<DocumentRecord>(documentsFile)) {
      const quotes = await quotesOf.of(record.id);
      overview.addDocument(record, quotes);
      const anchors = quoteAnchors(quotes);
      for (const [i, q] of quotes.entries()) {
        if (q.speaker?.id !== undefined) await speakerPages.addQuote(q.speaker.id, speakerQuoteItem(q, anchors[i]!, record));
      }
      if (rows.length === PER_PAGE) {
        await dir.write(listPath('documents', listPage), documentListPage(rows, listPage, overview.documentPages, documentCount));
        listPage++;
        rows = [];
      }
      rows.push(documentRow(record));
    }
    await dir.write(listPath('documents', listPage), documentListPage(rows, listPage, overview.documentPages, documentCount));
    await quotesOf.done();
    await speakerPages.finish((path, html) => dir.write(path, html));
    await dir.write('index.html', overview.render());
  }


  /** Waits for every write, then puts the new report in place of the old one. */
  commit(): Promise<void> {
    return this.#dir.commit();
  }

  /** Drops the new report; the old one stays as it was. */
  abort(): Promise<void> {
    return this.#dir.abort();
  }
}

/** What the main thread tells the build thread. */
export type ToBuild =
  | { readonly type: 'start'; readonly dataset: string; readonly speakers: readonly SpeakerRecord[]; readonly names: readonly SpeakerName[] }
  | { readonly type: 'quotes'; readonly chunk: string }
  | { readonly type: 'end' };

/** What the build thread answers: a chunk taken, or the build done with the files it wrote. */
export type FromBuild =
  | { readonly type: 'taken' }
  | { readonly type: 'done'; readonly digests: [string, string][] }
  | { readonly type: 'failed'; readonly error: Error };

/** Chunks of quotes.jsonl (64 KB each) posted and not yet taken: the thread's backlog, bounded so memory is. */
const BACKLOG = 32;

/** A `build` running in its own thread (`build-thread.ts`): `ReportWriter.buildThread` starts the thread, `begin` the build. */
export class ReportBuild {
  readonly #worker: Worker;
  readonly #done: Promise<void>;
  #backlog = 0;
  #taken: (() => void) | undefined;
  #failed: Error | undefined;

  constructor(report: ReportWriter) {
    // A worker thread does not get the loader hooks that --import registered in its parent (nor those
    // of tsx's `register()`, nor vitest's): it registers tsx itself, then loads the TypeScript.
    const tsx = import.meta.resolve('tsx/esm/api');
    const entry = new URL('./build-thread.ts', import.meta.url).href;
    const code = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); })`;
    this.#worker = new Worker(code, { eval: true, workerData: { out: dirname(report.folder) }, execArgv: [] });
    this.#done = new Promise<void>((resolve, reject) => {
      const fail = (error: Error) => {
        this.#failed = error;
        this.#taken?.();
        reject(error);
      };
      this.#worker.on('message', (message: FromBuild) => {
        if (message.type === 'taken') {
          this.#backlog--;
          this.#taken?.();
        } else if (message.type === 'done') {
          report.addDigests(message.digests);
          resolve();
        } else fail(message.error);
      });
      this.#worker.on('error', fail);
      this.#worker.on('exit', (code) => fail(new Error(`quotes: report: the build thread exited (${code}) before it was done`)));
    });
    // waited for by `finish`; a failure before then shows up in `quotes` too
    this.#done.catch(() => {});
  }

  /**
   * Starts the build from the dataset files in `dataset`, where documents.jsonl is complete, with the
   * corpus's speakers and their names: the thread writes their pages while the quotes come.
   */
  begin(dataset: string, speakers: readonly SpeakerRecord[], names: readonly SpeakerName[]): void {
    this.#worker.postMessage({ type: 'start', dataset, speakers, names } satisfies ToBuild);
  }

  /** Hands the thread lines of quotes.jsonl (whole lines, in order); waits while its backlog is full. */
  async quotes(chunk: string): Promise<void> {
    while (this.#backlog >= BACKLOG && this.#failed === undefined) await new Promise<void>((resolve) => (this.#taken = resolve));
    if (this.#failed !== undefined) throw this.#failed;
    this.#backlog++;
    this.#worker.postMessage({ type: 'quotes', chunk } satisfies ToBuild);
  }

  /** Tells the thread the quotes are all there; waits for the report. */
  async finish(): Promise<void> {
    if (this.#failed === undefined) this.#worker.postMessage({ type: 'end' } satisfies ToBuild);
    try {
      await this.#done;
    } finally {
      await this.#worker.terminate();
    }
  }

  /** Stops the thread, for a run that failed. */
  async abort(): Promise<void> {
    await this.#worker.terminate();
  }
}
