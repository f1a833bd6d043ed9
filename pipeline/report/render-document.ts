// One document's section of a report page: its text, and as data for report.js its debris, its quotes highlighted by type, their cues and speakers, and a table of the quotes; and the page that holds such sections.
//
// A section is rendered in the worker that annotated the document, from its blocks and quote
// records: nothing is read or cleaned again. So it knows its speakers only by the names this document
// gives them; corpus entities are linked after every document is read. A speaker links to its name
// page (paths.ts), which leads on to the entity. Nor does it know where in the corpus its document
// is: its ids are its document's (`documentAnchor`), and the run puts it on its page.
import type { Block, EntityKind } from '../document.ts';
import type { DocumentRecord, QuoteRecord } from '../records.ts';
import { objectArray } from '../object-array.ts';
import { escapeHtml, page } from './html.ts';
import { listPath } from './lists.ts';
import { documentAnchor, documentPagePath, FROM_SHARD, namePath, PER_PAGE, quoteAnchor } from './paths.ts';

export interface DocumentPage {
  readonly record: DocumentRecord;
  /** The original text (for an HTML page, the text extracted from it). */
  readonly text: string;
  /** The `clean` stage's blocks over the text. */
  readonly blocks: readonly Block[];
  /** The document's quotes, as the worker has them: speaker names are this document's. */
  readonly quotes: readonly QuoteRecord[];
  /** The document's speakers that the corpus links into entities (`documentSpeakers`): these get a link. */
  readonly speakers: readonly { readonly name: string; readonly kind: EntityKind }[];
}

/** A document's quotes in text order, as its section numbers them: the worker and the speaker pages must agree. */
export function inTextOrder(quotes: readonly QuoteRecord[]): readonly QuoteRecord[] {
  // a document's records are in text order already (the sort was a fifth of a worker's speaker items)
  for (let i = 1; i < quotes.length; i++) {
    const a = quotes[i - 1]!;
    const b = quotes[i]!;
    if (a.start > b.start || (a.start === b.start && a.end > b.end)) return [...quotes].sort((x, y) => x.start - y.start || x.end - y.end);
  }
  return quotes;
}

/** Element ids of a document's quotes (after its anchor on a run's page): `q-<start>-<end>`, with `-2`, `-3` for a span given twice. */
export function quoteAnchors(quotes: readonly QuoteRecord[]): string[] {
  const seen = new Map<string, number>();
  // pushed, not mapped: see `objectArray`
  const anchors = objectArray<string>([]);
  for (const q of quotes) {
    const base = quoteAnchor(q.start, q.end);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    anchors.push(n === 1 ? base : `${base}-${n}`);
  }
  return anchors;
}

export const LEGEND = `<p class="legend" aria-label="legend"><mark class="q q-direct">direct</mark> <mark class="q q-indirect">indirect</mark> <mark class="q q-mixed">mixed</mark> <span class="cue">cue</span> <span class="who">speaker</span> <span class="debris">debris</span> <span class="keys">Tab or <kbd>j</kbd>/<kbd>k</kbd> to step through quotes</span></p>`;

/** Text as element content whose `textContent` is the text, unit for unit: the page's script places the marks by offset. */
function escapeText(text: string): string {
  // the HTML parser reads a carriage return as a line break (CRLF as one) and drops a NUL
  const escaped = escapeHtml(text);
  return escaped.includes('\r') || escaped.includes('\u0000') ? escaped.replaceAll('\r', '&#13;').replaceAll('\u0000', '\ufffd') : escaped;
}

/**
 * What the page's script (report.js) needs to mark the text up and build the quote table, as numbers
 * wherever it can work the rest out from the text: `n`, the text's length (checked against what the
 * browser parsed); `b`, the debris and title blocks; `s`, the document's speakers as [name, link to
 * its name page or null]; `t`, every other string once; and `q`, fourteen numbers a quote in text
 * order: start, end, type (in `t`), cue start and end, speaker mention start and end (-1 when none),
 * speaker (in `s`), then in `t` (-1 when none) title, cue lemma, sieve, confidence as the table shows
 * it, and the cue's and the mention's words when they are not the text's between their offsets
 * (report.js takes them from the text). The quotes' element ids, marking a cue or mention that
 * several quotes share once, and the table's cells are report.js's work. JSON inside the section's
 * data element; `<` escaped, so no text in it can end the element. With the cells written out here
 * (and the confidences as doubles), a bench page took ~1.3 × as long to render (91 µs against 63–73).
 */
function pageData(text: string, blocks: readonly Block[], quotes: readonly QuoteRecord[], speakers: DocumentPage['speakers']): string {
  const b: (string | number | null)[][] = [];
  for (const block of blocks) {
    if (block.kind === 'paragraph') continue;
    b.push(block.kind === 'debris' ? [block.start, block.end, 'debris', `debris: ${block.reason}`] : [block.start, block.end, block.kind, null]);
  }
  // as the corpus looks a speaker up: by name, the document's last speaker of that name
  const links = new Map(speakers.map((x) => [x.name, `${FROM_SHARD}${namePath(x.kind, x.name)}`]));
  const s: [string, string | null][] = [];
  const speakerIndex = new Map<string, number>();
  const t: string[] = [];
  const stringIndex = new Map<string, number>();
  const string = (value: string) => {
    let i = stringIndex.get(value);
    if (i === undefined) stringIndex.set(value, (i = t.push(value) - 1));
    return i;
  };
  const words = (value: string, start: number, end: number) => (text.slice(start, end) === value ? -1 : string(value));
  const q: number[] = [];
  for (const x of quotes) {
    const who = x.speaker;
    const cue = x.cue;
    let speaker = -1;
    // a name has one link on a page: the name alone is the speaker's key
    if (who !== null) {
      speaker = speakerIndex.get(who.name) ?? -1;
      if (speaker === -1) speakerIndex.set(who.name, (speaker = s.push([who.name, links.get(who.name) ?? null]) - 1));
    }
    q.push(
      x.start, x.end, string(x.type),
      cue === null ? -1 : cue.start, cue === null ? -1 : cue.end,
      who === null ? -1 : who.start, who === null ? -1 : who.end,
      speaker, who === null || who.title === null ? -1 : string(who.title),
      cue === null ? -1 : string(cue.lemma), string(x.sieve), string(x.confidence.toFixed(2)),
      cue === null ? -1 : words(cue.text, cue.start, cue.end), who === null ? -1 : words(who.mention, who.start, who.end),
    );
  }
  return JSON.stringify({ n: text.length, b, s, t, q }).replaceAll('<', '\\u003c');
}

/** The quote table's head; report.js fills its body from the section's data, and a quote's tooltip is its row under these headings. */
const QUOTE_TABLE = `<div class="scroll"><table class="quote-table">
<thead><tr><th>Type<th>Speaker<th>Cue<th>Sieve<th class="num">Confidence</thead>
<tbody></tbody>
</table></div>`;

/**
 * A document's section of a page: its text, escaped, and its marks and quote table as data for
 * report.js, which builds them when the page opens (as elements, never as HTML), with ids after the
 * section's (`documentAnchor`). Rendering the marks and the table here took ~60 % of the worker's
 * report work and made a bench document twice the size (21 K characters against 10.5 K); without
 * script the text still reads, unmarked.
 */
export function renderDocument({ record, text, blocks, quotes: unordered, speakers }: DocumentPage): string {
  const quotes = inTextOrder(unordered);
  // spelled out, not filtered, mapped and joined: see `objectArray`
  const meta = `<code>${escapeHtml(record.id)}</code>${record.date === null ? '' : ` · ${escapeHtml(record.date)}`}${record.outlet === null ? '' : ` · ${escapeHtml(record.outlet)}`} · ${record.quotes} quote${record.quotes === 1 ? '' : 's'}`;
  const messages = record.messages.length === 0 ? '' : `<ul class="messages">\n${record.messages.map((m) => `<li>${escapeHtml(m)}</li>`).join('\n')}\n</ul>`;
  return `<article class="document" id="${documentAnchor(record.id)}">
<h2>${escapeHtml(record.title ?? record.id)}</h2>
<p class="meta">${meta}</p>
${messages}<div class="text">${escapeText(text)}</div>
<h3>Quotes</h3>
${quotes.length === 0 ? '<p class="empty">No quotes found in this document.</p>' : QUOTE_TABLE}
<script type="application/json" class="page-data">${pageData(text, blocks, quotes, speakers)}</script>
</article>`;
}

/**
 * Page `n` of a run's documents, of `count` sections of documents `first` (from 0, in corpus order)
 * on, but the sections, which go between the two halves it gives, joined by newlines (as bytes:
 * `ReportWriter`); with links to the page before it (whose documents start at `previous`), to the
 * page after it (`last`: there is none after) and to its documents in the list.
 */
export function documentPageAround(count: number, n: number, first: number, previous: number, last: boolean): [string, string] {
  const range = `${first + 1}–${first + count}`;
  const listPage = Math.floor(first / PER_PAGE) + 1;
  const links = [
    n > 0 ? `<a href="${FROM_SHARD}${documentPagePath(n - 1)}" rel="prev">‹ documents ${previous + 1}–${first}</a>` : '',
    `<a href="${FROM_SHARD}${listPath('documents', listPage)}">list of documents, page ${listPage}</a>`,
    last ? '' : `<a href="${FROM_SHARD}${documentPagePath(n + 1)}" rel="next">documents ${first + count + 1}– ›</a>`,
  ];
  const nav = `<nav class="pager" aria-label="pages">${links.filter((l) => l !== '').join(' · ')}</nav>`;
  const html = page({
    title: `Documents ${range}`,
    root: FROM_SHARD,
    section: 'documents',
    body: `<h1>Documents ${range}</h1>
${nav}
${LEGEND}
${SECTIONS}
${nav}`,
  });
  const at = html.indexOf(SECTIONS);
  return [html.slice(0, at), html.slice(at + SECTIONS.length)];
}

/** Where the sections go in a document page (`documentPageAround`): nothing in a page's shell has a NUL. */
const SECTIONS = '\u0000sections\u0000';
