// Pairs quotation marks into quotation spans: every mark style, apostrophes told apart, nesting, quotes over several paragraphs.
import { message, type Doc, type QuoteSpan, type Span } from '../document.ts';

type Family = QuoteSpan['family'];
type Role = 'open' | 'close' | 'either';

interface Mark extends Span {
  readonly family: Family;
  readonly role: Role;
}

interface Open extends Span {
  readonly family: Family;
  /** Content parts of earlier paragraphs, for a quotation continued across a paragraph break. */
  readonly parts: Span[];
  /** Where this paragraph's part of the content starts. */
  readonly from: number;
  /** The first opening mark of a continued quotation. */
  readonly first: Span;
}

const SOURCE = 'find-quotes';
/** Bounds the pairing stack so that thousands of unmatched marks stay linear. */
const MAX_DEPTH = 8;

const isSpace = (c: string) => c === '' || /\s/u.test(c);
const isWordChar = (c: string) => /[\p{L}\p{N}]/u.test(c);
const OPENING_CONTEXT = /[\s([{\u2014\u2013/-]/u;
// `’90s`, `’em`, `’til`, `rock ’n’ roll`: elisions, not quotations
const ELISION = /^(?:\d\ds?\b|em\b|til\b|cause\b|tis\b|n['’]\s)/iu;

/** Classifies the character(s) at `i` as a quotation mark, or null (apostrophes, primes, text). */
function markAt(text: string, i: number): Mark | null {
  const c = text[i]!;
  const prev = text[i - 1] ?? '';
  // `''like this''` (NYT archives) and `` ``like this'' ``: two marks that act as one double quote
  if ((c === "'" || c === '’' || c === '‘' || c === '`') && text[i + 1] === c && text[i + 2] !== c && prev !== c) {
    const role = c === '`' || c === '‘' ? 'open' : flank(text, i, i + 2);
    return role ? { start: i, end: i + 2, family: 'double', role } : null;
  }
  switch (c) {
    case '“':
    case '„':
      // German `„…“` closes with “: after a word and before a space or punctuation it is a closer.
      if (c === '“' && !isSpace(prev) && !isWordChar(text[i + 1] ?? '') && prev !== '„') return { start: i, end: i + 1, family: 'double', role: 'either' };
      return { start: i, end: i + 1, family: 'double', role: 'open' };
    case '”':
      // `”Fear. I am truly afraid …”`: a right mark typed as the opener, before a word and after a space
      // (and at a paragraph's start, where nothing is open: `” … what I learned …`)
      if (((isSpace(prev) || OPENING_CONTEXT.test(prev)) && isWordChar(text[i + 1] ?? '')) || prev === '\n' || i === 0) return { start: i, end: i + 1, family: 'double', role: 'either' };
      return { start: i, end: i + 1, family: 'double', role: 'close' };
    case '«':
      return { start: i, end: i + 1, family: 'angle', role: 'open' };
    case '»':
      return { start: i, end: i + 1, family: 'angle', role: 'close' };
    case '"': {
      const role = flank(text, i, i + 1);
      return role ? { start: i, end: i + 1, family: 'double', role } : null;
    }
    case '‘':
    case "'":
    case '’': {
      const next = text[i + 1] ?? '';
      // won’t, Trump’s, O'Brien
      if (isWordChar(prev) && isWordChar(next)) return null;
      if (isSpace(prev) || OPENING_CONTEXT.test(prev) || /["“„]/u.test(prev)) {
        if (ELISION.test(text.slice(i + 1, i + 5))) return null;
        if (isSpace(next)) return null;
        // A right single mark after a space is an elision far more often than an opener.
        return c === '’' ? null : { start: i, end: i + 1, family: 'single', role: 'open' };
      }
      if (c === '‘') return { start: i, end: i + 1, family: 'single', role: 'open' };
      // `with Russia’`, `officials’`: a closer if a single quotation is open, else a possessive
      return { start: i, end: i + 1, family: 'single', role: 'close' };
    }
    default:
      return null;
  }
}

/** Direction of an undirected mark from the characters around it. */
function flank(text: string, start: number, end: number): Role | null {
  const prev = text[start - 1] ?? '';
  const next = text[end] ?? '';
  const leftOpen = isSpace(prev) || OPENING_CONTEXT.test(prev) || /[“‘„«]/u.test(prev);
  const rightOpen = isSpace(next) || /[.,;:!?)\]}\u2014\u2013'’”»-]/u.test(next);
  if (leftOpen && !isSpace(next)) return rightOpen && !isSpace(prev) ? 'either' : 'open';
  if (!isSpace(prev) && rightOpen) return 'close';
  if (!isSpace(prev) && !isSpace(next)) return 'either';
  // `…it's a disgrace that he is doing this, " Trump said`: a mark between spaces closes an open quotation
  return start === end - 1 ? 'either' : null;
}

/** Marks of a block's text, in order. */
function marksIn(view: string, block: Span): Mark[] {
  const marks: Mark[] = [];
  const re = /["“”„«»'‘’`]/gu;
  re.lastIndex = block.start;
  for (let m = re.exec(view); m !== null && m.index < block.end; m = re.exec(view)) {
    // `''I would use the word 'old-school,''' said …`: three apostrophes are a single and a doubled mark
    const i = m.index;
    if ((view[i] === "'" || view[i] === '’') && view[i + 1] === view[i] && view[i + 2] === view[i] && view[i + 3] !== view[i] && view[i - 1] !== view[i] && i + 3 <= block.end) {
      const role = flank(view, i, i + 3);
      if (role === 'close') marks.push({ start: i, end: i + 1, family: 'single', role: 'close' }, { start: i + 1, end: i + 3, family: 'double', role: 'close' });
      if (role === 'open') marks.push({ start: i, end: i + 2, family: 'double', role: 'open' }, { start: i + 2, end: i + 3, family: 'single', role: 'open' });
      if (role === 'close' || role === 'open') {
        re.lastIndex = i + 3;
        continue;
      }
    }
    const mark = markAt(view, m.index);
    if (mark === null) continue;
    if (mark.end > block.end) break;
    marks.push(mark);
    re.lastIndex = mark.end;
  }
  return marks;
}

export function findQuotes(doc: Doc): void {
  const view = doc.view;
  const quotes: QuoteSpan[] = [];
  const blocks = doc.blocks.filter((b) => b.kind === 'title' || b.kind === 'paragraph');
  let carried: Open | null = null;

  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b]!;
    const marks = marksIn(view, block);
    const stack: Open[] = [];
    let k = 0;
    if (carried !== null) {
      // The open-quote convention: a quotation that runs on opens each new paragraph again.
      const first = marks[0];
      if (first && first.family === carried.family && first.role !== 'close' && view.slice(block.start, first.start).trim() === '') {
        stack.push({ ...carried, from: first.end });
        k = 1;
      } else recoverUnclosed(doc, carried, quotes);
      carried = null;
    }

    for (; k < marks.length; k++) {
      const mark = marks[k]!;
      const top = stack[stack.length - 1];
      const closes = mark.role === 'close' || (mark.role === 'either' && top?.family === mark.family);
      if (!closes) {
        if (mark.family === 'single' && mark.role !== 'open') continue;
        if (stack.length >= MAX_DEPTH) unclosed(doc, stack.shift()!);
        stack.push({ start: mark.start, end: mark.end, family: mark.family, parts: [], from: mark.end, first: mark });
        continue;
      }
      let at = stack.length - 1;
      while (at >= 0 && stack[at]!.family !== mark.family) at--;
      if (at === -1) {
        // A lone right single mark is an apostrophe (`officials’`); other closers are data problems.
        if (mark.family !== 'single') message(doc, 'Unpaired closing quotation mark', mark, 'quote-unpaired', SOURCE);
        continue;
      }
      while (stack.length > at + 1) {
        const dropped = stack.pop()!;
        if (dropped.family !== 'single') unclosed(doc, dropped);
      }
      const open = stack.pop()!;
      const parts = [...open.parts, { start: open.from, end: mark.start }];
      quotes.push({ start: parts[0]!.start, end: mark.start, open: open.first, close: { start: mark.start, end: mark.end }, depth: stack.length, family: open.family, parts });
    }

    // An outermost quotation left open at the paragraph's end may continue in the next one.
    const outer = stack[0];
    if (outer && outer.family !== 'single') {
      carried = { ...outer, parts: [...outer.parts, { start: outer.from, end: trimEnd(view, block.end) }] };
      for (const inner of stack.slice(1)) if (inner.family !== 'single') unclosed(doc, inner);
    } else for (const open of stack) if (open.family !== 'single') unclosed(doc, open);
  }
  if (carried !== null) recoverUnclosed(doc, carried, quotes);

  quotes.sort((a, b) => a.start - b.start || b.end - a.end);
  doc.quotes = quotes;
}

function trimEnd(view: string, end: number): number {
  while (end > 0 && /\s/u.test(view[end - 1]!)) end--;
  return end;
}

/** `He said: “we will win.` and no closing mark in the paragraph: the most plausible quotation runs to the paragraph's end. */
function recoverUnclosed(doc: Doc, open: Open, quotes: QuoteSpan[]): void {
  unclosed(doc, open);
  const parts = open.parts.filter((p) => p.end > p.start);
  const words = parts.reduce((n, p) => n + (doc.view.slice(p.start, p.end).match(/[\p{L}\p{N}]+/gu)?.length ?? 0), 0);
  if (parts.length === 0 || words < 2) return;
  quotes.push({ start: parts[0]!.start, end: parts[parts.length - 1]!.end, open: open.first, close: null, depth: 0, family: open.family, parts });
}

function unclosed(doc: Doc, open: Open): void {
  message(doc, 'Unpaired opening quotation mark', open.first, 'quote-unpaired', SOURCE);
}
