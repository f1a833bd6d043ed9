// The list pages of a report: documents and speakers a page of PER_PAGE at a time, and each speaker's page with its quotes.
import type { DocumentRecord, QuoteRecord } from '../records.ts';
import type { SpeakerRecord } from '../speakers.ts';
import { ownPiece } from '../pieces.ts';
import { escapeHtml, page, pager } from './html.ts';
import { FROM_LIST, FROM_SHARD, PER_PAGE, speakerAnchor, speakerPath, speakerQuotesPath } from './paths.ts';

export const listPath = (section: 'documents' | 'speakers', n: number) => `${section}/page-${n}.html`;

/**
 * One row of a documents list page but the link to the document, which goes between the two halves:
 * rendered while the document streams past, in a worker, which does not know the document's place in
 * the corpus, nor then its page (`documentLink`).
 */
export function documentRowHalves(record: DocumentRecord): [string, string] {
  const title = record.title ?? record.id;
  // cells spelled out, not mapped and joined: see `objectArray`
  return [
    '<tr><td><a href="',
    `">${escapeHtml(title)}</a>${record.title === null ? '' : `<br><code class="muted">${escapeHtml(record.id)}</code>`}</td><td>${escapeHtml(record.date ?? '')}</td><td>${escapeHtml(record.outlet ?? '')}</td><td class="num">${record.quotes}</td></tr>`,
  ];
}

/** A row of a documents list page (`documentRowHalves`), linking to `link` (`documentLink`). */
export function documentRow([before, after]: readonly [string, string], link: string): string {
  return `${before}${FROM_LIST}${link}${after}`;
}

/** List page `n` of `total`, of `documents` in all: its `count` rows (`documentRow`), joined by newlines. */
export function documentListPage(rows: string, count: number, n: number, total: number, documents: number): string {
  const nav = pager(n, total, (k) => `page-${k}.html`);
  const first = (n - 1) * PER_PAGE + 1;
  return page({
    title: `Documents, page ${n} of ${total}`,
    root: FROM_LIST,
    section: 'documents',
    body: `<h1>Documents</h1>
<p class="meta">${count === 0 ? 'No documents.' : `${first}–${first + count - 1} of ${documents}, by file name.`}</p>
${nav}
<div class="scroll"><table>
<thead><tr><th>Document</th><th>Date</th><th>Outlet</th><th class="num">Quotes</th></tr></thead>
<tbody>
${rows}
</tbody>
</table></div>
${nav}`,
  });
}

/** A speaker's row in the list; `pages` is the number of shared speaker pages. */
export function speakerRow(s: SpeakerRecord, pages: number): string {
  const cells = [
    `<a href="${FROM_LIST}${speakerPath(s.id, pages)}">${escapeHtml(s.name)}</a>`,
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

/** The speaker list, PER_PAGE speakers a page in the order given; `speakerPages` is the number of shared speaker pages. */
export function* speakerListPages(speakers: readonly SpeakerRecord[], speakerPages: number): Generator<[path: string, html: string]> {
  const total = Math.max(1, Math.ceil(speakers.length / PER_PAGE));
  for (let n = 1; n <= total; n++) {
    const rows = speakers.slice((n - 1) * PER_PAGE, n * PER_PAGE).map((s) => speakerRow(s, speakerPages));
    yield [listPath('speakers', n), speakerListPage(rows, n, total, speakers.length)];
  }
}

/**
 * One quote on its speaker's page, as rendered where its document is annotated: the page lists a
 * speaker's quotes by document, the document's title once. The words `as “he”` (`mentionAs`) are
 * added at the end, where the speaker's corpus name is known.
 */
export interface SpeakerQuote {
  /** The document's section (`documentLink`), relative to the report root. */
  readonly doc: string;
  /** The document's title, escaped; empty after a document's first quote of a speaker, which gives it. */
  readonly title: string;
  /** The quote's type and its element id in the document's section (`quoteAnchors`), which follows the section's on the page. */
  readonly type: string;
  readonly anchor: string;
  /** Its cue and its text, escaped. */
  readonly rest: string;
}

/** A quote on its speaker's pages as it is filed: its document's link (`doc`) is put in where the document's page is known (speaker-pages.ts). */
export type FiledQuote = Omit<SpeakerQuote, 'doc'>;

/** A document's title as its speakers' pages head their quotes of it (`FiledQuote`). */
export const filedTitle = (document: DocumentRecord) => escapeHtml(document.title ?? document.id);

/** The quote as it is filed (`FiledQuote`), `title` (`filedTitle`) given with a document's first quote of a speaker, else ''. */
export function speakerQuote(q: QuoteRecord, anchor: string, title: string): FiledQuote {
  return {
    title,
    type: escapeHtml(q.type),
    anchor,
    rest: `${q.cue === null ? '' : ` · “${escapeHtml(q.cue.text)}”`}<blockquote>${escapeHtml(q.text)}</blockquote>`,
  };
}

/** ` as “he”`, when a quote's speaker is mentioned by other words than the speaker's name. */
export function mentionAs(mention: string, name: string): string {
  return mention !== name ? ` as “${escapeHtml(mention)}”` : '';
}

/**
 * A speaker's quotes as a list by document, built a quote at a time. A document that goes on from
 * the last list (a much-quoted speaker's pages split anywhere) is headed again, from `title`.
 * What it keeps is copied (`ownPiece`): a quote's pieces are slices of the chunk of a bucket they
 * were read from, and the lists of a bucket's speakers, held until the bucket is read, kept every
 * chunk of it alive — the speaker pages' thread held up to 192 MB of heap at 100,000 bench articles.
 */
export class QuoteList {
  #html = '';
  #doc = '';
  /** The title of the document last listed, for a list that goes on with it. */
  title = '';
  count = 0;

  add(q: SpeakerQuote, as: string): void {
    if (q.doc !== this.#doc) {
      if (q.title !== '') this.title = ownPiece(q.title);
      this.#html += ownPiece(`${this.#doc === '' ? '' : '</ol></li>\n'}<li class="doc"><a href="${FROM_SHARD}${q.doc}">${this.title}</a><ol>\n`);
      this.#doc = ownPiece(q.doc);
    }
    // on the page, a quote's id is its section's and its own: `d-3f1a2b4c5d-q-535-637`
    this.#html += ownPiece(`<li><a class="tag tag-${q.type}" href="${FROM_SHARD}${q.doc}-${q.anchor}">${q.type}</a>${as}${q.rest}</li>\n`);
    this.count++;
  }

  /** The list so far, and a new one that goes on with its last document. */
  take(): string {
    const html = this.#html === '' ? '<p class="empty">No quotes.</p>' : `<ul class="quote-list by-document">\n${this.#html}</ol></li>\n</ul>`;
    this.#html = '';
    this.#doc = '';
    this.count = 0;
    return html;
  }
}

/** Quotes shown in a speaker's section of a shared page; the rest go on pages of the speaker's own. */
export const QUOTES_IN_SECTION = 50;
/** Quotes per page of a much-quoted speaker's own pages. */
export const QUOTES_PER_PAGE = 500;

function speakerHeader(s: SpeakerRecord, level: 'h1' | 'h2', anchor = ''): string {
  const aliases = s.aliases.filter((a) => a !== s.name);
  return `<${level}${anchor}>${escapeHtml(s.name)}</${level}>
<p class="meta">${escapeHtml(s.kind)} · <code>${escapeHtml(s.id)}</code> · ${s.quotes} quote${s.quotes === 1 ? '' : 's'} in ${s.documents} document${s.documents === 1 ? '' : 's'}</p>
<dl>
<dt>Also called</dt><dd>${aliases.length === 0 ? '<span class="muted">—</span>' : escapeHtml(aliases.join(', '))}</dd>
<dt>Titles</dt><dd>${s.titles.length === 0 ? '<span class="muted">—</span>' : escapeHtml(s.titles.join(', '))}</dd>
</dl>`;
}

/** A speaker's section on its shared page: its first quotes (`list`, QUOTES_IN_SECTION at most) of its `total`, and a link to the rest. */
export function speakerSection(s: SpeakerRecord, list: string, total: number): string {
  const more = total > QUOTES_IN_SECTION
    ? `<p><a href="${FROM_SHARD}${speakerQuotesPath(s.id, 1)}">The other ${total - QUOTES_IN_SECTION} quotes of ${escapeHtml(s.name)}</a></p>`
    : '';
  return `<section class="speaker">
${speakerHeader(s, 'h2', ` id="${speakerAnchor(s.id)}"`)}
${list}
${more}</section>`;
}

/** A shared speaker page: the sections of the speakers whose ids hash to it. */
export function speakerGroupPage(sections: readonly string[], n: number): string {
  return page({
    title: `Speakers, group ${n}`,
    root: FROM_SHARD,
    section: 'speakers',
    body: `<p class="meta">Speakers are grouped a few to a page; the <a href="${FROM_SHARD}speakers/page-1.html">speaker list</a> has them all.</p>
${sections.join('\n')}`,
  });
}

/**
 * Page `k` of `total` of a much-quoted speaker's own pages, with the quotes of `list`: those after
 * the first QUOTES_IN_SECTION, which its section (`section`, `speakerPath`) lists. Listed on both,
 * they were a quarter of the items the speaker pages rendered at 5,000 bench articles.
 */
export function speakerQuotesPage(s: SpeakerRecord, list: string, k: number, total: number, section: string): string {
  return page({
    title: total === 1 ? s.name : `${s.name}, page ${k} of ${total}`,
    root: FROM_SHARD,
    section: 'speakers',
    body: `${speakerHeader(s, 'h1')}
<h2>Quotes after the first ${QUOTES_IN_SECTION}</h2>
<p class="meta">The first ${QUOTES_IN_SECTION} are in <a href="${FROM_SHARD}${section}">the speaker's section</a>.</p>
${pager(k, total, (j) => speakerQuotesPath(s.id, j).replace(/^.*\//, ''))}
${list}`,
  });
}
