// The worker thread's task: one raw document in, its rows (and its report section) as JSON lines out, and its cache entry and its speaker items written here rather than on the main thread.
import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeFileSync, writevSync } from 'node:fs';
import { dirname } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { threadId } from 'node:worker_threads';
import { encodeEntry, entryBeforePage } from './cache.ts';
import { processRaw, serialize, type SerializedResult } from './process-document.ts';
import { documentAnchor } from './report/paths.ts';
import { fileSpeakerItems } from './report/speaker-pages.ts';
import type { ErrorRecord, RawDocument } from './read-corpus.ts';
import type { SectionBytes } from './report/write-report.ts';

export interface Task {
  readonly raw: RawDocument;
  /** Where to store the result for the next run, or null not to. */
  readonly cachePath: string | null;
  /** Whether to render the document's section of a report page (`renderDocument`). */
  readonly page: boolean;
  /** The document's place in the corpus, error records counted: the order its speaker items are read back in. */
  readonly seq: number;
  /** With a page, the folder to file the document's speaker items in (`fileSpeakerItems`), or null to hand them back. */
  readonly filing: string | null;
}

/**
 * Writes to a temporary name and renames: a reader sees the whole entry or none. A failed write only
 * costs the next run a miss. The folder is made when the first write into it fails: made every time,
 * it cost as much as the write.
 */
function store(path: string, data: string | readonly Uint8Array[]): void {
  const tmp = `${path}.${process.pid}-${threadId}.tmp`;
  try {
    writeMaking(tmp, data);
    renameSync(tmp, path);
  } catch {
    rmSync(tmp, { force: true });
  }
}

/** Writes a file, making its folder when it does not exist. */
function writeMaking(path: string, data: string | readonly Uint8Array[]): void {
  try {
    writeNew(path, data);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    mkdirSync(dirname(path), { recursive: true });
    writeNew(path, data);
  }
}

/** Writes a string, or buffers in one `writev`, to a new file; a write cut short throws. */
function writeNew(path: string, data: string | readonly Uint8Array[]): void {
  if (typeof data === 'string') return writeFileSync(path, data);
  const fd = openSync(path, 'w');
  try {
    const length = data.reduce((sum, bytes) => sum + bytes.byteLength, 0);
    if (writevSync(fd, data as Uint8Array[]) !== length) throw new Error('quotes: a cache entry was written short');
  } finally {
    closeSync(fd);
  }
}

/** A processed document as a worker hands it back: its section of a page as UTF-8 (`SectionBytes`), which the run writes as it is. */
export type WorkedResult = Omit<SerializedResult, 'page'> & { readonly page?: string | SectionBytes };

/** What a worker hands back. */
export type WorkResult = WorkedResult | ErrorRecord;

/**
 * How far V8 lets the heap grow over what was live after its last major collection before the next
 * one: 15 % instead of V8's own factor (up to 4 × for a busy heap, which a worker never stops being).
 * A worker's heap stays near what is live without the full collections the run used to force every
 * 24 MB of growth: each of those dropped every map no live object held, and with them the optimized
 * code of the stages built on them, which V8 then compiled again (~7 s of the 5,000-article bench's
 * CPU, ~40 recompilations of each attribution sieve). V8's own collections keep such maps (see
 * the README, Performance). Process-wide: it also applies to the main thread, which forces its own.
 */
const HEAP_GROWING_PERCENT = 15;
setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);

export function work({ raw, cachePath, page, seq, filing }: Task): WorkResult {
  const result = processRaw(raw, { page });
  if ('error' in result) return result;
  const serialized = serialize(result);
  // the section's UTF-8 made once, for the run and for the cache entry (`entryBeforePage`): made twice, ~48 µs a bench document
  const section = serialized.page === undefined ? undefined : Buffer.from(serialized.page);
  if (cachePath !== null) store(cachePath, section === undefined ? encodeEntry(serialized) : [Buffer.from(entryBeforePage(serialized)), section]);
  const worked: WorkedResult = section === undefined ? serialized : { ...serialized, page: { bytes: section, chars: serialized.page!.length } };
  if (filing === null || worked.speakerItems === undefined) return worked;
  try {
    return { ...worked, speakerItems: fileSpeakerItems(filing, { seq, anchor: documentAnchor(worked.id) }, worked.speakerItems) };
  } catch {
    // the run files them (a bucket this filed too is read once)
    return worked;
  }
}

export default work;
