// Builds output/report/ after a run, from the dataset files and the original texts, streaming: documents, quotes and texts are merge-walked in dataset order.
//
// The dataset is the input, not the pipeline's internals. documents.jsonl lists the documents
// in the order the run read them; quotes.jsonl holds their quotes grouped in the same order; the
// corpus, read again, yields the texts in that order too (plus documents that failed, which
// documents.jsonl lacks). So one pass over the three pairs each document with its text and
// quotes, whatever the size of the corpus. Only the cheap `clean` stage is run again, to know
// which blocks are debris.
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createDoc } from '../document.ts';
import type { DocumentRecord, QuoteRecord } from '../records.ts';
import type { SpeakerRecord } from '../speakers.ts';
import { clean } from '../stages/01-clean.ts';
import { documentListPage, documentRow, listPath, speakerListPage, speakerQuoteItem, speakerRow } from './lists.ts';
import { Overview } from './overview.ts';
import { documentPath, PER_PAGE, speakerPageCount } from './paths.ts';
import { quoteAnchors, renderDocument } from './render-document.ts';
import { ReportDir } from './report-dir.ts';
import { SCRIPT } from './script.ts';
import { SpeakerPages } from './speaker-pages.ts';
import { STYLE } from './style.ts';

/** A document of the corpus; an error record from reading it (`{ doc, error }`) is skipped. */
export type ReportSource = { readonly id: string; readonly text: string } | { readonly doc: string; readonly error: string };

export interface WriteReportOptions {
  /** The run's output folder, holding documents.jsonl, quotes.jsonl and speakers.jsonl; the report goes to `<out>/report/`. */
  readonly out: string;
  /** The corpus's documents in the order the run read them (`readCorpus(root, { maxBytes })`); error records are skipped. */
  readonly documents: AsyncIterable<ReportSource>;
}

/** One JSON value per non-empty line, read as a stream; a file that does not exist reads as empty when `optional`. */
export async function* readJsonLines<T>(path: string, optional = false): AsyncGenerator<T> {
  const input = createReadStream(path, { encoding: 'utf8' });
  let n = 0;
  try {
    for await (const line of createInterface({ input, crlfDelay: Infinity })) {
      n++;
      if (line.trim() === '') continue;
      try {
        yield JSON.parse(line) as T;
      } catch (cause) {
        throw new Error(`quotes: report: ${path}:${n}: malformed JSON`, { cause });
      }
    }
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

/** Pairs each document record with its original text: the records are a subsequence of the corpus, in the same order. */
class Texts {
  readonly #iterator: AsyncIterator<ReportSource>;
  #current: { id: string; text: string } | null | undefined;

  constructor(documents: AsyncIterable<ReportSource>) {
    this.#iterator = documents[Symbol.asyncIterator]();
  }

  async #advance(): Promise<void> {
    for (;;) {
      const next = await this.#iterator.next();
      if (next.done === true) {
        this.#current = null;
        return;
      }
      if ('id' in next.value) {
        this.#current = next.value;
        return;
      }
    }
  }

  /** The text of document `id`, skipping documents the dataset does not have; null when the corpus runs out first. */
  async textOf(id: string): Promise<string | null> {
    if (this.#current === undefined) await this.#advance();
    while (this.#current != null && this.#current.id !== id) await this.#advance();
    const text = this.#current?.text ?? null;
    if (this.#current != null) await this.#advance();
    return text;
  }
}

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
  async of(id: string): Promise<QuoteRecord[]> {
    if (this.#current === undefined) await this.#advance();
    const quotes: QuoteRecord[] = [];
    while (this.#current != null && this.#current.doc === id) {
      quotes.push(this.#current);
      await this.#advance();
    }
    return quotes.sort((a, b) => a.start - b.start || a.end - b.end);
  }

  /** Fails when quotes are left over: quotes.jsonl was not in documents.jsonl order, and some would be missing from the report. */
  async done(): Promise<void> {
    if (this.#current === undefined) await this.#advance();
    if (this.#current != null) {
      throw new Error(`quotes: report: ${this.#path}: quote \`${this.#current.id}\` is out of documents.jsonl order or of a document it does not list`);
    }
  }
}

/** Writes `<out>/report/`: the overview, the document and speaker lists, a page per document and per speaker. */
export async function writeReport(options: WriteReportOptions): Promise<void> {
  if (typeof options?.out !== 'string' || options.out === '') throw new TypeError(`quotes: Expected \`out\` to be a folder path, got \`${String(options?.out)}\``);
  if (options.documents === null || typeof options.documents !== 'object' || !(Symbol.asyncIterator in options.documents)) {
    throw new TypeError(`quotes: Expected \`documents\` to be an async iterable of { id, text }, got \`${String(options.documents)}\``);
  }
  const { out } = options;
  const documentsFile = join(out, 'documents.jsonl');
  const speakersFile = join(out, 'speakers.jsonl');
  const dir = await ReportDir.create(join(out, 'report'));
  try {
    const overview = new Overview();
    const documentCount = await countLines(documentsFile);
    overview.documentPages = pages(documentCount);
    const speakerCount = await countLines(speakersFile, true);
    const speakerListPages = pages(speakerCount);
    overview.speakerPages = speakerPageCount(speakerCount);
    overview.errors = await countLines(join(out, 'errors.jsonl'), true);
    await dir.write('report.css', STYLE);
    await dir.write('report.js', SCRIPT);

    const speakerPages = new SpeakerPages(dir.scratch, overview.speakerPages);
    const texts = new Texts(options.documents);
    const quotesOf = new QuotesByDocument(join(out, 'quotes.jsonl'));
    let rows: string[] = [];
    let listPage = 1;
    for await (const record of readJsonLines<DocumentRecord>(documentsFile)) {
      const quotes = await quotesOf.of(record.id);
      let text = await texts.textOf(record.id);
      // a file changed since the run would put every highlight in the wrong place
      if (text !== null && text.length !== record.chars) text = null;
      const doc = createDoc(record.id, text ?? '');
      if (text !== null) clean(doc);
      await dir.write(documentPath(record.id), renderDocument({ record, text, blocks: doc.blocks, quotes, speakerPages: overview.speakerPages }));

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

    rows = [];
    listPage = 1;
    for await (const speaker of readJsonLines<SpeakerRecord>(speakersFile, true)) {
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
    await speakerPages.finish((path, html) => dir.write(path, html));
    await dir.write('index.html', overview.render());
    await dir.commit();
  } catch (error) {
    await dir.abort();
    throw error;
  }
}
