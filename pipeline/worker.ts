// The worker thread's task: one raw document in, its rows as JSON lines out, and its cache entry and report page written here rather than on the main thread.
import { createHash } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { encodeEntry } from './cache.ts';
import { collectGarbageIfGrownBy } from './collect-garbage.ts';
import { processRaw, serialize, type SerializedResult } from './process-document.ts';
import type { ErrorRecord, RawDocument } from './read-corpus.ts';
import { documentPath } from './report/paths.ts';

export interface Task {
  readonly raw: RawDocument;
  /** Where to store the result for the next run, or null not to. */
  readonly cachePath: string | null;
  /** The report's temporary folder, to write the document's page into; null for a run without a report (the page is not rendered then). */
  readonly reportFolder: string | null;
}

/**
 * Writes to a temporary name and renames: a reader sees the whole entry or none. A failed write only
 * costs the next run a miss. The folder is made when the first write into it fails: made every time,
 * it cost as much as the write.
 */
function store(path: string, data: string): void {
  const tmp = `${path}.${process.pid}-${threadId}.tmp`;
  try {
    writeMaking(tmp, data);
    renameSync(tmp, path);
  } catch {
    rmSync(tmp, { force: true });
  }
}

/** Writes a file, making its folder when it does not exist. */
function writeMaking(path: string, data: string | Buffer): void {
  try {
    writeFileSync(path, data);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, data);
  }
}

/**
 * Writes a report page into the report's temporary folder, which is renamed into place as a whole:
 * no temporary name is needed. Synchronous, as the thread has nothing else to do: a thousand pages
 * cost ~0.1 s here, and three times that as promise-based writes on the main thread, which every
 * worker waits on. The shard folder is made when the first write into it fails.
 */
function writePage(path: string, html: Buffer): boolean {
  try {
    writeMaking(path, html);
    return true;
  } catch {
    return false;
  }
}

/** What a worker hands back: the result without its page when the page was written, with `written`, the page's sha256, instead. */
export type WorkResult = (SerializedResult & { readonly written?: string }) | ErrorRecord;

/**
 * A busy worker is never idle, when V8 would shrink its heap: its heap grows by the garbage of the
 * documents until V8 decides on a major collection, and it reserves more as it goes. A full
 * collection (~40 ms, with ~50 MB live) once the heap in use has grown by GROWTH bytes since the last
 * one, every ~100 bench documents, keeps a worker near 190 MB of RSS. Every 500 documents, a
 * worker swung between 200 and 290 MB (V8 reserved up to 178 MB of heap for 50 MB live), and the
 * 5,000-article run with 2 workers peaked at 565 MB instead of 440–460, at the same speed.
 */
const GROWTH = 24 * 1024 * 1024;

export function work({ raw, cachePath, reportFolder }: Task): WorkResult {
  collectGarbageIfGrownBy(GROWTH);
  const result = processRaw(raw, { page: reportFolder !== null });
  if ('error' in result) return result;
  const serialized = serialize(result);
  if (serialized.page === undefined) {
    if (cachePath !== null) store(cachePath, encodeEntry(serialized));
    return serialized;
  }
  const { page, ...rest } = serialized;
  // encoded once, for its hash and its file
  const bytes = Buffer.from(page);
  const pageHash = createHash('sha256').update(bytes).digest('hex');
  if (cachePath !== null) store(cachePath, encodeEntry({ ...rest, pageHash }));
  // handed back only when it could not be written here: the main thread writes it, or fails the run
  return reportFolder !== null && writePage(join(reportFolder, documentPath(rest.id)), bytes) ? { ...rest, pageHash, written: pageHash } : { ...serialized, pageHash };
}

export default work;
