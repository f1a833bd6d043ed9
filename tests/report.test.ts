// The HTML report: marking overlapping spans, escaping, paging at scale, the error view, and the seeds' report, written by a run, opened in headless Chromium.

import { createHash } from 'node:crypto';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { collapseWhitespace } from '../pipeline/document.ts';
import { evaluate, readJsonl, type GoldDoc } from '../pipeline/evaluate.ts';
import type { DocumentRecord, QuoteRecord } from '../pipeline/records.ts';
import { runCorpus } from '../pipeline/run-corpus.ts';
import { CSP, documentPath, escapeHtml, speakerPageCount, speakerPath, markUp, renderDocument, ReportWriter, writeErrorReport, type Mark } from '../pipeline/report/index.ts';
import { inTextOrder } from '../pipeline/report/render-document.ts';
import { pager } from '../pipeline/report/html.ts';
import { dayOf, documentCounts } from '../pipeline/report/overview.ts';
import { documentRowHalves } from '../pipeline/report/lists.ts';
import { documentParts } from '../pipeline/report/document-parts.ts';
import { joinPieces } from '../pipeline/pieces.ts';
import { encodeSpeakerItems, fileSpeakerItems, SpeakerPages, speakerEntry, stopFiling } from '../pipeline/report/speaker-pages.ts';
import { work } from '../pipeline/worker.ts';
import { decodeEntry, encodeEntry, entryBeforePage } from '../pipeline/cache.ts';
import type { SerializedResult } from '../pipeline/process-document.ts';
import { documentAnchor, documentLink, documentPagePath, DOCUMENTS_PER_PAGE, PAGE_CHARS, PER_PAGE, remembered, speakerAnchor, speakerBucketOf, speakerPageOf, speakerQuotesPath } from '../pipeline/report/paths.ts';
import { groupOfId } from '../pipeline/speakers.ts';

const SEEDS = join(import.meta.dirname, '..', 'seeds');
const SCREENSHOTS = join(import.meta.dirname, 'screenshots');
const CHROMIUM = '/usr/bin/chromium';

/** Every quote mark a browser (or the checks below) can read; the injected file must show it as text. */
const INJECTED = `Minister warns about hostile markup in news pages

July 12, 2017

Home | World | Politics | Contact

The foreign minister spoke to reporters on Tuesday about web security.

"<script>window.__pwned=1</script> is just text, and <img src=x onerror=window.__pwned=2> cannot run here," the minister said.

Smith told reporters that <b>bold claims</b> & other <i>tags</i> would be shown as written.
`;

async function filesOf(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(relative(dir, path), createHash('sha256').update(await readFile(path)).digest('hex'));
  }
  return files;
}

/** A document section's data for report.js (`pageData`): the text's length, its blocks, its speakers, its strings, and fourteen numbers a quote. */
interface PageData {
  n: number;
  b: unknown[][];
  s: [name: string, link: string | null][];
  t: string[];
  q: number[];
}

function pageData(html: string): PageData {
  const json = /<script type="application\/json" class="page-data">([^<]*)<\/script>/.exec(html);
  if (json === null) throw new Error('no page data');
  return JSON.parse(json[1]!) as PageData;
}

/** The section of a document page with element id `anchor` (`documentAnchor`); its text is escaped, so its first `</article>` ends it. */
function sectionOf(html: string, anchor: string): string {
  const start = html.indexOf(`<article class="document" id="${anchor}">`);
  if (start === -1) throw new Error(`no section ${anchor}`);
  return html.slice(start, html.indexOf('</article>', start) + '</article>'.length);
}

/** A section's quotes, read from its data as the test expects report.js to: the strings looked up. */
function pageQuotes(data: PageData) {
  const quotes = [];
  for (let i = 0; i < data.q.length; i += 14) {
    const v = data.q.slice(i, i + 14);
    const string = (k: number) => (v[k]! < 0 ? null : data.t[v[k]!]!);
    quotes.push({ start: v[0], end: v[1], type: string(2), cue: [v[3], v[4]], who: [v[5], v[6]], speaker: v[7]! < 0 ? null : data.s[v[7]!]!, title: string(8), lemma: string(9), sieve: string(10), confidence: string(11), cueWords: string(12), mention: string(13) });
  }
  return quotes;
}

const mark = (start: number, end: number, name: string, rank = 1): Mark => ({
  start,
  end,
  rank,
  open: (n) => `<${name}${n > 0 ? ` n="${n}"` : ''}>`,
  close: `</${name}>`,
});

describe('markUp', () => {
  test.each([
    ['no marks: the text, escaped', 'a<b>&c', [], 'a&lt;b&gt;&amp;c'],
    ['one mark', 'say hello now', [mark(4, 9, 'q')], 'say <q>hello</q> now'],
    ['nested: the longer outside', 'abcdef', [mark(2, 4, 'i'), mark(0, 6, 'o')], '<o>ab<i>cd</i>ef</o>'],
    ['same span: the lower rank outside', 'abc', [mark(0, 3, 'i', 2), mark(0, 3, 'o', 0)], '<o><i>abc</i></o>'],
    ['crossing: the inner one is split, later fragments numbered', 'abcdef', [mark(0, 4, 'a'), mark(2, 6, 'b')], '<a>ab<b>cd</b></a><b n="1">ef</b>'],
    ['empty and out-of-range spans are dropped or clipped', 'abc', [mark(1, 1, 'e'), mark(2, 9, 'x')], 'ab<x>c</x>'],
    ['a mark ending where the next begins', 'abcd', [mark(0, 2, 'a'), mark(2, 4, 'b')], '<a>ab</a><b>cd</b>'],
  ])('%s', (_, text, marks, html) => {
    expect(markUp(text, marks)).toBe(html);
  });

  test('the marks removed, the text is what was given', () => {
    const text = 'He said: "<script>x</script>" & left.';
    const html = markUp(text, [mark(9, 29, 'q'), mark(3, 7, 'c'), mark(0, 12, 'd', 0)]);
    const plain = html.replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
    expect(plain).toBe(text);
  });
});

describe('inTextOrder', () => {
  const q = (start: number, end: number) => ({ start, end }) as QuoteRecord;
  test.each([
    ['in order already', [q(0, 5), q(3, 9), q(3, 12), q(20, 25)], [[0, 5], [3, 9], [3, 12], [20, 25]]],
    ['by start', [q(20, 25), q(0, 5), q(3, 9)], [[0, 5], [3, 9], [20, 25]]],
    ['by end where they start together', [q(0, 5), q(3, 12), q(3, 9)], [[0, 5], [3, 9], [3, 12]]],
    ['a span given twice kept twice', [q(3, 9), q(0, 5), q(3, 9)], [[0, 5], [3, 9], [3, 9]]],
    ['none', [], []],
  ])('%s', (_, quotes, expected) => {
    const before = quotes.map((x) => [x.start, x.end]);
    expect(inTextOrder(quotes).map((x) => [x.start, x.end])).toEqual(expected);
    // the records given are not reordered
    expect(quotes.map((x) => [x.start, x.end])).toEqual(before);
  });
});

describe('html helpers', () => {
  test('escapeHtml escapes the five characters markup and attributes need', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });

  test.each([
    ['9 Jul, 2017 12:03', '2017-07-09'],
    ['13:11 GMT, Jul 19, 2017', '2017-07-19'],
    ['Published time: 2017-07-19', '2017-07-19'],
    ['September 3, 2016', '2016-09-03'],
    ['July 10, 15:13 UTC+3 MOSCOW', null],
    ['yesterday', null],
  ])('dayOf(%j) is %j', (dateline, day) => {
    expect(dayOf(dateline)).toBe(day);
  });

  test('document paths are unique where ids read alike, and sharded', () => {
    expect(documentPath('a/b.txt')).not.toBe(documentPath('a_b.txt'));
    expect(documentPath('a/b.txt')).toMatch(/^documents\/[0-9a-f]{2}\/a_b\.txt-[0-9a-f]{8}\.html$/);
    expect(documentAnchor('a/b.txt')).not.toBe(documentAnchor('a_b.txt'));
  });

  test.each([
    [0, 'documents/00/0.html'],
    [1, 'documents/00/1.html'],
    [255, 'documents/00/255.html'],
    [256, 'documents/01/256.html'],
    [4352, 'documents/11/4352.html'],
  ])("a run's document page %i is %s, a document on it at its own anchor", (n, path) => {
    expect(documentPagePath(n)).toBe(path);
    expect(documentLink(n, 'a.txt')).toBe(`${path}#${documentAnchor('a.txt')}`);
    expect(documentAnchor('a.txt')).toMatch(/^d-[0-9a-f]{10}$/);
  });

  test('remembered computes a value once a key, and starts again past 10,000 keys', () => {
    let calls = 0;
    const double = remembered((n: number) => String(n), (n: number) => {
      calls++;
      return 2 * n;
    });
    expect([double(1), double(1), double(2)]).toEqual([2, 2, 4]);
    expect(calls).toBe(2);
    for (let n = 3; n <= 10_001; n++) double(n);
    calls = 0;
    expect(double(10_001)).toBe(20_002);
    expect(calls).toBe(0);
    expect(double(1)).toBe(2);
    expect(calls).toBe(1);
  });

  test('the pager shows a window of pages, whatever the total', () => {
    const html = pager(250, 500, (n) => `page-${n}.html`);
    expect(html.match(/href=/g)?.length).toBe(10); // previous, 1, 247–249, 251–253, 500, next
    expect(html).toContain('<span aria-current="page">250</span>');
  });
});

describe('the report of a run', () => {
  let root: string;
  let out: string;
  let quotes: QuoteRecord[];
  /** The documents, in documents.jsonl's order: a document's place in it gives its page. */
  let ids: string[];
  /** Where the report has document `id`: its page (the seeds' three documents are on the first), and its section's element id. */
  const placeOf = (id: string) => {
    const [path, anchor] = documentLink(0, id).split('#');
    return { path: path!, anchor: anchor! };
  };
  /** Document `id`'s section of its page. */
  const sectionHtml = async (id: string) => {
    const { path, anchor } = placeOf(id);
    return sectionOf(await readFile(join(out, 'report', path), 'utf8'), anchor);
  };

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'quotes-report-'));
    const corpus = join(root, 'corpus');
    out = join(root, 'out');
    await mkdir(corpus);
    for (const name of await readdir(SEEDS)) await copyFile(join(SEEDS, name), join(corpus, name));
    await writeFile(join(corpus, 'zz-injected.txt'), INJECTED);
    await runCorpus(corpus, { out });
    quotes = readJsonl<QuoteRecord>(await readFile(join(out, 'quotes.jsonl'), 'utf8'), 'quotes.jsonl');
    ids = readJsonl<DocumentRecord>(await readFile(join(out, 'documents.jsonl'), 'utf8'), 'documents.jsonl').map((d) => d.id);
  }, 60_000);

  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  test('writes the overview, the lists, the documents\' pages, every speaker\'s section, and no temporary folder', async () => {
    const files = [...(await filesOf(join(out, 'report'))).keys()];
    expect(files).toEqual(expect.arrayContaining(['index.html', 'report.css', 'report.js', 'documents/page-1.html', 'speakers/page-1.html']));
    expect(ids).toEqual(['000_c8f24c99b0f70113.txt', '003_70de0a7f1221091c.txt', 'zz-injected.txt']);
    // three documents: one page, with a section each, in corpus order
    expect(files.filter((f) => /^documents\/[0-9a-f]{2}\/\d+\.html$/.test(f))).toEqual([documentPagePath(0)]);
    const page = await readFile(join(out, 'report', documentPagePath(0)), 'utf8');
    expect([...page.matchAll(/<article class="document" id="([^"]+)">/g)].map((m) => m[1])).toEqual(ids.map((id) => documentAnchor(id)));
    expect(page).toContain('<h1>Documents 1–3</h1>');
    expect(page).not.toContain('rel="next"');
    expect(page).not.toContain('rel="prev"');
    // the documents list links to each document's section
    const list = await readFile(join(out, 'report', 'documents', 'page-1.html'), 'utf8');
    for (const id of ids) expect(list).toContain(`<a href="../${documentLink(0, id)}">`);
    const speakers = (await readFile(join(out, 'speakers.jsonl'), 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as { id: string });
    for (const s of speakers) {
      const [path, anchor] = speakerPath(s.id, speakerPageCount(speakers.length)).split('#');
      expect(await readFile(join(out, 'report', path!), 'utf8')).toContain(`id="${anchor}"`);
    }
    // the run may keep its own dot-folders (a cache); the report leaves none of its temporary ones
    expect((await readdir(out)).filter((f) => f.startsWith('.report'))).toEqual([]);
  });

  test('every page carries the strict CSP and loads nothing from the network', async () => {
    for (const [file] of await filesOf(join(out, 'report'))) {
      if (!file.endsWith('.html')) continue;
      const html = await readFile(join(out, 'report', file), 'utf8');
      expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${CSP}">`);
      expect(html).not.toMatch(/(?:src|href)="(?:https?:)?\/\//);
      // report.js, and on a document page each section's data, which no browser runs
      expect(html.match(/<script src="(?:\.\.\/)*report\.js" defer><\/script>/g)).toHaveLength(1);
      const sections = html.match(/<article class="document"/g)?.length ?? 0;
      expect(sections).toBe(file.startsWith('documents/') && !file.includes('page-') ? 3 : 0);
      expect(html.match(/<script\b/g)!.length).toBe(1 + sections);
      expect(html.match(/<script type="application\/json" class="page-data">/g)?.length ?? 0).toBe(sections);
    }
  });

  test('an article with markup is written as text', async () => {
    const html = await sectionHtml('zz-injected.txt');
    expect(html).not.toContain('<script>window');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;window.__pwned=1&lt;/script&gt;');
  });

  test('the same bytes when the run is forced, when documents are taken from the cache, and when the report is gone', async () => {
    const first = await filesOf(join(out, 'report'));
    await runCorpus(join(root, 'corpus'), { out, force: true });
    expect(await filesOf(join(out, 'report'))).toEqual(first);
    // a dataset file gone: no short cut, every document and its section from the cache
    await rm(join(out, 'quotes.csv'));
    const reused = await runCorpus(join(root, 'corpus'), { out });
    expect(reused.cached).toBe(reused.documents);
    expect(await filesOf(join(out, 'report'))).toEqual(first);
    // the report gone: the cache has the sections, not the last report
    await rm(join(out, 'report'), { recursive: true });
    const again = await runCorpus(join(root, 'corpus'), { out });
    expect(again.cached).toBe(again.documents);
    expect(await filesOf(join(out, 'report'))).toEqual(first);
  }, 60_000);

  test('a speaker linked from a document page has its name on the name page, leading to the speaker\'s section', async () => {
    const speakers = (await readFile(join(out, 'speakers.jsonl'), 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as { id: string });
    const pages = speakerPageCount(speakers.length);
    let links = 0;
    for (const q of quotes) {
      if (q.speaker?.id === undefined) continue;
      const hrefs = pageData(await sectionHtml(q.doc)).s.filter(([, link]) => link !== null).map(([, link]) => /^\.\.\/\.\.\/(speakers\/names\/[0-9a-f]{2}\.html)#(.+)$/.exec(link!)!);
      expect(hrefs.length).toBeGreaterThan(0);
      for (const [, path, anchor] of hrefs) {
        const names = await readFile(join(out, 'report', path!), 'utf8');
        const item = new RegExp(`<li id="${anchor}"><a href="\\.\\./\\.\\./([^"]+)" data-go>`).exec(names);
        expect(item).not.toBeNull();
        expect(speakers.map((s) => speakerPath(s.id, pages))).toContain(item![1]);
        links++;
      }
    }
    expect(links).toBeGreaterThan(0);
  });

  test('every quote of the dataset is in its document section\'s data, and the section\'s text is the document\'s', async () => {
    for (const q of quotes) {
      const data = pageData(await sectionHtml(q.doc));
      expect(pageQuotes(data).map((x) => [x.start, x.end, x.type])).toContainEqual([q.start, q.end, q.type]);
      expect(data.n).toBeGreaterThanOrEqual(q.end);
    }
  });

  test('a quote\'s table row is in its page\'s data, its words as offsets into the text, and not copied into its marks', async () => {
    const q = quotes.find((x) => x.speaker !== null && x.cue !== null)!;
    const html = await sectionHtml(q.doc);
    expect(html).not.toContain('data-tip=');
    expect(html).toContain('<thead><tr><th>Type<th>Speaker<th>Cue<th>Sieve<th class="num">Confidence</thead>');
    const rows = pageQuotes(pageData(html)).filter((x) => x.start === q.start && x.end === q.end);
    expect(rows).toHaveLength(1);
    const { type, speaker, cue, lemma, sieve, confidence, cueWords } = rows[0]!;
    expect([type, speaker![0], cue, lemma, sieve, confidence]).toEqual([q.type, q.speaker!.name, [q.cue!.start, q.cue!.end], q.cue!.lemma, q.sieve, q.confidence.toFixed(2)]);
    // the cue's words are the text's at its offsets, so the page leaves them to the text
    expect(cueWords).toBeNull();
    // the quote's text once, in the page's text: not in its data
    expect(html.split(escapeHtml(q.text)).length - 1).toBeLessThanOrEqual(1);
  });

  test('a cue or mention whose words are not the text\'s at its offsets carries them, and every string is given once', () => {
    const text = 'Peskov said: “Yes.” Peskov added: “No.”';
    const speaker = { name: 'Dmitry Peskov', mention: 'Peskov', kind: 'person', start: 0, end: 6, title: 'spokesman' };
    const quote = (start: number, end: number, cue: { text: string; lemma: string; start: number; end: number }) => ({ id: `x.txt#${start}`, doc: 'x.txt', start, end, text: text.slice(start, end), type: 'direct', cue, speaker, sieve: 'speaker-cue-quote', confidence: 0.9 });
    const quotes = [quote(13, 19, { text: 'said', lemma: 'say', start: 7, end: 11 }), quote(34, 39, { text: 'ADDED', lemma: 'add', start: 27, end: 32 })] as unknown as QuoteRecord[];
    const data = pageData(renderDocument({ record: { id: 'x.txt', title: null, date: null, outlet: null, quotes: 2, messages: [] } as unknown as DocumentRecord, text, blocks: [], quotes, speakers: [{ name: 'Dmitry Peskov', kind: 'person' }] }));
    const [first, second] = pageQuotes(data);
    expect([first!.cueWords, first!.mention, second!.cueWords, second!.mention]).toEqual([null, null, 'ADDED', null]);
    expect(data.s).toEqual([['Dmitry Peskov', expect.stringMatching(/^\.\.\/\.\.\/speakers\/names\/[0-9a-f]{2}\.html#n-/)]]);
    expect(new Set(data.t).size).toBe(data.t.length);
    expect(data.q).toHaveLength(28);
  });

  test('a document page\'s text is the document\'s, escaped, with carriage returns and NULs kept to their offsets', () => {
    const text = 'a\r\nb <i>&</i> \u0000 “c”';
    const html = renderDocument({ record: { id: 'x.txt', title: null, date: null, outlet: null, quotes: 0, messages: [] } as unknown as DocumentRecord, text, blocks: [], quotes: [], speakers: [] });
    const body = /<div class="text">([^]*?)<\/div>/.exec(html)![1]!;
    expect(body).toBe('a&#13;\nb &lt;i&gt;&amp;&lt;/i&gt; \ufffd “c”');
    expect(pageData(html).n).toBe(text.length);
  });

  describe.skipIf(!existsSync(CHROMIUM))('in headless Chromium', () => {
    let context: BrowserContext;
    let profile: string;
    const errors: string[] = [];

    beforeAll(async () => {
      const { chromium } = await import('playwright-core');
      profile = await mkdtemp(join(tmpdir(), 'quotes-chromium-'));
      context = await chromium.launchPersistentContext(profile, {
        executablePath: CHROMIUM,
        headless: true,
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
        viewport: { width: 1000, height: 800 },
      });
      context.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      context.on('weberror', (e) => errors.push(e.error().message));
    }, 60_000);

    afterAll(async () => {
      await context?.close();
      if (profile) await rm(profile, { recursive: true, force: true });
    });

    const open = async (path: string) => {
      const page = await context.newPage();
      await page.goto(pathToFileURL(join(out, 'report', path)).href);
      return page;
    };

    /** Each highlighted quote's text in the section `anchor`, fragments joined, debris (blank in the dataset) left out. */
    const highlighted = (anchor: string) => {
      const texts: Record<string, string> = {};
      const walker = document.createTreeWalker(document.getElementById(anchor)!.querySelector('.text')!, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
        const debris = node.parentElement!.closest('.debris') !== null;
        for (let q = node.parentElement!.closest('mark.q'); q !== null; q = q.parentElement?.closest('mark.q') ?? null) {
          const id = q.getAttribute('data-q') ?? q.id;
          texts[id] = (texts[id] ?? '') + (debris ? ' ' : node.textContent);
        }
      }
      return texts;
    };

    test('the highlighted spans are the dataset quotes, in every document\'s section', async () => {
      for (const id of ids) {
        const { path, anchor } = placeOf(id);
        const page = await open(path);
        const texts = await page.evaluate(highlighted, anchor);
        const expected = Object.fromEntries(quotes.filter((q) => q.doc === id).map((q) => [`${anchor}-q-${q.start}-${q.end}`, q.text]));
        expect(Object.fromEntries(Object.entries(texts).map(([q, t]) => [q, collapseWhitespace(t)]))).toEqual(expected);
        await page.close();
      }
    });

    test('a speaker page\'s link to a quote opens its document\'s page at the quote\'s mark', async () => {
      const speakerPage = join(out, 'report', 'speakers', (await readdir(join(out, 'report', 'speakers'), { recursive: true })).find((f) => /^[0-9a-f]{2}\/\d+\.html$/.test(f) && !f.startsWith('names'))!);
      const html = await readFile(speakerPage, 'utf8');
      const links = [...html.matchAll(/<a class="tag tag-\w+" href="([^"]+)">/g)].map((m) => m[1]!);
      expect(links.length).toBeGreaterThan(0);
      // the last quote of a page: the page opens scrolled down to it
      const href = links.at(-1)!;
      const page = await context.newPage();
      await page.setViewportSize({ width: 1000, height: 600 });
      await page.goto(new URL(href, pathToFileURL(speakerPage)).href);
      const id = decodeURIComponent(href.slice(href.indexOf('#') + 1));
      expect(id).toMatch(/^d-[0-9a-f]{10}-q-\d+-\d+/);
      const box = await page.evaluate((q) => {
        const el = document.getElementById(q);
        return el === null ? null : { tag: el.tagName, top: el.getBoundingClientRect().top };
      }, id);
      expect(box?.tag).toBe('MARK');
      expect(box!.top).toBeGreaterThanOrEqual(0);
      expect(box!.top).toBeLessThan(600);
      await page.close();
    });

    test('the quote tables report.js builds are the dataset\'s quotes, cell by cell, in every document\'s section', async () => {
      let rows = 0;
      for (const id of ids) {
        const { path, anchor } = placeOf(id);
        const page = await open(path);
        const shown = await page.evaluate((a) => Array.from(document.querySelectorAll(`#${a} .quote-table tbody tr`), (row) => [row.id, ...Array.from((row as HTMLTableRowElement).cells, (cell) => cell.textContent)]), anchor);
        const expected = inTextOrder(quotes.filter((q) => q.doc === id)).map((q) => [`l-${anchor}-q-${q.start}-${q.end}`, q.type, q.cue === null ? 'none' : `“${q.cue.text}” (${q.cue.lemma})`, q.sieve, q.confidence.toFixed(2)]);
        expect(shown.map(([id, type, , cue, sieve, confidence]) => [id, type, cue, sieve, confidence])).toEqual(expected);
        expect(shown.map((row) => row[2] === 'unknown speaker')).toEqual(inTextOrder(quotes.filter((q) => q.doc === id)).map((q) => q.speaker === null));
        rows += shown.length;
        await page.close();
      }
      expect(rows).toBe(quotes.length);
    });

    test('the injected script does not run and shows as text', async () => {
      const { path, anchor } = placeOf('zz-injected.txt');
      const page = await open(path);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
      expect(await page.locator(`#${anchor} .text`).innerText()).toContain('<script>window.__pwned=1</script> is just text, and <img src=x onerror=window.__pwned=2>');
      expect(await page.locator('.text script, .text img, .text b').count()).toBe(0);
      await page.close();
    });

    test('Tab and j/k step through quotes, and the focused one shows speaker, cue, sieve and confidence', async () => {
      // the first document of the page: its first quote is the page's first
      const { path, anchor } = placeOf(ids[0]!);
      const page = await open(path);
      const ofDocument = inTextOrder(quotes.filter((q) => q.doc === ids[0]));
      const first = ofDocument[0]!;
      // the links of the top bar and the pages' come first
      for (let i = 0; i < 10 && (await page.evaluate(() => document.activeElement?.tagName)) !== 'MARK'; i++) await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe(`${anchor}-q-${first.start}-${first.end}`);
      const tip = page.locator('#tip');
      await expect.poll(() => tip.isVisible()).toBe(true);
      const shown = await tip.innerText();
      for (const part of [first.speaker?.name ?? 'unknown', first.sieve, first.confidence.toFixed(2), 'Cue']) expect(shown).toContain(part);
      await page.keyboard.press('j');
      const second = ofDocument[1]!;
      expect(await page.evaluate(() => document.activeElement?.id)).toBe(`${anchor}-q-${second.start}-${second.end}`);
      await page.keyboard.press('k');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe(`${anchor}-q-${first.start}-${first.end}`);
      // the screenshot: the page's top, with the first quote focused and its tooltip shown
      await page.setViewportSize({ width: 1000, height: 1500 });
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.evaluate(() => (document.querySelector('mark.q[tabindex="0"]') as HTMLElement).focus({ preventScroll: true }));
      await mkdir(SCREENSHOTS, { recursive: true });
      await page.screenshot({ path: join(SCREENSHOTS, 'document.png') });
      await page.close();
    });

    test('the overview shows the charts; pages fit a phone without sideways scrolling', async () => {
      const page = await open('index.html');
      expect(await page.locator('table.chart').count()).toBe(4);
      expect(await page.locator('svg.bar').count()).toBeGreaterThan(3);
      await page.screenshot({ path: join(SCREENSHOTS, 'overview.png'), fullPage: true });
      await page.setViewportSize({ width: 375, height: 700 });
      for (const path of ['index.html', documentPagePath(0), 'documents/page-1.html', 'speakers/page-1.html']) {
        await page.goto(pathToFileURL(join(out, 'report', path)).href);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      }
      await page.close();
    });

    test('a speaker in a document\'s quote table opens the speaker\'s section, through its name page', async () => {
      const q = quotes.find((x) => x.doc === '003_70de0a7f1221091c.txt' && x.speaker?.id !== undefined)!;
      const speakers = (await readFile(join(out, 'speakers.jsonl'), 'utf8')).trim().split('\n').length;
      const place = placeOf(q.doc);
      const page = await open(place.path);
      await page.locator(`#${place.anchor} table.quote-table a[href*="speakers/names/"]`).first().click();
      await page.waitForURL(/\/speakers\/[0-9a-f]{2}\/\d+\.html#s-/);
      const [path, anchor] = speakerPath(q.speaker!.id!, speakerPageCount(speakers)).split('#');
      expect(page.url()).toBe(`${pathToFileURL(join(out, 'report', path!)).href}#${anchor}`);
      await page.close();
    });

    test('nothing was blocked or failed: no console errors, no CSP violations', () => {
      expect(errors).toEqual([]);
    });
  });
});

describe('the report at scale', () => {
  test(`puts ${DOCUMENTS_PER_PAGE} documents' sections on a page, in the order given, each page linked to the next`, async () => {
    const out = await mkdtemp(join(tmpdir(), 'quotes-report-documents-'));
    try {
      const n = 2 * DOCUMENTS_PER_PAGE + 5;
      const ids = Array.from({ length: n }, (_, i) => `doc-${i}.txt`);
      const report = await ReportWriter.create(out);
      for (const [seq, id] of ids.entries()) await report.addDocument(seq, id, `<article class="document" id="${documentAnchor(id)}">${id}</article>`, '');
      await report.end(() => undefined, n, 0, 0);
      await report.commit();
      const pages = (await readdir(join(out, 'report', 'documents'), { recursive: true })).filter((f) => f.endsWith('.html')).sort();
      expect(pages).toEqual([0, 1, 2].map((k) => documentPagePath(k).replace(/^documents\//, '')));
      const read = (k: number) => readFile(join(out, 'report', documentPagePath(k)), 'utf8');
      const sections = (html: string) => [...html.matchAll(/<article class="document" id="[^"]+">([^<]+)<\/article>/g)].map((m) => m[1]);
      for (const k of [0, 1, 2]) expect(sections(await read(k))).toEqual(ids.slice(k * DOCUMENTS_PER_PAGE, (k + 1) * DOCUMENTS_PER_PAGE));
      const [first, middle, last] = [await read(0), await read(1), await read(2)];
      expect(first).not.toContain('rel="prev"');
      expect(first).toContain(`<a href="../../${documentPagePath(1)}" rel="next">`);
      expect(middle).toContain(`<a href="../../${documentPagePath(0)}" rel="prev">`);
      expect(middle).toContain(`<h1>Documents ${DOCUMENTS_PER_PAGE + 1}–${2 * DOCUMENTS_PER_PAGE}</h1>`);
      expect(middle).toContain('<a href="../../documents/page-1.html">list of documents, page 1</a>');
      expect(last).toContain(`<h1>Documents ${2 * DOCUMENTS_PER_PAGE + 1}–${n}</h1>`);
      expect(last).not.toContain('rel="next"');
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });

  test(`lists documents given with their parts as they stream past, ${PER_PAGE} a page, as the same pages fed at the end would`, async () => {
    const n = 2 * PER_PAGE + 3;
    const ids = Array.from({ length: n }, (_, i) => `doc-${String(i).padStart(3, '0')}.txt`);
    // a title with a newline and non-ASCII: the rows wait in a file between the pages, read back by their UTF-8 bytes
    const record = (id: string, i: number): DocumentRecord => ({ id, title: i % 7 === 0 ? `Réunion «${i}»\n<b>${id}</b>` : null, date: '2024-07-0' + (1 + (i % 9)), outlet: i % 2 ? 'TASS' : null, quotes: i % 3, messages: [], chars: 5 });
    const lists = async (streamed: boolean) => {
      const out = await mkdtemp(join(tmpdir(), 'quotes-report-rows-'));
      try {
        const report = await ReportWriter.create(out);
        for (const [i, id] of ids.entries()) {
          const section = `<article class="document" id="${documentAnchor(id)}">${id}</article>`;
          await report.addDocument(i, id, section, '', streamed ? documentParts(record(id, i), []) : undefined);
        }
        const end = await report.end(() => undefined, n, 0, 0);
        await end.start([], []);
        if (!streamed) for (const [i, id] of ids.entries()) await end.document(id, documentRowHalves(record(id, i)), documentCounts(record(id, i), []));
        await end.finish();
        await report.commit();
        expect(await readdir(join(out, 'report'))).toEqual(['documents', 'index.html', 'report.css', 'report.js', 'speakers']);
        const pages = (await readdir(join(out, 'report', 'documents'))).filter((f) => f.startsWith('page-')).sort();
        return [pages, await Promise.all(pages.map((p) => readFile(join(out, 'report', 'documents', p), 'utf8'))), await readFile(join(out, 'report', 'index.html'), 'utf8')] as const;
      } finally {
        await rm(out, { recursive: true, force: true });
      }
    };
    const [pages, html, overview] = await lists(true);
    expect(pages).toEqual(['page-1.html', 'page-2.html', 'page-3.html']);
    for (const [k, page] of html.entries()) {
      const first = k * PER_PAGE;
      const rows = ids.slice(first, first + PER_PAGE);
      expect(page).toContain(`${first + 1}–${first + rows.length} of ${n}, by file name.`);
      // each row, in order, links to its document's section on its page
      const links = [...page.matchAll(/<tr><td><a href="\.\.\/([^"]+)">/g)].map((m) => m[1]);
      expect(links).toEqual(rows.map((id, i) => documentLink(Math.floor((first + i) / DOCUMENTS_PER_PAGE), id)));
    }
    expect(html[0]).toContain(escapeHtml('Réunion «0»\n<b>doc-000.txt</b>'));
    expect(await lists(false)).toEqual([pages, html, overview]);
  });

  test(`puts fewer documents on a page whose sections would pass ${PAGE_CHARS} characters, a longer one alone, and the list links each to its page`, async () => {
    const out = await mkdtemp(join(tmpdir(), 'quotes-report-long-'));
    try {
      // characters of each document's section: pages [0, 1], [2], [3, 4, 5], [6] — a page takes the next section unless it would pass PAGE_CHARS
      const sizes = [0.4, 0.4, 1.5, 0.3, 0.3, 0.3, 0.3].map((x) => Math.round(x * PAGE_CHARS));
      sizes[6] = PAGE_CHARS; // alone: with any other it passes
      const ids = sizes.map((_, i) => `long-${i}.txt`);
      const expected = [[0, 1], [2], [3, 4, 5], [6]];
      const record = (id: string): DocumentRecord => ({ id, title: null, date: null, outlet: null, quotes: 0, messages: [], chars: 5 });
      const report = await ReportWriter.create(out);
      for (const [i, id] of ids.entries()) {
        const open = `<article class="document" id="${documentAnchor(id)}">`;
        await report.addDocument(i, id, open + 'x'.repeat(sizes[i]! - open.length - '</article>'.length) + '</article>', '');
      }
      const end = await report.end(() => undefined, ids.length, 0, 0);
      await end.start([], []);
      for (const id of ids) await end.document(id, documentRowHalves(record(id)), documentCounts(record(id), []));
      await end.finish();
      await report.commit();
      const pages = (await readdir(join(out, 'report', 'documents'), { recursive: true })).filter((f) => /^[0-9a-f]{2}\/\d+\.html$/.test(f));
      expect(pages.sort()).toEqual(expected.map((_, k) => documentPagePath(k).replace(/^documents\//, '')).sort());
      const list = await readFile(join(out, 'report', 'documents', 'page-1.html'), 'utf8');
      for (const [k, members] of expected.entries()) {
        const html = await readFile(join(out, 'report', documentPagePath(k)), 'utf8');
        expect([...html.matchAll(/<article class="document" id="([^"]+)">/g)].map((m) => m[1])).toEqual(members.map((i) => documentAnchor(ids[i]!)));
        expect(html).toContain(`<h1>Documents ${members[0]! + 1}–${members.at(-1)! + 1}</h1>`);
        if (k > 0) expect(html).toContain(`rel="prev">‹ documents ${expected[k - 1]![0]! + 1}–${members[0]}</a>`);
        for (const i of members) expect(list).toContain(`<a href="../${documentLink(k, ids[i]!)}">`);
      }
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });

  test('lists documents a page of 200 at a time, and the overview stays small', async () => {
    const out = await mkdtemp(join(tmpdir(), 'quotes-report-pages-'));
    try {
      const ids = Array.from({ length: 450 }, (_, i) => `doc-${String(i).padStart(4, '0')}.txt`);
      const record = (id: string): DocumentRecord => ({ id, title: `Title of ${id}`, date: '9 Jul, 2017', outlet: 'Wire', quotes: 0, messages: [], chars: 5 });
      await writeFile(join(out, 'documents.jsonl'), ids.map((id) => JSON.stringify(record(id)) + '\n').join(''));
      await writeFile(join(out, 'quotes.jsonl'), '');
      await writeFile(join(out, 'speakers.jsonl'), '');
      const report = await ReportWriter.create(out);
      await report.build(out, []);
      await report.commit();
      const lists = (await readdir(join(out, 'report', 'documents'))).filter((f) => f.startsWith('page-')).sort();
      expect(lists).toEqual(['page-1.html', 'page-2.html', 'page-3.html']);
      const last = await readFile(join(out, 'report', 'documents', 'page-3.html'), 'utf8');
      expect(last).toContain('401–450 of 450');
      const overview = await readFile(join(out, 'report', 'index.html'), 'utf8');
      expect(overview).not.toContain('doc-0001');
      expect(overview).toContain('2017-07-09');
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });

  test('speakers of one surname share a bucket and spread over its pages', () => {
    const pages = speakerPageCount(3200);
    expect(pages).toBe(128);
    const on = new Set(Array.from({ length: 200 }, (_, i) => speakerPageOf(`person:p${i}-schmidt`, pages)));
    expect(on.size).toBe(2);
    expect(new Set([...on].map((page) => page % 64))).toEqual(new Set([speakerBucketOf('schmidt')]));
  });

  test('speaker pages are the same whether their buckets stay in memory or go to disk', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'quotes-report-buckets-'));
    try {
      const speakers = Array.from({ length: 60 }, (_, i) => ({ id: `person:p-${i}`, name: `P ${i}`, kind: 'person' as const, aliases: [], titles: [], quotes: 60, documents: 1 }));
      const pages = async (held: number) => {
        const out = join(dir, String(held));
        await mkdir(out);
        const pagesOf = new SpeakerPages(out, held);
        const byId = new Map(speakers.map((s) => [s.id, s]));
        // seven quotes a document, the first giving its title; twenty documents a page
        for (let seq = 0; seq < 1_100 / 7; seq++) pagesOf.placeDocument(seq, Math.floor(seq / 20));
        const add = (s: (typeof speakers)[number], q: number, mention = s.name) =>
          pagesOf.addQuote(speakerBucketOf(groupOfId(s.id)), s.id, mention, { seq: Math.floor(q / 7), anchor: `d-${Math.floor(q / 7)}` }, {
            title: q % 7 === 0 ? `Doc ${Math.floor(q / 7)}` : '',
            type: 'direct',
            anchor: `q-${q}`,
            rest: `<blockquote>quote ${q} of ${escapeHtml(s.name)}</blockquote>`,
          });
        for (let q = 0; q < 60; q++) for (const s of speakers) await add(s, q, q === 5 ? 'he' : s.name);
        // one much-quoted speaker, whose own pages are written as they fill
        for (let q = 60; q < 1_100; q++) await add(speakers[7]!, q);
        // a quote of a speaker the corpus does not have has no page to go on
        pagesOf.placeDocument(200, 10);
        await pagesOf.addQuote(0, 'person:nobody', 'Nobody', { seq: 200, anchor: 'd-200' }, { title: 'Lost', type: 'direct', anchor: 'q-0', rest: 'lost' });
        for (const s of speakers) pagesOf.addSpeaker(s);
        const written: [string, string][] = [];
        await pagesOf.finish(speakerPageCount(speakers.length), (id) => byId.get(id), async (path, html) => void written.push([path, html]));
        expect(await readdir(out)).toEqual([]);
        return written;
      };
      const inMemory = await pages(64 * 1024 * 1024);
      expect(inMemory.length).toBeGreaterThan(60);
      const own = [1, 2, 3].map((k) => inMemory.find(([path]) => path === speakerQuotesPath('person:p-7', k))!);
      expect(own.every((page) => page !== undefined)).toBe(true);
      expect(inMemory.some(([path]) => path === speakerQuotesPath('person:p-7', 4))).toBe(false);
      // the first 50 in the section, the other 1,050 on the speaker's own pages: each quote once
      expect(own.map(([, html]) => html.match(/<li>/g)?.length)).toEqual([500, 500, 50]);
      expect(own[0]![1]).not.toContain('quote 49 of P 7<');
      expect(own[0]![1]).toContain('quote 50 of P 7<');
      expect(own[2]![1]).toContain('quote 1099 of P 7');
      expect(own[2]![1]).toContain('page 3 of 3');
      expect(own[0]![1]).toContain(`The first 50 are in <a href="../../${speakerPath('person:p-7', speakerPageCount(speakers.length))}">`);
      const [sectionPage] = speakerPath('person:p-7', speakerPageCount(speakers.length)).split('#');
      const shared = inMemory.find(([path]) => path === sectionPage)![1];
      expect(shared).toContain('The other 1050 quotes of P 7');
      expect(shared).toContain('quote 49 of P 7<');
      expect(shared).not.toContain('quote 50 of P 7<');
      // a speaker of 60 quotes: 10 on a page of its own
      expect(inMemory.find(([path]) => path === speakerQuotesPath('person:p-3', 1))![1].match(/<li>/g)?.length).toBe(10);
      // the words a document mentions a speaker by, when they are not its name
      expect(inMemory.some(([, html]) => html.includes(`<li><a class="tag tag-direct" href="../../${documentPagePath(0)}#d-0-q-5">direct</a> as “he”<blockquote>quote 5 of P 3</blockquote></li>`))).toBe(true);
      expect(inMemory.some(([, html]) => html.includes('#d-0-q-4">direct</a><blockquote>quote 4 of P 3</blockquote></li>'))).toBe(true);
      expect(inMemory.some(([, html]) => html.includes('lost'))).toBe(false);
      // quotes are listed by document, its title once; a page that goes on with a document heads it again
      const headings = (html: string) => [...html.matchAll(/<li class="doc"><a href="[^"]+">([^<]*)<\/a>/g)].map((m) => m[1]);
      // (the first page goes on with the section's last document, quote 50 of the seven of document 7)
      expect(headings(own[0]![1])).toEqual(Array.from({ length: 72 }, (_, i) => `Doc ${i + 7}`));
      expect(headings(own[1]![1])[0]).toBe('Doc 78');
      expect(headings(own[1]![1]).at(-1)).toBe('Doc 149');
      // each speaker's section is on the page its id names
      for (const s of speakers) {
        const [path] = speakerPath(s.id, speakerPageCount(speakers.length)).split('#');
        expect(inMemory.find(([p]) => p === path)?.[1]).toContain(`<h2 id="${speakerAnchor(s.id)}">${s.name}</h2>`);
      }
      expect(await pages(1000)).toEqual(inMemory);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test("a document's items are filed a bucket at a time, as its quotes one by one would be", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'quotes-report-items-'));
    try {
      const speakers = ['person:a-one', 'person:b-two', 'person:c-three'].map((id, i) => ({ id, name: `Speaker ${i}`, kind: 'person' as const, aliases: [], titles: [], quotes: 3, documents: 1 }));
      const byId = new Map(speakers.map((s) => [s.id, s]));
      const bucketOf = (id: string) => speakerBucketOf(groupOfId(id));
      // text order across speakers: a, b, a, c, b, c
      const quotes = [0, 1, 0, 2, 1, 2].map((k, i) => ({ id: speakers[k]!.id, q: { title: i === 0 ? 'Doc' : '', type: 'direct', anchor: `q-${i}`, rest: `<blockquote>quote ${i}</blockquote>` } }));
      const place = { seq: 0, anchor: 'd-0' };
      const pages = async (file: (pagesOf: SpeakerPages) => Promise<void>) => {
        const pagesOf = new SpeakerPages(dir);
        pagesOf.placeDocument(0, 3);
        await file(pagesOf);
        for (const s of speakers) pagesOf.addSpeaker(s);
        const written: [string, string][] = [];
        await pagesOf.finish(speakerPageCount(speakers.length), (id) => byId.get(id), async (path, html) => void written.push([path, html]));
        return written;
      };
      const oneByOne = await pages(async (p) => {
        for (const { id, q } of quotes) await p.addQuote(bucketOf(id), id, 'he', place, q);
      });
      const counts = new Map<string, number>();
      const buckets = new Map<number, string>();
      for (const { id, q } of quotes) {
        counts.set(id, (counts.get(id) ?? 0) + 1);
        buckets.set(bucketOf(id), (buckets.get(bucketOf(id)) ?? '') + speakerEntry(id, 'he', q));
      }
      const items = encodeSpeakerItems(counts, buckets);
      expect(items.startsWith('[["person:a-one",2],["person:b-two",2],["person:c-three",2]]\n')).toBe(true);
      // the document's entry is the filer's: a worker does not know its document's page
      expect(items).not.toContain('d-0');
      const filed = await pages((p) => p.addItems(items, place));
      expect(filed).toEqual(oneByOne);
      expect(filed.some(([, html]) => html.includes(`href="../../${documentPagePath(3)}#d-0-q-0"`))).toBe(true);
      // a speaker's quotes stay in text order
      const [, first] = filed.find(([, html]) => html.includes('quote 0'))!;
      expect(first.indexOf('quote 0')).toBeLessThan(first.indexOf('quote 2'));
      expect(await pages((p) => p.addItems('', place))).toEqual(await pages(async () => {}));
      // what was filed is handed on at close: nothing more is taken
      const closed = new SpeakerPages(dir);
      await closed.close();
      await expect(closed.addItems(items, place)).rejects.toThrow('quotes: report: the speaker pages take no quote once closed');
      expect(() => closed.addSpeaker(speakers[0]!)).toThrow('quotes: report: the speaker pages take no speaker once closed');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test("items the workers filed themselves make the same pages, read back in document order from every folder, once each", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'quotes-report-filed-'));
    try {
      const speakers = ['person:a-one', 'person:b-two'].map((id, i) => ({ id, name: `Speaker ${i}`, kind: 'person' as const, aliases: [], titles: [], quotes: 12, documents: 6 }));
      const byId = new Map(speakers.map((s) => [s.id, s]));
      const bucketOf = (id: string) => speakerBucketOf(groupOfId(id));
      // documents 0–5, two quotes each: one of each speaker
      const itemsOf = (seq: number) => {
        const counts = new Map<string, number>();
        const buckets = new Map<number, string>();
        for (const [i, s] of speakers.entries()) {
          counts.set(s.id, 1);
          buckets.set(bucketOf(s.id), (buckets.get(bucketOf(s.id)) ?? '') + speakerEntry(s.id, s.name, { title: `Doc ${seq}`, type: 'direct', anchor: `q-${i}`, rest: `<blockquote>quote ${i} of document ${seq}</blockquote>` }));
        }
        return encodeSpeakerItems(counts, buckets);
      };
      const place = (seq: number) => ({ seq, anchor: `d-${seq}` });
      const pages = async (scratch: string, file: (pagesOf: SpeakerPages) => Promise<void>) => {
        await mkdir(scratch);
        const pagesOf = new SpeakerPages(scratch);
        // document 5 ended in an error record: it has no page
        for (let seq = 0; seq < 5; seq++) pagesOf.placeDocument(seq, seq);
        await file(pagesOf);
        for (const s of speakers) pagesOf.addSpeaker(s);
        const written: [string, string][] = [];
        await pagesOf.finish(speakerPageCount(speakers.length), (id) => byId.get(id), async (path, html) => void written.push([path, html]));
        expect(await readdir(scratch)).toEqual([]);
        return written;
      };
      const byTheRun = await pages(join(dir, 'run'), async (p) => {
        for (let seq = 0; seq < 5; seq++) await p.addItems(itemsOf(seq), place(seq));
      });
      const aside = join(dir, 'aside');
      const filedAside = await pages(aside, async (p) => {
        // 0 and 3 in one folder; 1 after 3 starts another; 2 filed by the run; 4 by both (a worker that failed part way); 5 by a worker only
        for (const seq of [0, 3, 1, 4, 5]) {
          const counts = fileSpeakerItems(aside, place(seq), itemsOf(seq));
          expect(counts).toBe(itemsOf(seq).slice(0, itemsOf(seq).indexOf('\n') + 1));
          if (seq !== 4) await p.addItems(counts, place(seq));
        }
        expect((await readdir(aside)).filter((name) => name.startsWith('filed-'))).toHaveLength(2);
        await p.addItems(itemsOf(2), place(2));
        await p.addItems(itemsOf(4), place(4));
      });
      expect(filedAside).toEqual(byTheRun);
      const all = byTheRun.map(([, html]) => html).join('');
      expect(all).not.toContain('document 5');
      const order = [...all.matchAll(/quote 0 of document (\d)/g)].map((m) => m[1]);
      expect(order).toEqual(['0', '1', '2', '3', '4']);
      expect(all).toContain(`href="../../${documentPagePath(4)}#d-4-q-1"`);
      expect(fileSpeakerItems(aside, place(9), '')).toBe('');
    } finally {
      stopFiling();
      await rm(dir, { recursive: true, force: true });
    }
  });

  test("a document's quotes link to its page by its place among the pages, not in the corpus (error records count in the corpus), whoever filed them", async () => {
    const out = await mkdtemp(join(tmpdir(), 'quotes-report-places-'));
    try {
      const speaker = { id: 'person:a-one', name: 'A One', kind: 'person' as const, aliases: [], titles: [], quotes: 45, documents: 45 };
      const record = (id: string): DocumentRecord => ({ id, title: `Title of ${id}`, date: null, outlet: null, quotes: 1, messages: [], chars: 5 });
      const report = await ReportWriter.create(out);
      const ids = Array.from({ length: 45 }, (_, k) => `doc-${k}.txt`);
      for (const [k, id] of ids.entries()) {
        // an error record after every tenth document
        const seq = k + Math.floor(k / 10);
        const items = encodeSpeakerItems(new Map([[speaker.id, 1]]), new Map([[speakerBucketOf(groupOfId(speaker.id)), speakerEntry(speaker.id, 'A One', { title: `Doc ${k}`, type: 'direct', anchor: 'q-0-9', rest: `quote of ${id}` })]]));
        // every other document filed by a worker, which hands on only the counts
        const handed = k % 2 === 0 ? fileSpeakerItems(report.filing, { seq, anchor: documentAnchor(id) }, items) : items;
        await report.addDocument(seq, id, `<article class="document" id="${documentAnchor(id)}">${id}</article>`, handed);
      }
      stopFiling();
      const end = await report.end((key) => (key === speaker.id ? speaker : undefined), ids.length, 1, 10);
      await end.start([speaker], []);
      for (const id of ids) await end.document(id, documentRowHalves(record(id)), documentCounts(record(id), []));
      await end.finish();
      await report.commit();
      const [path] = speakerPath(speaker.id, speakerPageCount(1)).split('#');
      const html = await readFile(join(out, 'report', path!), 'utf8');
      const links = [...html.matchAll(/href="\.\.\/\.\.\/([^"#]+)#(d-[0-9a-f]{10})-q-0-9"/g)].map((m) => `${m[1]}#${m[2]}`);
      expect(links).toEqual(ids.slice(0, 45).map((id, k) => documentLink(Math.floor(k / DOCUMENTS_PER_PAGE), id)));
      expect(await readdir(join(out, 'report'))).toEqual(['documents', 'index.html', 'report.css', 'report.js', 'speakers']);
    } finally {
      stopFiling();
      await rm(out, { recursive: true, force: true });
    }
  });

  test("a worker that cannot file its items hands them back whole, and the run's report has them", async () => {
    const raw = { id: 'a.txt', raw: 'Peskov said: "No such agreement exists." Smith argued that taxes must rise.', format: 'text' as const };
    const full = work({ raw, cachePath: null, page: true, seq: 0, filing: null });
    const items = 'error' in full ? '' : full.speakerItems!;
    expect(items).toMatch(/^\[\[.+\]\]\n\d+ \d+\n/);
    // the report's folder is gone: nothing is made again, nothing lost
    const gone = work({ raw, cachePath: null, page: true, seq: 0, filing: join(tmpdir(), 'quotes-no-such-report', 'x') });
    expect('error' in gone ? '' : gone.speakerItems).toBe(items);
    const dir = await mkdtemp(join(tmpdir(), 'quotes-report-work-'));
    try {
      const filed = work({ raw, cachePath: null, page: true, seq: 0, filing: dir });
      expect('error' in filed ? '' : filed.speakerItems).toBe(items.slice(0, items.indexOf('\n') + 1));
      expect((await readdir(dir))[0]).toMatch(/^filed-/);
    } finally {
      stopFiling();
      await rm(dir, { recursive: true, force: true });
    }
  });

  test("a worker's cache entry is the entry's bytes, its section written from the bytes it hands the run", async () => {
    // non-ASCII in the frame, the items and the section: bytes and UTF-16 lengths apart
    const raw = { id: 'ü.txt', raw: 'Peskov said: "Ура — “да” 😀." Smith argued that taxes must rise.', format: 'text' as const };
    const dir = await mkdtemp(join(tmpdir(), 'quotes-report-entry-'));
    try {
      const plain = work({ raw, cachePath: join(dir, 'plain'), page: false, seq: 0, filing: null });
      const paged = work({ raw, cachePath: join(dir, 'sub', 'paged'), page: true, seq: 0, filing: null });
      if ('error' in plain || 'error' in paged || typeof paged.page !== 'object') throw new Error('expected results with a section as bytes');
      const serialized = { ...paged, page: Buffer.from(paged.page.bytes).toString('utf8') };
      expect(serialized.page).toHaveLength(paged.page.chars);
      expect(await readFile(join(dir, 'plain'), 'utf8')).toBe(encodeEntry(plain as SerializedResult));
      const entry = await readFile(join(dir, 'sub', 'paged'), 'utf8');
      expect(entry).toBe(encodeEntry(serialized));
      expect(decodeEntry(entry)).toEqual(serialized);
      expect(encodeEntry(serialized)).toBe(entryBeforePage(serialized) + serialized.page);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test.each([
    ['no counts line', '0 3\nabc'],
    ['counts not JSON', '[["k",1]\n0 3\nabc'],
    ['counts not pairs', '[1]\n0 3\nabc'],
    ['a count of 0', '[["k",0]]\n0 3\nabc'],
    ['a bucket out of range', '[["k",1]]\n64 3\nabc'],
    ['a length past the end', '[["k",1]]\n0 9\nabc'],
    ['no length', '[["k",1]]\n0\nabc'],
  ])('speaker items with %s fail by name', async (_, items) => {
    await expect(new SpeakerPages(tmpdir()).addItems(items, { seq: 0, anchor: 'd-0' })).rejects.toThrow("quotes: report: a document's speaker items are not as encodeSpeakerItems wrote them");
  });

  test.each([
    ['an entry of 3 pieces', (entry: string) => joinPieces(['a', 'b', 'c']) + entry],
    ['an entry of 7 pieces', (entry: string) => joinPieces(['a', 'b', 'c', 'd', 'e', 'f', 'g']) + entry],
  ])("a bucket's entries with %s fail by name when the pages are written", async (_, bucket) => {
    const speaker = { id: 'person:a-one', name: 'A One', kind: 'person' as const, aliases: [], titles: [], quotes: 1, documents: 1 };
    const entries = bucket(speakerEntry(speaker.id, 'A One', { title: 'Doc', type: 'direct', anchor: 'q-0', rest: 'quote' }));
    const pagesOf = new SpeakerPages(tmpdir());
    pagesOf.placeDocument(0, 0);
    await pagesOf.addItems(encodeSpeakerItems(new Map([[speaker.id, 1]]), new Map([[speakerBucketOf(groupOfId(speaker.id)), entries]])), { seq: 0, anchor: 'd-0' });
    pagesOf.addSpeaker(speaker);
    await expect(pagesOf.finish(speakerPageCount(1), () => speaker, async () => {})).rejects.toThrow("quotes: report: expected a document's entry of 2 pieces or, after one, a quote's entry of 6 pieces");
  });

  test('bad options fail at once with the expected and the actual value', async () => {
    await expect(ReportWriter.create('')).rejects.toThrow('quotes: Expected `out` to be a folder path, got ``');
  });
});

describe('writeErrorReport', () => {
  test('marks each miss, spurious quote and wrong speaker in its document, with the scores at the top', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'quotes-errors-'));
    try {
      const text = 'Peskov said: "No such agreement exists." Smith argued that taxes must rise. Polls show voters are tired.';
      const at = (s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length });
      const gold: GoldDoc[] = [{
        id: 'a.txt',
        text,
        quotes: [
          { ...at('No such agreement exists.'), text: 'No such agreement exists.', type: 'direct', speaker: 'Peskov', speakerStart: 0, speakerEnd: 6 },
          { ...at('that taxes must rise'), text: 'that taxes must rise', type: 'indirect', speaker: 'Smith', speakerStart: at('Smith').start, speakerEnd: at('Smith').end },
        ],
      }];
      const q = (s: string, speaker: string): QuoteRecord => ({
        id: `a.txt#${at(s).start}-${at(s).end}`, doc: 'a.txt', type: 'direct', text: s, ...at(s), cue: null,
        speaker: { name: speaker, mention: speaker, kind: 'person', ...at(speaker), title: null }, sieve: 'test', confidence: 0.5, parts: [[at(s).start, at(s).end]],
      });
      const predicted = [q('No such agreement exists.', 'Smith'), q('voters are tired', 'Polls')];
      const report = evaluate(gold, predicted);
      expect(report.errors.map((e) => e.kind)).toEqual(['wrong-speaker', 'miss', 'spurious']);
      await writeErrorReport({ dir, gold, predicted, report });
      const index = await readFile(join(dir, 'index.html'), 'utf8');
      expect(index).toContain('End to end');
      expect(index).toContain(documentPath('a.txt'));
      const html = await readFile(join(dir, documentPath('a.txt')), 'utf8');
      expect(html.indexOf('<ul class="stats">')).toBeLessThan(html.indexOf('id="text"'));
      expect(html).toMatch(/<mark class="err-wrong" id="e-1"[^>]*>No such agreement exists\.<\/mark>/);
      expect(html).toMatch(/<mark class="err-miss" id="e-2"[^>]*>that taxes must rise<\/mark>/);
      expect(html).toMatch(/<mark class="err-spurious" id="e-3"[^>]*>voters are tired<\/mark>/);
      expect(html).toContain('<span class="gold-who" title="gold speaker">Peskov</span>');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
