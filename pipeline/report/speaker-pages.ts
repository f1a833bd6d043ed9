// Speaker pages for a corpus too large to hold: quotes are grouped by speaker on disk, in buckets by speaker id, then one bucket at a time.
//
// A speaker's quotes are spread over the whole corpus, and the documents stream past once. Each
// quote's list item goes to the bucket of its speaker's shared page, as an entry; afterwards each
// bucket — a 64th of the quotes — is read back once, and each speaker's pages are written as they
// fill. Memory stays at the speakers' records and a few pages of items per speaker of one bucket.
// Until the lines reach HELD characters the buckets stay in memory and no file is written and read
// back. They are held as the lines they would be on disk: held as parsed arrays of template
// strings, 64 M characters of items took ~490 MB of heap on the 100,000-article bench. An entry is
// its lengths, then the speaker id and the item as they are: as JSON lines, every quotation mark of
// the HTML was escaped and parsed again, a third of the report's end. Speakers
// share pages (SPEAKERS_PER_PAGE to a page): most are quoted once or twice, and one small file each
// would cost more to create than to render.
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { collectGarbageIfGrown } from '../collect-garbage.ts';
import type { SpeakerRecord } from '../speakers.ts';
import { QUOTES_IN_SECTION, QUOTES_PER_PAGE, speakerGroupPage, speakerQuotesPage, speakerSection } from './lists.ts';
import { speakerPageOf, speakerPagePath, speakerQuotesPath } from './paths.ts';

const BUCKETS = 64;
/**
 * Characters of bucket lines held in memory before the buckets go to disk. Their heap is much more
 * than two bytes a character: an item is a concatenation of slices of what the commit read, and
 * keeps those chunks alive. Holding the 5,000-article bench's 86 M characters (at 96 M) took its
 * peak RSS from ~480 MB to ~790 MB and its runs 20–30 % longer, in major collections of that heap.
 */
const HELD = 8 * 1024 * 1024;

/** A bucket entry, a quote's item: `<id length> <item length>\n<id><item>`. Lengths are UTF-16 code units, read back from a string. */
const quoteEntry = (id: string, item: string) => `${id.length} ${item.length}\n${id}${item}`;

/** What reading a bucket's entries hands on: each quote's item with its speaker's id. */
interface Visitor {
  quote(id: string, item: string): void;
  /** Called after each chunk of a bucket on disk has been visited. */
  chunk?(): Promise<void>;
}

/** Visits the whole entries at the start of `text`; returns where the first incomplete one starts. */
function readEntries(text: string, visit: Visitor): number {
  let at = 0;
  for (;;) {
    const nl = text.indexOf('\n', at);
    if (nl === -1) return at;
    const space = text.indexOf(' ', at);
    const first = Number(text.slice(at, space));
    const end = nl + 1 + first + Number(text.slice(space + 1, nl));
    if (end > text.length) return at;
    visit.quote(text.slice(nl + 1, nl + 1 + first), text.slice(nl + 1 + first, end));
    at = end;
  }
}

/**
 * A speaker's quotes as they stream past: the first QUOTES_IN_SECTION for the section on its shared
 * page, and the page of its own being filled. Holding every item of a speaker until the bucket was
 * read made the end of a run grow with the corpus: the bench's most-quoted speaker has a quote in
 * every other article (~80,000 items at 100,000 articles).
 */
interface Stream {
  readonly speaker: SpeakerRecord;
  readonly total: number;
  readonly section: string[];
  page: string[];
  k: number;
}

export class SpeakerPages {
  readonly #dir: string;
  readonly #pages: number;
  readonly #streams: WriteStream[] = [];
  /** Each bucket's lines not yet on disk: all of them while the buckets are held, else those not yet handed to its stream (a write per line cost more than the line's rendering). */
  readonly #buffers: string[] = Array.from({ length: BUCKETS }, () => '');
  /** Whether the buckets went to disk. */
  #spilled = false;
  #heldChars = 0;

  readonly #limit: number;

  /** `dir` is a scratch folder inside the report's temporary folder; `pages` the number of shared speaker pages; `held` the characters held before going to disk. */
  constructor(dir: string, pages: number, held = HELD) {
    this.#dir = dir;
    this.#pages = pages;
    this.#limit = held;
  }

  readonly #bucketOf = new Map<string, number>();

  #bucket(id: string): number {
    let n = this.#bucketOf.get(id);
    if (n === undefined) {
      n = speakerPageOf(id, this.#pages) % BUCKETS;
      this.#bucketOf.set(id, n);
    }
    return n;
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

  async #write(id: string, text: string): Promise<void> {
    const n = this.#bucket(id);
    this.#buffers[n] += text;
    if (!this.#spilled) {
      this.#heldChars += text.length;
      if (this.#heldChars < this.#limit) return;
      this.#spilled = true;
      for (let k = 0; k < BUCKETS; k++) if (this.#buffers[k] !== '') await this.#flush(k);
      return;
    }
    if (this.#buffers[n]!.length >= 65_536) await this.#flush(n);
  }

  /**
   * The speakers and how many items each has: held, a few hundred bytes a speaker, so that a bucket
   * is read once, each speaker's pages written as they fill, knowing how many there will be.
   */
  readonly #speakers = new Map<string, SpeakerRecord>();
  readonly #counts = new Map<string, number>();

  /** A quote's list item, for the page of speaker `id`. */
  addQuote(id: string, item: string): Promise<void> {
    this.#counts.set(id, (this.#counts.get(id) ?? 0) + 1);
    return this.#write(id, quoteEntry(id, item));
  }

  addSpeaker(speaker: SpeakerRecord): void {
    this.#speakers.set(speaker.id, speaker);
  }

  /** Visits bucket `n`'s entries, in memory or a chunk at a time from its file: a bucket with a much-quoted speaker is a large file. */
  async #readBucket(n: number, visit: Visitor): Promise<void> {
    if (!this.#spilled) {
      readEntries(this.#buffers[n]!, visit);
      return;
    }
    // no quote of this bucket's speakers: no file
    if (this.#streams[n] === undefined) return;
    const path = join(this.#dir, `bucket-${n}.entries`);
    let rest = '';
    for await (const chunk of createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 16 })) {
      const text = rest + (chunk as string);
      rest = text.slice(readEntries(text, visit));
      await visit.chunk?.();
    }
    if (rest !== '') throw new Error(`quotes: report: ${path} ends in the middle of an entry`);
  }

  async #dropBucket(n: number): Promise<void> {
    if (this.#spilled) await rm(join(this.#dir, `bucket-${n}.entries`), { force: true });
    else this.#buffers[n] = '';
  }

  /** Writes every speaker's page through `write`, a bucket at a time, then removes the buckets. */
  async finish(write: (path: string, html: string) => Promise<void>): Promise<void> {
    if (this.#spilled) {
      for (let n = 0; n < BUCKETS; n++) if (this.#buffers[n] !== '') await this.#flush(n);
      for (const stream of this.#streams) {
        if (stream === undefined) continue;
        stream.end();
        await once(stream, 'finish');
      }
    }
    const bySpeakerBucket: [string, SpeakerRecord][][] = [];
    for (const [id, speaker] of this.#speakers) (bySpeakerBucket[this.#bucket(id)] ??= []).push([id, speaker]);
    for (let n = 0; n < BUCKETS; n++) {
      const streams = new Map<string, Stream>();
      for (const [id, speaker] of bySpeakerBucket[n] ?? []) streams.set(id, { speaker, total: this.#counts.get(id) ?? 0, section: [], page: [], k: 1 });
      if (streams.size === 0) {
        await this.#dropBucket(n);
        continue;
      }
      const full: [path: string, html: string][] = [];
      const pageOf = (s: Stream) => speakerQuotesPage(s.speaker, s.page, s.k, Math.ceil(s.total / QUOTES_PER_PAGE));
      await this.#readBucket(n, {
        // a quote whose speaker id is not in speakers.jsonl has no page to go on
        quote: (id, item) => {
          const s = streams.get(id);
          if (s === undefined) return;
          if (s.section.length < QUOTES_IN_SECTION) s.section.push(item);
          if (s.total <= QUOTES_IN_SECTION) return;
          s.page.push(item);
          if (s.page.length < QUOTES_PER_PAGE) return;
          full.push([speakerQuotesPath(s.speaker.id, s.k), pageOf(s)]);
          s.page = [];
          s.k++;
        },
        // pages are written between chunks: the visitor cannot wait
        chunk: async () => {
          for (const [path, html] of full.splice(0)) await write(path, html);
        },
      });
      await this.#dropBucket(n);
      for (const [path, html] of full.splice(0)) await write(path, html);
      const byPage = new Map<number, string[]>();
      for (const id of [...streams.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) {
        const s = streams.get(id)!;
        if (s.page.length > 0) await write(speakerQuotesPath(id, s.k), pageOf(s));
        const page = speakerPageOf(id, this.#pages);
        byPage.set(page, [...(byPage.get(page) ?? []), speakerSection(s.speaker, s.section, s.total)]);
      }
      for (const [n, sections] of [...byPage].sort(([a], [b]) => a - b)) await write(speakerPagePath(n), speakerGroupPage(sections, n));
      // a bucket's chunks and pages are garbage now, in a thread that is never idle
      collectGarbageIfGrown();
    }
  }
}
