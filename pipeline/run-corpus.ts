// Runs the pipeline over a corpus folder: bounded reading ahead, documents processed and written in a stable order.
import PQueue from 'p-queue';
import { annotate } from './annotate.ts';
import { loadLexicon } from './lexicon.ts';
import { isError, listCorpus, readDocument, type ErrorRecord, type SourceDocument } from './read-corpus.ts';
import { documentRecord, quoteRecords, type QuoteRecord } from './records.ts';
import { documentSpeakers, SpeakerIndex } from './speakers.ts';
import { DatasetWriter } from './write-dataset.ts';

export interface RunOptions {
  /** Output folder. @default 'output' */
  readonly out?: string;
  /** Documents larger than this many bytes get an error record instead of being read. @default 5_000_000 */
  readonly maxBytes?: number;
  /** Files read ahead of the one being processed. @default 16 */
  readonly readAhead?: number;
  /** Called after each document with the number done and the total. */
  readonly onProgress?: (done: number, total: number) => void;
}

export interface RunSummary {
  readonly documents: number;
  readonly quotes: number;
  readonly errors: number;
  readonly bytes: number;
}

function validate(options: RunOptions): Required<Omit<RunOptions, 'onProgress'>> {
  const maxBytes = options.maxBytes ?? 5_000_000;
  const readAhead = options.readAhead ?? 16;
  if (!Number.isInteger(maxBytes) || maxBytes < 1) throw new TypeError(`quotes: Expected \`maxBytes\` to be an integer from 1 and up, got \`${maxBytes}\``);
  if (!Number.isInteger(readAhead) || readAhead < 1) throw new TypeError(`quotes: Expected \`readAhead\` to be an integer from 1 and up, got \`${readAhead}\``);
  return { out: options.out ?? 'output', maxBytes, readAhead };
}

/** Annotates one document into its dataset rows; an exception inside a stage becomes an error record. */
export function processDocument(source: SourceDocument) {
  try {
    const doc = annotate(source.text, { id: source.id, lexicon: loadLexicon() });
    const quotes = quoteRecords(doc);
    const bySpeaker = new Map<string, number>();
    for (const q of quotes) if (q.speaker) bySpeaker.set(q.speaker.name, (bySpeaker.get(q.speaker.name) ?? 0) + 1);
    return { document: documentRecord(doc, quotes.length), quotes, speakers: documentSpeakers(doc, bySpeaker) };
  } catch (error) {
    const failed: ErrorRecord = { doc: source.id, error: 'failed', message: (error as Error).message, action: 'skipped' };
    return failed;
  }
}

export async function runCorpus(root: string, options: RunOptions = {}): Promise<RunSummary> {
  const { out, maxBytes, readAhead } = validate(options);
  const ids = await listCorpus(root);
  const writer = new DatasetWriter(out);
  await writer.open();
  const index = new SpeakerIndex();
  const reads = new PQueue({ concurrency: 8 });
  const pending: Promise<SourceDocument | ErrorRecord>[] = [];
  let next = 0;
  // read a bounded window ahead: never the whole corpus in memory
  const fill = () => {
    while (next < ids.length && pending.length < readAhead) {
      const id = ids[next++]!;
      pending.push(reads.add(() => readDocument(root, id, maxBytes)));
    }
  };
  let quotes = 0;
  let errors = 0;
  let bytes = 0;
  try {
    for (let done = 0; done < ids.length; done++) {
      fill();
      const source = await pending.shift()!;
      const result = isError(source) ? source : processDocument(source);
      if (!isError(source)) bytes += Buffer.byteLength(source.text);
      if ('error' in result) {
        errors++;
        await writer.writeError(result);
      } else {
        quotes += result.quotes.length;
        index.add(result.document.id, result.speakers);
        await writer.writeDocument(result.document, result.quotes as QuoteRecord[]);
      }
      options.onProgress?.(done + 1, ids.length);
    }
    const { speakers, lookup } = index.link();
    await writer.commit(speakers, lookup);
  } catch (error) {
    await writer.abort();
    throw error;
  }
  return { documents: ids.length, quotes, errors, bytes };
}
