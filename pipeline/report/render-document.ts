// One document's page: its text, and as data for report.js its debris, its quotes highlighted by type, their cues and speakers, and a table of the quotes.
//
// Rendered in the worker that annotated the document, from its blocks and quote records, and
// written from there: nothing is read or cleaned again. So a page knows its speakers only by the
// names this document gives them; corpus entities are linked after every document is read. A
// speaker links to its name page (paths.ts), which leads on to the entity.
import type { Block, EntityKind } from '../document.ts';
import type { DocumentRecord, QuoteRecord } from '../records.ts';
import { escapeHtml, page } from './html.ts';
import { FROM_SHARD, namePath, quoteAnchor } from './paths.ts';

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

/** A document's quotes in text order, as its page numbers them: the worker and the speaker pages must agree. */
export function inTextOrder(quotes: readonly QuoteRecord[]): QuoteRecord[] {
  return [...quotes].sort((a, b) => a.start - b.start || a.end - b.end);
}

/** Element ids of a document's quotes: `q-<start>-<end>`, with `-2`, `-3` for a span given twice. */
export function quoteAnchors(quotes: readonly QuoteRecord[]): string[] {
  const seen = new Map<string, number>();
  return quotes.map((q) => {
    const base = quoteAnchor(q.start, q.end);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}-${n}`;
  });
}

export const LEGEND = `<p class="legend" aria-label="legend"><mark class="q q-direct">direct</mark> <mark class="q q-indirect">indirect</mark> <mark class="q q-mixed">mixed</mark> <span class="cue">cue</span> <span class="who">speaker</span> <span class="debris">debris</span> <span class="keys">Tab or <kbd>j</kbd>/<kbd>k</kbd> to step through quotes</span></p>`;

/** Text as element content whose `textContent` is the text, unit for unit: the page's script places the marks by offset. */
function escapeText(text: string): string {
  // the HTML parser reads a carriage return as a line break (CRLF as one) and drops a NUL
  const escaped = escapeHtml(text);
  return escaped.includes('\r') || escaped.includes('\u0000') ? escaped.replaceAll('\r', '&#13;').replaceAll('\u0000', '\ufffd') : escaped;
}

/**
 * What the page's script (report.js) needs to mark the text up and build the quote table: the text's
 * length (checked against what the browser parsed), the debris and title blocks, and a row a quote in
 * text order — its span, type and element id, its cue's and speaker mention's spans (-1 when none, or
 * when an earlier quote of the page marks the same span), then its table cells as text: the speaker's
 * name and the link to its name page, "as …", the cue, the sieve, the confidence. JSON inside the
 * page's one data element; `<` escaped, so no text in it can end the element.
 */
function pageData(text: string, blocks: readonly Block[], quotes: readonly QuoteRecord[], anchors: readonly string[], speakers: DocumentPage['speakers']): string {
  const b: (string | number | null)[][] = [];
  for (const block of blocks) {
    if (block.kind === 'paragraph') continue;
    b.push(block.kind === 'debris' ? [block.start, block.end, 'debris', `debris: ${block.reason}`] : [block.start, block.end, block.kind, null]);
  }
  // as the corpus looks a speaker up: by name, the document's last speaker of that name
  const links = new Map(speakers.map((s) => [s.name, `${FROM_SHARD}${namePath(s.kind, s.name)}`]));
  // one mention or cue can serve several quotes: marked once
  const seen = new Set<string>();
  const once = (key: string) => {
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  };
  const q = quotes.map((x, i) => {
    const s = x.speaker;
    const cue = x.cue !== null && once(`cue ${x.cue.start} ${x.cue.end}`) ? [x.cue.start, x.cue.end] : [-1, -1];
    const who = s !== null && once(`who ${s.start} ${s.end}`) ? [s.start, s.end] : [-1, -1];
    const as = s === null ? '' : `${s.mention !== s.name ? ` as “${s.mention}”` : ''}${s.title !== null ? `, ${s.title}` : ''}`;
    return [x.start, x.end, x.type, anchors[i]!, ...cue, ...who, s?.name ?? null, s === null ? null : (links.get(s.name) ?? null), as, x.cue === null ? 'none' : `“${x.cue.text}” (${x.cue.lemma})`, x.sieve, x.confidence.toFixed(2)];
  });
  return JSON.stringify({ n: text.length, b, q }).replaceAll('<', '\\u003c');
}

/** The quote table's head; report.js fills its body from the page's data, and a quote's tooltip is its row under these headings. */
const QUOTE_TABLE = `<div class="scroll"><table class="quote-table" id="quotes">
<thead><tr><th>Type<th>Speaker<th>Cue<th>Sieve<th class="num">Confidence</thead>
<tbody></tbody>
</table></div>`;

/**
 * A document's page: its text, escaped, and its marks and quote table as data for report.js, which
 * builds them when the page opens (as elements, never as HTML). Rendering the marks and the table
 * here took ~60 % of the worker's report work and made a bench page twice the size (21 K characters
 * against 10.5 K); without script the text still reads, unmarked.
 */
export function renderDocument({ record, text, blocks, quotes: unordered, speakers }: DocumentPage): string {
  const quotes = inTextOrder(unordered);
  const anchors = quoteAnchors(quotes);
  const meta = [`<code>${escapeHtml(record.id)}</code>`, record.date, record.outlet, `${record.quotes} quote${record.quotes === 1 ? '' : 's'}`]
    .filter((s): s is string => s !== null)
    .map((s, i) => (i === 0 ? s : escapeHtml(s)))
    .join(' · ');
  const messages = record.messages.length === 0 ? '' : `<ul class="messages">\n${record.messages.map((m) => `<li>${escapeHtml(m)}</li>`).join('\n')}\n</ul>`;
  return page({
    title: record.title ?? record.id,
    root: FROM_SHARD,
    section: 'documents',
    body: `<h1>${escapeHtml(record.title ?? record.id)}</h1>
<p class="meta">${meta}</p>
${messages}${LEGEND}
<div class="text" id="text">${escapeText(text)}</div>
<h2>Quotes</h2>
${quotes.length === 0 ? '<p class="empty">No quotes found in this document.</p>' : QUOTE_TABLE}
<script type="application/json" id="page-data">${pageData(text, blocks, quotes, anchors, speakers)}</script>`,
  });
}
