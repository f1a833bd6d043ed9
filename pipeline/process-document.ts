// One document through the CPU stages into its dataset rows: what a worker thread runs.
import { annotate } from './annotate.ts';
import type { Doc } from './document.ts';
import { loadLexicon } from './lexicon.ts';
import { isError, prepare, type ErrorRecord, type RawDocument, type SourceDocument } from './read-corpus.ts';
import { documentRecord, quoteRecords, type DocumentRecord, type QuoteRecord } from './records.ts';
import { documentParts, speakerItems } from './report/document-parts.ts';
import { renderDocument } from './report/render-document.ts';
import { documentSpeakers, type DocumentSpeaker } from './speakers.ts';
import { documentFrame } from './write-dataset.ts';

/** A processed document: its rows, what it tells the corpus about its speakers, and warnings for errors.jsonl. */
export interface DocumentResult {
  /** The documents.jsonl row; an HTML page's row also carries the extracted `text` its offsets point into. */
  readonly document: DocumentRecord & { readonly text?: string };
  readonly quotes: readonly QuoteRecord[];
  readonly speakers: readonly DocumentSpeaker[];
  /** Input that was processed but deserves a look (`action: 'processed'`). */
  readonly warnings: readonly ErrorRecord[];
  /** The document's report page, when asked for: rendered here, where the text, blocks and quotes are at hand. */
  readonly page?: string;
}

export interface ProcessOptions {
  /** Render the document's report page (`report/render-document.ts`). @default false */
  readonly page?: boolean;
}

export type ProcessResult = DocumentResult | ErrorRecord;

/** More unpaired quotation marks than any article has: the text is not prose, or its marks are mangled. */
export const UNPAIRED_WARNING = 100;
/** A line longer than any paragraph: a page flattened to one line, or not prose. */
export const LONG_LINE_WARNING = 100_000;

function warningsOf(doc: Doc): ErrorRecord[] {
  const warnings: ErrorRecord[] = [];
  const unpaired = doc.messages.filter((m) => m.ruleId === 'quote-unpaired').length;
  if (unpaired > UNPAIRED_WARNING) {
    warnings.push({ doc: doc.id, error: 'unpaired-quotes', message: `${unpaired} unpaired quotation marks`, action: 'processed' });
  }
  let longest = 0;
  for (let from = 0; from <= doc.text.length; ) {
    const nl = doc.text.indexOf('\n', from);
    const end = nl === -1 ? doc.text.length : nl;
    longest = Math.max(longest, end - from);
    from = end + 1;
  }
  if (longest > LONG_LINE_WARNING) {
    warnings.push({ doc: doc.id, error: 'long-line', message: `a line of ${longest} characters without a break: read as one paragraph`, action: 'processed' });
  }
  return warnings;
}

/** Annotates one document into its dataset rows; an exception inside a stage becomes an error record. */
export function processDocument(source: SourceDocument, options: ProcessOptions = {}): ProcessResult {
  try {
    const doc = annotate(source.text, { id: source.id, lexicon: loadLexicon() });
    const quotes = quoteRecords(doc);
    const bySpeaker = new Map<string, number>();
    for (const q of quotes) if (q.speaker) bySpeaker.set(q.speaker.name, (bySpeaker.get(q.speaker.name) ?? 0) + 1);
    const record = documentRecord(doc, quotes.length);
    const speakers = documentSpeakers(doc, bySpeaker);
    const result: DocumentResult = {
      document: source.format === 'html' ? { ...record, text: source.text } : record,
      quotes,
      speakers,
      warnings: warningsOf(doc),
    };
    if (options.page !== true) return result;
    return { ...result, page: renderDocument({ record, text: doc.text, blocks: doc.blocks, quotes, speakers }) };
  } catch (error) {
    return { doc: source.id, error: 'failed', message: `the pipeline failed: ${(error as Error).message}`, action: 'skipped' };
  }
}

/** Extracts (HTML) and processes a document as read from disk. */
export function processRaw(raw: RawDocument, options: ProcessOptions = {}): ProcessResult {
  const source = prepare(raw);
  return isError(source) ? source : processDocument(source, options);
}

/**
 * A processed document with its rows already as JSON lines: what a worker hands back and what the
 * cache keeps. Serializing in the worker keeps the main thread, which every worker waits on, to
 * reading and appending strings.
 */
export interface SerializedResult {
  /** The documents.jsonl line, without its newline. */
  readonly document: string;
  /** The document's quotes as the commit reads them back (`documentFrame`): their quotes.jsonl lines and CSV rows. */
  readonly frame: string;
  readonly quoteCount: number;
  readonly id: string;
  readonly speakers: readonly DocumentSpeaker[];
  readonly warnings: readonly ErrorRecord[];
  /** The document's section of a report page (`renderDocument`), which the run puts on its page. */
  readonly page?: string;
  /** With a page, the document's quotes' items for their speakers' pages (`speakerItems`). */
  readonly speakerItems?: string;
  /** With a page, its row in the documents list and its counts for the overview (`documentParts`). */
  readonly parts?: string;
}

export function serialize(result: DocumentResult): SerializedResult {
  const { document, quotes, page } = result;
  const serialized = { document: JSON.stringify(document), frame: documentFrame(document.id, quotes), quoteCount: quotes.length, id: document.id, speakers: result.speakers, warnings: result.warnings };
  return page === undefined ? serialized : { ...serialized, page, speakerItems: speakerItems(document, quotes, result.speakers), parts: documentParts(document, quotes) };
}
