// Writes the dataset atomically: rows stream into temporary files, renamed into place only when the run completes.
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { once } from 'node:events';
import type { ErrorRecord } from './read-corpus.ts';
import type { DocumentRecord, QuoteRecord } from './records.ts';
import type { SpeakerRecord } from './speakers.ts';

export const FILES = ['quotes.jsonl', 'quotes.csv', 'documents.jsonl', 'speakers.jsonl', 'errors.jsonl'] as const;

const CSV_COLUMNS = [
  'id', 'doc', 'type', 'text', 'start', 'end',
  'cue_text', 'cue_lemma', 'cue_start', 'cue_end',
  'speaker_name', 'speaker_mention', 'speaker_kind', 'speaker_start', 'speaker_end', 'speaker_title', 'speaker_id',
  'sieve', 'confidence',
] as const;

/** RFC 4180: quote a field that holds a comma, quote or line break; double inner quotes. */
function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * Values as CSV cells joined by commas. A loop rather than `map` and `join`: `map` gives arrays of
 * more than one hidden class (see `objectArray`), and `documentFrame`, optimized for one, was thrown
 * away and compiled again at each other (~5 times a worker in a 5,000-article run).
 */
function csvCells(values: readonly (string | number | null | undefined)[]): string {
  let cells = csvField(values[0]);
  for (let i = 1; i < values.length; i++) cells += `,${csvField(values[i])}`;
  return cells;
}

export function csvRow(q: QuoteRecord): string {
  const c = q.cue;
  const s = q.speaker;
  return csvCells([q.id, q.doc, q.type, q.text, q.start, q.end, c?.text, c?.lemma, c?.start, c?.end, s?.name, s?.mention, s?.kind, s?.start, s?.end, s?.title, s?.id, q.sieve, q.confidence]);
}

/** The speaker's object in a quotes.jsonl line: `,"speaker":{"name":` cannot occur inside a JSON string, whose quotation marks are all escaped. */
const SPEAKER_KEY = ',"speaker":{"name":';
const AFTER_SPEAKER = '},"sieve":';

/**
 * One document's quotes as they wait in the partial file for their corpus speaker ids: each quote's
 * quotes.jsonl line and CSV row, serialized where the document was annotated (a worker), with where
 * the speaker's name and id go. The commit then splices the corpus name and id in, where parsing and
 * serializing each quote again took ~2 s of the main thread per 200,000 quotes, after the workers
 * were done. `report` is what something built on the dataset needs of the document in corpus order,
 * handed to `CommitHooks.document`, or '' (the run's report took its rows and counts so until
 * session 17; it takes them as the documents stream past now). Lengths count UTF-16 code units, as
 * the frame is read back as a string.
 *
 *     <id length> <quotes> <report length>\n<id>
 *     for each quote: <name length> <json length> <csv length> <json name start> <json name end> <json speaker end> <csv name start> <csv name end> <csv id>\n<name><json><csv>
 *     <report>
 */
export function documentFrame(id: string, quotes: readonly QuoteRecord[], report = ''): string {
  let frame = `${id.length} ${quotes.length} ${report.length}\n${id}`;
  for (const q of quotes) {
    const json = JSON.stringify(q);
    const c = q.cue;
    const s = q.speaker;
    const before = `${csvCells([q.id, q.doc, q.type, q.text, q.start, q.end, c?.text, c?.lemma, c?.start, c?.end])},`;
    if (s === null || s.id !== undefined) {
      // no name to look up: the line is final
      const csv = csvRow(q);
      frame += `0 ${json.length} ${csv.length} -1 -1 -1 -1 -1 -1\n${json}${csv}`;
      continue;
    }
    const name = csvField(s.name);
    const middle = `,${csvCells([s.mention, s.kind, s.start, s.end, s.title])},`;
    const csv = `${before}${name}${middle},${csvCells([q.sieve, q.confidence])}`;
    const nameStart = json.indexOf(SPEAKER_KEY) + SPEAKER_KEY.length;
    const nameEnd = nameStart + JSON.stringify(s.name).length;
    const speakerEnd = json.indexOf(AFTER_SPEAKER, nameEnd);
    const csvName = before.length;
    const csvId = csvName + name.length + middle.length;
    frame += `${s.name.length} ${json.length} ${csv.length} ${nameStart} ${nameEnd} ${speakerEnd} ${csvName} ${csvName + name.length} ${csvId}\n${s.name}${json}${csv}`;
  }
  return frame + report;
}

/** Reads a string a piece at a time: header lines, then pieces of known length. */
class FrameText {
  readonly #text: string;
  #at = 0;

  constructor(text: string) {
    this.#text = text;
  }

  header(): number[] {
    const nl = this.#text.indexOf('\n', this.#at);
    if (nl === -1) throw new Error('quotes: a frame of the partial quotes file ends in the middle of a header');
    const line = this.#text.slice(this.#at, nl);
    this.#at = nl + 1;
    return line.split(' ').map(Number);
  }

  take(n: number): string {
    if (!(n >= 0) || this.#at + n > this.#text.length) throw new Error('quotes: a frame of the partial quotes file ends in the middle of a piece');
    const s = this.#text.slice(this.#at, this.#at + n);
    this.#at += n;
    return s;
  }

  /** Fails unless every character was read. */
  end(): void {
    if (this.#at !== this.#text.length) throw new Error('quotes: a frame of the partial quotes file is longer than its pieces');
  }
}

/** Reads what was written as a string back a piece at a time: header lines, then pieces of known length. */
export class FrameReader {
  readonly #chunks: AsyncIterator<string>;
  #buffer = '';
  #at = 0;
  #done = false;

  constructor(path: string) {
    this.#chunks = (createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 16 }) as AsyncIterable<string>)[Symbol.asyncIterator]();
  }

  async #more(): Promise<boolean> {
    if (this.#done) return false;
    const next = await this.#chunks.next();
    if (next.done === true) {
      this.#done = true;
      return false;
    }
    this.#buffer = this.#buffer.slice(this.#at) + next.value;
    this.#at = 0;
    return true;
  }

  /** The next header's numbers, or undefined at the end. */
  async header(): Promise<number[] | undefined> {
    let nl: number;
    while ((nl = this.#buffer.indexOf('\n', this.#at)) === -1) {
      if (!(await this.#more())) {
        if (this.#at < this.#buffer.length) throw new Error('quotes: the partial quotes file ends in the middle of a frame');
        return undefined;
      }
    }
    const line = this.#buffer.slice(this.#at, nl);
    this.#at = nl + 1;
    return line.split(' ').map(Number);
  }

  /** The next `n` code units. */
  async take(n: number): Promise<string> {
    while (this.#buffer.length - this.#at < n) {
      if (!(await this.#more())) throw new Error('quotes: the partial quotes file ends in the middle of a frame');
    }
    const s = this.#buffer.slice(this.#at, this.#at + n);
    this.#at += n;
    return s;
  }
}

/** What a quote line of a frame becomes once its speaker's corpus entity (if any) is known. */
export function spliceSpeaker(json: string, csv: string, at: readonly number[], entity: SpeakerRecord | undefined): [json: string, csv: string] {
  if (entity === undefined) return [json, csv];
  const [nameStart, nameEnd, speakerEnd, csvName, csvNameEnd, csvId] = at as [number, number, number, number, number, number];
  return [
    `${json.slice(0, nameStart)}${JSON.stringify(entity.name)}${json.slice(nameEnd, speakerEnd)},"id":${JSON.stringify(entity.id)}${json.slice(speakerEnd)}`,
    `${csv.slice(0, csvName)}${csvField(entity.name)}${csv.slice(csvNameEnd, csvId)}${csvField(entity.id)}${csv.slice(csvId)}`,
  ];
}

/**
 * A file written line by line through a 64 KB buffer: one write per thousand quotes rather than
 * one per quote, which cost the main thread more than serializing them.
 */
class Lines {
  readonly #stream: WriteStream;
  #buffer = '';
  constructor(readonly path: string) {
    this.#stream = createWriteStream(path, { encoding: 'utf8' });
  }
  async write(line: string): Promise<void> {
    await this.append(line + '\n');
  }
  /** Appends text as it is (whole lines, or frames). */
  async append(text: string): Promise<void> {
    this.#buffer += text;
    if (this.#buffer.length >= 65_536) await this.#flush();
  }
  async #flush(): Promise<void> {
    const chunk = this.#buffer;
    this.#buffer = '';
    if (chunk === '') return;
    if (!this.#stream.write(chunk)) await once(this.#stream, 'drain');
  }
  async close(): Promise<void> {
    await this.#flush();
    this.#stream.end();
    await once(this.#stream, 'finish');
  }
}

/** What `DatasetWriter.commit` tells whoever builds on the dataset (the report), as the files are finished. */
export interface CommitHooks {
  /** Called for each document, in order, once its quotes are written, with the report's part of its frame (`documentFrame`). */
  readonly document?: (doc: string, report: string) => void | Promise<void>;
  /** Called with the folder that holds every finished file, before they replace the old ones. */
  readonly complete?: (dir: string) => Promise<void>;
}

/**
 * The output folder's dataset. Nothing under the final names changes until `commit()`; an
 * interrupted run leaves only `.tmp` files, which the next run overwrites.
 */
export class DatasetWriter {
  readonly #dir: string;
  readonly #tmp: string;
  #quotes!: Lines;
  #documents!: Lines;
  #errors!: Lines;

  constructor(dir: string) {
    this.#dir = dir;
    this.#tmp = join(dir, `.tmp-${process.pid}`);
  }

  async open(): Promise<void> {
    await mkdir(this.#tmp, { recursive: true });
    this.#quotes = new Lines(join(this.#tmp, 'quotes.frames'));
    this.#documents = new Lines(join(this.#tmp, 'documents.jsonl'));
    this.#errors = new Lines(join(this.#tmp, 'errors.jsonl'));
  }

  async writeDocument(document: DocumentRecord, quotes: readonly QuoteRecord[]): Promise<void> {
    await this.writeFrame(JSON.stringify(document), documentFrame(document.id, quotes));
  }

  /**
   * The same as `writeDocument`, for rows serialized already: a documents.jsonl line, and the
   * document's quotes as `documentFrame` wrote them. The frame goes to the partial file after its
   * length: the commit reads it whole, then its quotes without waiting on the file for each piece
   * (~7 waits a quote were ~1.5 s of the 5,000-article bench's ~4 s commit).
   */
  async writeFrame(document: string, frame: string): Promise<void> {
    await this.#documents.write(document);
    await this.#quotes.append(`${frame.length}\n${frame}`);
  }

  async writeError(error: ErrorRecord): Promise<void> {
    await this.#errors.write(JSON.stringify(error));
  }

  /**
   * Adds corpus speaker ids and names to the quotes (known only once every document is read), writes
   * the CSV and speakers.jsonl, then renames every file into place. `hooks.complete` is called in
   * between, with the folder that holds the finished files: what is built from the dataset (the
   * report) is built before the dataset is replaced, and a failure there leaves the old one in place.
   */
  async commit(speakers: readonly SpeakerRecord[], lookup: (doc: string, name: string) => SpeakerRecord | undefined, hooks: CommitHooks = {}): Promise<void> {
    await Promise.all([this.#quotes.close(), this.#documents.close(), this.#errors.close()]);
    const quotes = new Lines(join(this.#tmp, 'quotes.jsonl'));
    const csv = new Lines(join(this.#tmp, 'quotes.csv'));
    await csv.write(CSV_COLUMNS.join(','));
    const frames = new FrameReader(this.#quotes.path);
    for (let length = await frames.header(); length !== undefined; length = await frames.header()) {
      const frame = new FrameText(await frames.take(length[0]!));
      const [idLength, count, reportLength] = frame.header() as [number, number, number];
      const doc = frame.take(idLength);
      let jsonLines = '';
      let csvLines = '';
      for (let i = 0; i < count; i++) {
        const at = frame.header();
        const name = frame.take(at[0]!);
        const [json, row] = spliceSpeaker(frame.take(at[1]!), frame.take(at[2]!), at.slice(3), at[3]! >= 0 ? lookup(doc, name) : undefined);
        jsonLines += `${json}\n`;
        csvLines += `${row}\n`;
      }
      const report = frame.take(reportLength);
      frame.end();
      await quotes.append(jsonLines);
      await csv.append(csvLines);
      await hooks.document?.(doc, report);
    }
    await Promise.all([quotes.close(), csv.close()]);
    const speakerLines = new Lines(join(this.#tmp, 'speakers.jsonl'));
    for (const s of speakers) await speakerLines.write(JSON.stringify(s));
    await speakerLines.close();
    await hooks.complete?.(this.#tmp);
    for (const file of FILES) await rename(join(this.#tmp, file), join(this.#dir, file));
    await rm(this.#tmp, { recursive: true, force: true });
  }

  /** Removes the temporary files of a run that failed; the previous dataset stays as it was. */
  async abort(): Promise<void> {
    await rm(this.#tmp, { recursive: true, force: true });
  }
}
