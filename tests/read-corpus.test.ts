// Reading a corpus: which files, in what order, with what ids, and the error record each kind of bad input becomes.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs/promises';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { isError, listCorpus, readCorpus, readRawCorpus, type ErrorRecord, type ReadFs } from '../pipeline/read-corpus.ts';

let root = '';
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'quotes-read-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function files(tree: Record<string, string | Uint8Array>): Promise<void> {
  for (const [path, content] of Object.entries(tree)) {
    await mkdir(join(root, path, '..'), { recursive: true });
    await writeFile(join(root, path), content);
  }
}

async function all<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

const read = (options: Partial<Parameters<typeof readCorpus>[1]> = {}, from = root) => all(readCorpus(from, { maxBytes: 5_000_000, ...options }));
const errors = (items: object[]) => items.filter(isError);
const ids = (items: ({ id: string } | ErrorRecord)[]) => items.map((x) => ('id' in x ? x.id : `error:${x.doc}`));

describe('listing', () => {
  test('read-corpus lists .txt, .md, .html, .htm and .jsonl files recursively, sorted by code unit', async () => {
    await files({ 'b.txt': 'b', 'a/z.md': 'z', 'a/B.html': '<p>b</p>', 'c.htm': 'c', 'd.jsonl': '', 'e.pdf': 'x', 'notes.TXT': 'n' });
    expect((await listCorpus(root)).map((e) => e.path)).toEqual(['a/B.html', 'a/z.md', 'b.txt', 'c.htm', 'd.jsonl', 'notes.TXT']);
  });

  test('read-corpus yields documents in the listing order with JSONL lines in file order', async () => {
    await files({
      'b.txt': 'The second file.',
      'a.jsonl': '{"id": "x9", "text": "First line."}\n{"text": "Second line, no id."}\n',
      'c/d.md': 'A markdown file.',
    });
    expect(ids(await read())).toEqual(['a.jsonl#x9', 'a.jsonl#2', 'b.txt', 'c/d.md']);
  });

  test('read-corpus reads one file given instead of a folder', async () => {
    await files({ 'one.txt': 'Just this.' });
    expect(await read({}, join(root, 'one.txt'))).toEqual([{ id: 'one.txt', text: 'Just this.', format: 'text' }]);
  });

  test('read-corpus reads a JSONL corpus from stdin as `-`', async () => {
    const stdin = Readable.from([Buffer.from('{"id": "a", "text": "One."}\n{"text"'), Buffer.from(': "Two."}\nnot json\n')]);
    const items = await read({ stdin }, '-');
    expect(ids(items)).toEqual(['stdin#a', 'stdin#2', 'error:stdin#3']);
    expect(items[1]).toEqual({ id: 'stdin#2', text: 'Two.', format: 'jsonl' });
  });
});

describe('bad input becomes an error record', () => {
  // [behaviour, file name, content, the record]
  const cases: readonly [string, string, string | Uint8Array, Omit<ErrorRecord, 'doc'>][] = [
    ['a binary file', 'logo.txt', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]), { error: 'binary', message: 'a NUL byte at offset 8: a binary file, not text', action: 'skipped' }],
    ['invalid UTF-8', 'latin1.txt', Uint8Array.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x6f, 0x6b]), { error: 'invalid-utf8', message: 'not valid UTF-8: a bad byte sequence at offset 3', action: 'skipped' }],
    ['an empty file', 'empty.txt', '', { error: 'empty', message: 'an empty file', action: 'skipped' }],
    ['a file of whitespace', 'blank.md', ' \n\n\t\n', { error: 'empty', message: 'only whitespace', action: 'skipped' }],
    ['a file over --max-bytes', 'big.txt', 'x'.repeat(2000), { error: 'too-large', message: '2000 bytes is over --max-bytes 1000', action: 'skipped' }],
    ['an HTML page without an article', 'blank.html', '<html><body></body></html>', { error: 'no-article', message: 'no article text found in the HTML page', action: 'skipped' }],
  ];
  test.each(cases)('read-corpus reports %s', async (_, name, content, record) => {
    await files({ [name]: content });
    expect(await read({ maxBytes: 1000 })).toEqual([{ doc: name, ...record }]);
  });

  // [behaviour, line, the record]
  const lines: readonly [string, string, Omit<ErrorRecord, 'doc'> & { doc: string }][] = [
    ['a line that is not JSON', '{"id": "a", "text": "unclosed', { doc: 'c.jsonl#2', error: 'malformed-jsonl', message: expect.stringMatching(/^line 2: not JSON \(.+\)$/) as unknown as string, action: 'skipped' }],
    ['a line without `text`', '{"id": "a", "body": "x"}', { doc: 'c.jsonl#2', error: 'malformed-jsonl', message: 'line 2: expected an object with a string `text`', action: 'skipped' }],
    ['a line that is an array', '["text"]', { doc: 'c.jsonl#2', error: 'malformed-jsonl', message: 'line 2: expected an object with a string `text`', action: 'skipped' }],
    ['a line with an empty text', '{"id": "e", "text": "  "}', { doc: 'c.jsonl#e', error: 'empty', message: 'line 2: an empty `text`', action: 'skipped' }],
    ['a line reusing an id', '{"id": "ok", "text": "Again."}', { doc: 'c.jsonl#ok', error: 'duplicate-id', message: 'line 2: the id is used by an earlier line', action: 'skipped' }],
  ];
  test.each(lines)('read-corpus reports %s with its line number, and reads the lines after it', async (_, line, record) => {
    await files({ 'c.jsonl': `{"id": "ok", "text": "Fine."}\n${line}\n\n{"text": "Also fine."}\n` });
    expect(ids(await read())).toEqual(['c.jsonl#ok', `error:${record.doc}`, 'c.jsonl#4']);
    expect(errors(await read())).toEqual([record]);
  });

  test('read-corpus reports a JSONL line over --max-bytes without holding it', async () => {
    await files({ 'c.jsonl': `{"text": "${'x'.repeat(5000)}"}\n{"text": "Short."}\n` });
    const items = await read({ maxBytes: 1000 });
    expect(items).toEqual([
      { doc: 'c.jsonl#1', error: 'too-large', message: 'line 1: 5012 bytes is over --max-bytes 1000', action: 'skipped' },
      { id: 'c.jsonl#2', text: 'Short.', format: 'jsonl' },
    ]);
  });

  test('read-corpus reports a JSONL line of invalid UTF-8', async () => {
    await files({ 'c.jsonl': Buffer.concat([Buffer.from('{"text": "Caf'), Buffer.from([0xe9]), Buffer.from('"}\n')]) });
    expect(await read()).toEqual([{ doc: 'c.jsonl#1', error: 'invalid-utf8', message: 'line 1: not valid UTF-8', action: 'skipped' }]);
  });

  // Tests run as root, whom `chmod 000` does not stop: the permission error is injected into the reader.
  test('read-corpus reports a permission error and reads on', async () => {
    await files({ 'a.txt': 'Readable.', 'secret.txt': 'Not for us.' });
    const denying: ReadFs = {
      ...fs,
      readFile: async (path: string) => {
        if (path.endsWith('secret.txt')) throw Object.assign(new Error(`EACCES: permission denied, open '${path}'`), { code: 'EACCES' });
        return fs.readFile(path);
      },
    };
    expect(await read({ fs: denying })).toEqual([
      { id: 'a.txt', text: 'Readable.', format: 'text' },
      { doc: 'secret.txt', error: 'unreadable', message: `EACCES: EACCES: permission denied, open '${join(root, 'secret.txt')}'`, action: 'skipped' },
    ]);
  });

  test('read-corpus reports a folder it cannot list', async () => {
    await files({ 'a.txt': 'Readable.', 'locked/b.txt': 'Hidden.' });
    const denying: ReadFs = {
      ...fs,
      readdir: (async (path: string, options: never) => {
        if (path.endsWith('locked')) throw Object.assign(new Error(`EACCES: permission denied, scandir '${path}'`), { code: 'EACCES' });
        return fs.readdir(path, options);
      }) as typeof fs.readdir,
    };
    expect(errors(await read({ fs: denying }))).toEqual([
      { doc: 'locked/', error: 'unreadable', message: `cannot list the folder: EACCES: EACCES: permission denied, scandir '${join(root, 'locked')}'`, action: 'skipped' },
    ]);
  });

  test('read-corpus reports a FIFO instead of blocking on it', async () => {
    execFileSync('mkfifo', [join(root, 'pipe.txt')]);
    expect(await read()).toEqual([{ doc: 'pipe.txt', error: 'unreadable', message: 'not a regular file (a FIFO)', action: 'skipped' }]);
  });

  test('read-corpus reports a dangling symbolic link', async () => {
    await symlink(join(root, 'gone.txt'), join(root, 'link.txt'));
    const [record] = await read();
    expect(record).toMatchObject({ doc: 'link.txt', error: 'unreadable', action: 'skipped' });
    expect((record as ErrorRecord).message).toMatch(/^ENOENT: /);
  });
});

describe('HTML', () => {
  test('read-corpus extracts the article as blocks separated by blank lines, without navigation', async () => {
    await files({
      'page.html': `<!doctype html><html><head><title>Kremlin comments</title></head><body>
        <nav><a href="/">Home</a> <a href="/world">World</a></nav>
        <article><h1>Kremlin comments</h1>
        <p>MOSCOW, July 10. <b>Dmitry Peskov</b> said on Monday that "the situation is calm," adding that no decision had been made on the question of the talks.</p>
        <p>"We will wait,"<br>he told reporters. The spokesman declined to say more about the talks, held in Geneva last week and attended by both delegations.</p>
        </article><footer>© 2017 Agency</footer></body></html>`,
    });
    const [doc] = await read();
    expect(doc).toEqual({
      id: 'page.html',
      format: 'html',
      text:
        'Kremlin comments\n\nMOSCOW, July 10. Dmitry Peskov said on Monday that "the situation is calm," adding that no decision had been made on the question of the talks.\n\n' +
        '"We will wait,"\nhe told reporters. The spokesman declined to say more about the talks, held in Geneva last week and attended by both delegations.',
    });
  });

  test('read-corpus keeps the raw HTML for the cache key, and extracts in readCorpus', async () => {
    await files({ 'p.htm': '<p>Short page, one paragraph of text.</p>' });
    const [raw] = await all(readRawCorpus(root, { maxBytes: 1000 }));
    expect(raw).toEqual({ id: 'p.htm', raw: '<p>Short page, one paragraph of text.</p>', format: 'html' });
  });
});
