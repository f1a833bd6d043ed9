// Finds the article inside a scraped or PDF-extracted page: marks content blocks and debris, never rewriting the text.
import type { Block, Doc, Span } from '../document.ts';

interface Line extends Span {
  /** The line without surrounding whitespace. */
  readonly trimmed: string;
  /** Offset of `trimmed` in the text. */
  readonly from: number;
  /** Whitespace before the line's first character (PDF extraction indents new paragraphs). */
  readonly indented: boolean;
}

interface Paragraph {
  lines: Line[];
  /** Lines marked as debris by a pattern, with the reason. */
  debris: Map<Line, string>;
}

const MONTH = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;

// Each rule marks one line as debris; the first that matches names the reason.
const LINE_RULES: readonly [RegExp, string][] = [
  // `{{item.suffix?", "+item.suffix:""}}`: an unrendered client-side template
  [/\{\{.*\}\}/, 'template'],
  // `7/19/2017 Trump says … — RT America`: the print date and title a browser puts atop a PDF page
  [/^\d{1,2}\/\d{1,2}\/\d{2,4},?\s+\S.*$/, 'page-header'],
  // `https://www.rt.com/usa/395792-trump-putin-cybersecurity-unit/ 1/7`
  [/^(?:https?:\/\/|www\.)\S+(?:\s+\d+\s*\/\s*\d+)?$/, 'page-footer'],
  // `Page 3 of 7`, `3/7`
  [/^(?:page\s+)?\d+\s*(?:\/|of)\s*\d+$/i, 'page-footer'],
  [/^(?:реклама|advertisement|sponsored(?: content)?|ad)$/i, 'advertisement'],
  // `© AP Photo/Evan Vucci`, `… © Carlos Barria / Reuters`
  [/©|^(?:photo|image|picture|video)(?:\s+credit)?\s*:|^(?:ap|afp|reuters|getty)\s+(?:photo|images)/i, 'photo-credit'],
  [/^(?:read (?:also|more)|related(?: articles?| stories| news)?|see also|more on (?:this|that)|recommended)\b/i, 'related-link'],
  [/^(?:most (?:read|popular|viewed|shared)|top stories|trending(?: now)?|latest news|more news|editor'?s picks?)$/i, 'list'],
  [/^(?:share(?: this(?: article)?)?|tweet|e-?mail|print|comments?|show more|load more|loading…?|subscribe|follow us)$/i, 'share'],
  // `1 pages in this article`
  [/^\d+\s+pages?\s+in\s+this\s+article$/i, 'navigation'],
];

// `Published time: 9 Jul, 2017 12:03`, `July 10, 15:13 UTC+3 MOSCOW`, `13:11 GMT, Jul 19, 2017`
const DATELINE = new RegExp(
  String.raw`^(?:(?:published|updated|edited|posted|last updated)(?: time| on)?\s*:?\s*)?` +
    String.raw`(?:\d{1,2}:\d{2}\s*(?:gmt|utc|[ap]\.?m\.?)|` +
    String.raw`${MONTH}\s+\d{1,2}\b|\d{1,2}\s+${MONTH}\b|\d{4}-\d{2}-\d{2})[^.!?]*$`,
  'i',
);
const DATE_PREFIX = /^(?:published|updated|edited|posted|last updated)(?: time| on)?\s*:?\s*/i;
const EDIT_LINE = /^(?:edited|updated|last updated)(?: time| on)?\s*:/i;
// `2:07 PM - 9 Jul 2017`: the footer of an embedded tweet
// `— Donald J. Trump (@realDonaldTrump) July 9, 2017`: the footer of a tweet embedded as text
const TWEET_FOOTER = new RegExp(
  String.raw`^(?:\d{1,2}:\d{2}\s*[ap]m\s*[-–·]\s*\d{1,2}\s+${MONTH}\s+\d{4}|[—–-]\s*[^()]{1,60}\(@\w{1,30}\)\s*${MONTH}\s+\d{1,2},\s*\d{4})$`,
  'i',
);
// `‘Sanctions not discussed with Putin, until Ukrainian crisis resolved’ – Trump`: a subheading glued to the next paragraph
const HEADING_WITH_SPEAKER = /["'”’»]\s*[–—-]\s*\p{Lu}[\p{L}.'’ -]{0,40}$/u;
const TERMINAL = /[.!?…]["'”’»)\]]*$/;
const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu;

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const raw = text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    lines.push({ start, end, trimmed, from: start + lead, indented: lead > 0 && trimmed !== '' });
    start = end + 1;
  }
  return lines;
}

function words(s: string): string[] {
  return s.match(WORD) ?? [];
}

/** Prose: a sentence a reader reads, not a menu item or headline. */
function isProse(p: Paragraph): boolean {
  const content = p.lines.filter((l) => !p.debris.has(l) && !DATELINE.test(l.trimmed));
  const last = content[content.length - 1];
  if (last === undefined) return false;
  const ws = words(content.map((l) => l.trimmed).join(' '));
  const lower = ws.filter((w) => /^\p{Ll}/u.test(w)).length;
  if (isNavigation(content)) return false;
  return ((TERMINAL.test(last.trimmed) && ws.length >= 3) || ws.length >= 25) && lower >= ws.length / 3;
}

/** A headline: several words, mostly in Latin letters with lower case, not a menu or a date. */
function isHeadline(lines: readonly Line[]): boolean {
  const text = lines.map((l) => l.trimmed).join(' ');
  const ws = words(text);
  if (ws.length < 4 || ws.length > 40 || DATELINE.test(text)) return false;
  const readable = ws.filter((w) => /^[\p{Script=Latin}\p{N}'’.-]+$/u.test(w) && /\p{Ll}/u.test(w)).length;
  return readable >= 4 && readable >= ws.length * 0.6;
}

/** Most longer words capitalised, as headlines are written. */
function isHeadlineCase(lines: readonly Line[]): boolean {
  const ws = words(lines.map((l) => l.trimmed).join(' ')).filter((w) => w.length >= 4);
  return ws.length > 0 && ws.filter((w) => /^\p{Lu}/u.test(w)).length >= ws.length * 0.6;
}

/** Menus and link lists: several lines, half of them a few words, nearly none ending a sentence. */
function isNavigation(lines: readonly Line[]): boolean {
  if (lines.length < 3) return false;
  const short = lines.filter((l) => words(l.trimmed).length <= 4 && !TERMINAL.test(l.trimmed)).length;
  const unfinished = lines.filter((l) => !TERMINAL.test(l.trimmed)).length;
  return short >= lines.length * 0.5 && unfinished >= lines.length * 0.8;
}

function ruleFor(line: Line): string | null {
  for (const [pattern, reason] of LINE_RULES) if (pattern.test(line.trimmed)) return reason;
  return null;
}

function paragraphsOf(lines: Line[]): Paragraph[] {
  // One paragraph per line when most long lines end a sentence and run straight into the next line;
  // lines wrapped by a PDF end mid-sentence, and most files put a blank line between paragraphs.
  const long = lines.map((l, i) => [l, lines[i + 1]] as const).filter(([l]) => words(l.trimmed).length >= 8);
  const finished = long.filter(([l]) => TERMINAL.test(l.trimmed));
  const adjacent = finished.filter(([, next]) => next !== undefined && next.trimmed !== '').length;
  const linePerParagraph = adjacent >= 2 && finished.length >= long.length * 0.6;

  const paragraphs: Paragraph[] = [];
  let current: Line[] = [];
  const flush = () => {
    if (current.length > 0) paragraphs.push({ lines: current, debris: new Map() });
    current = [];
  };
  for (const line of lines) {
    if (line.trimmed === '') {
      flush();
      continue;
    }
    const previous = current[current.length - 1];
    // PDF text: an indented line after a finished sentence starts a new paragraph.
    const sentenceEnded = previous !== undefined && TERMINAL.test(previous.trimmed);
    const proseLine = previous !== undefined && (words(previous.trimmed).length >= 8 || words(line.trimmed).length >= 8);
    if (previous && line.trimmed !== previous.trimmed && ((linePerParagraph && (sentenceEnded || proseLine)) || (line.indented && sentenceEnded))) flush();
    // A subheading with a speaker, then the paragraph it heads, on the next line.
    if (previous && HEADING_WITH_SPEAKER.test(previous.trimmed) && !TERMINAL.test(previous.trimmed)) flush();
    current.push(line);
  }
  flush();
  return paragraphs;
}

function markLineDebris(p: Paragraph): void {
  let previous: Line | null = null;
  let inList = false;
  for (const line of p.lines) {
    const reason = ruleFor(line);
    // `TOP STORIES` then its headlines: lines without a full stop after a list's heading belong to the list
    if (reason === null && inList && !TERMINAL.test(line.trimmed)) {
      p.debris.set(line, 'list');
      continue;
    }
    inList = reason === 'list' || (inList && reason !== null);
    if (reason !== null) p.debris.set(line, reason);
    // PDF extraction repeats a line at a page or column break.
    else if (previous !== null && line.trimmed === previous.trimmed && words(line.trimmed).length >= 2) p.debris.set(line, 'duplicate-line');
    else previous = line;
  }
  // One credit line makes the whole caption debris: `… Trump © Carlos Barria /` + `Reuters`.
  const caption = [...p.debris.values()].includes('photo-credit');
  const related = p.debris.get(p.lines[0]!) === 'related-link';
  const tweet = p.lines.some((l) => TWEET_FOOTER.test(l.trimmed));
  if (caption || related || tweet) {
    const reason = caption ? 'photo-credit' : related ? 'related-link' : 'embed';
    for (const line of p.lines) if (!p.debris.has(line) || p.debris.get(line) === 'duplicate-line') p.debris.set(line, reason);
  }
}

function contentLines(p: Paragraph): Line[] {
  return p.lines.filter((l) => !p.debris.has(l));
}

export function clean(doc: Doc): void {
  const text = doc.text;
  const paragraphs = paragraphsOf(splitLines(text));
  for (const p of paragraphs) markLineDebris(p);

  const blocks: Block[] = [];
  const debris = (line: Line, reason: string) => blocks.push({ start: line.from, end: line.from + line.trimmed.length, kind: 'debris', reason });
  const allDebris = (p: Paragraph, reason: string) => {
    for (const line of p.lines) debris(line, p.debris.get(line) ?? reason);
  };
  const content = (p: Paragraph, kind: Block['kind']) => {
    for (const [line, reason] of p.debris) debris(line, reason);
    const lines = contentLines(p);
    const first = lines[0];
    const last = lines[lines.length - 1];
    if (first && last) blocks.push({ start: first.from, end: last.from + last.trimmed.length, kind, reason: kind });
  };

  // The body runs from the first to the last paragraph of prose; the title and dateline come before it.
  const prose = paragraphs.map(isProse);
  let bodyStart = prose.indexOf(true);
  let bodyEnd = prose.lastIndexOf(true);
  if (bodyStart === -1) {
    bodyStart = 0;
    bodyEnd = paragraphs.length - 1;
  }

  // Outlet from a PDF page header: `7/19/2017 Trump says … — RT America`.
  for (const p of paragraphs) {
    for (const [line, reason] of p.debris) {
      const outlet = reason === 'page-header' ? /\s[—–|-]\s([^—–|]+)$/.exec(line.trimmed) : null;
      if (outlet && doc.outlet === null) doc.outlet = outlet[1]!.trim();
    }
  }

  // Before the body: menus, the title, datelines, a subheadline. Lines are taken in runs between datelines.
  let titleAt = -1;
  for (let i = 0; i < bodyStart || (i === bodyStart && titleAt === -1 && i < bodyEnd); i++) {
    const p = paragraphs[i]!;
    const lines = contentLines(p);
    // the first paragraph of prose is the body's unless it is a one-paragraph title
    if (i === bodyStart && !(lines.length <= 3 && isHeadline(lines) && isHeadlineCase(lines))) break;
    if (isNavigation(lines)) {
      allDebris(p, 'navigation');
      continue;
    }
    for (const [line, reason] of p.debris) debris(line, reason);
    let run: Line[] = [];
    const flushRun = () => {
      const first = run[0];
      const last = run[run.length - 1];
      // a first paragraph that reads as prose is a title only in title case (`Stealth Over Health: … Optics.`)
      const titleCase = i !== bodyStart || isHeadlineCase(run);
      if (first && last && run.length <= 3 && isHeadline(run) && (titleAt !== -1 || titleCase)) {
        const block: Block = { start: first.from, end: last.from + last.trimmed.length, kind: titleAt === -1 ? 'title' : 'paragraph', reason: titleAt === -1 ? 'title' : 'subheadline' };
        blocks.push(block);
        if (titleAt === -1) {
          titleAt = i;
          doc.title = block;
        }
      } else for (const line of run) debris(line, 'navigation');
      run = [];
    };
    for (const line of lines) {
      if (!DATELINE.test(line.trimmed)) {
        run.push(line);
        continue;
      }
      flushRun();
      // Before the title a date is the page's own (print time); after it, the article's.
      if (titleAt === -1 || EDIT_LINE.test(line.trimmed)) {
        debris(line, 'metadata');
        continue;
      }
      const prefix = DATE_PREFIX.exec(line.trimmed)?.[0].length ?? 0;
      const block: Block = { start: line.from + prefix, end: line.from + line.trimmed.length, kind: 'dateline', reason: 'dateline' };
      blocks.push(block);
      if (doc.date === null) doc.date = block;
    }
    flushRun();
    // A one-paragraph title that reads as prose (`Stealth Over Health: … Optics.`) is still the title.
    if (i === bodyStart && titleAt === i) bodyStart++;
  }

  let previousRelated = false;
  for (let i = bodyStart; i <= bodyEnd; i++) {
    const p = paragraphs[i]!;
    const lines = contentLines(p);
    // `Read also` on its own line, then the linked headline as the next paragraph.
    if (previousRelated && !prose[i] && lines.length <= 2) {
      allDebris(p, 'related-link');
      previousRelated = false;
      continue;
    }
    previousRelated = lines.length === 0 && [...p.debris.values()].includes('related-link');
    if (lines.length === 0) allDebris(p, 'debris');
    else if (!prose[i] && isNavigation(lines)) allDebris(p, 'navigation');
    else content(p, 'paragraph');
  }
  for (let i = bodyEnd + 1; i < paragraphs.length; i++) allDebris(paragraphs[i]!, 'boilerplate');

  // Dateline at the head of the body: `MOSCOW, July 10. /TASS/.`
  const firstBody = blocks.find((b) => b.reason === 'paragraph');
  if (firstBody && doc.outlet === null) {
    const head = text.slice(firstBody.start, Math.min(firstBody.end, firstBody.start + 120));
    const agency = /^[^\n]{0,40}?(?:^|\s)[/(]([\p{Lu}][\p{L} ]{1,20})[/)]/u.exec(head);
    if (agency) doc.outlet = agency[1]!;
  }

  blocks.sort((a, b) => a.start - b.start || a.end - b.end);
  doc.blocks = blocks;
  doc.view = viewOf(text, blocks);
}

/**
 * The text the NLP stages read: content as written, line breaks inside a block as spaces, debris
 * blanked. Same length as the original, so an offset in one is the same offset in the other.
 */
function viewOf(text: string, blocks: readonly Block[]): string {
  // content blocks as pieces of text, with debris inside them (a duplicated PDF line) as pieces of blank
  const pieces: { start: number; end: number; keep: boolean }[] = [];
  const debris = blocks.filter((b) => b.kind === 'debris');
  for (const block of blocks) {
    if (block.kind === 'debris' || block.kind === 'dateline') continue;
    let from = block.start;
    for (const d of debris) {
      if (d.start < from || d.end > block.end) continue;
      pieces.push({ start: from, end: d.start, keep: true }, { start: d.start, end: d.end, keep: false });
      from = d.end;
    }
    pieces.push({ start: from, end: block.end, keep: true });
  }
  pieces.sort((a, b) => a.start - b.start);
  const out: string[] = [];
  let at = 0;
  for (const p of pieces) {
    if (p.start < at || p.end <= p.start) continue;
    // between blocks only line breaks stay; inside a block a line break is a space
    out.push(text.slice(at, p.start).replace(/[^\n]/g, ' '));
    out.push(p.keep ? text.slice(p.start, p.end).replace(/[\n\r\t]/g, ' ') : ' '.repeat(p.end - p.start));
    at = p.end;
  }
  out.push(text.slice(at).replace(/[^\n]/g, ' '));
  return out.join('');
}
