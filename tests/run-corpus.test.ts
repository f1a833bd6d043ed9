// Corpus runs: the same bytes whatever the worker count, the cache, the atomic commit, warnings and error records in errors.jsonl, and the exit codes.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { article, prng } from '../bench/corpus.ts';
import { encodeEntry, ResultCache, treeDigest, treeHash } from '../pipeline/cache.ts';
import { processDocument, serialize, type DocumentResult } from '../pipeline/process-document.ts';
import { collapseWhitespace } from '../pipeline/document.ts';
import { readCorpus, type ErrorRecord } from '../pipeline/read-corpus.ts';
import type { DocumentRecord, QuoteRecord } from '../pipeline/records.ts';
import { documentAnchor, documentPagePath } from '../pipeline/report/paths.ts';
import { SPEAKER_PAGES_NICE, SpeakerPagesProcess } from '../pipeline/report/speaker-pages-process.ts';
import { runCorpus } from '../pipeline/run-corpus.ts';
import { FILES } from '../pipeline/write-dataset.ts';

const BIN = fileURLToPath(new URL('../bin/quotes.js', import.meta.url));
let dir = '';
let corpus = '';
let out = '';
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'quotes-run-'));
  corpus = join(dir, 'corpus');
  out = join(dir, 'out');
  await mkdir(corpus);
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** `count` synthetic articles (bench/corpus.ts), in two folders. */
async function articles(count: number, seed = 7): Promise<void> {
  const r = prng(seed);
  for (let i = 0; i < count; i++) {
    await mkdir(join(corpus, `f${i % 2}`), { recursive: true });
    await writeFile(join(corpus, `f${i % 2}`, `a${i}.txt`), article(r));
  }
}

async function dataset(at = out): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const f of FILES) files[f] = await readFile(join(at, f), 'utf8');
  return files;
}
const jsonl = <T>(text: string) => text.split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as T);
const errorRecords = async () => jsonl<ErrorRecord>(await readFile(join(out, 'errors.jsonl'), 'utf8'));

describe('workers', () => {
  test('run-corpus writes the same bytes with 1 and 2 workers, in-thread, and with workers replaced every 2 documents', async () => {
    await articles(12);
    // wink-nlp, left alone, keeps `Trump's` whole in every text after reading `Trump's.` (see nlp-adapter.ts)
    await writeFile(join(corpus, 'f0', 'a00.txt'), "His plan is better than Trump's. But it will not pass, Peskov said on Monday.");
    await writeFile(join(corpus, 'f1', 'z99.txt'), "Peskov said Trump's spokesman had called the Kremlin on Monday.");
    // error records among the documents: a document's place in the corpus is not its place among the pages'
    await writeFile(join(corpus, 'f0', 'a03.txt'), '');
    await writeFile(join(corpus, 'f1', 'a05.txt'), Buffer.from([0, 1, 2, 0, 0, 0]));
    await runCorpus(corpus, { out: join(dir, 'w1'), workers: 1 });
    await runCorpus(corpus, { out: join(dir, 'w2'), workers: 2 });
    await runCorpus(corpus, { out: join(dir, 'w0'), workers: 0 });
    await runCorpus(corpus, { out: join(dir, 'recycled'), workers: 2, recycleAfter: 2 });
    const one = await dataset(join(dir, 'w1'));
    expect(one['quotes.jsonl']!.split('\n').length).toBeGreaterThan(50);
    expect(await dataset(join(dir, 'w2'))).toEqual(one);
    expect(await dataset(join(dir, 'w0'))).toEqual(one);
    expect(await dataset(join(dir, 'recycled'))).toEqual(one);
    const report = await treeHash(join(dir, 'w1', 'report'));
    expect(report).not.toBeNull();
    for (const run of ['w2', 'w0', 'recycled']) expect(await treeHash(join(dir, run, 'report'))).toBe(report);
    expect(jsonl<ErrorRecord>(await readFile(join(dir, 'w2', 'errors.jsonl'), 'utf8')).map((e) => e.doc).sort()).toEqual(['f0/a03.txt', 'f1/a05.txt']);
    // every quote on a speaker page links to the page that holds its document's section
    const root = join(dir, 'w2', 'report');
    const speakerPages = (await readdir(join(root, 'speakers'), { recursive: true })).filter((f) => /^[0-9a-f]{2}\/.+\.html$/.test(f));
    const links = new Set<string>();
    for (const f of speakerPages) for (const m of (await readFile(join(root, 'speakers', f), 'utf8')).matchAll(/href="\.\.\/\.\.\/(documents\/[0-9a-f]{2}\/\d+\.html)#(d-[0-9a-f]{10})-q-\d+-\d+"/g)) links.add(`${m[1]}#${m[2]}`);
    const quoted = new Set(jsonl<QuoteRecord>(one['quotes.jsonl']!).filter((q) => q.speaker?.id != null).map((q) => q.doc));
    expect(new Set([...links].map((l) => l.split('#')[1]))).toEqual(new Set([...quoted].map(documentAnchor)));
    for (const link of links) {
      const [page, anchor] = link.split('#');
      expect(await readFile(join(root, page!), 'utf8')).toContain(`<article class="document" id="${anchor}">`);
    }
  }, 60_000);
});

describe('cache', () => {
  test('run-corpus reruns from the cache to the same bytes, and --force reprocesses', async () => {
    await articles(6);
    const first = await runCorpus(corpus, { out, workers: 1 });
    const bytes = await dataset();
    expect(first.cached).toBe(0);
    const again = await runCorpus(corpus, { out, workers: 1 });
    expect(again.cached).toBe(6);
    expect(await dataset()).toEqual(bytes);
    const forced = await runCorpus(corpus, { out, workers: 0, force: true });
    expect(forced.cached).toBe(0);
    expect(await dataset()).toEqual(bytes);
  }, 60_000);

  test('run-corpus rewrites a dataset file changed since the last run, though the corpus is unchanged', async () => {
    await articles(3);
    await runCorpus(corpus, { out, workers: 0 });
    const bytes = await dataset();
    await writeFile(join(out, 'quotes.csv'), 'edited by hand\n');
    const summary = await runCorpus(corpus, { out, workers: 0 });
    expect(summary.cached).toBe(3);
    expect(await dataset()).toEqual(bytes);
  }, 60_000);

  test('run-corpus reprocesses only a changed document', async () => {
    await articles(4);
    await runCorpus(corpus, { out, workers: 0 });
    await writeFile(join(corpus, 'f1', 'a1.txt'), '"We will wait," Dmitry Peskov said on Monday.');
    const summary = await runCorpus(corpus, { out, workers: 0 });
    expect(summary.cached).toBe(3);
    const docs = jsonl<DocumentRecord>((await dataset())['documents.jsonl']!);
    expect(docs.find((d) => d.id === 'f1/a1.txt')).toMatchObject({ quotes: 1 });
  }, 60_000);

  test('run-corpus treats a damaged cache entry as missing and leaves no temporary files', async () => {
    await articles(2);
    await runCorpus(corpus, { out, workers: 0 });
    const cache = join(out, '.cache');
    const entries = (await readdir(cache, { recursive: true })).filter((p) => p.endsWith('.json') && p !== 'manifest.json');
    expect(entries).toHaveLength(2);
    expect((await readdir(cache, { recursive: true })).filter((p) => p.endsWith('.tmp'))).toEqual([]);
    await writeFile(join(cache, entries[0]!), '{"document": {"id": "trunc');
    // without the record of the last run, which would make this rerun skip the cache altogether
    await rm(join(cache, 'manifest.json'));
    const bytes = await dataset();
    const summary = await runCorpus(corpus, { out, workers: 0 });
    expect(summary.cached).toBe(1);
    expect(await dataset()).toEqual(bytes);
  }, 60_000);
});

describe('cache: one pipeline version at a time', () => {
  const top = async () => (await readdir(join(out, '.cache'))).sort();
  const entries = async () => (await readdir(join(out, '.cache'), { recursive: true })).filter((p) => p.endsWith('.json') && p !== 'manifest.json');

  test('a run keeps its own version\'s entries and removes the others\', and those of the flat layout before', async () => {
    await articles(2);
    await runCorpus(corpus, { out, workers: 0, version: 'one' });
    const [first] = (await top()).filter((n) => n.startsWith('v'));
    expect(await entries()).toHaveLength(2);
    // an entry as releases before version folders stored it
    await mkdir(join(out, '.cache', 'ab'));
    await writeFile(join(out, '.cache', 'ab', 'cdef.json'), '{}');
    const other = await runCorpus(corpus, { out, workers: 0, version: 'two' });
    expect(other.cached).toBe(0);
    const after = await top();
    expect(after.filter((n) => n !== '.gitignore' && n !== 'manifest.json')).toHaveLength(1);
    expect(after).not.toContain(first);
    expect(after).not.toContain('ab');
    expect(await entries()).toHaveLength(2);
    // the version kept still serves: with one document changed, the other comes from it
    await writeFile(join(corpus, 'f1', 'a1.txt'), '"We will wait," Dmitry Peskov said on Monday.');
    expect((await runCorpus(corpus, { out, workers: 0, version: 'two' })).cached).toBe(1);
    // and the first version's entries are gone for good
    expect((await runCorpus(corpus, { out, workers: 0, version: 'one' })).cached).toBe(0);
  }, 60_000);

  test('a version\'s first run looks nothing up; one opened on its entries finds them', async () => {
    const raw = { id: 'a.txt', raw: '"We will wait," Dmitry Peskov said.', format: 'text' } as const;
    const fresh = await ResultCache.open(out, 'three');
    const key = fresh.key(raw);
    await mkdir(dirname(fresh.path(key)), { recursive: true });
    await writeFile(fresh.path(key), encodeEntry(serialize(processDocument({ id: raw.id, text: raw.raw, format: 'text' }) as DocumentResult)));
    // stored during the run (by a worker): not looked for, as no document is looked up twice
    expect(await fresh.get(key)).toBeUndefined();
    expect((await (await ResultCache.open(out, 'three')).get(key))?.id).toBe('a.txt');
  });
});

describe('unchanged rerun', () => {
  const pages = async () => (await readdir(join(out, 'report', 'documents'), { recursive: true })).filter((p) => p.endsWith('.html') && !p.startsWith('page-')).map((p) => join(out, 'report', 'documents', p));

  test('run-corpus repairs a report page changed since the last run, writing the same report bytes as before', async () => {
    await articles(3);
    await runCorpus(corpus, { out, workers: 0 });
    const report = treeHash(join(out, 'report'));
    const page = (await pages())[0]!;
    const html = await readFile(page, 'utf8');
    await writeFile(page, html.replace('<h2>', '<h2>tampered '));
    expect(treeHash(join(out, 'report'))).not.toBe(report);
    const summary = await runCorpus(corpus, { out, workers: 0 });
    // the sections are the cache's, not the last report's: no document is processed again
    expect(summary.cached).toBe(3);
    expect(treeHash(join(out, 'report'))).toBe(report);
    expect(await readFile(page, 'utf8')).toBe(html);
  }, 60_000);

  test('run-corpus does not read the report pages on an unchanged rerun: it compares their sizes and times', async () => {
    await articles(3);
    await runCorpus(corpus, { out, workers: 0 });
    const page = (await pages())[0]!;
    const html = await readFile(page, 'utf8');
    const { atime, mtimeMs } = await stat(page);
    // the same size, the time put back: only reading the page would tell
    await writeFile(page, html.replace('<h1>', '<h1 >').replace(/\n$/, ''));
    // (in the middle of its millisecond: seconds as a float do not land on a whole millisecond exactly)
    await utimes(page, atime, (Math.trunc(mtimeMs) + 0.5) / 1000);
    const started = Date.now();
    const summary = await runCorpus(corpus, { out, workers: 0 });
    expect(summary.cached).toBe(3);
    expect(await readFile(page, 'utf8')).not.toBe(html);
    // the short cut: no worker was started, nothing was rewritten
    expect((await stat(join(out, 'quotes.jsonl'))).mtimeMs).toBeLessThan(started);
  }, 60_000);

  test('run-corpus writes the report again after a manifest that kept no report stats, as older runs wrote them', async () => {
    await articles(3);
    await runCorpus(corpus, { out, workers: 0 });
    const report = treeHash(join(out, 'report'));
    const manifestPath = join(out, '.cache', 'manifest.json');
    const { reportStat, ...older } = JSON.parse(await readFile(manifestPath, 'utf8')) as Record<string, unknown>;
    expect(reportStat).toEqual(expect.any(String));
    // the content hash such a manifest kept instead, which no run compares any more
    await writeFile(manifestPath, JSON.stringify({ ...older, report }));
    const before = (await stat(join(out, 'report', 'index.html'))).ino;
    const summary = await runCorpus(corpus, { out, workers: 0 });
    expect(summary.cached).toBe(3);
    // a new report folder took the old one's place, with the same bytes
    expect((await stat(join(out, 'report', 'index.html'))).ino).not.toBe(before);
    expect(treeHash(join(out, 'report'))).toBe(report);
    // and the rerun after it takes the short cut
    const again = (await stat(join(out, 'report', 'index.html'))).ino;
    await runCorpus(corpus, { out, workers: 0 });
    expect((await stat(join(out, 'report', 'index.html'))).ino).toBe(again);
  }, 60_000);
});

describe('commit', () => {
  test('run-corpus leaves the previous dataset and report intact when a run fails midway', async () => {
    await articles(5);
    await runCorpus(corpus, { out, workers: 0 });
    const before = await dataset();
    await writeFile(join(corpus, 'f0', 'new.txt'), '"Something new," Anna Schmidt said.');
    const failing = runCorpus(corpus, {
      out,
      workers: 1,
      force: true,
      onProgress: ({ done }) => {
        if (done === 3) throw new Error('disk full');
      },
    });
    const report = await treeHash(join(out, 'report'));
    await expect(failing).rejects.toThrow('disk full');
    expect(await dataset()).toEqual(before);
    expect(await treeHash(join(out, 'report'))).toBe(report);
    expect((await readdir(out)).filter((f) => f.startsWith('.tmp') || f.startsWith('.report'))).toEqual([]);
  }, 60_000);

  test('run-corpus leaves the previous dataset and report intact when the speaker pages\' process fails at the end', async () => {
    await articles(5);
    await runCorpus(corpus, { out, workers: 0 });
    const before = await dataset();
    const report = await treeHash(join(out, 'report'));
    // a file where the thread makes the speakers' folder: the failure comes after the last document
    let blocked = false;
    const failing = runCorpus(corpus, {
      out,
      workers: 1,
      force: true,
      onProgress: () => {
        if (blocked) return;
        blocked = true;
        void writeFile(join(out, `.report.tmp-${process.pid}`, 'speakers'), 'in the way');
      },
    });
    await expect(failing).rejects.toThrow(/(EEXIST|ENOTDIR).*speakers/);
    expect(blocked).toBe(true);
    expect(await dataset()).toEqual(before);
    expect(await treeHash(join(out, 'report'))).toBe(report);
    expect((await readdir(out)).filter((f) => f.startsWith('.tmp') || f.startsWith('.report'))).toEqual([]);
  }, 60_000);

  test.runIf(process.platform === 'linux')('the speaker pages\' process runs at a lower priority, every thread of it, and leaves when stopped', async () => {
    // a thread's nice value: the 19th field of its stat, the 17th after the command's closing parenthesis
    const nice = (stat: string) => Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
    const before = nice(await readFile('/proc/self/stat', 'utf8'));
    const folder = await mkdtemp(join(tmpdir(), 'quotes-speaker-pages-'));
    const pages = new SpeakerPagesProcess(folder);
    try {
      const pid = pages.pid!;
      // its threads (V8's helpers among them) once it has loaded
      let threads: string[] = [];
      for (let tries = 0; tries < 100 && threads.length < 4; tries++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        threads = await readdir(`/proc/${pid}/task`);
      }
      expect(threads.length).toBeGreaterThanOrEqual(4);
      for (const thread of threads) expect(nice(await readFile(`/proc/${pid}/task/${thread}/stat`, 'utf8'))).toBe(Math.max(before, SPEAKER_PAGES_NICE));
      expect(nice(await readFile('/proc/self/stat', 'utf8'))).toBe(before);
    } finally {
      await pages.stop();
    }
    // stopped before it was given its task: gone, not left behind, nor its script
    await expect(readdir(`/proc/${pages.pid}/task`)).rejects.toThrow('ENOENT');
    expect(await readdir(folder)).toEqual([]);
    await rm(folder, { recursive: true });
  }, 30_000);
});

describe('input formats', () => {
  test('run-corpus reads a JSONL corpus from stdin', async () => {
    const stdin = Readable.from(['{"id": "k1", "text": "\\"We will wait,\\" Dmitry Peskov said on Monday."}\n', '{"text": "Nothing was said."}\n']);
    const summary = await runCorpus('-', { out, workers: 0, stdin });
    expect(summary).toMatchObject({ documents: 2, errors: 0 });
    const docs = jsonl<DocumentRecord>((await dataset())['documents.jsonl']!);
    expect(docs.map((d) => d.id)).toEqual(['stdin#k1', 'stdin#2']);
  }, 60_000);

  test('run-corpus offsets of an HTML page point into the extracted text documents.jsonl carries', async () => {
    await writeFile(
      join(corpus, 'page.html'),
      `<html><head><title>Talks stall</title></head><body><nav>Home | World | Sport</nav><article>
      <p>MOSCOW, July 10 (Reuters) - Talks between Moscow and Washington stalled on Monday.</p>
      <p>"We will wait for an answer from Washington," <b>Kremlin spokesman Dmitry Peskov</b> said on Monday.</p>
      <p>Peskov told reporters that the talks would resume in Geneva next week, after a pause of several months in the negotiations.</p>
      </article></body></html>`,
    );
    await runCorpus(corpus, { out, workers: 1 });
    const [doc] = jsonl<DocumentRecord & { text: string }>((await dataset())['documents.jsonl']!);
    const quotes = jsonl<QuoteRecord>((await dataset())['quotes.jsonl']!);
    expect(quotes.length).toBeGreaterThanOrEqual(2);
    for (const q of quotes) expect(collapseWhitespace(doc!.text.slice(q.start, q.end))).toBe(q.text);
    expect(quotes[0]!.text).toBe('We will wait for an answer from Washington,');
    const [read] = await (async () => { const xs = []; for await (const x of readCorpus(corpus, { maxBytes: 5_000_000 })) xs.push(x); return xs; })();
    expect(read).toEqual({ id: 'page.html', text: doc!.text, format: 'html' });
  }, 60_000);
});

describe('errors.jsonl', () => {
  test('run-corpus records every bad file, processes the rest, and counts failures', async () => {
    await articles(2);
    await writeFile(join(corpus, 'empty.txt'), '');
    await writeFile(join(corpus, 'bin.txt'), Uint8Array.from([1, 2, 0, 4]));
    await writeFile(join(corpus, 'c.jsonl'), '{"text": "Fine, Peskov said."}\n{oops\n');
    const summary = await runCorpus(corpus, { out, workers: 0 });
    expect(summary).toMatchObject({ documents: 6, errors: 3, warnings: 0 });
    expect((await errorRecords()).map((e) => [e.doc, e.error])).toEqual([['bin.txt', 'binary'], ['c.jsonl#2', 'malformed-jsonl'], ['empty.txt', 'empty']]);
  }, 60_000);

  test('run-corpus warns about 20,000 unpaired quotation marks and keeps the document', async () => {
    await writeFile(join(corpus, 'marks.txt'), 'He said "word '.repeat(20_000));
    const summary = await runCorpus(corpus, { out, workers: 0 });
    expect(summary).toMatchObject({ documents: 1, errors: 0, warnings: 2 });
    expect(await errorRecords()).toEqual([
      { doc: 'marks.txt', error: 'unpaired-quotes', message: '20000 unpaired quotation marks', action: 'processed' },
      { doc: 'marks.txt', error: 'long-line', message: 'a line of 280000 characters without a break: read as one paragraph', action: 'processed' },
    ]);
  }, 60_000);

  test('run-corpus warns about a 1 MB single-line document and keeps it', async () => {
    await writeFile(join(corpus, 'line.txt'), 'the long line goes on and on '.repeat(34_500).slice(0, 1_000_000));
    const summary = await runCorpus(corpus, { out, workers: 0 });
    expect(summary).toMatchObject({ documents: 1, errors: 0, warnings: 1 });
    expect(await errorRecords()).toEqual([
      { doc: 'line.txt', error: 'long-line', message: 'a line of 1000000 characters without a break: read as one paragraph', action: 'processed' },
    ]);
    expect((await stat(join(out, 'documents.jsonl'))).size).toBeGreaterThan(0);
  }, 60_000);
});

describe('command line', () => {
  const quotes = (args: string[], input?: string) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', input });

  test('quotes run exits 1 when a document failed, through bin/quotes.js and a worker thread', async () => {
    await writeFile(join(corpus, 'ok.txt'), '"We will wait," Dmitry Peskov said on Monday.');
    await writeFile(join(corpus, 'empty.txt'), '');
    const r = quotes(['run', corpus, '--out', out, '--workers', '1']);
    expect(r.stderr).toMatch(/2 documents \(0 from the cache\), 1 quotes, 1 errors, 0 warnings in/);
    expect(r.status).toBe(1);
    expect(jsonl<DocumentRecord>((await dataset())['documents.jsonl']!).map((d) => d.quotes)).toEqual([1]);
  }, 60_000);

  test('quotes run - reads stdin and exits 0 when every document was read, printing nothing with --quiet', async () => {
    const r = quotes(['run', '-', '--out', out, '--workers', '0', '--quiet'], '{"id": 1, "text": "\\"Yes,\\" she said."}\n');
    expect([r.status, r.stderr]).toEqual([0, '']);
    expect(jsonl<DocumentRecord>((await dataset())['documents.jsonl']!).map((d) => d.id)).toEqual(['stdin#1']);
  }, 60_000);

  test('quotes run writes the report, and --no-report writes none and removes the one it would contradict', async () => {
    await writeFile(join(corpus, 'ok.txt'), '"We will wait," Dmitry Peskov said on Monday.');
    const r = quotes(['run', corpus, '--out', out, '--workers', '1']);
    expect([r.status, r.stderr]).toEqual([0, expect.stringContaining(`→ ${out}/, report ${out}/report/index.html`)]);
    const report = await readdir(join(out, 'report'), { recursive: true });
    expect(report).toEqual(expect.arrayContaining(['index.html', 'report.css', 'report.js', 'documents/page-1.html', 'speakers/page-1.html']));
    expect(report.filter((f) => /^documents\/[0-9a-f]{2}\/\d+\.html$/.test(f))).toEqual([documentPagePath(0)]);
    expect(await readFile(join(out, 'report', documentPagePath(0)), 'utf8')).toContain(`<article class="document" id="${documentAnchor('ok.txt')}">`);

    await writeFile(join(corpus, 'ok.txt'), '"We will not wait," Dmitry Peskov said on Tuesday.');
    const without = quotes(['run', corpus, '--out', out, '--workers', '1', '--no-report']);
    expect([without.status, without.stderr]).toEqual([0, expect.not.stringContaining('report')]);
    expect(await readdir(out)).not.toContain('report');
    expect(jsonl<QuoteRecord>((await dataset())['quotes.jsonl']!).map((q) => q.text)).toEqual(['We will not wait,']);
  }, 60_000);

  test('run-corpus with report: false writes the same dataset, and a cached rerun still writes every page', async () => {
    await articles(4);
    await runCorpus(corpus, { out: join(dir, 'plain'), workers: 1, report: false });
    expect(await readdir(join(dir, 'plain'))).not.toContain('report');
    // the entries of a run without a report have no pages: reprocessed, once
    await cp(join(dir, 'plain', '.cache'), join(out, '.cache'), { recursive: true });
    const first = await runCorpus(corpus, { out, workers: 1 });
    expect(first.cached).toBe(0);
    expect(await dataset()).toEqual(await dataset(join(dir, 'plain')));
    const report = await readdir(join(out, 'report'), { recursive: true });
    await rm(join(out, 'report'), { recursive: true });
    // the cache keeps each document's section of its page: with the last report gone, every document is still taken from it
    const again = await runCorpus(corpus, { out, workers: 1 });
    expect(again.cached).toBe(4);
    expect(await readdir(join(out, 'report'), { recursive: true })).toEqual(report);
    const page = await readFile(join(out, 'report', documentPagePath(0)), 'utf8');
    for (const id of jsonl<DocumentRecord>((await dataset())['documents.jsonl']!).map((d) => d.id)) expect(page).toContain(`<article class="document" id="${documentAnchor(id)}">`);
  }, 60_000);

  test.each([
    [['run', '.', '--workers', 'many'], 'quotes: Expected `--workers` to be an integer from 0 and up, got `many`'],
    [['run', '.', '--max-bytes', '0'], 'quotes: Expected `--max-bytes` to be an integer from 1 and up, got `0`'],
    [['run', '/no/such/folder'], 'quotes: no such corpus `/no/such/folder`'],
  ])('quotes %j exits 2 with a usage message', (args, message) => {
    const r = quotes(args);
    expect(r.status).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe(message);
  });
});

describe('treeDigest: a folder\'s files, in any order', () => {
  const A = 'a'.repeat(64);
  const B = 'b'.repeat(64);
  test.each<[string, [string, string][], boolean]>([
    ['the same files in another order', [['y.html', B], ['x.html', A]], true],
    ['a file changed', [['x.html', A], ['y.html', A]], false],
    ['a file moved', [['x.html', A], ['z.html', B]], false],
    ['a file missing', [['x.html', A]], false],
    ['a file more', [['x.html', A], ['y.html', B], ['z.html', B]], false],
  ])('%s', (_, files, same) => {
    expect(treeDigest(files) === treeDigest([['x.html', A], ['y.html', B]])).toBe(same);
  });

  test('treeHash walks nested folders: each file by its path with `/`, no folder or link counted', async () => {
    const sha = (text: string) => createHash('sha256').update(text).digest('hex');
    const root = join(dir, 'tree');
    await mkdir(join(root, 'documents', '0a', 'deep'), { recursive: true });
    await mkdir(join(root, 'empty'));
    await writeFile(join(root, 'index.html'), 'i');
    await writeFile(join(root, 'documents', '0a', 'd.html'), 'd');
    await writeFile(join(root, 'documents', '0a', 'deep', 'e.html'), 'e');
    await symlink(join(root, 'index.html'), join(root, 'link.html'));
    expect(treeHash(root)).toBe(treeDigest([['index.html', sha('i')], ['documents/0a/d.html', sha('d')], ['documents/0a/deep/e.html', sha('e')]]));
    expect(treeHash(join(dir, 'no-such-folder'))).toBeNull();
  });
});

