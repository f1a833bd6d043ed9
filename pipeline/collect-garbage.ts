// A full garbage collection on demand, for threads that are never idle.
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * V8 shrinks a heap when its thread is idle, and a busy thread of a run never is: its heap grows by
 * the garbage of the documents until the next major collection, and the process's RSS with it.
 * Calling this every few hundred documents keeps the heap near what is live.
 */
export function collectGarbage(): void {
  gc();
  live = getHeapStatistics().used_heap_size;
}

/** Bytes of heap in use after the last `collectGarbage`. */
let live = 0;

/**
 * `collectGarbage`, when the heap in use has grown to twice what was live after the last one, and
 * to at least `floor` bytes: where a thread may call it often, most calls cost nothing. Collecting
 * after each of the report's 64 speaker buckets took 2–3 s of the bench's 5,000-article run.
 */
export function collectGarbageIfGrown(floor = 128 * 1024 * 1024): void {
  const used = getHeapStatistics().used_heap_size;
  if (used >= floor && used >= 2 * live) collectGarbage();
}

/** `collectGarbage`, when the heap in use has grown by `growth` bytes since the last one. */
export function collectGarbageIfGrownBy(growth: number): void {
  if (getHeapStatistics().used_heap_size >= live + growth) collectGarbage();
}

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
