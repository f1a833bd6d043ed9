// One document's page: the original text with debris greyed, quotes highlighted by type, cues underlined, speakers marked, and a table of the quotes.
//
// Rendered in the worker that annotated the document, from its blocks and quote records, and
// written from there: nothing is read or cleaned again. So a page knows its speakers only by the
// names this document gives them; corpus entities are linked after every document is read. A
// speaker links to its name page (paths.ts), which leads on to the entity.
import type { Block, EntityKind } from '../document.ts';
import type { DocumentRecord, QuoteRecord } from '../records.ts';
import { escapeHtml, page } from './html.ts';
import { markUp, type Mark } from './mark-up.ts';
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

/** The id of a quote's row in the page's quote table: report.js builds a mark's tooltip from the row and the table's header. */
export const listItemId = (anchor: string) => `l-${anchor}`;

/** The marks of a document page: blocks outermost, then quotes (`anchors`: their `quoteAnchors`), then cues and speaker mentions. */
export function documentMarks(blocks: readonly Block[], quotes: readonly QuoteRecord[], anchors: readonly string[]): Mark[] {
  const marks: Mark[] = [];
  for (const b of blocks) {
    if (b.kind === 'paragraph') continue;
    const cls = b.kind === 'debris' ? 'debris' : b.kind;
    const title = b.kind === 'debris' ? ` title="debris: ${escapeHtml(b.reason)}"` : '';
    marks.push({ start: b.start, end: b.end, rank: 0, open: `<span class="${cls}"${title}>`, close: '</span>' });
  }
  // one mention or cue can serve several quotes: mark it once
  const seen = new Set<string>();
  const once = (key: string) => {
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  };
  for (const [i, q] of quotes.entries()) {
    const anchor = anchors[i]!;
    const cls = `q q-${escapeHtml(q.type)}`;
    // the tooltip is the quote's table row, not a copy in each of its elements: a third of a page was
    // copies; the first element is the quote by its id, the rest by `data-q`
    marks.push({
      start: q.start,
      end: q.end,
      rank: 1,
      open: `<mark class="${cls}" id="${anchor}" tabindex="0">`,
      reopen: `<mark class="${cls} q-cont" data-q="${anchor}">`,
      close: '</mark>',
    });
    if (q.cue !== null && once(`cue ${q.cue.start} ${q.cue.end}`)) {
      marks.push({ start: q.cue.start, end: q.cue.end, rank: 2, open: '<span class="cue">', close: '</span>' });
    }
    if (q.speaker !== null && once(`who ${q.speaker.start} ${q.speaker.end}`)) {
      marks.push({ start: q.speaker.start, end: q.speaker.end, rank: 2, open: '<span class="who">', close: '</span>' });
    }
  }
  return marks;
}

export const LEGEND = `<p class="legend" aria-label="legend"><mark class="q q-direct">direct</mark> <mark class="q q-indirect">indirect</mark> <mark class="q q-mixed">mixed</mark> <span class="cue">cue</span> <span class="who">speaker</span> <span class="debris">debris</span> <span class="keys">Tab or <kbd>j</kbd>/<kbd>k</kbd> to step through quotes</span></p>`;

/**
 * The page's quotes as a table, a row a quote: the tooltip of a quote's marks is its row under the
 * table's header (report.js), not a copy in each mark. End tags a row does not need are left out
 * (HTML infers them), and the quote's text is not repeated: its type links to it in the text. As a
 * list with every cell labelled and the text once more, it was two thirds of a bench page.
 */
function quoteTable(quotes: readonly QuoteRecord[], anchors: readonly string[], speakers: DocumentPage['speakers']): string {
  if (quotes.length === 0) return '<p class="empty">No quotes found in this document.</p>';
  // as the corpus looks a speaker up: by name, the document's last speaker of that name; its link
  // once a name, not once a quote (a hash of the name)
  const links = new Map(speakers.map((s) => [s.name, `<a href="${FROM_SHARD}${namePath(s.kind, s.name)}">${escapeHtml(s.name)}</a>`]));
  let rows = '';
  for (const [i, q] of quotes.entries()) {
    const s = q.speaker;
    const name = s === null ? '<span class="muted">unknown speaker</span>' : (links.get(s.name) ?? escapeHtml(s.name));
    const as = s === null ? '' : `${s.mention !== s.name ? ` as “${escapeHtml(s.mention)}”` : ''}${s.title !== null ? `, ${escapeHtml(s.title)}` : ''}`;
    const cue = q.cue === null ? 'none' : `“${escapeHtml(q.cue.text)}” (${escapeHtml(q.cue.lemma)})`;
    const type = escapeHtml(q.type);
    rows += `<tr id="${listItemId(anchors[i]!)}"><td><a class="tag tag-${type}" href="#${anchors[i]}">${type}</a><td>${name}${as === '' ? '' : `<span class="muted">${as}</span>`}<td>${cue}<td>${escapeHtml(q.sieve)}<td class="num">${q.confidence.toFixed(2)}\n`;
  }
  return `<div class="scroll"><table class="quote-table">
<thead><tr><th>Type<th>Speaker<th>Cue<th>Sieve<th class="num">Confidence</thead>
<tbody>
${rows}</tbody>
</table></div>`;
}

export function renderDocument({ record, text, blocks, quotes: unordered, speakers }: DocumentPage): string {
  const quotes = inTextOrder(unordered);
  // the marks and the table link each other by these ids: computed once for both
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
<div class="text" id="text">${markUp(text, documentMarks(blocks, quotes, anchors))}</div>
<h2>Quotes</h2>
${quoteTable(quotes, anchors, speakers)}`,
  });
}
