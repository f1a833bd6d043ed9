// What the report needs of one document besides its section of a page, rendered where the document is annotated: its row in the documents list and its counts for the overview, and its quotes' items for their speakers' pages.
//
// The run then only routes strings, putting in the document's link (`documentLink`), which depends on
// its page, which a worker does not know. The items go to the speaker pages' buckets as the document
// streams past (the worker's `fileSpeakerItems`, or the run's `SpeakerPages.addItems`), by the group
// of the speaker's name (`speakerGroup`); the entity each name links to is looked up once every
// document is read. The row and the counts go with the document's result to the run, which lists it
// as it streams past (`ReportWriter.addDocument`). Built at the end from quotes.jsonl, all this
// parsed every quote once more and rendered it in a thread of its own, which took ~1 s of CPU to
// start and competed with the workers for the cores.
import type { EntityKind } from '../document.ts';
import type { DocumentRecord, QuoteRecord } from '../records.ts';
import { speakerGroup, speakerSignature } from '../speakers.ts';
import { joinPieces, readPieces } from '../pieces.ts';
import { documentRowHalves, filedTitle, speakerQuote, type FiledQuote } from './lists.ts';
import { documentCounts, type DocumentCounts } from './overview.ts';
import { inTextOrder, quoteAnchors } from './render-document.ts';
import { remembered, speakerBucketOf } from './paths.ts';
import { encodeSpeakerItems, speakerEntry } from './speaker-pages.ts';

export interface DocumentParts {
  /** The document's row in the documents list, but its link (`documentRowHalves`). */
  readonly row: readonly [string, string];
  readonly counts: DocumentCounts;
}

/** The row's halves and the counts as one record (`joinPieces`), the counts as JSON. */
export function documentParts(record: DocumentRecord, quotes: readonly QuoteRecord[]): string {
  return joinPieces([...documentRowHalves(record), JSON.stringify(documentCounts(record, quotes))]);
}

/** The parts `documentParts` wrote. */
export function readDocumentParts(parts: string): DocumentParts {
  const read = parts === '' ? undefined : readPieces(parts, 0, 3);
  if (read === undefined || read.end !== parts.length) throw new Error('quotes: report: a document\'s parts are not as documentParts wrote them');
  return { row: [read.pieces[0]!, read.pieces[1]!], counts: JSON.parse(read.pieces[2]!) as DocumentCounts };
}

/**
 * Each quote of `quotes` (in text order) that `keyOf` gives a speaker key, with the key and the quote
 * as its speaker's page lists it: the first quote of each key gives the document's title.
 */
export function* speakerQuotes(record: DocumentRecord, quotes: readonly QuoteRecord[], keyOf: (q: QuoteRecord) => string | undefined): Generator<[key: string, q: QuoteRecord, item: FiledQuote]> {
  const anchors = quoteAnchors(quotes);
  const title = filedTitle(record);
  const titled = new Set<string>();
  for (const [i, q] of quotes.entries()) {
    const key = keyOf(q);
    if (key === undefined) continue;
    yield [key, q, speakerQuote(q, anchors[i]!, titled.has(key) ? '' : title)];
    titled.add(key);
  }
}

/**
 * A speaker name's key and bucket for its items, remembered: its group is a slug of the name, its
 * bucket a hash of that, and the same names recur from document to document. Worked out again for
 * each document, they took ~40 % of the items' time in a profile of the bench; remembered, half that.
 */
const filingOf = remembered(speakerSignature, (kind: EntityKind, name: string) => ({ key: speakerSignature(kind, name), bucket: speakerBucketOf(speakerGroup(kind, name)) }));

/**
 * The document's quotes' items for their speakers' pages (`encodeSpeakerItems`), in text order, each
 * under its speaker's signature; each bucket's without the document's entry, which its filer gives
 * (`fileSpeakerItems`, `SpeakerPages.addItems`). A name stands for the document's last
 * speaker of that name, as the corpus looks it up.
 */
export function speakerItems(record: DocumentRecord, quotes: readonly QuoteRecord[], speakers: readonly { readonly name: string; readonly kind: EntityKind }[]): string {
  const byName = new Map<string, { readonly key: string; readonly bucket: number }>();
  for (const s of speakers) byName.set(s.name, filingOf(s.kind, s.name));
  const ordered = inTextOrder(quotes);
  const anchors = quoteAnchors(ordered);
  const counts = new Map<string, number>();
  const buckets = new Map<number, string>();
  const title = filedTitle(record);
  // one loop, as `speakerQuotes` but without its tuples: this runs for every quote of the corpus, in a worker
  for (let i = 0; i < ordered.length; i++) {
    const q = ordered[i]!;
    const filing = q.speaker === null ? undefined : byName.get(q.speaker.name);
    if (filing === undefined) continue;
    const count = counts.get(filing.key);
    counts.set(filing.key, (count ?? 0) + 1);
    buckets.set(filing.bucket, (buckets.get(filing.bucket) ?? '') + speakerEntry(filing.key, q.speaker!.mention, speakerQuote(q, anchors[i]!, count === undefined ? title : '')));
  }
  return encodeSpeakerItems(counts, buckets);
}
