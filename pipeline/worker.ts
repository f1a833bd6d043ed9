// The worker thread's task: one raw document in, its rows as JSON lines out, and its cache entry written here rather than on the main thread.
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { threadId } from 'node:worker_threads';
import { processRaw, serialize, type SerializedResult } from './process-document.ts';
import type { ErrorRecord, RawDocument } from './read-corpus.ts';

export interface Task {
  readonly raw: RawDocument;
  /** Where to store the result for the next run, or null not to. */
  readonly cachePath: string | null;
}

/** Writes to a temporary name and renames: a reader sees the whole entry or none. A failed write only costs the next run a miss. */
function store(path: string, data: string): void {
  const tmp = `${path}.${process.pid}-${threadId}.tmp`;
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  } catch {
    rmSync(tmp, { force: true });
  }
}

export function work({ raw, cachePath }: Task): SerializedResult | ErrorRecord {
  const result = processRaw(raw);
  if ('error' in result) return result;
  const serialized = serialize(result);
  if (cachePath !== null) store(cachePath, JSON.stringify(serialized));
  return serialized;
}

export default work;
