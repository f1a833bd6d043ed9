// The content-hash cache beside the output: a document whose text and pipeline are unchanged is not processed again.
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DocumentResult } from './process-document.ts';
import type { RawDocument } from './read-corpus.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

/**
 * A hash of everything that decides a document's rows: package.json (the version and the pinned
 * NLP libraries), every file under models/ and every source file under pipeline/. Any edit to a
 * stage or a lexicon invalidates the whole cache; comparing versions by hand would miss some.
 */
export async function pipelineVersion(root = ROOT): Promise<string> {
  const hash = createHash('sha256');
  const files: string[] = ['package.json'];
  const walk = async (dir: string, keep: (name: string) => boolean) => {
    for (const entry of await readdir(join(root, dir), { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path, keep);
      else if (keep(entry.name)) files.push(path.split(sep).join('/'));
    }
  };
  await walk('models', () => true);
  await walk('pipeline', (name) => /\.[cm]?[jt]s$/.test(name));
  for (const file of files.sort()) {
    hash.update(`${file}\u0000`);
    hash.update(await readFile(join(root, file)));
    hash.update('\u0000');
  }
  return hash.digest('hex');
}

/**
 * Processed documents by sha256 of (pipeline version, id, format, text) in `<out>/.cache/ab/cdef….json`.
 * The id is part of the key because the rows carry it. Entries are written to a temporary name and
 * renamed, so a crash leaves either a whole entry or none; an entry that does not parse is a miss.
 */
export class ResultCache {
  readonly #dir: string;
  readonly #version: string;

  constructor(dir: string, version: string) {
    this.#dir = dir;
    this.#version = version;
  }

  static async open(out: string, version?: string): Promise<ResultCache> {
    const dir = join(out, '.cache');
    await mkdir(dir, { recursive: true });
    // the cache is no one's data: keep it out of version control whatever the project's .gitignore says
    await writeFile(join(dir, '.gitignore'), '*\n');
    return new ResultCache(dir, version ?? (await pipelineVersion()));
  }

  key(raw: RawDocument): string {
    return createHash('sha256').update(`${this.#version}\u0000${raw.id}\u0000${raw.format}\u0000`).update(raw.raw).digest('hex');
  }

  #path(key: string): string {
    return join(this.#dir, key.slice(0, 2), `${key.slice(2)}.json`);
  }

  async get(key: string): Promise<DocumentResult | undefined> {
    try {
      return JSON.parse(await readFile(this.#path(key), 'utf8')) as DocumentResult;
    } catch {
      return undefined;
    }
  }

  async set(key: string, result: DocumentResult): Promise<void> {
    const path = this.#path(key);
    const tmp = `${path}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
    await mkdir(join(this.#dir, key.slice(0, 2)), { recursive: true });
    try {
      await writeFile(tmp, JSON.stringify(result));
      await rename(tmp, path);
    } catch (error) {
      await rm(tmp, { force: true });
      throw error;
    }
  }
}
