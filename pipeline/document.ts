// The document model: one object flows through every stage, each adding its layer of spans over the never-rewritten text.

/** Half-open `[start, end)` into the document's original text, in UTF-16 code units. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

export type BlockKind = 'title' | 'dateline' | 'paragraph' | 'debris';

export interface Block extends Span {
  readonly kind: BlockKind;
  /** Why a block is debris (`navigation`, `page-header`, `duplicate-line`, …); the kind for others. */
  readonly reason: string;
}

export interface Token extends Span {
  /** The token's text, `text.slice(start, end)`. */
  readonly value: string;
  /** Universal POS tag from wink-nlp (`PROPN`, `VERB`, `PUNCT`, …). */
  readonly pos: string;
  /** Lower-case lemma from wink-nlp. */
  readonly lemma: string;
}

export interface Sentence extends Span {
  /** Index of the first token of the sentence in `doc.tokens`. */
  readonly firstToken: number;
  /** Index one past the last token of the sentence in `doc.tokens`. */
  readonly lastToken: number;
  /** Index of the block the sentence lies in. */
  readonly block: number;
}

/** A pair of quotation marks and what stands between them. */
export interface QuoteSpan extends Span {
  /** The opening mark's span; the content starts where it ends. */
  readonly open: Span;
  /** The closing mark's span, or null when a quotation runs to its paragraph's end unclosed. */
  readonly close: Span | null;
  /** Nesting depth: 0 for an outermost quotation. */
  readonly depth: number;
  /** `double` (" “” '' „), `single` (' ‘’) or `angle` («»). */
  readonly family: 'double' | 'single' | 'angle';
  /** Content per paragraph: one span, or one per paragraph of a quotation that runs over several. */
  readonly parts: readonly Span[];
}

export type CueClass = 'speech' | 'writing' | 'thought';

export interface Cue extends Span {
  /** The cue's text as written, e.g. `told`, `according to`. */
  readonly value: string;
  readonly lemma: string;
  readonly cls: CueClass;
  /** Index of the cue's head token in `doc.tokens`. */
  readonly token: number;
  /** `verb` (said), `phrase` (according to) or `noun` (in a statement). */
  readonly form: 'verb' | 'phrase' | 'noun';
}

export type MentionKind = 'name' | 'nominal' | 'pronoun';
export type EntityKind = 'person' | 'organization' | 'group';

export interface Mention extends Span {
  readonly kind: MentionKind;
  /** The mention's text as written (titles included). */
  readonly value: string;
  /** The name part of a named mention (`Dmitry Peskov` of `Kremlin Spokesman Dmitry Peskov`); null otherwise. */
  readonly name: string | null;
  /** The title or role part (`Kremlin Spokesman`), or null. */
  readonly title: string | null;
  readonly entityKind: EntityKind;
  /** For pronouns: `male`, `female`, `neuter`, `plural`, or `first` (I, we: the writer outside quotations). */
  readonly gender?: 'male' | 'female' | 'neuter' | 'plural' | 'first' | 'unknown';
  /** Index into `doc.entities`, set by entity resolution; -1 while unresolved. */
  entity: number;
  /** A bracketed insertion naming who is meant: `He [Putin]`. */
  readonly bracketed?: string;
}

export interface Entity {
  /** Canonical name a reader would use: the longest full name seen. */
  name: string;
  kind: EntityKind;
  aliases: string[];
  titles: string[];
  gender: 'male' | 'female' | 'neuter' | 'plural' | 'unknown';
  /** Seen as a person, not a place that looks like a name (a title, an honorific, a known first name); undefined until asked. */
  confirmed?: boolean;
  /** Whether compromise's first-name lists were asked for the gender already. */
  genderAsked?: boolean;
}

/**
 * A new entity, every field set from the start (`confirmed` and `genderAsked` are asked later): an
 * object given a field afterwards takes another shape, and V8 optimizes the stages for one.
 */
export function newEntity(name: string, kind: EntityKind, aliases: string[] = []): Entity {
  return { name, kind, aliases, titles: [], gender: 'unknown', confirmed: undefined, genderAsked: false };
}

export type QuoteType = 'direct' | 'indirect' | 'mixed';

export interface Attribution extends Span {
  readonly type: QuoteType;
  /** Content parts: one span, or several when an interruption splits the quote. */
  readonly parts: readonly Span[];
  readonly cue: Cue | null;
  /** The speaker mention nearest the cue. */
  readonly mention: Mention | null;
  readonly sieve: string;
  readonly confidence: number;
}

export interface Message {
  readonly reason: string;
  readonly place: Span;
  readonly ruleId: string;
  readonly source: string;
  readonly fatal?: boolean;
}

export interface Doc {
  /** Path relative to the corpus root, with `/`. */
  readonly id: string;
  /** The original text, never rewritten. */
  readonly text: string;
  /**
   * The text the NLP stages read: the original with debris blanked and line breaks inside a
   * block turned to spaces. Same length as `text`, so every offset means the same in both.
   */
  view: string;
  title: Span | null;
  date: Span | null;
  outlet: string | null;
  blocks: Block[];
  sentences: Sentence[];
  tokens: Token[];
  quotes: QuoteSpan[];
  cues: Cue[];
  mentions: Mention[];
  entities: Entity[];
  attributions: Attribution[];
  messages: Message[];
}

export function createDoc(id: string, text: string): Doc {
  return {
    id,
    text,
    view: text,
    title: null,
    date: null,
    outlet: null,
    blocks: [],
    sentences: [],
    tokens: [],
    quotes: [],
    cues: [],
    mentions: [],
    entities: [],
    attributions: [],
    messages: [],
  };
}

/** Records a data problem on the document; never throws. */
export function message(doc: Doc, reason: string, place: Span, ruleId: string, source: string): void {
  doc.messages.push({ reason, place: { start: place.start, end: place.end }, ruleId, source });
}

/** `line:column` (both 1-based) of an offset, for messages. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/** Collapses runs of whitespace to one space and trims: how quote texts are written out. */
export function collapseWhitespace(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
