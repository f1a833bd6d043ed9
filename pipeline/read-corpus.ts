// Lists and reads a corpus: .txt, .md, .html/.htm and .jsonl files, recursively, in a stable order; bad input becomes error records, never exceptions.
import { createReadStream } from 'node:fs';
import * as fs from 'node:fs/promises';
import { basename, dirname, join, relative, sep } from 'node:path';
import PQueue from 'p-queue';
import { extractArticle } from './extract-html.ts';

/** A document as the pipeline reads it. */
export interface SourceDocument {
  /** The file path relative to the corpus root with `/`; for a JSONL line, `<path>#<id or line number>`. */
  readonly id: string;
  /** The text every offset points into: the file's text, or the article extracted from an HTML page. */
  readonly text: string;
  /** Where the text came from: `text` (.txt, .md), `html` (extracted), `jsonl` (a line's `text`). */
  readonly format?: SourceFormat;
}

export type SourceFormat = 'text' | 'html' | 'jsonl';

/** A document as read from disk, before HTML extraction: what the cache key is computed over. */
export interface RawDocument {
  readonly id: string;
  /** The decoded file contents (HTML source for `html`). */
  readonly raw: string;
  readonly format: SourceFormat;
}

export type ErrorKind =
  | 'unreadable' | 'binary' | 'invalid-utf8' | 'empty' | 'too-large' | 'malformed-jsonl' | 'duplicate-id' | 'no-article'
  | 'failed' | 'unpaired-quotes' | 'long-line';

/** What went wrong with a document, and what was done about it: one line of errors.jsonl. */
export interface ErrorRecord {
  readonly doc: string;
  readonly error: ErrorKind;
  readonly message: string;
  /** `skipped`: the document is not in the dataset (the run exits 1); `processed`: it is, and this is a warning. */
  readonly action: 'skipped' | 'processed';
}

/** The file operations the reader needs; tests hand in failing ones (root is not stopped by `chmod 000`). */
export interface ReadFs {
  readonly stat: (path: string) => Promise<{ size: number; isFile(): boolean; isFIFO(): boolean; isDirectory(): boolean }>;
  readonly readFile: (path: string) => Promise<Uint8Array>;
  readonly readdir: typeof fs.readdir;
}

export interface ReadOptions {
  /** Files (or JSONL lines) larger than this many bytes get an error record instead of being read. */
  readonly maxBytes: number;
  /** Files read ahead of the one being consumed. @default 16 */
  readonly readAhead?: number;
  /** Files read at the same time. @default 8 */
  readonly concurrency?: number;
  /** File operations. @default node:fs/promises */
  readonly fs?: ReadFs;
  /** Where `-` reads a JSONL corpus from. @default process.stdin */
  readonly stdin?: NodeJS.ReadableStream;
  /** Told the number of documents once the folder is listed; null when JSONL files make it unknown until read. */
  readonly onTotal?: (documents: number | null) => void;
}

export const EXTENSIONS = ['.txt', '.md', '.html', '.htm', '.jsonl'] as const;
/** The id prefix of documents read from standard input (`quotes run -`). */
export const STDIN_ID = 'stdin';

const formatOf = (path: string): SourceFormat => (/\.html?$/i.test(path) ? 'html' : /\.jsonl$/i.test(path) ? 'jsonl' : 'text');
const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const skipped = (doc: string, error: ErrorKind, message: string): ErrorRecord => ({ doc, error, message, action: 'skipped' });
const errnoMessage = (error: unknown) => {
  const e = error as NodeJS.ErrnoException;
  return `${e.code ?? 'EIO'}: ${e.message}`;
};

/** A file of the corpus, or a folder that could not be listed. */
export type CorpusEntry = { readonly path: string; readonly error?: undefined } | { readonly path: string; readonly error: ErrorRecord };

/**
 * Every document file under `root`, as paths relative to it with `/`, sorted by UTF-16 code unit.
 * Symbolic links to files are followed, to folders not (a link loop must not hang the run); a folder
 * that cannot be listed becomes an error entry in its sorted place.
 */
export async function listCorpus(root: string, fsImpl: ReadFs = fs): Promise<CorpusEntry[]> {
  const entries: CorpusEntry[] = [];
  const walk = async (dir: string): Promise<void> => {
    let children;
    try {
      children = await fsImpl.readdir(dir, { withFileTypes: true });
    } catch (error) {
      const path = relative(root, dir).split(sep).join('/') + '/';
      entries.push({ path, error: skipped(path, 'unreadable', `cannot list the folder: ${errnoMessage(error)}`) });
      return;
    }
    for (const child of children) {
      const path = join(dir, child.name);
      if (child.isDirectory()) await walk(path);
      else if (EXTENSIONS.some((ext) => child.name.toLowerCase().endsWith(ext))) entries.push({ path: relative(root, path).split(sep).join('/') });
    }
  };
  await walk(root);
  return entries.sort((a, b) => byCodeUnit(a.path, b.path));
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Decodes a file's bytes as text, or says why they cannot be a document. */
export function decode(id: string, bytes: Uint8Array, maxBytes: number): string | ErrorRecord {
  if (bytes.length > maxBytes) return skipped(id, 'too-large', `${bytes.length} bytes is over --max-bytes ${maxBytes}`);
  // NUL bytes do not occur in text: an image, a PDF, an archive
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) return skipped(id, 'binary', `a NUL byte at offset ${head.indexOf(0)}: a binary file, not text`);
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    return skipped(id, 'invalid-utf8', at === -1 ? 'not valid UTF-8' : `not valid UTF-8: a bad byte sequence at offset ${at}`);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') return skipped(id, 'empty', bytes.length === 0 ? 'an empty file' : 'only whitespace');
  return text;
}

/** Offset of the sequence that breaks UTF-8, for the message (overlong forms and surrogates aside). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const c = bytes[i]!;
    const more = c < 0x80 ? 0 : c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
    if (more < 0) return i;
    for (let k = 1; k <= more; k++) if (i + k >= bytes.length || (bytes[i + k]! & 0xc0) !== 0x80) return i;
    i += more + 1;
  }
  return -1;
}

/** Reads one .txt, .md or .html file as a raw document. */
export async function readRaw(root: string, id: string, maxBytes: number, fsImpl: ReadFs = fs): Promise<RawDocument | ErrorRecord> {
  const path = join(root, ...id.split('/'));
  try {
    const info = await fsImpl.stat(path);
    // a FIFO named `x.txt` would block the read forever
    if (!info.isFile()) return skipped(id, 'unreadable', `not a regular file (${info.isFIFO() ? 'a FIFO' : info.isDirectory() ? 'a folder' : 'a device or socket'})`);
    // refuse before reading: a 5 GB file must not be loaded to learn that it is too large
    if (info.size > maxBytes) return skipped(id, 'too-large', `${info.size} bytes is over --max-bytes ${maxBytes}`);
    const text = decode(id, await fsImpl.readFile(path), maxBytes);
    return typeof text === 'string' ? { id, raw: text, format: formatOf(id) } : text;
  } catch (error) {
    return skipped(id, 'unreadable', errnoMessage(error));
  }
}

/** Turns a raw document into the text the pipeline reads: the article of an HTML page, the text of anything else. */
export function prepare(raw: RawDocument): SourceDocument | ErrorRecord {
  if (raw.format !== 'html') return { id: raw.id, text: raw.raw, format: raw.format };
  let text: string | null;
  try {
    text = extractArticle(raw.raw);
  } catch (error) {
    return skipped(raw.id, 'no-article', `HTML extraction failed: ${(error as Error).message}`);
  }
  if (text === null) return skipped(raw.id, 'no-article', 'no article text found in the HTML page');
  return { id: raw.id, text, format: 'html' };
}

/** Lines of a byte stream, split on `\n`; a line longer than `maxBytes` is reported by length and never buffered whole. */
async function* byteLines(stream: AsyncIterable<Buffer | string>, maxBytes: number): AsyncGenerator<{ line: number; bytes: Buffer | null; length: number }> {
  let parts: Buffer[] = [];
  let length = 0;
  let line = 1;
  const flush = () => {
    const out = { line: line++, bytes: length > maxBytes ? null : Buffer.concat(parts, length), length };
    parts = [];
    length = 0;
    return out;
  };
  for await (const chunk of stream) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    let from = 0;
    for (let nl = buf.indexOf(10, from); nl !== -1; nl = buf.indexOf(10, from)) {
      const piece = buf.subarray(from, nl);
      length += piece.length;
      if (length <= maxBytes) parts.push(piece);
      yield flush();
      from = nl + 1;
    }
    const rest = buf.subarray(from);
    length += rest.length;
    if (length <= maxBytes) parts.push(Buffer.from(rest));
    else parts = [];
  }
  if (length > 0) yield flush();
}

/**
 * The documents of a JSONL corpus, one article per line with a string `text` and an optional `id`
 * (`{"id": "a1", "text": "…"}`, the shape of PolNeAR's files). Document ids are `<file>#<id>`, or
 * `<file>#<line>` without an id; a line that is not such an object is an error record naming its line.
 */
export async function* readJsonl(file: string, stream: AsyncIterable<Buffer | string>, maxBytes: number): AsyncGenerator<RawDocument | ErrorRecord> {
  const seen = new Set<string>();
  for await (const { line, bytes, length } of byteLines(stream, maxBytes)) {
    const at = `${file}#${line}`;
    if (bytes === null) {
      yield skipped(at, 'too-large', `line ${line}: ${length} bytes is over --max-bytes ${maxBytes}`);
      continue;
    }
    let source: string;
    try {
      source = utf8.decode(bytes);
    } catch {
      yield skipped(at, 'invalid-utf8', `line ${line}: not valid UTF-8`);
      continue;
    }
    if (source.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(source);
    } catch (error) {
      yield skipped(at, 'malformed-jsonl', `line ${line}: not JSON (${(error as Error).message})`);
      continue;
    }
    const record = value as { id?: unknown; text?: unknown } | null;
    if (typeof record !== 'object' || record === null || Array.isArray(record) || typeof record.text !== 'string') {
      yield skipped(at, 'malformed-jsonl', `line ${line}: expected an object with a string \`text\``);
      continue;
    }
    const id = typeof record.id === 'string' || typeof record.id === 'number' ? `${file}#${record.id}` : at;
    if (seen.has(id)) {
      yield skipped(id, 'duplicate-id', `line ${line}: the id is used by an earlier line`);
      continue;
    }
    seen.add(id);
    if (record.text.trim() === '') yield skipped(id, 'empty', `line ${line}: an empty \`text\``);
    else yield { id, raw: record.text, format: 'jsonl' };
  }
}

/**
 * Every raw document of a corpus — a folder, one file, or `-` for a JSONL corpus on standard input —
 * in the stable order the dataset is written in: files sorted by path, the lines of a JSONL file in
 * file order. Reads a bounded window of files ahead; never the whole corpus at once.
 */
export async function* readRawCorpus(root: string, options: ReadOptions): AsyncGenerator<RawDocument | ErrorRecord> {
  const { maxBytes, readAhead = 16, concurrency = 8, fs: fsImpl = fs } = options;
  if (root === '-') {
    options.onTotal?.(null);
    yield* readJsonl(STDIN_ID, (options.stdin ?? process.stdin) as AsyncIterable<Buffer | string>, maxBytes);
    return;
  }
  let dir = root;
  let entries: CorpusEntry[];
  const info = await fsImpl.stat(root);
  if (info.isDirectory()) entries = await listCorpus(root, fsImpl);
  else {
    dir = dirname(root);
    entries = [{ path: basename(root) }];
  }
  options.onTotal?.(entries.some((e) => !e.error && formatOf(e.path) === 'jsonl') ? null : entries.length);
  // each path let go of once read: the listing held every path to the end of the run (at 20,000 files, 0.8 MB of entries besides their strings)
  const listing: (CorpusEntry | undefined)[] = entries;
  const reads = new PQueue({ concurrency });
  const window: { entry: CorpusEntry; read: Promise<RawDocument | ErrorRecord> | null }[] = [];
  let next = 0;
  const fill = () => {
    while (next < listing.length && window.length < readAhead) {
      const entry = listing[next]!;
      listing[next++] = undefined;
      const read = entry.error || formatOf(entry.path) === 'jsonl' ? null : reads.add(() => readRaw(dir, entry.path, maxBytes, fsImpl));
      window.push({ entry, read: read as Promise<RawDocument | ErrorRecord> | null });
    }
  };
  for (fill(); window.length > 0; fill()) {
    const { entry, read } = window.shift()!;
    if (entry.error) yield entry.error;
    else if (read) yield await read;
    else yield* readJsonlFile(dir, entry.path, maxBytes, fsImpl);
  }
}

async function* readJsonlFile(root: string, file: string, maxBytes: number, fsImpl: ReadFs): AsyncGenerator<RawDocument | ErrorRecord> {
  const path = join(root, ...file.split('/'));
  try {
    const info = await fsImpl.stat(path);
    if (!info.isFile()) {
      yield skipped(file, 'unreadable', `not a regular file (${info.isFIFO() ? 'a FIFO' : 'not a file'})`);
      return;
    }
  } catch (error) {
    yield skipped(file, 'unreadable', errnoMessage(error));
    return;
  }
  const stream = createReadStream(path);
  try {
    yield* readJsonl(file, stream, maxBytes);
  } catch (error) {
    yield skipped(file, 'unreadable', `reading stopped: ${errnoMessage(error)}`);
  } finally {
    stream.destroy();
  }
}

/**
 * The documents of a corpus, HTML pages extracted, in the order and with the ids of the dataset.
 * For consumers that re-read texts (the report): offsets in the dataset point into these texts.
 */
export async function* readCorpus(root: string, options: ReadOptions): AsyncGenerator<SourceDocument | ErrorRecord> {
  for await (const item of readRawCorpus(root, options)) yield isError(item) ? item : prepare(item);
}

export function isError(x: object): x is ErrorRecord {
  return 'error' in x;
}
