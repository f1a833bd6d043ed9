// What the report's end needs of one document, rendered where the document is annotated: its row in the documents list, its counts for the overview, and its quotes' items for their speakers' pages.
//
// The end of a run then only routes strings: each item goes to the page of the corpus entity its
// speaker's name links to, known once every document is read. Built there from quotes.jsonl, it
// parsed every quote once more and rendered it in a thread of its own, which took ~1 s of CPU to
// start and competed with the workers for the cores.
import type { DocumentRecord, QuoteRecord } from '../records.ts';
import { documentRow, speakerQuoteItemParts } from './lists.ts';
import { documentCounts, type DocumentCounts } from './overview.ts';
import { inTextOrder, quoteAnchors } from './render-document.ts';

/** A quote's item for its speaker's page: `head`, then `mentionAs(mention, corpus name)`, then `tail`. */
export interface SpeakerItem {
  /** The speaker's name in this document, which the corpus links to an entity. */
  readonly name: string;
  readonly mention: string;
  readonly head: string;
  readonly tail: string;
}

export interface DocumentParts {
  readonly row: string;
  readonly counts: DocumentCounts;
  /** In the order of the document's page: its quotes in text order. */
  readonly items: readonly SpeakerItem[];
}

/**
 * The parts as one string, lengths first (UTF-16 code units), so that reading them back costs
 * slices, not parsing the quote texts again:
 *
 *     <row length> <counts length> <items>\n<row><counts as JSON>
 *     for each item: <name length> <mention length> <head length> <tail length>\n<name><mention><head><tail>
 */
export function documentParts(record: DocumentRecord, quotes: readonly QuoteRecord[]): string {
  const row = documentRow(record);
  const counts = JSON.stringify(documentCounts(record, quotes));
  const ordered = inTextOrder(quotes);
  const anchors = quoteAnchors(ordered);
  let items = '';
  let n = 0;
  for (const [i, q] of ordered.entries()) {
    if (q.speaker === null) continue;
    const [head, tail] = speakerQuoteItemParts(q, anchors[i]!, record);
    items += `${q.speaker.name.length} ${q.speaker.mention.length} ${head.length} ${tail.length}\n${q.speaker.name}${q.speaker.mention}${head}${tail}`;
    n++;
  }
  return `${row.length} ${counts.length} ${n}\n${row}${counts}${items}`;
}

/** The parts `documentParts` wrote. */
export function readDocumentParts(parts: string): DocumentParts {
  let at = 0;
  const header = () => {
    const nl = parts.indexOf('\n', at);
    if (nl === -1) throw new Error('quotes: report: a document\'s parts are cut short');
    const numbers = parts.slice(at, nl).split(' ').map(Number);
    at = nl + 1;
    return numbers;
  };
  const take = (n: number) => parts.slice(at, (at += n));
  const [rowLength, countsLength, count] = header() as [number, number, number];
  const row = take(rowLength);
  const counts = JSON.parse(take(countsLength)) as DocumentCounts;
  const items: SpeakerItem[] = [];
  for (let i = 0; i < count; i++) {
    const [name, mention, head, tail] = header() as [number, number, number, number];
    items.push({ name: take(name), mention: take(mention), head: take(head), tail: take(tail) });
  }
  if (at !== parts.length) throw new Error('quotes: report: a document\'s parts are not as documentParts wrote them');
  return { row, counts, items };
}
