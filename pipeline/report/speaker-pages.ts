// Speaker pages for a corpus too large to hold: quotes are grouped by speaker on disk, in buckets by speaker id, then one bucket at a time.
//
// A speaker's quotes are spread over the whole corpus, and the documents stream past once. Each
// quote's list item goes to the bucket of its speaker's shared page; afterwards each bucket — a
// 64th of the quotes — is read back, grouped and written. Memory stays at one bucket. Until the
// items reach HELD bytes the buckets stay in memory, where most corpora fit, and no file is
// written and read back (a tenth of the report's time at the end of a run of 1,000 articles). Speakers
// share pages (SPEAKERS_PER_PAGE to a page): most are quoted once or twice, and one small file
// each would cost more to create than to render.
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { SpeakerRecord } from '../speakers.ts';
import { QUOTES_IN_SECTION, QUOTES_PER_PAGE, speakerGroupPage, speakerQuotesPage, speakerSection } from './lists.ts';
import { speakerPageOf, speakerPagePath, speakerQuotesPath } from './paths.ts';

const BUCKETS = 64;
/** Bytes of list items held in memory before the buckets go to disk. */
const HELD = 64 * 1024 * 1024;

type Line = readonly ['speaker', SpeakerRecord] | readonly ['quote', string, string];

export class SpeakerPages {
  readonly #dir: string;
  readonly #pages: number;
  readonly #streams: WriteStream[] = [];
  /** Lines not yet handed to a bucket's stream: a write per line cost more than the line's rendering. */
  readonly #buffers: string[] = [];
  /** Each bucket's lines while they fit in memory; null once they went to disk. */
  #held: Line[][] | null = Array.from({ length: BUCKETS }, () => []);
  #heldBytes = 0;

  readonly #limit: number;

  /** `dir` is a scratch folder inside the report's temporary folder; `pages` the number of shared speaker pages; `held` the bytes held before going to disk. */
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
    const chunk = this.#buffers[n] ?? '';
    this.#buffers[n] = '';
    if (!stream.write(chunk)) await once(stream, 'drain');
  }

  async #write(id: string, line: Line): Promise<void> {
    const n = this.#bucket(id);
    if (this.#held !== null) {
      this.#held[n]!.push(line);
      this.#heldBytes += line[0] === 'quote' ? line[2].length : 200;
      if (this.#heldBytes < this.#limit) return;
      const held = this.#held;
      this.#held = null;
      for (const [k, lines] of held.entries()) {
        if (lines.length === 0) continue;
        for (const l of lines) this.#buffers[k] = (this.#buffers[k] ?? '') + JSON.stringify(l) + '\n';
        await this.#flush(k);
      }
      return;
    }
    const buffer = (this.#buffers[n] ?? '') + JSON.stringify(line) + '\n';
    this.#buffers[n] = buffer;
    if (buffer.length >= 65_536) await this.#flush(n);
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
    for (const [n, buffer] of this.#buffers.entries()) if (buffer !== undefined && buffer !== '') await this.#flush(n);
    for (const stream of this.#streams) {
      if (stream === undefined) continue;
      stream.end();
      await once(stream, 'finish');
    }
    for (let n = 0; n < BUCKETS; n++) {
      const path = join(this.#dir, `bucket-${n}.jsonl`);
      let lines: readonly Line[];
      if (this.#held !== null) lines = this.#held[n]!;
      else if (this.#streams[n] === undefined) continue;
      // a bucket is held whole anyway, once grouped
      else {
        lines = (await readFile(path, 'utf8')).split('\n').filter((text) => text !== '').map((text) => JSON.parse(text) as Line);
        await rm(path, { force: true });
      }
      if (lines.length === 0) continue;
      const speakers = new Map<string, SpeakerRecord>();
      const items = new Map<string, string[]>();
      for (const line of lines) {
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
    }
  }
}
