// Shared test helpers: spans found by substring, and the stages run up to the layer a test reads.
import { createDoc, type Doc, type Span } from '../pipeline/document.ts';
import { annotate } from '../pipeline/annotate.ts';
import { loadLexicon } from '../pipeline/lexicon.ts';
import { quoteRecords, type QuoteRecord } from '../pipeline/records.ts';
import { clean } from '../pipeline/stages/01-clean.ts';

export const lexicon = loadLexicon();

/** `[start, end)` of the `nth` (0-based) occurrence of `part` in `text`; throws when there is none, so a typo in a table cannot pass silently. */
export function spanOf(text: string, part: string, nth = 0): Span {
  let start = -1;
  for (let i = 0; i <= nth; i++) {
    start = text.indexOf(part, start + 1);
    if (start === -1) throw new Error(`not in text (occurrence ${nth}): ${JSON.stringify(part)}`);
  }
  return { start, end: start + part.length };
}

/** The text of a span. */
export const slice = (text: string, span: Span): string => text.slice(span.start, span.end);

/** Every stage run over `text`, with the repository's lexicon. */
export function annotated(text: string, id = 'a.txt'): Doc {
  return annotate(text, { id, lexicon });
}

/** Only the clean stage run over `text`. */
export function cleaned(text: string, id = 'a.txt'): Doc {
  const doc = createDoc(id, text);
  clean(doc);
  return doc;
}

/** The public quote records of `text`, annotated end to end. */
export function records(text: string, id = 'a.txt'): QuoteRecord[] {
  return quoteRecords(annotated(text, id));
}
