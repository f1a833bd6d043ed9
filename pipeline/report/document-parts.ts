// What the report needs of one document besides its page, rendered where the document is annotated: its row in the documents list and its counts for the overview, and its quotes' items for their speakers' pages.
//
// The run then only routes strings. The items go to the speaker pages' buckets as the document
// streams past (`SpeakerPages.addItems`), by the group of the speaker's name (`speakerGroup`); the
// entity each name links to is looked up once every document is read. The row and the counts go
// with the document's quotes to the dataset's commit, which hands them on in the corpus order.
// Built at the end from quotes.jsonl, all this parsed every quote once more and rendered it in a
// thread of its own, which took ~1 s of CPU to start and competed with the workers for the cores.
import type { EntityKind } from '../document.ts';
import type { DocumentRecord, QuoteRecord } from '../records.ts';
import { speakerGroup } from '../speakers.ts';
import { documentRow, speakerQuoteItemParts } from './lists.ts';
import { documentCounts, type DocumentCounts } from './overview.ts';
import { inTextOrder, quoteAnchors } from './render-document.ts';
import { speakerItem } from './speaker-pages.ts';

export interface DocumentParts {
  readonly row: string;
  readonly counts: DocumentCounts;
}

/**
 * The row and the counts as one string, lengths first (UTF-16 code units), so that reading them
 * back costs slices:
 *
 *     <row length> <counts length>\n<row><counts as JSON>
 */
export function documentParts(record: DocumentRecord, quotes: readonly QuoteRecord[]): string {
  const row = documentRow(record);
  const counts = JSON.stringify(documentCounts(record, quotes));
  return `${row.length} ${counts.length}\n${row}${counts}`;
}

/** The parts `documentParts` wrote. */
export function readDocumentParts(parts: string): DocumentParts {
  const nl = parts.indexOf('\n');
  const [rowLength, countsLength] = parts.slice(0, nl).split(' ').map(Number) as [number, number];
  if (nl === -1 || !Number.isInteger(rowLength) || !Number.isInteger(countsLength) || nl + 1 + rowLength + countsLength !== parts.length) {
    throw new Error('quotes: report: a document\'s parts are not as documentParts wrote them');
  }
  return { row: parts.slice(nl + 1, nl + 1 + rowLength), counts: JSON.parse(parts.slice(nl + 1 + rowLength)) as DocumentCounts };
}

/** The key a quote's item is filed under until the corpus is linked: the speaker's kind and name in its document, as `SpeakerIndex.link` names them. */
export const speakerKey = (kind: EntityKind, name: string) => `${kind}\u0000${name}`;

/**
 * The document's quotes' items for their speakers' pages, in text order (`speakerItem`s). A name
 * stands for the document's last speaker of that name, as the corpus looks it up.
 */
export function speakerItems(record: DocumentRecord, quotes: readonly QuoteRecord[], speakers: readonly { readonly name: string; readonly kind: EntityKind }[]): string {
  const kinds = new Map(speakers.map((s) => [s.name, s.kind]));
  const ordered = inTextOrder(quotes);
  const anchors = quoteAnchors(ordered);
  let items = '';
  for (const [i, q] of ordered.entries()) {
    const kind = q.speaker === null ? undefined : kinds.get(q.speaker.name);
    if (kind === undefined) continue;
    const [head, tail] = speakerQuoteItemParts(q, anchors[i]!, record);
    items += speakerItem(speakerGroup(kind, q.speaker!.name), speakerKey(kind, q.speaker!.name), q.speaker!.mention, head, tail);
  }
  return items;
}
