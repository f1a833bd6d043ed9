// The content-hash cache beside the output: a document whose text and pipeline are unchanged is not processed again.
import { createHash, hash as hashOnce, randomBytes } from 'node:crypto';
import { createReadStream, existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SerializedResult } from './process-document.ts';
import type { RawDocument } from './read-corpus.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

/** sha256 in hex, in one call: a `createHash` object per document or page cost more than the hashing (~20 µs against ~10). */
export const sha256 = (data: string | Buffer): string => hashOnce('sha256', data, 'hex');

/** Relative imports of a module (`from` or `import()` of a path starting with a dot), resolved against it. */
function relativeImports(source: string, from: string): string[] {
  const found: string[] = [];
  for (const m of source.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)['"](\.{1,2}\/[^'"]+)['"]/g)) found.push(join(dirname(from), m[1]!));
  return found;
}

/**
 * A hash of everything that decides a document's rows and report page: the source files a worker
 * loads (followed from pipeline/worker.ts through relative imports, report/render-document.ts
 * among them), every file under models/, and package.json (the version and the pinned NLP
 * libraries). Any edit to a stage or a lexicon invalidates the cache; a version number bumped by
 * hand would be forgotten. Files no worker loads (the CLI, the rest of the report) do not count.
 */
export async function pipelineVersion(root = ROOT): Promise<string> {
  const files = new Set<string>(['package.json']);
  const walk = async (dir: string) => {
    for (const entry of await readdir(join(root, dir), { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else files.add(path);
    }
  };
  await walk('models');
  const sources = new Map<string, Buffer>();
  const follow = async (file: string): Promise<void> => {
    if (sources.has(file)) return;
    const text = await readFile(join(root, file));
    sources.set(file, text);
    for (const next of relativeImports(text.toString('utf8'), file)) await follow(next);
  };
  await follow(join('pipeline', 'worker.ts'));
  const hash = createHash('sha256');
  for (const file of [...files, ...sources.keys()].sort()) {
    hash.update(`${file.split(sep).join('/')}\u0000`);
    hash.update(sources.get(file) ?? (await readFile(join(root, file))));
    hash.update('\u0000');
  }
  return hash.digest('hex');
}

const MANIFEST = 'manifest.json';

/**
 * What the last committed run read and wrote: a hash over its inputs in order (each document's
 * cache key, each error record), each dataset file's stat (`fileStat`), the report folder's hash
 * and stat, and its summary. A rerun whose inputs hash the same, over a dataset and report whose
 * files are as the run left them, has nothing to do.
 */
export interface Manifest {
  readonly inputs: string;
  /**
   * `fileStat` of each dataset file once committed (absent in older manifests, which kept each file's
   * sha256: taking it as the files were written cost the main thread ~1.5 s per 5,000 articles).
   */
  readonly filesStat?: Readonly<Record<string, string | null>>;
  /** `treeStat` of `<out>/report/` once committed, or null when the run wrote none (absent in older manifests). */
  readonly reportStat?: string | null;
  readonly summary: { readonly documents: number; readonly quotes: number; readonly errors: number; readonly warnings: number; readonly bytes: number };
}

/** Writes to a temporary name beside `path`, then renames: a reader sees the old file or the new, never half of one. */
async function writeAtomic(path: string, data: string): Promise<void> {
  const tmp = `${path}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(tmp, data);
    await rename(tmp, path);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
}

/** sha256 of a file, streamed (quotes.jsonl of 100,000 articles is a gigabyte), or null when it cannot be read. */
export async function fileHash(path: string): Promise<string | null> {
  const hash = createHash('sha256');
  try {
    for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
    return hash.digest('hex');
  } catch {
    return null;
  }
}

const MASK_256 = (1n << 256n) - 1n;

/**
 * A digest of files given as (path with `/`, sha256 of the content) in any order, kept as they come:
 * the sum of each file's sha256 of (path, sha256), modulo 2^256, and their count. Holding every
 * file's pair to sort them took ~360 bytes of heap a document page (7 MB at 20,000 articles).
 */
export class TreeDigest {
  #sum = 0n;
  #count = 0;

  add(path: string, sha256Of: string): void {
    this.#sum = (this.#sum + BigInt(`0x${sha256(`${path}\u0000${sha256Of}\n`)}`)) & MASK_256;
    this.#count++;
  }

  digest(): string {
    return sha256(`${this.#count} ${this.#sum.toString(16)}`);
  }
}

/** `TreeDigest` of files given as (path with `/`, a digest of the file): what `treeHash` and `treeStat` compute from a folder. */
export function treeDigest(files: Iterable<readonly [path: string, sha256: string]>): string {
  const tree = new TreeDigest();
  for (const [path, sha256] of files) tree.add(path, sha256);
  return tree.digest();
}

/**
 * `treeDigest` of a folder's files, or null when it cannot be read: whether two reports are the same
 * bytes (the tests compare runs by it). Read synchronously: a report is thousands of small files, and
 * a stream or a promise per file costs more than reading it.
 */
export function treeHash(dir: string): string | null {
  return treeOf(dir, (path) => sha256(readFileSync(path)));
}

/**
 * sha256 over a folder's files' paths, sizes, inodes and modification times, or null when it cannot
 * be read: what an unchanged rerun compares. Hashing every page of the report read 100,000 files,
 * most of an unchanged rerun of 100,000 articles; a stat costs a fraction of a read. A page
 * rewritten in place changes its time, one replaced by a rename its inode; one edited to the same
 * size with its time put back is not noticed (the same trade `make` and `rsync` make).
 */
export function treeStat(dir: string): string | null {
  return treeOf(dir, describeStat);
}

/** A file's size, inode and modification time, or null when it cannot be read: what `treeStat` compares, for one file. */
export function fileStat(path: string): string | null {
  try {
    return describeStat(path);
  } catch {
    return null;
  }
}

function describeStat(path: string): string {
  const st = statSync(path);
  // to the millisecond, as a Date keeps it
  return `${st.size} ${st.ino} ${Math.trunc(st.mtimeMs)}`;
}

/**
 * `treeDigest` of each file's `describe(path)` under `dir`, by its path relative to `dir`; null when
 * it cannot be read. A folder at a time, each file taken in as it is met: listing the whole tree
 * first (`readdirSync` recursive) and holding every pair took the 100,000-article report's 111,344
 * files to +92 MB of peak RSS at the end of a run.
 */
function treeOf(dir: string, describe: (path: string) => string): string | null {
  function* walk(folder: string, prefix: string): Generator<[path: string, description: string]> {
    for (const e of readdirSync(folder, { withFileTypes: true })) {
      if (e.isDirectory()) yield* walk(join(folder, e.name), `${prefix}${e.name}/`);
      else if (e.isFile()) yield [`${prefix}${e.name}`, describe(join(folder, e.name))];
    }
  }
  try {
    return treeDigest(walk(dir, ''));
  } catch {
    return null;
  }
}

/**
 * Processed documents by sha256 of (pipeline version, id, format, text) in
 * `<out>/.cache/v<version hash>/ab/cdef….json`, a folder per pipeline version. The id is part of the
 * key because the rows carry it. Workers write the entries (worker.ts), to a temporary name then
 * renamed, so a crash leaves a whole entry or none; an entry that does not parse is a miss.
 */
export class ResultCache {
  readonly #dir: string;
  readonly #version: string;
  /** The folder of this version's entries. */
  readonly #entries: string;
  /**
   * Whether that folder was missing when the cache was opened: the first run of a version then looks
   * up nothing (each of its documents is looked up once, before any worker stores it), where a failed
   * read a document cost the main thread ~50–75 µs of CPU.
   */
  readonly #empty: boolean;

  constructor(dir: string, version: string) {
    this.#dir = dir;
    this.#version = version;
    // a hash, as the version given may be any string
    this.#entries = join(dir, `v${sha256(version).slice(0, 16)}`);
    this.#empty = !existsSync(this.#entries);
  }

  static async open(out: string, version?: string): Promise<ResultCache> {
    const dir = join(out, '.cache');
    await mkdir(dir, { recursive: true });
    // the cache is no one's data: keep it out of version control whatever the project's .gitignore says
    await writeFile(join(dir, '.gitignore'), '*\n');
    return new ResultCache(dir, version ?? (await pipelineVersion()));
  }

  key(raw: RawDocument): string {
    // one-shot: a Hash object per document cost more than the hashing
    return sha256(`${this.#version}\u0000${raw.id}\u0000${raw.format}\u0000${raw.raw}`);
  }

  /** Where the entry for `key` lives: workers write it there themselves. */
  path(key: string): string {
    return join(this.#entries, key.slice(0, 2), `${key.slice(2)}.json`);
  }

  /**
   * Removes every other version's entries, and those of the layout before version folders: a new
   * pipeline version never hits them, and a corpus of a million articles leaves ~28 GB of them a
   * version. Called once a run is committed; two checkouts of different versions writing into one
   * output folder take turns missing.
   */
  prune(): void {
    const keep = new Set([MANIFEST, '.gitignore', basename(this.#entries)]);
    for (const name of readdirSync(this.#dir)) if (!keep.has(name)) rmSync(join(this.#dir, name), { recursive: true, force: true });
  }

  /** The record of the last committed run, or undefined when there is none or it does not parse. */
  async readManifest(): Promise<Manifest | undefined> {
    try {
      return JSON.parse(await readFile(join(this.#dir, MANIFEST), 'utf8')) as Manifest;
    } catch {
      return undefined;
    }
  }

  async writeManifest(manifest: Manifest): Promise<void> {
    await writeAtomic(join(this.#dir, MANIFEST), JSON.stringify(manifest));
  }

  async get(key: string): Promise<SerializedResult | undefined> {
    if (this.#empty) return undefined;
    try {
      return decodeEntry(await readFile(this.path(key), 'utf8'));
    } catch {
      return undefined;
    }
  }

}

interface EntryHead extends Omit<SerializedResult, 'frame' | 'page' | 'speakerItems' | 'parts'> {
  /** Length of the quotes' frame after the head line, in UTF-16 code units. */
  readonly frameLength: number;
  /** Length of the report's parts after it (`documentParts`), or null when there are none. */
  readonly partsLength: number | null;
  /** Length of the speaker items after it, or null when there are none. */
  readonly itemsLength: number | null;
  /** Length of the page after them, or null when there is none. */
  readonly pageLength: number | null;
}

/**
 * A cache entry: one JSON line with the small fields, then the quotes' frame, the report's parts,
 * the speaker items and the report page as they are. Stringified into the JSON, their every
 * quotation mark was escaped once more, which cost a worker 0.07 ms a document (a third of storing
 * it) and the reader as much again.
 */
export function encodeEntry(result: SerializedResult): string {
  return `${entryBeforePage(result)}${result.page ?? ''}`;
}

/**
 * `encodeEntry` but the page it ends with: a worker writes the page after it as the UTF-8 it has
 * already made of it for the run (the same bytes: a page starts with `<`, which no character before
 * it can pair with).
 */
export function entryBeforePage(result: SerializedResult): string {
  const { frame, parts, page, speakerItems, ...rest } = result;
  const lengthOf = (s: string | undefined) => (s === undefined ? null : s.length);
  const head: EntryHead = { ...rest, frameLength: frame.length, partsLength: lengthOf(parts), itemsLength: lengthOf(speakerItems), pageLength: lengthOf(page) };
  return `${JSON.stringify(head)}\n${frame}${parts ?? ''}${speakerItems ?? ''}`;
}

/** The result `encodeEntry` stored, or undefined when `text` is not a whole entry. */
export function decodeEntry(text: string): SerializedResult | undefined {
  const newline = text.indexOf('\n');
  if (newline === -1) return undefined;
  const { frameLength, partsLength, itemsLength, pageLength, ...rest } = JSON.parse(text.slice(0, newline)) as EntryHead;
  const lengthOf = (n: number | null | undefined) => (n === null ? 0 : Number.isInteger(n) && n! >= 0 ? n! : NaN);
  const frameEnd = newline + 1 + lengthOf(frameLength);
  const partsEnd = frameEnd + lengthOf(partsLength);
  const itemsEnd = partsEnd + lengthOf(itemsLength);
  if (text.length !== itemsEnd + lengthOf(pageLength)) return undefined;
  const result: SerializedResult = { ...rest, frame: text.slice(newline + 1, frameEnd) };
  return {
    ...result,
    ...(partsLength === null ? {} : { parts: text.slice(frameEnd, partsEnd) }),
    ...(itemsLength === null ? {} : { speakerItems: text.slice(partsEnd, itemsEnd) }),
    ...(pageLength === null ? {} : { page: text.slice(itemsEnd) }),
  };
}
