// Speaker pages for a corpus too large to hold: quotes are grouped by speaker on disk, in buckets by speaker id, then one bucket at a time.
//
// A speaker's quotes are spread over the whole corpus, and the documents stream past once. Each
// quote's list item goes to the bucket of its speaker's shared page, as a JSON line; afterwards each
// bucket — a 64th of the quotes — is read back, grouped and written. Memory stays at one bucket.
// Until the lines reach HELD characters the buckets stay in memory, where most corpora fit, and no
// file is written and read back (a tenth of the report's time at the end of a run of 1,000
// articles). They are held as the lines they would be on disk: held as parsed arrays of template
// strings, 64 M characters of items took ~490 MB of heap on the 100,000-article bench. Speakers
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

type Line = readonly ['speaker', SpeakerRecord] | readonly ['quote', string, string];

/** Parses each JSON line of `text` (whole lines) into `add`; line by line, as split() would hold a second copy. */
function eachLine(text: string, add: (line: Line) => void): void {
  for (let from = 0; from < text.length; ) {
    let to = text.indexOf('\n', from);
    if (to === -1) to = text.length;
    if (to > from) add(JSON.parse(text.slice(from, to)) as Line);
    from = to + 1;
  }
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
      stream = createWriteStream(join(this.#dir, `bucket-${n}.jsonl`), { encoding: 'utf8' });
      this.#streams[n] = stream;
    }
    const chunk = this.#buffers[n]!;
    this.#buffers[n] = '';
    if (!stream.write(chunk)) await once(stream, 'drain');
  }

  async #write(id: string, line: Line): Promise<void> {
    const n = this.#bucket(id);
    const text = JSON.stringify(line) + '\n';
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
    return this.#write(id, ['quote', id, item]);
  }

  addSpeaker(speaker: SpeakerRecord): Promise<void> {
    return this.#write(speaker.id, ['speaker', speaker]);
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
      const speakers = new Map<string, SpeakerRecord>();
      const items = new Map<string, string[]>();
      const add = (line: Line) => {
        if (line[0] === 'speaker') speakers.set(line[1].id, line[1]);
        else {
          const list = items.get(line[1]);
          if (list === undefined) items.set(line[1], [line[2]]);
          else list.push(line[2]);
        }
      };
      if (!this.#spilled) {
        eachLine(this.#buffers[n]!, add);
        this.#buffers[n] = '';
      } else {
        // a chunk at a time: a bucket with a much-quoted speaker is a large file
        const path = join(this.#dir, `bucket-${n}.jsonl`);
        let rest = '';
        for await (const chunk of createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 16 })) {
          const text = rest + (chunk as string);
          const end = text.lastIndexOf('\n') + 1;
          eachLine(text.slice(0, end), add);
          rest = text.slice(end);
        }
        eachLine(rest, add);
        await rm(path, { force: true });
      }
      if (speakers.size === 0 && items.size === 0) continue;
      // a quote whose speaker id is not in speakers.jsonl has no page to go on
      const byPage = new Map<number, string[]>();
      for (const id of [...speakers.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) {
        const speaker = speakers.get(id)!;
        const quotes = items.get(id) ?? [];
        const n = speakerPageOf(id, this.#pages);
        byPage.set(n, [...(byPage.get(n) ?? []), speakerSection(speaker, quotes)]);
        if (quotes.length > QUOTES_IN_SECTION) {
          const total = Math.ceil(quotes.length / QUOTES_PER_PAGE);
          for (let k = 1; k <= total; k++) {
            await write(speakerQuotesPath(id, k), speakerQuotesPage(speaker, quotes.slice((k - 1) * QUOTES_PER_PAGE, k * QUOTES_PER_PAGE), k, total));
          }
        }
      }
      for (const [n, sections] of [...byPage].sort(([a], [b]) => a - b)) await write(speakerPagePath(n), speakerGroupPage(sections, n));
    }
  }
}
