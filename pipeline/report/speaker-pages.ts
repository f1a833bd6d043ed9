// Speaker pages for a corpus too large to hold: quotes are grouped by speaker on disk, in buckets by speaker id, then one bucket at a time.
//
// A speaker's quotes are spread over the whole corpus, and the documents stream past once. Each
// quote's list item goes to the bucket of its speaker's shared page; afterwards each bucket — a
// 64th of the quotes — is read back, grouped and written. Memory stays at one bucket. Speakers
// share pages (SPEAKERS_PER_PAGE to a page): most are quoted once or twice, and one small file
// each would cost more to create than to render.
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { SpeakerRecord } from '../speakers.ts';
import { QUOTES_IN_SECTION, QUOTES_PER_PAGE, speakerGroupPage, speakerQuotesPage, speakerSection } from './lists.ts';
import { speakerPageOf, speakerPagePath, speakerQuotesPath } from './paths.ts';

const BUCKETS = 64;

type Line = readonly ['speaker', SpeakerRecord] | readonly ['quote', string, string];

export class SpeakerPages {
  readonly #dir: string;
  readonly #pages: number;
  readonly #streams: WriteStream[] = [];

  /** `dir` is a scratch folder inside the report's temporary folder; `pages` the number of shared speaker pages. */
  constructor(dir: string, pages: number) {
    this.#dir = dir;
    this.#pages = pages;
  }

  #bucket(id: string): number {
    return speakerPageOf(id, this.#pages) % BUCKETS;
  }

  async #write(id: string, line: Line): Promise<void> {
    const n = this.#bucket(id);
    let stream = this.#streams[n];
    if (stream === undefined) {
      stream = createWriteStream(join(this.#dir, `bucket-${n}.jsonl`), { encoding: 'utf8' });
      this.#streams[n] = stream;
    }
    if (!stream.write(JSON.stringify(line) + '\n')) await once(stream, 'drain');
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
    for (const stream of this.#streams) {
      if (stream === undefined) continue;
      stream.end();
      await once(stream, 'finish');
    }
    for (const [n, stream] of this.#streams.entries()) {
      if (stream === undefined) continue;
      const speakers = new Map<string, SpeakerRecord>();
      const items = new Map<string, string[]>();
      const path = join(this.#dir, `bucket-${n}.jsonl`);
      for await (const text of createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity })) {
        if (text === '') continue;
        const line = JSON.parse(text) as Line;
        if (line[0] === 'speaker') speakers.set(line[1].id, line[1]);
        else {
          const list = items.get(line[1]) ?? [];
          list.push(line[2]);
          items.set(line[1], list);
        }
      }
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
      await rm(path, { force: true });
    }
  }
}
