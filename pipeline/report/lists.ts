// The list pages of a report: documents and speakers a page of PER_PAGE at a time, and each speaker's page with its quotes.
import type { DocumentRecord, QuoteRecord } from '../records.ts';
import type { SpeakerRecord } from '../speakers.ts';
import { escapeHtml, page, pager } from './html.ts';
import { documentPath, FROM_LIST, FROM_SHARD, PER_PAGE, speakerPath } from './paths.ts';

export const listPath = (section: 'documents' | 'speakers', n: number) => `${section}/page-${n}.html`;

/** One row of a documents list page; rendered while the document streams past. */
export function documentRow(record: DocumentRecord): string {
  const title = record.title ?? record.id;
  const cells = [
    `<a href="${FROM_LIST}${documentPath(record.id)}">${escapeHtml(title)}</a>${record.title === null ? '' : `<br><code class="muted">${escapeHtml(record.id)}</code>`}`,
    escapeHtml(record.date ?? ''),
    escapeHtml(record.outlet ?? ''),
  ];
  return `<tr>${cells.map((c) => `<td>${c}</td>`).join('')}<td class="num">${record.quotes}</td></tr>`;
}

export function documentListPage(rows: readonly string[], n: number, total: number, documents: number): string {
  const nav = pager(n, total, (k) => `page-${k}.html`);
  const first = (n - 1) * PER_PAGE + 1;
  return page({
    title: `Documents, page ${n} of ${total}`,
    root: FROM_LIST,
    section: 'documents',
    body: `<h1>Documents</h1>
<p class="meta">${rows.length === 0 ? 'No documents.' : `${first}–${first + rows.length - 1} of ${documents}, by file name.`}</p>
${nav}
<div class="scroll"><table>
<thead><tr><th>Document</th><th>Date</th><th>Outlet</th><th class="num">Quotes</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table></div>
${nav}`,
  });
}

export function speakerRow(s: SpeakerRecord): string {
  const cells = [
    `<a href="${FROM_LIST}${speakerPath(s.id)}">${escapeHtml(s.name)}</a>`,
    escapeHtml(s.kind),
    escapeHtml(s.aliases.filter((a) => a !== s.name).join(', ')),
    escapeHtml(s.titles.join(', ')),
  ];
  return `<tr>${cells.map((c) => `<td>${c}</td>`).join('')}<td class="num">${s.quotes}</td><td class="num">${s.documents}</td></tr>`;
}

export function speakerListPage(rows: readonly string[], n: number, total: number, speakers: number): string {
  const nav = pager(n, total, (k) => `page-${k}.html`);
  return page({
    title: `Speakers, page ${n} of ${total}`,
    root: FROM_LIST,
    section: 'speakers',
    body: `<h1>Speakers</h1>
<p class="meta">${speakers} speakers, by id; the overview lists the most quoted.</p>
${nav}
<div class="scroll"><table>
<thead><tr><th>Name</th><th>Kind</th><th>Also called</th><th>Titles</th><th class="num">Quotes</th><th class="num">Docs</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table></div>
${nav}`,
  });
}

/** One quote on its speaker's page, linking to the quote in its document; rendered while the document streams past. */
export function speakerQuoteItem(q: QuoteRecord, anchor: string, document: DocumentRecord): string {
  const where = `${FROM_SHARD}${documentPath(q.doc)}#${anchor}`;
  const mention = q.speaker !== null && q.speaker.mention !== q.speaker.name ? ` as “${escapeHtml(q.speaker.mention)}”` : '';
  return `<li><span class="tag tag-${escapeHtml(q.type)}">${escapeHtml(q.type)}</span> <a href="${where}">${escapeHtml(document.title ?? document.id)}</a><span class="muted">${mention}${q.cue === null ? '' : ` · “${escapeHtml(q.cue.text)}”`}</span><blockquote>${escapeHtml(q.text)}</blockquote></li>`;
}

export function speakerPage(s: SpeakerRecord, items: readonly string[]): string {
  const aliases = s.aliases.filter((a) => a !== s.name);
  return page({
    title: s.name,
    root: FROM_SHARD,
    section: 'speakers',
    body: `<h1>${escapeHtml(s.name)}</h1>
<p class="meta">${escapeHtml(s.kind)} · <code>${escapeHtml(s.id)}</code> · ${s.quotes} quote${s.quotes === 1 ? '' : 's'} in ${s.documents} document${s.documents === 1 ? '' : 's'}</p>
<dl>
<dt>Also called</dt><dd>${aliases.length === 0 ? '<span class="muted">—</span>' : escapeHtml(aliases.join(', '))}</dd>
<dt>Titles</dt><dd>${s.titles.length === 0 ? '<span class="muted">—</span>' : escapeHtml(s.titles.join(', '))}</dd>
</dl>
<h2>Quotes</h2>
${items.length === 0 ? '<p class="empty">No quotes.</p>' : `<ol class="quote-list">\n${items.join('\n')}\n</ol>`}`,
  });
}
