// Speaker pages for a corpus too large to hold: quotes are grouped by speaker on disk, in buckets by the speaker's group, then one bucket at a time.
//
// A speaker's quotes are spread over the whole corpus, and the documents stream past once. Each
// quote's list item goes to the bucket of its speaker's group (`speakerGroup`: a person's surname),
// as an entry, while the documents stream past: the group is known from the name a document gives,
// before the corpus is linked, and an entity's names are all of its group. Afterwards each bucket —
// a 64th of the quotes — is read back once, each quote's speaker looked up, and each speaker's pages
// written as they fill. Filed at the end, from the dataset's commit, the quotes' items made the end
// of a 5,000-article run 3–4 s longer, with a core idle. Memory stays at the speakers' records and a
// few pages of items per speaker of one bucket.
// The workers file their documents' entries themselves, each in bucket files of its own
// (`fileSpeakerItems`), and the run files those it takes from the cache; every document's entries
// start with its place in the corpus, and a bucket is read back as the merge of its files in that
// order. The run alone knows a document's page: it maps each place to one (`placeDocument`).
// Until the run's lines reach HELD characters the buckets stay in memory and no file is written and read
// back. They are held as the lines they would be on disk: held as parsed arrays of template
// strings, 64 M characters of items took ~490 MB of heap on the 100,000-article bench. An entry is
// its pieces with their lengths in front (`joinPieces`): as JSON lines, every quotation mark of the
// HTML was escaped and parsed again, a third of the report's end. Speakers share pages (SPEAKERS_PER_PAGE to
// a page): most are quoted once or twice, and one small file each would cost more to create than to
// render.
import { closeSync, createReadStream, createWriteStream, existsSync, ftruncateSync, mkdirSync, openSync, readdirSync, rmdirSync, writeSync, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { collectGarbageIfGrown, collectGarbageIfGrownBy } from '../collect-garbage.ts';
import { groupOfId, type SpeakerRecord } from '../speakers.ts';
import { joinPieces, ownPiece, readPieces } from '../pieces.ts';
import { mentionAs, QuoteList, QUOTES_IN_SECTION, QUOTES_PER_PAGE, speakerGroupPage, speakerQuotesPage, speakerSection, type FiledQuote } from './lists.ts';
import { sectionLink, SPEAKER_BUCKETS as BUCKETS, speakerBucketOf, speakerPageOf, speakerPagePath, speakerPath, speakerQuotesPath } from './paths.ts';

/**
 * Characters of bucket lines held in memory before the buckets go to disk. Their heap is much more
 * than two bytes a character: a held line is a concatenation of slices, and keeps alive the strings
 * it was sliced from (when it was filed from the dataset's commit, the chunks the commit read). Holding the 5,000-article bench's 86 M characters (at 96 M) took its
 * peak RSS from ~480 MB to ~790 MB and its runs 20–30 % longer, in major collections of that heap.
 */
const HELD = 8 * 1024 * 1024;

/**
 * Where a document's quotes link to: its place in the corpus, counting error records (`seq`), which
 * the run maps to its document page once it knows it (`SpeakerPages.placeDocument`), and its section's
 * element id (`documentAnchor`).
 */
export interface DocumentPlace {
  readonly seq: number;
  readonly anchor: string;
}

/**
 * A quote's entry for its speaker's pages (`joinPieces`): the speaker as the caller will look it up
 * (`key`), the words a document mentions it by, and the quote, whose document the last
 * `documentEntry` before it in its bucket gives.
 */
export function speakerEntry(key: string, mention: string, q: FiledQuote): string {
  // `joinPieces` spelled out: without its arrays, for every quote of the corpus
  return `${key.length} ${mention.length} ${q.title.length} ${q.type.length} ${q.anchor.length} ${q.rest.length}\n${key}${mention}${q.title}${q.type}${q.anchor}${q.rest}`;
}

/**
 * The entry that gives the document of the quotes' entries after it in a bucket: once for each
 * document's entries of a bucket, not once a quote (a quarter of the bench's entries was the
 * document's path, ~43 times a document). Its place's `seq` orders the entries of a bucket filed by
 * several threads.
 */
export function documentEntry(place: DocumentPlace): string {
  return joinPieces([String(place.seq), place.anchor]);
}

const DOCUMENT_PIECES = 2;
const ENTRY_PIECES = 6;

/**
 * A document's entries as a worker hands them on (`SpeakerPages.addItems`): the quotes of each key as
 * a JSON line, then the entries of each bucket (`speakerBucketOf` the speaker's group), the quotes'
 * in text order, after the bucket and their length: `<bucket> <length>\n<entries>`. The document's
 * entry, which goes before each bucket's, is the filer's to give (`fileSpeakerItems`, `addItems`).
 * Filed a bucket at a time, not an entry at a time: the main thread read ~43 entry headers a bench
 * document.
 */
export function encodeSpeakerItems(counts: ReadonlyMap<string, number>, buckets: ReadonlyMap<number, string>): string {
  if (counts.size === 0) return '';
  let items = `${JSON.stringify([...counts])}\n`;
  for (const [bucket, entries] of buckets) items += `${bucket} ${entries.length}\n${entries}`;
  return items;
}

const badItems = () => new Error("quotes: report: a document's speaker items are not as encodeSpeakerItems wrote them");

/** The end of the counts line of a document's items (`encodeSpeakerItems`), where its buckets start. */
function countsEnd(items: string): number {
  const newline = items.indexOf('\n');
  if (newline === -1) throw badItems();
  return newline + 1;
}

/** Each bucket of a document's items (`encodeSpeakerItems`) from `at` on: the bucket and where its entries start and end. */
function* bucketsOf(items: string, at: number): Generator<[bucket: number, start: number, end: number]> {
  while (at < items.length) {
    const space = items.indexOf(' ', at);
    const end = space === -1 ? -1 : items.indexOf('\n', space);
    const bucket = Number(items.slice(at, space));
    const length = Number(items.slice(space + 1, end));
    if (end === -1 || !Number.isInteger(bucket) || bucket < 0 || bucket >= BUCKETS || !Number.isInteger(length) || length < 0 || end + 1 + length > items.length) throw badItems();
    yield [bucket, end + 1, end + 1 + length];
    at = end + 1 + length;
  }
}

/** The name of a bucket's file in a folder of them. */
const bucketFile = (n: number) => `bucket-${n}.entries`;

/** Folders of buckets filed by the workers (`fileSpeakerItems`) in the report's scratch folder start so. */
const FILED_ASIDE = 'filed-';

/**
 * The folder this thread files documents' items into (`fileSpeakerItems`), the last document it filed
 * there, and its bucket files, open for appending: opened and closed for each append, a worker spent
 * ~130 µs a bench document on them. A worker's are closed when it exits (Node's `trackUnmanagedFds`),
 * before the run reads them back; a thread that files into another folder closes them first.
 */
let filing: { scratch: string; dir: string; seq: number; files: Map<number, { readonly fd: number; size: number }> } | undefined;
/** Folders this thread has filed into so far: each new one is named after it. */
let folders = 0;

/** Closes this thread's bucket files (`fileSpeakerItems`): for a thread that goes on after its run, as a test's does. */
export function stopFiling(): void {
  for (const { fd } of filing?.files.values() ?? []) closeSync(fd);
  filing = undefined;
}

/**
 * Files a document's items (`encodeSpeakerItems`) in the report's scratch folder `scratch`, in bucket
 * files of this thread's own, and hands back what the run still needs of them: their counts
 * (`encodeSpeakerItems` with no bucket). A worker files its documents' items itself: handed back to
 * the main thread, they were ~6 KB of strings a bench document, and the main thread's collections
 * grow with what it is sent. Each folder holds documents in the order of their `seq`, as the speaker
 * pages read it back (`writeSpeakerPages` merges the folders): a document that comes out of order
 * starts a new folder. Throws when a file cannot be written; the caller then hands the items to the
 * run whole (a bucket filed twice is read once).
 */
export function fileSpeakerItems(scratch: string, place: DocumentPlace, items: string): string {
  if (items === '') return '';
  const at = countsEnd(items);
  if (at === items.length) return items;
  if (filing === undefined || filing.scratch !== scratch || place.seq <= filing.seq) {
    stopFiling();
    const dir = join(scratch, `${FILED_ASIDE}${process.pid}-${threadId}-${++folders}`);
    // not recursive: a report folder that was dropped is not made again
    mkdirSync(dir);
    filing = { scratch, dir, seq: place.seq, files: new Map() };
  }
  filing.seq = place.seq;
  const entry = documentEntry(place);
  for (const [bucket, start, end] of bucketsOf(items, at)) {
    let file = filing.files.get(bucket);
    if (file === undefined) {
      file = { fd: openSync(join(filing.dir, bucketFile(bucket)), 'a'), size: 0 };
      filing.files.set(bucket, file);
    }
    const bytes = Buffer.from(entry + items.slice(start, end));
    try {
      // a write may take part of the bytes (a full disk): the rest, or the error, follows
      for (let written = 0; written < bytes.length; ) written += writeSync(file.fd, bytes, written);
    } catch (error) {
      // no half entry is left for the reader to trip on: the run files the document again
      ftruncateSync(file.fd, file.size);
      throw error;
    }
    file.size += bytes.length;
  }
  return items.slice(0, at);
}

/** A document's entries in one bucket: its place and its quotes', in text order. */
interface Group {
  readonly seq: number;
  readonly anchor: string;
  readonly quotes: [key: string, mention: string, q: FiledQuote][];
}

/**
 * Reads the whole entries at the start of `text` into groups: those complete go to `done`, the one
 * being read stays in `reading.group` (it may go on in the next chunk). Returns where the first
 * incomplete entry starts.
 */
function readGroups(text: string, reading: { group: Group | undefined }, done: Group[]): number {
  let at = 0;
  for (;;) {
    const entry = readPieces(text, at);
    if (entry === undefined) return at;
    const pieces = entry.pieces;
    const seq = pieces.length === DOCUMENT_PIECES ? Number(pieces[0]) : -1;
    if (pieces.length === DOCUMENT_PIECES && Number.isInteger(seq) && seq >= 0) {
      if (reading.group !== undefined) done.push(reading.group);
      reading.group = { seq, anchor: pieces[1]!, quotes: [] };
    } else if (pieces.length !== ENTRY_PIECES || reading.group === undefined) {
      throw new Error(`quotes: report: expected a document's entry of ${DOCUMENT_PIECES} pieces or, after one, a quote's entry of ${ENTRY_PIECES} pieces, got ${pieces.length} pieces`);
    } else {
      const [key, mention, title, type, anchor, rest] = pieces as [string, string, string, string, string, string];
      reading.group.quotes.push([key, mention, { title, type, anchor, rest }]);
    }
    at = entry.end;
  }
}

/** The groups of a bucket, held (a string) or in a file, read a chunk at a time: a bucket with a much-quoted speaker is a large file. */
async function* groupsOf(source: string | { readonly path: string }): AsyncGenerator<Group> {
  const reading: { group: Group | undefined } = { group: undefined };
  const done: Group[] = [];
  if (typeof source === 'string') {
    readGroups(source, reading, done);
    yield* done;
  } else {
    let rest = '';
    for await (const chunk of createReadStream(source.path, { encoding: 'utf8', highWaterMark: 1 << 16 })) {
      const text = rest + (chunk as string);
      rest = text.slice(readGroups(text, reading, done));
      yield* done.splice(0);
    }
    if (rest !== '') throw new Error(`quotes: report: ${source.path} ends in the middle of an entry`);
  }
  if (reading.group !== undefined) yield reading.group;
}

/**
 * The groups of bucket `n` from every filer (the run's own, and each folder the workers filed in), in
 * the order of their documents: each filer's are in that order, and the merge takes the lowest next.
 * A document's group filed twice (by a worker that failed part way, then by the run) is taken once.
 */
async function* bucketGroups(filed: FiledQuotes, n: number): AsyncGenerator<Group> {
  const sources: (string | { path: string })[] = [];
  if (filed.held !== null) sources.push(filed.held[n]!);
  else if (filed.onDisk[n]) sources.push({ path: join(filed.dir, bucketFile(n)) });
  for (const folder of filed.aside) {
    const path = join(folder, bucketFile(n));
    if (existsSync(path)) sources.push({ path });
  }
  const readers = sources.map((source) => groupsOf(source));
  const heads = await Promise.all(readers.map((r) => r.next()));
  let last = -1;
  for (;;) {
    let k = -1;
    for (let i = 0; i < heads.length; i++) if (!heads[i]!.done && (k === -1 || heads[i]!.value!.seq < heads[k]!.value!.seq)) k = i;
    if (k === -1) return;
    const group = heads[k]!.value as Group;
    heads[k] = await readers[k]!.next();
    if (!heads[k]!.done && (heads[k]!.value as Group).seq <= group.seq) throw new Error(`quotes: report: bucket ${n}'s entries are out of document order (${(heads[k]!.value as Group).seq} after ${group.seq})`);
    if (group.seq === last) continue;
    last = group.seq;
    yield group;
  }
}

/**
 * A speaker's quotes as they stream past: the first QUOTES_IN_SECTION for the section on its shared
 * page, the rest a page of its own at a time. Holding every item of a speaker until the bucket was
 * read made the end of a run grow with the corpus: the bench's most-quoted speaker has a quote in
 * every other article (~80,000 items at 100,000 articles).
 */
interface Stream {
  readonly speaker: SpeakerRecord;
  readonly total: number;
  readonly section: QuoteList;
  readonly page: QuoteList;
  k: number;
}

export class SpeakerPages {
  readonly #dir: string;
  readonly #streams: WriteStream[] = [];
  /** Each bucket's lines not yet on disk: all of them while the buckets are held, else those not yet handed to its stream (a write per line cost more than the line's rendering). */
  #buffers: string[] = Array.from({ length: BUCKETS }, () => '');
  /** Whether the buckets went to disk. */
  #spilled = false;
  /** Whether what was filed has been handed on (`close`). */
  #closed = false;
  #heldChars = 0;
  /** The document (`seq`) of the last quote filed in each bucket. */
  #lastDoc: number[] = [];
  /** The document page of each document (by `seq`), -1 where there is none (`placeDocument`). */
  #pages = new Int32Array(1024).fill(-1);
  readonly #limit: number;
  /** Quotes of each speaker key: a speaker's total is known before its pages are written. */
  #counts = new Map<string, number>();
  /** The speakers: held, a few hundred bytes a speaker, so that a bucket is read once. */
  #speakers: SpeakerRecord[] = [];

  /** `dir` is a scratch folder inside the report's temporary folder; `held` the characters held before going to disk. */
  constructor(dir: string, held = HELD) {
    this.#dir = dir;
    this.#limit = held;
  }

  async #flush(n: number): Promise<void> {
    let stream = this.#streams[n];
    if (stream === undefined) {
      stream = createWriteStream(join(this.#dir, `bucket-${n}.entries`), { encoding: 'utf8' });
      this.#streams[n] = stream;
    }
    const chunk = this.#buffers[n]!;
    this.#buffers[n] = '';
    if (!stream.write(chunk)) await once(stream, 'drain');
  }

  async #write(n: number, entry: string): Promise<void> {
    if (this.#closed) throw new Error('quotes: report: the speaker pages take no quote once closed');
    this.#buffers[n] += entry;
    if (!this.#spilled) {
      this.#heldChars += entry.length;
      if (this.#heldChars < this.#limit) return;
      this.#spilled = true;
      for (let k = 0; k < BUCKETS; k++) if (this.#buffers[k] !== '') await this.#flush(k);
      return;
    }
    if (this.#buffers[n]!.length >= 65_536) await this.#flush(n);
  }

  /** Document `seq` is on document page `page`: what its quotes link to. */
  placeDocument(seq: number, page: number): void {
    if (!Number.isInteger(seq) || seq < 0) throw new TypeError(`quotes: Expected \`seq\` to be an integer from 0 and up, got \`${seq}\``);
    if (seq >= this.#pages.length) {
      const grown = new Int32Array(Math.max(seq + 1, 2 * this.#pages.length)).fill(-1);
      grown.set(this.#pages);
      this.#pages = grown;
    }
    this.#pages[seq] = page;
  }

  /** A quote of the document at `place` for the pages of the speaker `key` stands for (`finish`), in bucket `bucket` (`speakerBucketOf` its group). */
  addQuote(bucket: number, key: string, mention: string, place: DocumentPlace, q: FiledQuote): Promise<void> {
    this.#count(key);
    const entry = speakerEntry(key, mention, q);
    if (this.#lastDoc[bucket] === place.seq) return this.#write(bucket, entry);
    this.#lastDoc[bucket] = place.seq;
    return this.#write(bucket, documentEntry(place) + entry);
  }

  /** `n` more quotes of `key`; a new key is copied: a slice would keep the string it came from alive as long as the map. */
  #count(key: string, n = 1): void {
    const count = this.#counts.get(key);
    this.#counts.set(count === undefined ? ownPiece(key) : key, (count ?? 0) + n);
  }

  /**
   * A document's items (`encodeSpeakerItems`): their counts, and each bucket's entries, filed without
   * being taken apart after the document's entry for `place`; a worker that filed them itself
   * (`fileSpeakerItems`) hands on only the counts.
   */
  async addItems(items: string, place: DocumentPlace): Promise<void> {
    if (items === '') return;
    const at = countsEnd(items);
    let counts: unknown;
    try {
      counts = JSON.parse(items.slice(0, at - 1));
    } catch {
      throw badItems();
    }
    if (!Array.isArray(counts)) throw badItems();
    for (const pair of counts as unknown[]) {
      const [key, n] = Array.isArray(pair) ? (pair as unknown[]) : [];
      if (typeof key !== 'string' || !Number.isInteger(n) || (n as number) < 1) throw badItems();
      this.#count(key, n as number);
    }
    if (at === items.length) return;
    const entry = documentEntry(place);
    for (const [bucket, start, end] of bucketsOf(items, at)) {
      await this.#write(bucket, entry + items.slice(start, end));
      this.#lastDoc[bucket] = place.seq;
    }
  }

  addSpeaker(speaker: SpeakerRecord): void {
    if (this.#closed) throw new Error('quotes: report: the speaker pages take no speaker once closed');
    this.#speakers.push(speaker);
  }

  /**
   * Ends the filing: the buckets' files are complete (or the buckets are held), and what they hold
   * is handed on as plain data, which `writeSpeakerPages` can take in another thread. Nothing can be
   * filed after.
   */
  async close(): Promise<FiledQuotes> {
    if (this.#spilled) {
      for (let n = 0; n < BUCKETS; n++) if (this.#buffers[n] !== '') await this.#flush(n);
      for (const stream of this.#streams) {
        if (stream === undefined) continue;
        stream.end();
        await once(stream, 'finish');
      }
    }
    const filed = {
      dir: this.#dir,
      held: this.#spilled ? null : this.#buffers,
      onDisk: Array.from({ length: BUCKETS }, (_, n) => this.#streams[n] !== undefined),
      aside: readdirSync(this.#dir)
        .filter((name) => name.startsWith(FILED_ASIDE))
        .sort()
        .map((name) => join(this.#dir, name)),
      pages: this.#pages,
      counts: this.#counts,
      speakers: this.#speakers,
    };
    // handed on: held here too, they would be held twice while another thread writes the pages
    this.#closed = true;
    this.#buffers = [];
    this.#pages = new Int32Array(0);
    this.#counts = new Map();
    this.#speakers = [];
    return filed;
  }

  /** `close`, then `writeSpeakerPages` in this thread. */
  async finish(pages: number, resolve: (key: string) => SpeakerRecord | undefined, write: (path: string, html: string) => Promise<void>): Promise<void> {
    await writeSpeakerPages(await this.close(), pages, resolve, write);
  }
}

/** What `SpeakerPages` filed, as plain data (`close`): `writeSpeakerPages` may run in another thread. */
export interface FiledQuotes {
  /** The scratch folder of the buckets' files. */
  readonly dir: string;
  /** Each bucket's entries, when they stayed in memory; null when they went to disk, as `bucket-<n>.entries` in `dir` for the buckets `onDisk` names. */
  readonly held: string[] | null;
  readonly onDisk: readonly boolean[];
  /** The folders of buckets the workers filed (`fileSpeakerItems`), as `bucket-<n>.entries` for the buckets they have quotes of. */
  readonly aside: readonly string[];
  /** The document page of each document by its `seq` (`placeDocument`), -1 where there is none: a document that ended in an error record. */
  readonly pages: Int32Array;
  /** Quotes of each speaker key. */
  readonly counts: ReadonlyMap<string, number>;
  readonly speakers: readonly SpeakerRecord[];
}

/** Removes bucket `n`'s files, or lets go of its entries held. */
async function dropBucket(filed: FiledQuotes, n: number): Promise<void> {
  if (filed.held === null) await rm(join(filed.dir, bucketFile(n)), { force: true });
  else filed.held[n] = '';
  for (const folder of filed.aside) await rm(join(folder, bucketFile(n)), { force: true });
}

/**
 * Writes every speaker's page through `write`, a bucket at a time, removing the buckets' files.
 * `resolve` gives the speaker a quote's key stands for; `pages` is the number of shared speaker
 * pages (`speakerPageCount`). A quote whose key stands for no speaker of `filed` has no page to go on.
 * `growth`: collect this thread's garbage whenever its heap has grown by that many bytes, for a
 * thread that holds little else (a bucket's chunks and pages are all garbage soon); without it, when
 * the heap has doubled (`collectGarbageIfGrown`), for a thread that holds the rest of the run.
 */
export async function writeSpeakerPages(filed: FiledQuotes, pages: number, resolve: (key: string) => SpeakerRecord | undefined, write: (path: string, html: string) => Promise<void>, growth?: number): Promise<void> {
  const collect = () => (growth === undefined ? collectGarbageIfGrown() : collectGarbageIfGrownBy(growth));
  if (pages % BUCKETS !== 0) throw new TypeError(`quotes: Expected \`pages\` to be a multiple of ${BUCKETS}, got \`${pages}\``);
  const totals = new Map<string, number>();
  for (const [key, count] of filed.counts) {
    const speaker = resolve(key);
    if (speaker !== undefined) totals.set(speaker.id, (totals.get(speaker.id) ?? 0) + count);
  }
  const bySpeakerBucket: SpeakerRecord[][] = [];
  for (const speaker of filed.speakers) (bySpeakerBucket[speakerBucketOf(groupOfId(speaker.id))] ??= []).push(speaker);
  for (let n = 0; n < BUCKETS; n++) {
    const streams = new Map<string, Stream>();
    for (const speaker of bySpeakerBucket[n] ?? []) streams.set(speaker.id, { speaker, total: totals.get(speaker.id) ?? 0, section: new QuoteList(), page: new QuoteList(), k: 1 });
    if (streams.size === 0) {
      await dropBucket(filed, n);
      continue;
    }
    const full: [path: string, html: string][] = [];
    const pageOf = (s: Stream) => speakerQuotesPage(s.speaker, s.page.take(), s.k, Math.ceil((s.total - QUOTES_IN_SECTION) / QUOTES_PER_PAGE), speakerPath(s.speaker.id, pages));
    for await (const group of bucketGroups(filed, n)) {
      const page = group.seq < filed.pages.length ? filed.pages[group.seq]! : -1;
      // a document whose items a worker filed before it ended in an error record
      if (page === -1) continue;
      const doc = sectionLink(page, group.anchor);
      for (const [key, mention, item] of group.quotes) {
        const speaker = resolve(key);
        const s = speaker === undefined ? undefined : streams.get(speaker.id);
        if (s === undefined) continue;
        const q = { doc, ...item };
        const as = mentionAs(mention, s.speaker.name);
        // the first quotes in the section, the rest on pages of the speaker's own
        if (s.section.count < QUOTES_IN_SECTION) {
          s.section.add(q, as);
          continue;
        }
        // a first page that goes on with the section's last document heads it with its title
        if (s.k === 1 && s.page.count === 0) s.page.title = s.section.title;
        s.page.add(q, as);
        if (s.page.count < QUOTES_PER_PAGE) continue;
        full.push([speakerQuotesPath(s.speaker.id, s.k), pageOf(s)]);
        s.k++;
      }
      for (const [path, html] of full.splice(0)) await write(path, html);
      if (growth !== undefined) collect();
    }
    await dropBucket(filed, n);
    for (const [path, html] of full.splice(0)) await write(path, html);
    const byPage = new Map<number, string[]>();
    for (const id of [...streams.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) {
      const s = streams.get(id)!;
      if (s.page.count > 0) await write(speakerQuotesPath(id, s.k), pageOf(s));
      const page = speakerPageOf(id, pages);
      byPage.set(page, [...(byPage.get(page) ?? []), speakerSection(s.speaker, s.section.take(), s.total)]);
    }
    for (const [n, sections] of [...byPage].sort(([a], [b]) => a - b)) await write(speakerPagePath(n), speakerGroupPage(sections, n));
    // a bucket's chunks and pages are garbage now, in a thread that is never idle
    collect();
  }
  // their buckets' files are gone: the folders would be left in the report
  for (const folder of filed.aside) rmdirSync(folder);
}
