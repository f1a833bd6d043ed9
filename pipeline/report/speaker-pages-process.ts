// The process that writes the speaker list, the name pages and the speaker pages at the end of a run, at a lower priority, while the run's main thread commits the dataset.
//
// Until session 16 a thread of the run wrote them. It finished before the commit, and still made
// the commit ~0.5 s longer at 5,000 bench articles: its collections ran on V8's helper threads,
// which every thread of a process shares and which a thread's nice value does not reach, and the
// thread itself, started after the last document, loaded its modules beside the commit. A process
// of its own, started with the run under `nice`, has its own helpers at its own priority and is
// loaded by the time it is needed: in alternating runs the commit ended 2.19, 2.19, 2.24 s after
// the last document instead of 2.56, 2.70, 2.69 s, and the run's end 2.29–2.40 s instead of
// 2.63–2.88 s.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import type { SpeakerPagesAnswer } from './speaker-pages-child.ts';
import type { SpeakerPagesTask } from './speaker-pages-task.ts';

/** The process's nice value: the commit, which the run waits on, goes first. */
export const SPEAKER_PAGES_NICE = 10;

/** `nice(1)`, where there is one: every thread of the process it starts runs at the lower priority, V8's helpers included. */
const NICE = ['/usr/bin/nice', '/bin/nice'].find((path) => existsSync(path));

const CHILD = fileURLToPath(new URL('./speaker-pages-child.ts', import.meta.url));

/** The name of the process's script in the folder it is given. */
const SCRIPT = 'speaker-pages-process.mjs';

let bundled: string | undefined;

/**
 * The process's modules (speaker-pages-child.ts and the modules it imports, but node's own) as one
 * JavaScript file, bundled once per process by esbuild (the compiler tsx runs on): loaded through
 * tsx, as TypeScript, the process took 0.28 s of CPU and 80 MB of memory to start, its loader a
 * thread of its own; as JavaScript, 0.07 s and 46 MB.
 */
function script(): string {
  bundled ??= buildSync({ entryPoints: [CHILD], bundle: true, platform: 'node', format: 'esm', target: 'node20', write: false, logLevel: 'silent' }).outputFiles[0]!.text;
  return bundled;
}

export class SpeakerPagesProcess {
  readonly #script: string;
  readonly #child: ChildProcess;
  readonly #exited: Promise<void>;
  #failure: Error | undefined;

  /**
   * Starts the process, which loads its script and waits for its task (`write`). The script is
   * written into `folder` (the report's temporary folder) until the process has ended (`stop`).
   */
  constructor(folder: string) {
    this.#script = join(folder, SCRIPT);
    writeFileSync(this.#script, script());
    const command = [process.execPath, this.#script];
    const [file, ...args] = NICE === undefined ? command : [NICE, '-n', String(SPEAKER_PAGES_NICE), ...command];
    // the task has Maps and typed arrays: V8's serialization, not JSON
    this.#child = spawn(file!, args, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], serialization: 'advanced' });
    this.#exited = new Promise<void>((resolve) => {
      this.#child.once('exit', () => resolve());
      this.#child.on('error', (error) => {
        this.#failure ??= error;
        // one that never started does not exit
        if (this.#child.pid === undefined) resolve();
      });
    });
  }

  /** The process's id (while it runs). */
  get pid(): number | undefined {
    return this.#child.pid;
  }

  /** Hands the process its task and settles once the pages are written, or with why they were not; the process then exits. */
  readonly write = async (task: SpeakerPagesTask): Promise<void> => {
    try {
      const answer = await new Promise<SpeakerPagesAnswer>((resolve, reject) => {
        if (this.#failure !== undefined) return reject(this.#failure);
        this.#child.once('message', (message: SpeakerPagesAnswer) => resolve(message));
        this.#child.once('error', reject);
        this.#child.once('exit', (code, signal) => reject(new Error(`quotes: report: the speaker pages' process ended (${signal ?? code}) before it wrote them`)));
        this.#child.send(task, (error) => error && reject(error));
      });
      if (answer.error !== undefined) throw new Error(answer.error);
    } finally {
      await this.stop();
    }
  };

  /** Ends the process, if it still runs (a run that failed, or never needed it), and waits for it. */
  stop(): Promise<void> {
    if (this.#child.exitCode === null && this.#child.signalCode === null && this.#child.connected) this.#child.disconnect();
    // one that does not leave when its channel closes (still writing pages for a run that failed)
    const timer = setTimeout(() => this.#child.kill(), 100);
    return this.#exited.finally(() => {
      clearTimeout(timer);
      // not part of the report
      rmSync(this.#script, { force: true });
    });
  }
}
