// The worker thread's task: one raw document in, its dataset rows out (structured-cloned back to the main thread).
import { processRaw, type ProcessResult } from './process-document.ts';
import type { RawDocument } from './read-corpus.ts';

export default function work(raw: RawDocument): ProcessResult {
  return processRaw(raw);
}
