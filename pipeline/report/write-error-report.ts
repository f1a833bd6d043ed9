// The error view of `quotes eval --report <dir>`: the scores, then each gold document with its misses, spurious quotes and wrong speakers marked in the text.
import { createDoc } from '../document.ts';
import { accuracy, f1, precision, recall, type EvaluationError, type EvaluationReport, type GoldDoc, type GoldQuote, type QuoteRecord, type Share, type TypeRow } from '../evaluate.ts';
import { clean } from '../stages/01-clean.ts';
import { barChart, escapeHtml, page, tipAttribute } from './html.ts';
import { markUp, type Mark } from './mark-up.ts';
import { documentPath, FROM_SHARD } from './paths.ts';
import { ReportDir } from './report-dir.ts';
import { SCRIPT } from './script.ts';
import { STYLE } from './style.ts';

export interface WriteErrorReportOptions {
  /** The report folder; replaced as a whole once every page is written. */
  readonly dir: string;
  readonly gold: readonly GoldDoc[];
  readonly predicted: readonly QuoteRecord[];
  /** `evaluate(gold, predicted, …)`. */
  readonly report: EvaluationReport;
}

const ROWS: readonly TypeRow[] = ['direct', 'indirect', 'mixed', 'all'];
const KIND_LABEL: Readonly<Record<EvaluationError['kind'], string>> = { miss: 'missed', spurious: 'spurious', 'wrong-speaker': 'wrong speaker' };
const n2 = (x: number) => x.toFixed(2);

function scoresTable(report: EvaluationReport): string {
  const rows = ROWS.map((row) => {
    const { overlap, exact } = report.byType[row];
    const cells = [String(overlap.goldTp + overlap.fn), String(overlap.tp + overlap.fp), n2(precision(overlap)), n2(recall(overlap)), n2(f1(overlap)), n2(f1(exact))];
    return `<tr><th scope="row">${row}</th>${cells.map((c) => `<td class="num">${c}</td>`).join('')}</tr>`;
  });
  const share = (label: string, s: Share) => `<tr><th scope="row">${label}</th><td class="num">${s.total === 0 ? 'n/a' : n2(accuracy(s))}</td><td class="num">${s.right}/${s.total}</td></tr>`;
  const e2e = report.endToEnd;
  return `<div class="scroll"><table class="scores">
<caption>Quotes (overlap match; precision by predicted type, recall by gold type)</caption>
<thead><tr><th>type</th><th class="num">gold</th><th class="num">pred</th><th class="num">P</th><th class="num">R</th><th class="num">F1</th><th class="num">exact F1</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody></table></div>
<div class="scroll"><table class="scores">
<caption>Speakers of matched quotes</caption>
<tbody>
${share('speaker accuracy', report.speaker.all)}
${share('gold speaker is a name', report.speaker.names)}
${share('gold pronoun resolved to a name', report.speaker.pronounsResolved)}
${share('exact name (canonical gold)', report.speaker.exactName)}
</tbody></table></div>
<p><strong>End to end</strong> (quote and speaker): P ${n2(precision(e2e))} · R ${n2(recall(e2e))} · F1 ${n2(f1(e2e))}</p>
<p class="meta">${report.documents} gold documents, ${report.documentsPredicted} with predictions; ${report.ignored} predictions ignored (matching only uncounted gold), ${report.unknownDocument} in documents not in gold.</p>`;
}

function goldSpans(q: GoldQuote): (readonly [number, number])[] {
  if (q.contentSpans !== undefined && q.contentSpans.length > 0) return [...q.contentSpans];
  if (typeof q.start === 'number' && typeof q.end === 'number') return [[q.start, q.end]];
  return [];
}

function predictedTip(kind: string, p: QuoteRecord, gold?: GoldQuote): string {
  return tipAttribute([
    ['Prediction', kind],
    ['Type', p.type],
    ['Speaker', p.speaker === null ? 'none' : p.speaker.mention === p.speaker.name ? p.speaker.name : `${p.speaker.name} (“${p.speaker.mention}”)`],
    ...(gold === undefined ? [] : [['Gold speaker', gold.speaker ?? 'none'] as const]),
    ['Cue', p.cue === null ? 'none' : p.cue.text],
    ['Sieve', p.sieve],
    ['Confidence', p.confidence.toFixed(2)],
  ]);
}

function goldTip(q: GoldQuote): string {
  return tipAttribute([
    ['Gold', 'missed'],
    ['Type', q.type ?? q.quoteKindHeuristic ?? 'unknown'],
    ['Gold speaker', q.speaker ?? 'none'],
    ['Gold cue', q.cue ?? 'none'],
  ]);
}

const focusable = (cls: string, anchor: string, tip: string) => (n: number) =>
  n === 0 ? `<mark class="${cls}" id="${anchor}" tabindex="0"${tip}>` : `<mark class="${cls}"${tip}>`;

function renderErrorDocument(doc: GoldDoc, predicted: readonly QuoteRecord[], errors: readonly EvaluationError[], summary: string): string {
  const parsed = createDoc(doc.id, doc.text);
  clean(parsed);
  const marks: Mark[] = [];
  for (const b of parsed.blocks) {
    if (b.kind === 'debris') marks.push({ start: b.start, end: b.end, rank: 0, open: `<span class="debris" title="debris: ${escapeHtml(b.reason)}">`, close: '</span>' });
  }
  const errorOf = new Map<QuoteRecord, EvaluationError>();
  for (const e of errors) if (e.predicted !== undefined) errorOf.set(e.predicted, e);
  const anchorOf = new Map<EvaluationError, string>();
  errors.forEach((e, i) => anchorOf.set(e, `e-${i + 1}`));

  for (const [i, p] of [...predicted].sort((a, b) => a.start - b.start || a.end - b.end).entries()) {
    const e = errorOf.get(p);
    const cls = e === undefined ? 'pred-ok' : e.kind === 'spurious' ? 'err-spurious' : 'err-wrong';
    const anchor = e === undefined ? `p-${i + 1}` : anchorOf.get(e)!;
    marks.push({ start: p.start, end: p.end, rank: 1, open: focusable(cls, anchor, predictedTip(e === undefined ? 'right' : KIND_LABEL[e.kind], p, e?.gold)), close: '</mark>' });
    if (p.cue !== null) marks.push({ start: p.cue.start, end: p.cue.end, rank: 2, open: '<span class="cue">', close: '</span>' });
    if (e?.kind === 'wrong-speaker' && p.speaker !== null) marks.push({ start: p.speaker.start, end: p.speaker.end, rank: 2, open: '<span class="pred-who" title="predicted speaker">', close: '</span>' });
  }
  for (const e of errors) {
    const g = e.gold;
    if (g === undefined) continue;
    if (e.kind === 'miss') {
      for (const [k, [start, end]] of goldSpans(g).entries()) {
        const anchor = k === 0 ? anchorOf.get(e)! : `${anchorOf.get(e)!}-${k + 1}`;
        marks.push({ start, end, rank: 1, open: focusable('err-miss', anchor, goldTip(g)), close: '</mark>' });
      }
    }
    if (typeof g.speakerStart === 'number' && typeof g.speakerEnd === 'number') {
      marks.push({ start: g.speakerStart, end: g.speakerEnd, rank: 2, open: '<span class="gold-who" title="gold speaker">', close: '</span>' });
    }
  }

  const items = errors.map((e) => {
    const placed = e.kind !== 'miss' || goldSpans(e.gold!).length > 0;
    const label = placed ? `<a class="tag" href="#${anchorOf.get(e)!}">${KIND_LABEL[e.kind]}</a>` : `<span class="tag">${KIND_LABEL[e.kind]}</span> <span class="muted">(no offsets: not marked in the text)</span>`;
    const gold = e.gold === undefined ? '' : `<br>gold: <blockquote>${escapeHtml(e.gold.text)}</blockquote><span class="muted">speaker: ${escapeHtml(e.gold.speaker ?? '(none)')}</span>`;
    const pred = e.predicted === undefined ? '' : `<br>predicted: <blockquote>${escapeHtml(e.predicted.text)}</blockquote><span class="muted">speaker: ${escapeHtml(e.predicted.speaker?.name ?? '(none)')} · ${escapeHtml(e.predicted.sieve)} · ${e.predicted.confidence.toFixed(2)}</span>`;
    return `<li>${label}${gold}${pred}</li>`;
  });
  const count = (kind: EvaluationError['kind']) => errors.filter((e) => e.kind === kind).length;
  return page({
    title: `Errors: ${doc.id}`,
    root: FROM_SHARD,
    section: 'errors',
    body: `<h1>${escapeHtml(doc.id)}</h1>
<p class="meta">${summary}</p>
<ul class="stats">
<li><b>${doc.quotes.length}</b>gold quotes</li>
<li><b>${predicted.length}</b>predicted</li>
<li><b>${count('miss')}</b>missed</li>
<li><b>${count('spurious')}</b>spurious</li>
<li><b>${count('wrong-speaker')}</b>wrong speaker</li>
</ul>
<p class="legend"><mark class="err-miss">missed (gold)</mark> <mark class="err-spurious">spurious</mark> <mark class="err-wrong">wrong speaker</mark> <mark class="pred-ok">right</mark> <span class="gold-who">gold speaker</span> <span class="pred-who">predicted speaker</span> <span class="cue">cue</span> <span class="debris">debris</span> <span class="keys">Tab or <kbd>j</kbd>/<kbd>k</kbd> to step through</span></p>
<div class="text" id="text">${markUp(doc.text, marks)}</div>
<h2>Errors</h2>
${items.length === 0 ? '<p class="empty">No errors in this document.</p>' : `<ol class="quote-list">\n${items.join('\n')}\n</ol>`}`,
  });
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const list = groups.get(key(item));
    if (list === undefined) groups.set(key(item), [item]);
    else list.push(item);
  }
  return groups;
}

/** Writes the error view to `dir`: index.html with the scores and a row per gold document, and a page per document. */
export async function writeErrorReport(options: WriteErrorReportOptions): Promise<void> {
  if (typeof options?.dir !== 'string' || options.dir === '') throw new TypeError(`quotes: Expected \`dir\` to be a folder path, got \`${String(options?.dir)}\``);
  const { gold, predicted, report } = options;
  const errorsOf = groupBy(report.errors, (e) => e.doc);
  const predictedOf = groupBy(predicted, (p) => p.doc);
  const e2e = report.endToEnd;
  const summary = `Corpus end to end: P ${n2(precision(e2e))} · R ${n2(recall(e2e))} · F1 ${n2(f1(e2e))} · <a href="${FROM_SHARD}index.html">all scores</a>`;

  const dir = await ReportDir.create(options.dir);
  try {
    await dir.write('report.css', STYLE);
    await dir.write('report.js', SCRIPT);
    const rows: string[] = [];
    const totals = { miss: 0, spurious: 0, 'wrong-speaker': 0 };
    for (const doc of gold) {
      const errors = errorsOf.get(doc.id) ?? [];
      const preds = predictedOf.get(doc.id) ?? [];
      await dir.write(documentPath(doc.id), renderErrorDocument(doc, preds, errors, summary));
      const count = (kind: EvaluationError['kind']) => errors.filter((e) => e.kind === kind).length;
      for (const kind of ['miss', 'spurious', 'wrong-speaker'] as const) totals[kind] += count(kind);
      const cells = [doc.quotes.length, preds.length, count('miss'), count('spurious'), count('wrong-speaker')].map((x) => `<td class="num">${x}</td>`);
      rows.push(`<tr><td><a href="${documentPath(doc.id)}">${escapeHtml(doc.id)}</a></td>${cells.join('')}</tr>`);
    }
    await dir.write('index.html', page({
      title: 'Quotes: errors against gold',
      root: '',
      section: 'errors',
      body: `<h1>Errors against gold</h1>
${scoresTable(report)}
<h2>Errors</h2>
<div class="scroll">${barChart('Errors by kind', [
        { label: 'missed', value: totals.miss, kind: 'miss' },
        { label: 'spurious', value: totals.spurious, kind: 'spurious' },
        { label: 'wrong speaker', value: totals['wrong-speaker'], kind: 'wrong' },
      ])}</div>
<h2>Documents</h2>
<div class="scroll"><table>
<thead><tr><th>Document</th><th class="num">Gold</th><th class="num">Pred</th><th class="num">Missed</th><th class="num">Spurious</th><th class="num">Wrong speaker</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody></table></div>`,
    }));
    await dir.commit();
  } catch (error) {
    await dir.abort();
    throw error;
  }
}
