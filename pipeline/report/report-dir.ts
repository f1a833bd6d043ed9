// A report folder written atomically: pages go to a hidden sibling folder, which replaces the old report only once everything is written.
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import PQueue from 'p-queue';

/** Writes in flight at once, and queued before `write` waits: enough to keep the disk busy, little memory. */
const CONCURRENCY = 16;
const QUEUED = 64;

export class ReportDir {
  readonly #final: string;
  readonly #tmp: string;
  readonly #queue = new PQueue({ concurrency: CONCURRENCY });
  readonly #made = new Set<string>();
  #failure: unknown = null;

  private constructor(final: string) {
    this.#final = final;
    this.#tmp = join(dirname(final), `.${basename(final)}.tmp-${process.pid}`);
  }

  /** Starts a new report that will replace `final` on `commit()`. */
  static async create(final: string): Promise<ReportDir> {
    const dir = new ReportDir(final);
    await rm(dir.#tmp, { recursive: true, force: true });
    await mkdir(dir.#tmp, { recursive: true });
    dir.#made.add('.');
    return dir;
  }

  /** The temporary folder, for scratch files that are removed before `commit()`. */
  get scratch(): string {
    return this.#tmp;
  }

  /** Queues a file, relative to the report root; waits only when many writes are already queued. */
  async write(path: string, content: string): Promise<void> {
    if (this.#failure !== null) throw this.#failure;
    const dir = dirname(path);
    if (!this.#made.has(dir)) {
      await mkdir(join(this.#tmp, dir), { recursive: true });
      this.#made.add(dir);
    }
    if (this.#queue.size >= QUEUED) await this.#queue.onSizeLessThan(QUEUED);
    this.#queue.add(() => writeFile(join(this.#tmp, path), content)).catch((error: unknown) => {
      this.#failure ??= error;
    });
  }

  /** Waits for every write, then swaps the new report in for the old one. */
  async commit(): Promise<void> {
    await this.#queue.onIdle();
    if (this.#failure !== null) throw this.#failure;
    const old = join(dirname(this.#final), `.${basename(this.#final)}.old-${process.pid}`);
    await rm(old, { recursive: true, force: true });
    let hadOld = true;
    try {
      await rename(this.#final, old);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      hadOld = false;
    }
    await rename(this.#tmp, this.#final);
    if (hadOld) await rm(old, { recursive: true, force: true });
  }

  /** Drops everything written; the previous report stays as it was. */
  async abort(): Promise<void> {
    await this.#queue.onIdle();
    await rm(this.#tmp, { recursive: true, force: true });
  }
}
