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
import { joinPieces, readPieces } from '../pieces.ts';
import { documentRow, speakerQuote } from './lists.ts';
import { documentCounts, type DocumentCounts } from './overview.ts';
import { inTextOrder, quoteAnchors } from './render-document.ts';
import { speakerItem } from './speaker-pages.ts';

export interface DocumentParts {
  readonly row: string;
  readonly counts: DocumentCounts;
}

/** The row and the counts as one record (`joinPieces`), the counts as JSON. */
export function documentParts(record: DocumentRecord, quotes: readonly QuoteRecord[]): string {
  return joinPieces([documentRow(record), JSON.stringify(documentCounts(record, quotes))]);
}

/** The parts `documentParts` wrote. */
export function readDocumentParts(parts: string): DocumentParts {
  const read = parts === '' ? undefined : readPieces(parts, 0, 2);
  if (read === undefined || read.end !== parts.length) throw new Error('quotes: report: a document\'s parts are not as documentParts wrote them');
  return { row: read.pieces[0]!, counts: JSON.parse(read.pieces[1]!) as DocumentCounts };
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
  // the first quote of each speaker gives the document's title
  const titled = new Set<string>();
  let items = '';
  for (const [i, q] of ordered.entries()) {
    const kind = q.speaker === null ? undefined : kinds.get(q.speaker.name);
    if (kind === undefined) continue;
    const key = speakerKey(kind, q.speaker!.name);
    items += speakerItem(speakerGroup(kind, q.speaker!.name), key, q.speaker!.mention, speakerQuote(q, anchors[i]!, record, !titled.has(key)));
    titled.add(key);
  }
  return items;
}
