// Run progress on stderr: a bar with documents/s and ETA on a terminal, a plain line every few seconds otherwise.
import type { RunProgress } from './run-corpus.ts';

export interface ProgressOptions {
  /** Where to write. @default process.stderr */
  readonly stream?: NodeJS.WriteStream;
  /** Redraw the bar (`true`) or print plain lines (`false`). @default stream.isTTY */
  readonly tty?: boolean;
  /** Milliseconds between plain lines. @default 5000 */
  readonly every?: number;
  /** The clock, in milliseconds. @default performance.now */
  readonly now?: () => number;
}

const WIDTH = 24;

function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  const s = Math.round(seconds);
  return s < 60 ? `${s}s` : s < 3600 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s` : `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

/** `[#########---------------] 1200/5000 docs 412.3 docs/s 1.62 MB/s ETA 9s (cached 0, errors 2)` */
export function formatProgress(p: RunProgress, seconds: number, bar: boolean): string {
  const rate = seconds > 0 ? p.done / seconds : 0;
  const mbs = seconds > 0 ? p.bytes / 1e6 / seconds : 0;
  const parts: string[] = [];
  if (bar && p.total !== null) {
    const filled = p.total === 0 ? WIDTH : Math.min(WIDTH, Math.round((p.done / p.total) * WIDTH));
    parts.push(`[${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}]`);
  }
  parts.push(`${p.done}${p.total === null ? '' : `/${p.total}`} docs`, `${rate.toFixed(1)} docs/s`, `${mbs.toFixed(2)} MB/s`);
  if (p.total !== null) parts.push(`ETA ${duration(rate > 0 ? (p.total - p.done) / rate : Infinity)}`);
  parts.push(`(cached ${p.cached}, errors ${p.errors})`);
  return parts.join(' ');
}

/** A progress reporter for `runCorpus`'s `onProgress`, and `end()` to finish its line. */
export function progressReporter(options: ProgressOptions = {}): { update: (p: RunProgress) => void; end: () => void } {
  const stream = options.stream ?? process.stderr;
  const tty = options.tty ?? stream.isTTY === true;
  const now = options.now ?? (() => performance.now());
  const started = now();
  const every = tty ? 100 : (options.every ?? 5000);
  let last = started;
  let drawn = false;
  return {
    update(p) {
      const t = now();
      if (t - last < every) return;
      last = t;
      const line = formatProgress(p, (t - started) / 1000, tty);
      if (tty) {
        stream.write(`\r${line}\u001b[K`);
        drawn = true;
      } else stream.write(line + '\n');
    },
    end() {
      if (drawn) stream.write('\r\u001b[K');
    },
  };
}
