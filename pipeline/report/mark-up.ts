// Turns possibly overlapping spans over a text into well-nested HTML, splitting an element where spans cross.
//
// A quote's cue can sit inside another quote, a debris line inside a quote, a quote inside a
// quote: "“We will,” he said, “win.”" has a mention and a cue inside the quote's hull. HTML
// needs nesting, so where two spans cross the inner one is closed and reopened: one span may
// become several elements (fragments), the first of which carries its id and tab stop.

import { escapeHtml } from './html.ts';

export interface Mark {
  /** Half-open `[start, end)` into the text. */
  readonly start: number;
  readonly end: number;
  /**
   * The opening tag of the span's first element; of the later ones too, unless `reopen` is given.
   * A function gets the element's number (0 for the first).
   */
  readonly open: string | ((fragment: number) => string);
  /** The opening tag of every element after the first, when it differs from a string `open`. */
  readonly reopen?: string;
  readonly close: string;
  /** Between marks that begin and end together, the lower rank nests outside. */
  readonly rank: number;
}

interface Open {
  readonly mark: Mark;
  /** The span clipped to the text. */
  readonly start: number;
  readonly end: number;
  fragments: number;
}

const tag = (o: Open): string => {
  const { open, reopen } = o.mark;
  const n = o.fragments++;
  return typeof open === 'string' ? (n === 0 || reopen === undefined ? open : reopen) : open(n);
};

// outer first: the one that ends later, then the lower rank
const outerFirst = (a: Open, b: Open) => b.end - a.end || a.mark.rank - b.mark.rank || a.start - b.start;

/** The text, escaped, with each mark's tags around its span; empty and out-of-range spans are clipped or dropped. */
export function markUp(text: string, marks: readonly Mark[]): string {
  // in order of their start, and as given among those starting together
  const spans: Open[] = [];
  for (const mark of marks) {
    const start = Math.max(0, mark.start);
    const end = Math.min(text.length, mark.end);
    if (end > start) spans.push({ mark, start, end, fragments: 0 });
  }
  spans.sort((a, b) => a.start - b.start);
  const points = new Float64Array(spans.length * 2 + 2);
  points[0] = 0;
  points[1] = text.length;
  for (const [i, o] of spans.entries()) {
    points[2 * i + 2] = o.start;
    points[2 * i + 3] = o.end;
  }
  points.sort();
  let out = '';
  const stack: Open[] = [];
  let next = 0;
  for (let i = 0; i < points.length; i++) {
    const at = points[i]!;
    if (i > 0 && at === points[i - 1]) continue;
    // close what ends here, and everything opened inside it, which is reopened below
    let opening: Open[] = [];
    let lowest = 0;
    while (lowest < stack.length && stack[lowest]!.end > at) lowest++;
    while (stack.length > lowest) {
      const o = stack.pop()!;
      out += o.mark.close;
      if (o.end > at) opening.push(o);
    }
    while (next < spans.length && spans[next]!.start === at) opening.push(spans[next++]!);
    if (opening.length > 1) opening = opening.sort(outerFirst);
    for (const o of opening) {
      out += tag(o);
      stack.push(o);
    }
    let j = i + 1;
    while (j < points.length && points[j] === at) j++;
    if (j < points.length) out += escapeHtml(text.slice(at, points[j]));
  }
  while (stack.length > 0) out += stack.pop()!.mark.close;
  return out;
}
