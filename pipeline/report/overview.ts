// The overview page: corpus aggregates counted while the documents stream past, so it stays the same size at 100 documents or 100,000.
import type { QuoteType } from '../document.ts';
import type { DocumentRecord, QuoteRecord } from '../records.ts';
import type { SpeakerRecord } from '../speakers.ts';
import { barChart, escapeHtml, page, percent, type Bar } from './html.ts';
import { PER_PAGE, speakerPath } from './paths.ts';

const TOP_SPEAKERS = 20;
const TOP_OUTLETS = 25;
/** More days than this and the dates chart counts months instead. */
const MAX_DAYS = 60;

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * A dateline as `YYYY-MM-DD`, or null when it does not give a full date. Datelines come as
 * `9 Jul, 2017 12:03`, `13:11 GMT, Jul 19, 2017`, `2017-07-19`; `July 10, 15:13 UTC+3 MOSCOW`
 * has no year and is left out rather than guessed.
 */
export function dayOf(dateline: string): string | null {
  const iso = /\b(\d{4})-(\d{2})-(\d{2})\b/.exec(dateline);
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  const year = /\b(1[89]\d\d|20\d\d)\b/.exec(dateline)?.[1];
  const month = /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?/i.exec(dateline);
  if (year === undefined || month === null) return null;
  const after = /^\s*(\d{1,2})\b(?!:)/.exec(dateline.slice(month.index + month[0].length))?.[1];
  const before = /\b(\d{1,2})\s*$/.exec(dateline.slice(0, month.index))?.[1];
  const day = Number(after ?? before);
  if (!(day >= 1 && day <= 31)) return null;
  const m = MONTHS.indexOf(month[1]!.toLowerCase()) + 1;
  return `${year}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function add(map: Map<string, number>, key: string, n: number): void {
  map.set(key, (map.get(key) ?? 0) + n);
}

const byCountThenName = ([a, x]: [string, number], [b, y]: [string, number]) => y - x || (a < b ? -1 : a > b ? 1 : 0);

/** What the overview counts of one document. */
export interface DocumentCounts {
  readonly quotes: number;
  readonly direct: number;
  readonly indirect: number;
  readonly mixed: number;
  /** Quotes with a speaker. */
  readonly attributed: number;
  readonly messages: number;
  readonly outlet: string | null;
  /** `dayOf` the document's date. */
  readonly day: string | null;
}

export function documentCounts(record: DocumentRecord, quotes: readonly QuoteRecord[]): DocumentCounts {
  const types = { direct: 0, indirect: 0, mixed: 0 };
  let attributed = 0;
  for (const q of quotes) {
    types[q.type]++;
    if (q.speaker !== null) attributed++;
  }
  return { quotes: quotes.length, ...types, attributed, messages: record.messages.length, outlet: record.outlet, day: record.date === null ? null : dayOf(record.date) };
}

/** Counts for the overview, fed one document and one speaker at a time. */
export class Overview {
  documents = 0;
  documentsWithQuotes = 0;
  documentsWithMessages = 0;
  quotes = 0;
  attributed = 0;
  speakers = 0;
  errors = 0;
  documentPages = 1;
  /** Shared speaker pages, which say where a speaker's section is. */
  speakerPages = 1;
  readonly #types = new Map<QuoteType, number>([['direct', 0], ['indirect', 0], ['mixed', 0]]);
  readonly #outlets = new Map<string, number>();
  readonly #days = new Map<string, number>();
  readonly #top: SpeakerRecord[] = [];

  /** A document, by the counts `documentCounts` took of it (where it was annotated, or from the dataset). */
  addCounts(c: DocumentCounts): void {
    this.documents++;
    if (c.quotes > 0) this.documentsWithQuotes++;
    if (c.messages > 0) this.documentsWithMessages++;
    this.quotes += c.quotes;
    add(this.#types, 'direct', c.direct);
    add(this.#types, 'indirect', c.indirect);
    add(this.#types, 'mixed', c.mixed);
    this.attributed += c.attributed;
    add(this.#outlets, c.outlet ?? '(outlet unknown)', c.quotes);
    if (c.day !== null) add(this.#days, c.day, c.quotes);
  }

  addSpeaker(speaker: SpeakerRecord): void {
    this.speakers++;
    this.#top.push(speaker);
    // keep a bounded top list, not every speaker
    if (this.#top.length > TOP_SPEAKERS * 4) this.#trim();
  }

  #trim(): void {
    this.#top.sort((a, b) => b.quotes - a.quotes || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    this.#top.length = Math.min(this.#top.length, TOP_SPEAKERS);
  }

  render(): string {
    this.#trim();
    const stats = [
      ['documents', this.documents],
      ['quotes', this.quotes],
      ['attributed', percent(this.attributed, this.quotes)],
      ['speakers', this.speakers],
      ['documents with quotes', this.documentsWithQuotes],
      ['documents not processed', this.errors],
    ].map(([label, value]) => `<li><b>${value}</b>${label}</li>`);

    const types: Bar[] = [...this.#types].map(([type, value]) => ({ label: type, value, kind: type }));
    const speakers: Bar[] = this.#top.map((s) => ({ label: s.name, value: s.quotes, href: speakerPath(s.id, this.speakerPages) }));
    const outlets = [...this.#outlets].sort(byCountThenName);
    const outletBars: Bar[] = outlets.slice(0, TOP_OUTLETS).map(([label, value]) => ({ label, value }));
    if (outlets.length > TOP_OUTLETS) {
      const rest = outlets.slice(TOP_OUTLETS);
      outletBars.push({ label: `${rest.length} other outlets`, value: rest.reduce((n, [, v]) => n + v, 0) });
    }
    let dates = [...this.#days].sort(([a], [b]) => (a < b ? -1 : 1));
    let dateCaption = 'Quotes per day';
    if (dates.length > MAX_DAYS) {
      const months = new Map<string, number>();
      for (const [day, n] of dates) add(months, day.slice(0, 7), n);
      dates = [...months].sort(([a], [b]) => (a < b ? -1 : 1));
      dateCaption = 'Quotes per month';
    }
    const undated = this.quotes - dates.reduce((n, [, v]) => n + v, 0);
    const dateBars: Bar[] = dates.map(([label, value]) => ({ label, value }));

    return page({
      title: 'Quotes: overview',
      root: '',
      section: 'overview',
      body: `<h1>Who said what</h1>
<ul class="stats">
${stats.join('\n')}
</ul>
<p class="meta">${this.documentsWithMessages} documents have data messages. Browse <a href="documents/page-1.html">all ${this.documents} documents</a> (${this.documentPages} page${this.documentPages === 1 ? '' : 's'} of up to ${PER_PAGE}) or <a href="speakers/page-1.html">all ${this.speakers} speakers</a>.</p>
<h2>Quotes by type</h2>
<div class="scroll">${barChart('Quotes by type', types)}</div>
<h2>Top speakers</h2>
<div class="scroll">${barChart(`The ${speakers.length} most quoted speakers`, speakers)}</div>
<h2>Quotes per outlet</h2>
<div class="scroll">${barChart('Quotes per outlet', outletBars)}</div>
<h2>Quotes per date</h2>
<div class="scroll">${barChart(dateCaption, dateBars)}</div>
<p class="meta">${escapeHtml(`${undated} quotes come from documents without a full date.`)}</p>`,
    });
  }
}
