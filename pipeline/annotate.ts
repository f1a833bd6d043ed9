// The pipeline: stage order written once, and `annotate(text)` running it over one document.
import { createDoc, type Doc } from './document.ts';
import { loadLexicon, type Lexicon } from './lexicon.ts';
import { clean } from './stages/01-clean.ts';
import { segment } from './stages/02-segment.ts';
import { findQuotes } from './stages/03-find-quotes.ts';
import { findCues } from './stages/04-find-cues.ts';
import { findMentions } from './stages/05-find-mentions.ts';
import { resolveEntities } from './stages/06-resolve-entities.ts';
import { attribute } from './stages/07-attribute.ts';

/** A stage adds its layer to the document; it never rewrites the text. */
export type Stage = (doc: Doc, lexicon: Lexicon) => void;

export const stages: readonly Stage[] = [clean, segment, findQuotes, findCues, findMentions, resolveEntities, attribute];

export interface AnnotateOptions {
  /** Document id, the path relative to the corpus root. @default 'document' */
  readonly id?: string;
  /** Language resources; tests hand in a small one. @default the lexicon in models/ */
  readonly lexicon?: Lexicon;
}

/** Runs every stage over one text and returns the annotated document. */
export function annotate(text: string, options: AnnotateOptions = {}): Doc {
  const id = options.id ?? 'document';
  if (typeof text !== 'string') throw new TypeError(`quotes: Expected \`text\` to be a string, got \`${typeof text}\``);
  const lexicon = options.lexicon ?? loadLexicon();
  const doc = createDoc(id, text);
  for (const stage of stages) stage(doc, lexicon);
  return doc;
}
