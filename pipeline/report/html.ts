// HTML building blocks shared by every report page: escaping, the page shell with its Content-Security-Policy, bar charts, page navigation.

const SPECIAL = /[&<>"']/;

/**
 * Escapes text for element content and quoted attribute values alike: every string from a corpus
 * goes through here. A replaceAll per character beat one regular expression with a callback per
 * match by a fifth on article text, which has a quotation mark or an apostrophe in most lines.
 */
export function escapeHtml(s: string): string {
  if (!SPECIAL.test(s)) return s;
  return s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&#39;');
}

/**
 * Nothing but the report's own files: no inline script or style (an article's `<script>` could
 * not run even if escaping failed), no network, no forms, no `<base>`. Under file:// Chromium
 * lets `'self'` match the report's local CSS and JS.
 */
export const CSP = "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'";

export interface PageOptions {
  readonly title: string;
  /** Relative path from the page to the report root: `''`, `'../'`, `'../../'`. */
  readonly root: string;
  readonly body: string;
  /** Which top link is current. */
  readonly section?: 'overview' | 'documents' | 'speakers' | 'errors';
}

export function page({ title, root, body, section }: PageOptions): string {
  const link = (href: string, label: string, name: PageOptions['section']) =>
    `<a href="${root}${href}"${name === section ? ' aria-current="page"' : ''}>${label}</a>`;
  const nav = section === 'errors'
    ? link('index.html', 'Scores and documents', 'errors')
    : [link('index.html', 'Overview', 'overview'), link('documents/page-1.html', 'Documents', 'documents'), link('speakers/page-1.html', 'Speakers', 'speakers')].join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="${root}report.css">
<script src="${root}report.js" defer></script>
</head>
<body>
<nav class="top">
${nav}
</nav>
<main>
${body}
</main>
<div id="tip" role="tooltip" hidden></div>
</body>
</html>
`;
}

export interface Bar {
  readonly label: string;
  readonly value: number;
  /** Makes the label a link. */
  readonly href?: string;
  /** A class for the bar's colour (`direct`, `indirect`, …). */
  readonly kind?: string;
}

/**
 * A horizontal bar chart as a table: labels and counts stay HTML (links, copyable), the bars are
 * inline SVG, which a strict CSP allows where a `style="width: …"` attribute would be blocked.
 */
export function barChart(caption: string, bars: readonly Bar[]): string {
  if (bars.length === 0) return `<p class="empty">${escapeHtml(caption)}: none.</p>`;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const rows = bars.map((b) => {
    const label = b.href === undefined ? escapeHtml(b.label) : `<a href="${escapeHtml(b.href)}">${escapeHtml(b.label)}</a>`;
    const width = Math.max(0.5, (100 * b.value) / max).toFixed(1);
    const cls = b.kind === undefined ? 'bar' : `bar bar-${escapeHtml(b.kind)}`;
    return `<tr><th scope="row">${label}</th><td class="num">${b.value}</td><td class="bar-cell"><svg class="${cls}" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true"><rect width="${width}" height="10"/></svg></td></tr>`;
  });
  return `<table class="chart"><caption>${escapeHtml(caption)}</caption>\n${rows.join('\n')}\n</table>`;
}

/** `‹ previous · 1 … 4 5 [6] 7 8 … 500 · next ›`: a window of page links, so a list page stays small at any corpus size. */
export function pager(current: number, total: number, href: (n: number) => string): string {
  if (total <= 1) return '';
  const shown = new Set<number>([1, total]);
  for (let n = current - 3; n <= current + 3; n++) if (n >= 1 && n <= total) shown.add(n);
  const items: string[] = [];
  let previous = 0;
  for (const n of [...shown].sort((a, b) => a - b)) {
    if (n > previous + 1) items.push('<span class="gap">…</span>');
    items.push(n === current ? `<span aria-current="page">${n}</span>` : `<a href="${href(n)}">${n}</a>`);
    previous = n;
  }
  const prev = current > 1 ? `<a href="${href(current - 1)}" rel="prev">‹ previous</a>` : '';
  const next = current < total ? `<a href="${href(current + 1)}" rel="next">next ›</a>` : '';
  return `<nav class="pager" aria-label="pages">${[prev, ...items, next].filter((s) => s !== '').join(' ')}</nav>`;
}

/** `0.93` → `93 %`. */
export function percent(part: number, whole: number): string {
  return whole === 0 ? '–' : `${Math.round((100 * part) / whole)} %`;
}

/** A JSON string, escaped for an attribute: its quotation marks are known, only its content needs looking at. */
const jsonAttribute = (s: string) => `&quot;${escapeHtml(JSON.stringify(s).slice(1, -1))}&quot;`;

/**
 * A tooltip's rows, as the JSON the report's script reads from `data-tip` (never as HTML): the same
 * characters as `escapeHtml(JSON.stringify(rows))`, built a string at a time, which costs a page a
 * fifth of the time escaping every quotation mark JSON puts in.
 */
export function tipAttribute(rows: readonly (readonly [string, string])[]): string {
  let json = '';
  for (const [key, value] of rows) json += `${json === '' ? '' : ','}[${jsonAttribute(key)},${jsonAttribute(value)}]`;
  return ` data-tip="[${json}]"`;
}
