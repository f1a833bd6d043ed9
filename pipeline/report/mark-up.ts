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
  /** The opening tag of the n-th element the span becomes (0 for the first). */
  readonly open: (fragment: number) => string;
  readonly close: string;
  /** Between marks that begin and end together, the lower rank nests outside. */
  readonly rank: number;
}

interface Open {
  readonly mark: Mark;
  fragments: number;
}

/** The text, escaped, with each mark's tags around its span; empty and out-of-range spans are clipped or dropped. */
export function markUp(text: string, marks: readonly Mark[]): string {
  const clipped = marks
    .map((m) => ({ ...m, start: Math.max(0, m.start), end: Math.min(text.length, m.end) }))
    .filter((m) => m.end > m.start);
  const starting = new Map<number, Mark[]>();
  const boundaries = new Set<number>([0, text.length]);
  for (const m of clipped) {
    const list = starting.get(m.start) ?? [];
    list.push(m);
    starting.set(m.start, list);
    boundaries.add(m.start);
    boundaries.add(m.end);
  }
  const points = [...boundaries].sort((a, b) => a - b);
  const out: string[] = [];
  const stack: Open[] = [];
  // outer first: the one that ends later, then the lower rank
  const outerFirst = (a: Open, b: Open) => b.mark.end - a.mark.end || a.mark.rank - b.mark.rank || a.mark.start - b.mark.start;

  for (const [i, at] of points.entries()) {
    // close what ends here, and everything opened inside it, which is reopened below
    const reopen: Open[] = [];
    const lowest = stack.findIndex((o) => o.mark.end <= at);
    if (lowest !== -1) {
      while (stack.length > lowest) {
        const o = stack.pop()!;
        out.push(o.mark.close);
        if (o.mark.end > at) reopen.push(o);
      }
    }
    const opening = [...reopen, ...(starting.get(at) ?? []).map((mark): Open => ({ mark, fragments: 0 }))].sort(outerFirst);
    for (const o of opening) {
      out.push(o.mark.open(o.fragments++));
      stack.push(o);
    }
    const next = points[i + 1];
    if (next !== undefined) out.push(escapeHtml(text.slice(at, next)));
  }
  while (stack.length > 0) out.push(stack.pop()!.mark.close);
  return out.join('');
}
