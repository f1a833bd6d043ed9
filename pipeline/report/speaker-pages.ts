// Speaker pages for a corpus too large to hold: quotes are grouped by speaker on disk, in buckets by speaker id, then one bucket at a time.
//
// A speaker's quotes are spread over the whole corpus, and the documents stream past once. Each
// quote's list item goes to the bucket of its speaker's shared page, as an entry; afterwards each
// bucket — a 64th of the quotes — is read back, grouped and written. Memory stays at one bucket.
// Until the lines reach HELD characters the buckets stay in memory, where most corpora fit, and no
// file is written and read back (a tenth of the report's time at the end of a run of 1,000
// articles). They are held as the lines they would be on disk: held as parsed arrays of template
// strings, 64 M characters of items took ~490 MB of heap on the 100,000-article bench. An entry is
// its lengths, then the speaker id and the item as they are: as JSON lines, every quotation mark of
// the HTML was escaped and parsed again, a third of the report's end. Speakers
// share pages (SPEAKERS_PER_PAGE to a page): most are quoted once or twice, and one small file each
// would cost more to create than to render.
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { SpeakerRecord } from '../speakers.ts';
import { QUOTES_IN_SECTION, QUOTES_PER_PAGE, speakerGroupPage, speakerQuotesPage, speakerSection } from './lists.ts';
import { speakerPageOf, speakerPagePath, speakerQuotesPath } from './paths.ts';

const BUCKETS = 64;
/**
 * Characters of bucket lines held in memory before the buckets go to disk: 16 MB of heap at most (the
 * items hold “ ”, so two bytes a character). With the report built on the main thread, beside the
 * commit, a larger hold showed in the run's peak RSS; the 5,000-article bench spills either way.
 */
const HELD = 8 * 1024 * 1024;

/**
 * Bucket entries: `q <id length> <item length>\n<id><item>` for a quote's item, `s <length> 0\n<speaker
 * as JSON>` for a speaker. Lengths are UTF-16 code units, read back from a string.
 */
const quoteEntry = (id: string, item: string) => `q ${id.length} ${item.length}\n${id}${item}`;
const speakerEntry = (speaker: SpeakerRecord) => {
  const json = JSON.stringify(speaker);
  return `s ${json.length} 0\n${json}`;
};

/** What reading a bucket's entries hands on: each speaker, and each quote's item with its speaker's id. */
interface Visitor {
  speaker?(speaker: SpeakerRecord): void;
  quote?(id: string, item: string): void;
  /** Called after each chunk of a bucket on disk has been visited. */
  chunk?(): Promise<void>;
}

/** Visits the whole entries at the start of `text`; returns where the first incomplete one starts. */
function readEntries(text: string, visit: Visitor): number {
  let at = 0;
  for (;;) {
    const nl = text.indexOf('\n', at);
    if (nl === -1) return at;
    const [kind, a, b] = text.slice(at, nl).split(' ') as [string, string, string];
    const first = Number(a);
    const end = nl + 1 + first + Number(b);
    if (end > text.length) return at;
    if (kind === 's') visit.speaker?.(JSON.parse(text.slice(nl + 1, end)) as SpeakerRecord);
    else visit.quote?.(text.slice(nl + 1, nl + 1 + first), text.slice(nl + 1 + first, end));
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

  /** A quote's list item, for the page of speaker `id`. */
  addQuote(id: string, item: string): Promise<void> {
    return this.#write(id, quoteEntry(id, item));
  }

  addSpeaker(speaker: SpeakerRecord): Promise<void> {
    return this.#write(speaker.id, speakerEntry(speaker));
  }

  /** Visits bucket `n`'s entries, in memory or a chunk at a time from its file: a bucket with a much-quoted speaker is a large file. */
  async #readBucket(n: number, visit: Visitor): Promise<void> {
    if (!this.#spilled) {
      readEntries(this.#buffers[n]!, visit);
      return;
    }
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
    for (let n = 0; n < BUCKETS; n++) {
      if (this.#spilled && this.#streams[n] === undefined) continue;
      // twice over the bucket: its speakers and their quote counts first, so that each page of a
      // speaker's quotes can be written as soon as it is full, knowing how many pages there are
      const counts = new Map<string, number>();
      const speakers = new Map<string, SpeakerRecord>();
      await this.#readBucket(n, {
        speaker: (s) => void speakers.set(s.id, s),
        quote: (id) => void counts.set(id, (counts.get(id) ?? 0) + 1),
      });
      if (speakers.size === 0) {
        await this.#dropBucket(n);
        continue;
      }
      const streams = new Map<string, Stream>();
      for (const [id, speaker] of speakers) streams.set(id, { speaker, total: counts.get(id) ?? 0, section: [], page: [], k: 1 });
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
      for (const id of [...speakers.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) {
        const s = streams.get(id)!;
        if (s.page.length > 0) await write(speakerQuotesPath(id, s.k), pageOf(s));
        const page = speakerPageOf(id, this.#pages);
        byPage.set(page, [...(byPage.get(page) ?? []), speakerSection(s.speaker, s.section, s.total)]);
      }
      for (const [n, sections] of [...byPage].sort(([a], [b]) => a - b)) await write(speakerPagePath(n), speakerGroupPage(sections, n));
    }
  }
}
