// Builds output/report/ in a run: the documents' pages as the documents stream past; at the end, the overview, the lists, the speaker and name pages, streaming.
//
// Nothing is read or annotated again. A document's section of a page needs its text, its blocks and
// its quotes, which only the worker that annotated it holds: it renders the section there
// (render-document.ts), and the run puts up to DOCUMENTS_PER_PAGE sections in corpus order on a page
// (`addDocument`). The worker also renders what the rest needs of the document (document-parts.ts):
// its quotes' items for their speakers' pages, which it files in buckets itself (speaker-pages.ts),
// and its list row and counts, which the run takes as the document streams past, in corpus order.
// What needs the whole corpus — the lists' totals, speakers, the overview — is put together by
// `ReportEnd` once every document is read. `build` does the same from the dataset files
// (documents.jsonl, quotes.jsonl and speakers.jsonl, which hold documents and their quotes in the
// same order, so one merge-walk pairs them whatever the size of the corpus); it writes no document
// page.
import { appendFileSync, closeSync, createReadStream, openSync, readSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { DocumentRecord, QuoteRecord } from '../records.ts';
import { groupOfId, type SpeakerName, type SpeakerRecord } from '../speakers.ts';
import { ownPiece } from '../pieces.ts';
import { documentListPage, documentRow, documentRowHalves, listPath, speakerListPages } from './lists.ts';
import type { DocumentCounts } from './overview.ts';
import { namePages } from './name-pages.ts';
import { documentCounts, Overview } from './overview.ts';
import { readDocumentParts, speakerQuotes } from './document-parts.ts';
import { documentAnchor, documentLink, documentPagePath, DOCUMENTS_PER_PAGE, PAGE_CHARS, PER_PAGE, speakerBucketOf, speakerPageCount } from './paths.ts';
import { documentPageAround, inTextOrder } from './render-document.ts';
import { ReportDir } from './report-dir.ts';
import { SCRIPT } from './script.ts';
import { SpeakerPages } from './speaker-pages.ts';
import type { SpeakerPagesTask } from './speaker-pages-task.ts';
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

  constructor(path: string) {
    this.#path = path;
    this.#iterator = readJsonLines<QuoteRecord>(path)[Symbol.asyncIterator]();
  }

  async #advance(): Promise<void> {
    const next = await this.#iterator.next();
    this.#current = next.done === true ? null : next.value;
  }

  /** The quotes of document `id`, in text order. */
  async of(id: string): Promise<readonly QuoteRecord[]> {
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

/**
 * A document's section of a page (`renderDocument`) as UTF-8, as a worker hands it on, with its
 * length in characters, by which pages are filled (PAGE_CHARS). As a string, it was copied from the
 * worker, joined with its page's others and encoded again on the run's main thread.
 */
export interface SectionBytes {
  readonly bytes: Uint8Array;
  readonly chars: number;
}

const NEWLINE = Buffer.from('\n');

/**
 * The documents list's rows in corpus order, a list page of them at a time: a page's rows go to a
 * scratch file once there are PER_PAGE of them, and the pages are written at the end (`pages`), when
 * the totals they show are known. The rows come as the documents stream past (`addDocument`): built
 * while the dataset was committed, they held up its end by ~0.13 s at 5,000 bench articles.
 */
class DocumentRows {
  readonly #path: string;
  #rows: string[] = [];
  /** UTF-8 bytes of each full page of rows in the scratch file. */
  readonly #full: number[] = [];

  constructor(path: string) {
    this.#path = path;
  }

  add(row: string): void {
    this.#rows.push(row);
    if (this.#rows.length < PER_PAGE) return;
    const rows = this.#rows.join('\n');
    appendFileSync(this.#path, rows);
    this.#full.push(Buffer.byteLength(rows));
    this.#rows = [];
  }

  /** Each list page's rows joined by newlines, and how many, in order (one page of none for no rows); removes the scratch file. */
  *pages(): Generator<[rows: string, count: number]> {
    if (this.#full.length > 0) {
      const fd = openSync(this.#path, 'r');
      try {
        let at = 0;
        for (const bytes of this.#full) {
          const buffer = Buffer.allocUnsafe(bytes);
          for (let read = 0; read < bytes; ) {
            const n = readSync(fd, buffer, read, bytes - read, at + read);
            if (n === 0) throw new Error(`quotes: report: ${this.#path} ends before its rows do`);
            read += n;
          }
          at += bytes;
          yield [buffer.toString('utf8'), PER_PAGE];
        }
      } finally {
        closeSync(fd);
        rmSync(this.#path, { force: true });
      }
    }
    if (this.#rows.length > 0 || this.#full.length === 0) yield [this.#rows.join('\n'), this.#rows.length];
  }
}

/** Counts a document for the overview and lists its row (`documentRowHalves`), linking to `link` (`documentLink`). */
function listDocument(overview: Overview, rows: DocumentRows, row: readonly [string, string], counts: DocumentCounts, link: string): void {
  overview.addCounts(counts);
  // a copy: the row is slices of the string it was read from (a cache entry, a dataset line), which
  // they would keep alive as long as its list page
  rows.add(ownPiece(documentRow(row, link)));
}

/**
 * Writes the speaker list, the name pages and the speaker pages of a task (`writeSpeakerPagesTask`)
 * into its folder, the report's temporary folder, elsewhere than this thread
 * (`SpeakerPagesProcess.write`).
 */
export type SpeakerPagesAside = (task: SpeakerPagesTask) => Promise<void>;

/**
 * Everything of a report but the document pages and the speaker pages' items: the speakers first
 * (`start`), then each document's list row and counts unless the writer had them with the document
 * (`ReportWriter.addDocument`), and last the lists and the speaker pages (`finish`). Memory stays
 * flat: list rows wait in a scratch file (`DocumentRows`), the speaker pages' items in buckets
 * (speaker-pages.ts), and the overview keeps counts.
 */
export class ReportEnd {
  readonly #dir: ReportDir;
  readonly #overview: Overview;
  readonly #rows: DocumentRows;
  readonly #documents: number;
  readonly #speakerPages: SpeakerPages;
  readonly #resolve: (key: string) => SpeakerRecord | undefined;
  readonly #pageOf: (k: number) => number;
  /** Documents given so far (`document`). */
  #listed = 0;
  readonly #aside: SpeakerPagesAside | undefined;
  /** The speaker pages being written by `aside`, from `start` on. */
  #asideWritten: Promise<void> | undefined;

  /**
   * For a corpus of `documents` documents (error records not counted), `speakers` entities and
   * `errors` lines of errors.jsonl, whose quotes' items are in `speakerPages` under keys `resolve`
   * turns into their entity; `pageOf` gives the document page of the `k`-th document. With `aside`,
   * the speaker pages are written by it from `start` on, while the documents are fed; without, by
   * `finish`. `overview` and `rows` hold what the writer was given of the documents so far.
   */
  constructor(dir: ReportDir, speakerPages: SpeakerPages, overview: Overview, rows: DocumentRows, resolve: (key: string) => SpeakerRecord | undefined, pageOf: (k: number) => number, documents: number, speakers: number, errors: number, aside?: SpeakerPagesAside) {
    this.#dir = dir;
    this.#overview = overview;
    this.#rows = rows;
    this.#pageOf = pageOf;
    this.#aside = aside;
    this.#speakerPages = speakerPages;
    this.#resolve = resolve;
    this.#documents = documents;
    this.#overview.documentPages = pages(documents);
    this.#overview.speakerPages = speakerPageCount(speakers);
    this.#overview.errors = errors;
  }

  /**
   * Writes the style, the script, the speaker list and the name pages; `speakers` are the corpus's
   * entities and `names` every name documents gave one. With `aside`, the lists and the speaker pages
   * are written by it, from here on.
   */
  async start(speakers: AsyncIterable<SpeakerRecord> | Iterable<SpeakerRecord>, names: Iterable<SpeakerName>): Promise<void> {
    const dir = this.#dir;
    const overview = this.#overview;
    await dir.write('report.css', STYLE);
    await dir.write('report.js', SCRIPT);
    // for the speaker list, when it is written here
    const all: SpeakerRecord[] = [];
    for await (const speaker of speakers) {
      overview.addSpeaker(speaker);
      this.#speakerPages.addSpeaker(speaker);
      if (this.#aside === undefined) all.push(speaker);
    }
    if (this.#aside !== undefined) {
      this.#asideWritten = this.#aside({ filed: await this.#speakerPages.close(), pages: overview.speakerPages, folder: dir.scratch, names: Array.isArray(names) ? names : [...names] });
      // waited for in `finish` or `settled`
      this.#asideWritten.catch(() => {});
      return;
    }
    for (const [path, html] of speakerListPages(all, overview.speakerPages)) await dir.write(path, html);
    for (const [path, html] of namePages(names, overview.speakerPages)) await dir.write(path, html);
  }

  /** Settles once nothing is being written aside any more: before the report's folder is dropped. */
  async settled(): Promise<void> {
    await this.#asideWritten?.catch(() => {});
  }

  /** A document, in corpus order, that the writer was not given (`build`): its list row but the link (`documentRowHalves`) and its counts. */
  async document(id: string, row: readonly [string, string], counts: DocumentCounts): Promise<void> {
    listDocument(this.#overview, this.#rows, row, counts, documentLink(this.#pageOf(this.#listed++), id));
  }

  /** The documents list, the speaker pages and the overview. */
  async finish(): Promise<void> {
    const dir = this.#dir;
    let n = 0;
    for (const [rows, count] of this.#rows.pages()) {
      n++;
      await dir.write(listPath('documents', n), documentListPage(rows, count, n, this.#overview.documentPages, this.#documents));
    }
    if (this.#asideWritten !== undefined) await this.#asideWritten;
    else await this.#speakerPages.finish(this.#overview.speakerPages, this.#resolve, (path, html) => dir.write(path, html));
    await dir.write('index.html', this.#overview.render());
  }
}

/**
 * `<out>/report/`, written into a temporary folder that replaces the old report on `commit()`.
 * Document pages go in first, from the workers (under `folder`) or through `writeDocument`; `build`
 * adds everything else once the dataset is complete.
 */
export class ReportWriter {
  readonly #dir: ReportDir;
  readonly #speakerPages: SpeakerPages;
  readonly #overview = new Overview();
  readonly #rows: DocumentRows;
  #end: ReportEnd | undefined;
  /** Documents given so far (`addDocument`). */
  #documents = 0;
  /** The sections of the document page being filled, as UTF-8, and their characters. */
  #sections: Uint8Array[] = [];
  #sectionChars = 0;
  /** The first document of each document page so far, the last being filled. */
  readonly #pageStarts: number[] = [0];

  private constructor(dir: ReportDir, held?: number) {
    this.#dir = dir;
    this.#speakerPages = new SpeakerPages(dir.scratch, held);
    this.#rows = new DocumentRows(join(dir.scratch, 'document-rows'));
  }

  /** The folder the workers file their documents' speaker items in (`fileSpeakerItems`) instead of handing them to `addDocument`. */
  get filing(): string {
    return this.#dir.scratch;
  }

  /** `held`: characters of speaker items held in memory before they go to disk (speaker-pages.ts). */
  static async create(out: string, held?: number): Promise<ReportWriter> {
    if (typeof out !== 'string' || out === '') throw new TypeError(`quotes: Expected \`out\` to be a folder path, got \`${String(out)}\``);
    return new ReportWriter(await ReportDir.create(join(out, 'report')), held);
  }

  /**
   * The next document in corpus order (error records not counted), whose place in the corpus is
   * `seq` (error records counted): its section of a page (`renderDocument`) and its quotes' items for
   * their speakers' pages (`speakerItems`, or only their counts when its worker filed them:
   * `fileSpeakerItems`), which are filed as the document streams past, and with `parts`
   * (`documentParts`) its list row and counts. A page takes
   * DOCUMENTS_PER_PAGE documents, or fewer that would make it longer than PAGE_CHARS; it is written
   * once the next one has begun, when it is known whether it is the last.
   */
  async addDocument(seq: number, id: string, section: string | SectionBytes, items: string, parts?: string): Promise<void> {
    const { bytes, chars } = typeof section === 'string' ? { bytes: Buffer.from(section), chars: section.length } : section;
    const held = this.#sections.length;
    if (held === DOCUMENTS_PER_PAGE || (held > 0 && this.#sectionChars + chars > PAGE_CHARS)) {
      await this.#writeDocumentPage(false);
      this.#pageStarts.push(this.#documents);
    }
    this.#sections.push(bytes);
    this.#sectionChars += chars;
    this.#documents++;
    const page = this.#pageStarts.length - 1;
    this.#speakerPages.placeDocument(seq, page);
    await this.#speakerPages.addItems(items, { seq, anchor: documentAnchor(id) });
    if (parts === undefined) return;
    const { row, counts } = readDocumentParts(parts);
    listDocument(this.#overview, this.#rows, row, counts, documentLink(page, id));
  }

  /** The page of the sections held: the page being filled. */
  async #writeDocumentPage(last: boolean): Promise<void> {
    const n = this.#pageStarts.length - 1;
    const [head, tail] = documentPageAround(this.#sections.length, n, this.#pageStarts[n]!, this.#pageStarts[n - 1] ?? 0, last);
    const parts: Uint8Array[] = [Buffer.from(head)];
    for (const [i, section] of this.#sections.entries()) {
      if (i > 0) parts.push(NEWLINE);
      parts.push(section);
    }
    parts.push(Buffer.from(tail));
    await this.#dir.write(documentPagePath(n), Buffer.concat(parts));
    this.#sections = [];
    this.#sectionChars = 0;
  }

  /** The document page of the `k`-th document given (`addDocument`). */
  #pageOf = (k: number): number => {
    // the last page that starts at or before it
    let low = 0;
    let high = this.#pageStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.#pageStarts[middle]! <= k) low = middle;
      else high = middle - 1;
    }
    return low;
  };

  /**
   * The report's end (`ReportEnd`), once every document is given: for a corpus of `documents`
   * documents, `speakers` entities and `errors` lines of errors.jsonl; `resolve` turns a speaker item's
   * key (`speakerSignature`, or an entity id in `build`) into its entity; `aside` writes the speaker
   * pages elsewhere than this thread. Writes the last document page.
   */
  async end(resolve: (key: string) => SpeakerRecord | undefined, documents: number, speakers: number, errors: number, aside?: SpeakerPagesAside): Promise<ReportEnd> {
    if (this.#sections.length > 0) await this.#writeDocumentPage(true);
    this.#end = new ReportEnd(this.#dir, this.#speakerPages, this.#overview, this.#rows, resolve, this.#pageOf, documents, speakers, errors, aside);
    return this.#end;
  }

  /**
   * Writes the overview, the document and speaker lists, the speaker pages and the name pages from
   * the dataset files in `dataset`, and `names`, every name documents gave a speaker, with its entity,
   * for a writer that was given no document (`addDocument`).
   */
  async build(dataset: string, names: Iterable<SpeakerName>): Promise<void> {
    const documentsFile = join(dataset, 'documents.jsonl');
    const speakersFile = join(dataset, 'speakers.jsonl');
    const speakerCount = await countLines(speakersFile, true);
    // the dataset's quotes know their entity: it is their key
    const entities = new Map<string, SpeakerRecord>();
    const speakers = async function* () {
      for await (const speaker of readJsonLines<SpeakerRecord>(speakersFile, true)) {
        entities.set(speaker.id, speaker);
        yield speaker;
      }
    };
    const documents = await countLines(documentsFile);
    // no document page is written here: the links are to the pages a run of short documents writes
    for (let k = DOCUMENTS_PER_PAGE; k < documents; k += DOCUMENTS_PER_PAGE) this.#pageStarts.push(k);
    const end = await this.end((id) => entities.get(id), documents, speakerCount, await countLines(join(dataset, 'errors.jsonl'), true));
    await end.start(speakers(), names);
    const quotesOf = new QuotesByDocument(join(dataset, 'quotes.jsonl'));
    let k = 0;
    for await (const record of readJsonLines<DocumentRecord>(documentsFile)) {
      const quotes = await quotesOf.of(record.id);
      const place = { seq: k, anchor: documentAnchor(record.id) };
      this.#speakerPages.placeDocument(k, this.#pageOf(k++));
      for (const [id, q, item] of speakerQuotes(record, quotes, (x) => x.speaker?.id)) {
        await this.#speakerPages.addQuote(speakerBucketOf(groupOfId(id)), id, q.speaker!.mention, place, item);
      }
      await end.document(record.id, documentRowHalves(record), documentCounts(record, quotes));
    }
    await quotesOf.done();
    await end.finish();
  }

  /** Waits for every write, then puts the new report in place of the old one. */
  commit(): Promise<void> {
    return this.#dir.commit();
  }

  /** Drops the new report once nothing is written into it any more; the old one stays as it was. */
  async abort(): Promise<void> {
    await this.#end?.settled();
    await this.#dir.abort();
  }
}
