// Lists and reads a corpus folder: every .txt, recursively, in a stable order; bad files become error records, not exceptions.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

export interface SourceDocument {
  readonly id: string;
  readonly text: string;
}

/** Why a document could not be read, and what was done about it: one line of errors.jsonl. */
export interface ErrorRecord {
  readonly doc: string;
  readonly error: 'unreadable' | 'binary' | 'invalid-utf8' | 'empty' | 'too-large' | 'failed';
  readonly message: string;
  readonly action: 'skipped';
}

export const EXTENSIONS = ['.txt'] as const;

/** Every readable document path under `root`, as ids relative to it with `/`, sorted. */
export async function listCorpus(root: string): Promise<string[]> {
  const ids: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true });
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (EXTENSIONS.some((ext) => entry.name.toLowerCase().endsWith(ext))) ids.push(relative(root, path).split(sep).join('/'));
    }
  };
  await walk(root);
  return ids.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Decodes a file's bytes as a document, or says why it cannot be one. */
export function decode(id: string, bytes: Uint8Array, maxBytes: number): SourceDocument | ErrorRecord {
  const fail = (error: ErrorRecord['error'], message: string): ErrorRecord => ({ doc: id, error, message, action: 'skipped' });
  if (bytes.length > maxBytes) return fail('too-large', `${bytes.length} bytes is over --max-bytes ${maxBytes}`);
  // NUL bytes do not occur in text: an image, a PDF, an archive
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) return fail('binary', `a NUL byte at offset ${head.indexOf(0)}: a binary file, not text`);
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return fail('invalid-utf8', 'not valid UTF-8');
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') return fail('empty', bytes.length === 0 ? 'an empty file' : 'only whitespace');
  return { id, text };
}

export async function readDocument(root: string, id: string, maxBytes: number): Promise<SourceDocument | ErrorRecord> {
  const path = join(root, ...id.split('/'));
  try {
    const info = await stat(path);
    // refuse before reading: a 5 GB file must not be loaded to learn that it is too large
    if (info.size > maxBytes) return { doc: id, error: 'too-large', message: `${info.size} bytes is over --max-bytes ${maxBytes}`, action: 'skipped' };
    return decode(id, await readFile(path), maxBytes);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
    return { doc: id, error: 'unreadable', message: `${code}: ${(error as Error).message}`, action: 'skipped' };
  }
}

export function isError(x: SourceDocument | ErrorRecord): x is ErrorRecord {
  return 'error' in x;
}
