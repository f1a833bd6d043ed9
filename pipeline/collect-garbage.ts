// A full garbage collection on demand, for threads that are never idle.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * V8 shrinks a heap when its thread is idle, and a busy thread of a run never is: its heap grows by
 * the garbage of the documents until the next major collection, and the process's RSS with it.
 * Calling this every few hundred documents keeps the heap near what is live.
 */
export function collectGarbage(): void {
  gc();
}

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
