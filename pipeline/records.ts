// Turns an annotated document into the dataset's public records: quotes.jsonl rows and documents.jsonl rows.
import { collapseWhitespace, lineColumn, type Attribution, type Doc } from './document.ts';
import { objectArray } from './object-array.ts';

/** One row of quotes.jsonl. A public contract: extend it, never rename or drop a field. */
export interface QuoteRecord {
  readonly id: string;
  readonly doc: string;
  readonly type: 'direct' | 'indirect' | 'mixed';
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly cue: { readonly text: string; readonly lemma: string; readonly start: number; readonly end: number } | null;
  readonly speaker: {
    readonly name: string;
    readonly mention: string;
    readonly kind: 'person' | 'organization' | 'group';
    readonly start: number;
    readonly end: number;
    readonly title: string | null;
    /** Corpus-wide entity id (speakers.jsonl), when the speaker resolved to an entity. */
    id?: string;
  } | null;
  readonly sieve: string;
  readonly confidence: number;
  /** Content parts when an interruption or a paragraph break splits the quote: `[[start, end], …]`. */
  readonly parts: readonly (readonly [number, number])[];
}

/** One row of documents.jsonl. */
export interface DocumentRecord {
  readonly id: string;
  readonly title: string | null;
  readonly date: string | null;
  readonly outlet: string | null;
  readonly quotes: number;
  readonly messages: readonly string[];
  /** Length of the original text in UTF-16 code units, the unit of every offset. */
  readonly chars: number;
}

/** The speaker name of first-person narration: the article's author, whom the text does not name. */
export const AUTHOR = '(author)';

function speakerOf(doc: Doc, a: Attribution): QuoteRecord['speaker'] {
  const m = a.mention;
  if (m === null) return null;
  const entity = m.entity === -1 ? undefined : doc.entities[m.entity];
  if (entity) {
    const title = m.title ?? entity.titles[0] ?? null;
    return { name: entity.name, mention: m.value, kind: entity.kind, start: m.start, end: m.end, title };
  }
  // `“I am not shy,” I said.`: first person outside a quotation is the article's author
  if (m.kind === 'pronoun' && m.gender === 'first') return { name: AUTHOR, mention: m.value, kind: 'person', start: m.start, end: m.end, title: null };
  // a nominal no one carried before (`a campaign spokesman`) is still a description of the speaker
  if (m.kind === 'nominal') return { name: m.value.replace(/^(?:the|a|an)\s+/i, ''), mention: m.value, kind: m.entityKind, start: m.start, end: m.end, title: m.title };
  // an unresolved pronoun: unknown, never guessed
  return null;
}

export function quoteRecords(doc: Doc): QuoteRecord[] {
  return objectArray(doc.attributions.map((a) => {
    const speaker = speakerOf(doc, a);
    const unresolved = a.mention !== null && speaker === null;
    return {
      id: `${doc.id}#${a.start}-${a.end}`,
      doc: doc.id,
      type: a.type,
      text: collapseWhitespace(doc.view.slice(a.start, a.end)),
      start: a.start,
      end: a.end,
      cue: a.cue ? { text: a.cue.value, lemma: a.cue.lemma, start: a.cue.start, end: a.cue.end } : null,
      speaker,
      sieve: a.sieve,
      confidence: unresolved ? Math.round(a.confidence * 50) / 100 : a.confidence,
      parts: objectArray(a.parts.flatMap((p) => aroundDebris(doc, p))),
    };
  }));
}

/** A part's pieces between debris inside it (a line PDF extraction duplicated), each trimmed of whitespace. */
function aroundDebris(doc: Doc, part: { start: number; end: number }): (readonly [number, number])[] {
  const pieces: (readonly [number, number])[] = [];
  let from = part.start;
  const cut = (to: number) => {
    let a = from;
    let b = to;
    while (a < b && /\s/.test(doc.text[a]!)) a++;
    while (b > a && /\s/.test(doc.text[b - 1]!)) b--;
    if (b > a) pieces.push([a, b]);
  };
  for (const block of doc.blocks) {
    if (block.kind !== 'debris' || block.start < part.start || block.end > part.end) continue;
    cut(block.start);
    from = block.end;
  }
  cut(part.end);
  return pieces;
}

/** `a.txt:12:5: Unpaired opening quotation mark [quote-unpaired]` */
export function formatMessages(doc: Doc): string[] {
  return objectArray(
    doc.messages.map((m) => {
      const { line, column } = lineColumn(doc.text, m.place.start);
      return `${doc.id}:${line}:${column}: ${m.reason} [${m.ruleId}]`;
    }),
  );
}

export function documentRecord(doc: Doc, quotes: number): DocumentRecord {
  const slice = (s: { start: number; end: number } | null) => (s ? collapseWhitespace(doc.text.slice(s.start, s.end)) : null);
  return { id: doc.id, title: slice(doc.title), date: slice(doc.date), outlet: doc.outlet, quotes, messages: formatMessages(doc), chars: doc.text.length };
}
