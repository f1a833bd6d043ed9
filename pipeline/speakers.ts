// One identity per speaker across a corpus: Vladimir Putin in one article and Putin in another are one entity.
import type { Doc, EntityKind } from './document.ts';
import { objectArray } from './object-array.ts';

/** One line of speakers.jsonl. */
export interface SpeakerRecord {
  readonly id: string;
  readonly name: string;
  readonly kind: EntityKind;
  readonly aliases: readonly string[];
  readonly titles: readonly string[];
  readonly quotes: number;
  readonly documents: number;
}

/** What one document tells the corpus about one of its speakers. */
export interface DocumentSpeaker {
  readonly name: string;
  readonly kind: EntityKind;
  readonly aliases: readonly string[];
  readonly titles: readonly string[];
  readonly quotes: number;
}

const nameWords = (name: string) => name.split(/\s+/).filter((w) => !/^\p{Lu}\.?$/u.test(w));
const norm = (s: string) => s.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[’']s$/, '');

/** `person:vladimir-putin`: stable across runs and independent of document order. */
function slug(kind: EntityKind, key: string): string {
  return `${kind}:${key.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '')}`;
}

/**
 * The entity id a name has whatever else the corpus holds: all of it but a bare surname, which
 * `link` may join to the one full name of the corpus with that surname.
 */
function ownKey(kind: EntityKind, name: string): string {
  if (kind !== 'person') return slug(kind, norm(name).replace(/^the /, ''));
  const words = nameWords(name).map(norm);
  return slug('person', words.length > 1 ? `${words[0]} ${words[words.length - 1]}` : norm(name));
}

/**
 * The group of entity `id`: a person's surname, as the id ends, or else the id. Every name linked
 * to an entity is of its group, before the corpus is linked (`speakerGroup`): a bare surname's own
 * key ends as the full name it may join does. The report files a quote by its speaker's group as the
 * documents stream past, and the entities of a group share their speaker pages.
 */
export function groupOfId(id: string): string {
  return id.startsWith('person:') ? id.slice(id.lastIndexOf('-') + 1).replace(/^person:/, '') : id;
}

/** The group of whatever entity a document's speaker (`kind`, `name`) is linked to. */
export function speakerGroup(kind: EntityKind, name: string): string {
  return groupOfId(ownKey(kind, name));
}

/** A name as a document gives it, with its kind: what `SpeakerIndex` keeps once, and what `link` gives an entity. */
export const speakerSignature = (kind: EntityKind, name: string) => `${kind}\u0000${name}`;

/** Speakers of one document's quotes, by the name its records carry. */
export function documentSpeakers(doc: Doc, quotesBySpeaker: ReadonlyMap<string, number>): DocumentSpeaker[] {
  return objectArray(
    doc.entities
      .filter((e) => quotesBySpeaker.has(e.name))
      .map((e) => ({ name: e.name, kind: e.kind, aliases: e.aliases, titles: e.titles, quotes: quotesBySpeaker.get(e.name)! })),
  );
}

/** A name as the documents give it (`person` `Putin`), and the entity the corpus linked it to. */
export interface SpeakerName {
  readonly name: string;
  readonly kind: EntityKind;
  readonly speaker: SpeakerRecord;
}

/** The entity each name stands for, by the name's signature (`speakerSignature`): how a document's speaker items are looked up. */
export function entitiesBySignature(names: readonly SpeakerName[]): Map<string, SpeakerRecord> {
  return new Map(names.map((n) => [speakerSignature(n.kind, n.name), n.speaker]));
}

const KINDS: readonly EntityKind[] = ['person', 'organization', 'group'];

/** FNV-1a over a document id's UTF-16 code units, as a 32-bit integer. */
function idHash(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return h | 0;
}

/** A copy of `array` twice as long. */
function grown(array: Int32Array): Int32Array<ArrayBuffer> {
  const copy = new Int32Array(array.length * 2);
  copy.set(array);
  return copy;
}

/**
 * Links the speakers of every document into corpus entities. A full name is its own key (first and
 * last name, middle initials dropped); a bare surname joins a full name only when exactly one
 * person of the corpus has that surname, so two Clintons are never merged on the surname alone.
 *
 * Memory grows with the distinct speakers, not the documents: each (kind, name) signature is kept
 * once, in parallel arrays (~150 bytes), aliases and titles only when a document gave any beyond the
 * name; a document leaves the numbers of its signatures (four bytes each), where they start and a
 * hash of its id (four bytes each). Keeping every document's speaker objects held ~1 KB per
 * document — 100 MB at 100,000 documents.
 */
export class SpeakerIndex {
  readonly #bySignature = new Map<string, number>();
  readonly #names: string[] = [];
  readonly #kinds: number[] = [];
  readonly #quotes: number[] = [];
  /** Aliases other than the name itself, and titles: undefined until a document gives one. */
  readonly #aliases: (Set<string> | undefined)[] = [];
  readonly #titles: (Set<string> | undefined)[] = [];
  /** The signature numbers of every document's speakers, document after document. */
  #rows = new Int32Array(1024);
  #length = 0;
  /** Each document's first row, in the order added; its rows end where the next document's begin. */
  #starts = new Int32Array(1024);
  /** Each document's id hashed (`idHash`), in the order added: a map of the ids held ~10 MB at 100,000 documents. */
  #hashes = new Int32Array(1024);
  #documents = 0;
  /** Where the last `lookup` found its document: the commit looks documents up in the order they were added. */
  #cursor = 0;
  /** Linked once, at the end: what only linking needed is gone after. */
  #linked = false;

  add(doc: string, speakers: readonly DocumentSpeaker[]): void {
    if (this.#linked) throw new Error('quotes: the speaker index takes no document once linked');
    if (this.#documents === this.#starts.length) {
      this.#starts = grown(this.#starts);
      this.#hashes = grown(this.#hashes);
    }
    this.#starts[this.#documents] = this.#length;
    this.#hashes[this.#documents++] = idHash(doc);
    for (const speaker of speakers) {
      const signature = speakerSignature(speaker.kind, speaker.name);
      let n = this.#bySignature.get(signature);
      if (n === undefined) {
        n = this.#names.length;
        this.#bySignature.set(signature, n);
        this.#names.push(speaker.name);
        this.#kinds.push(KINDS.indexOf(speaker.kind));
        this.#quotes.push(0);
        this.#aliases.push(undefined);
        this.#titles.push(undefined);
      }
      for (const a of speaker.aliases) if (a !== speaker.name) (this.#aliases[n] ??= new Set()).add(a);
      for (const t of speaker.titles) (this.#titles[n] ??= new Set()).add(t);
      this.#quotes[n]! += speaker.quotes;
      if (this.#length === this.#rows.length) this.#rows = grown(this.#rows);
      this.#rows[this.#length++] = n;
    }
  }

  /**
   * The document added as `doc`: from where the last lookup found one on, then from the start. In
   * the commit's order, the scan goes once over the corpus; out of order, two ids of one hash (one
   * in 4 billion a pair) could be taken one for the other.
   */
  #find(doc: string): number | undefined {
    const hash = idHash(doc);
    for (const [from, to] of [[this.#cursor, this.#documents], [0, this.#cursor]] as const) {
      for (let d = from; d < to; d++) {
        if (this.#hashes[d] !== hash) continue;
        this.#cursor = d;
        return d;
      }
    }
    return undefined;
  }

  /** The corpus entities, a lookup from (document, name in that document) to the entity, and every name with its entity; once. */
  link(): { speakers: SpeakerRecord[]; lookup: (doc: string, name: string) => SpeakerRecord | undefined; names: () => SpeakerName[] } {
    const signatures = this.#names.map((name, n) => ({ name, kind: KINDS[this.#kinds[n]!]! }));
    const fullBySurname = new Map<string, Set<string>>();
    for (const speaker of signatures) {
      const words = nameWords(speaker.name).map(norm);
      if (speaker.kind === 'person' && words.length > 1) {
        const key = `${words[0]} ${words[words.length - 1]}`;
        const set = fullBySurname.get(words[words.length - 1]!) ?? new Set();
        set.add(key);
        fullBySurname.set(words[words.length - 1]!, set);
      }
    }
    const keyFor = (s: { name: string; kind: EntityKind }) => {
      const words = nameWords(s.name).map(norm);
      if (s.kind !== 'person' || words.length > 1) return ownKey(s.kind, s.name);
      const full = fullBySurname.get(words[0] ?? '');
      return full && full.size === 1 ? slug('person', [...full][0]!) : ownKey(s.kind, s.name);
    };

    const byId = new Map<string, { name: string; kind: EntityKind; aliases: Set<string>; titles: Set<string>; quotes: number; documents: number }>();
    const idOf: string[] = [];
    for (const [n, speaker] of signatures.entries()) {
      const id = keyFor(speaker);
      idOf.push(id);
      let e = byId.get(id);
      if (!e) {
        e = { name: speaker.name, kind: speaker.kind, aliases: new Set(), titles: new Set(), quotes: 0, documents: 0 };
        byId.set(id, e);
      }
      // the canonical name is the fullest one seen; ties go to the alphabetically first, for stable output
      const longer = nameWords(speaker.name).length - nameWords(e.name).length || speaker.name.split(/\s+/).length - e.name.split(/\s+/).length;
      if (longer > 0 || (longer === 0 && speaker.name < e.name)) e.name = speaker.name;
      e.aliases.add(speaker.name);
      for (const a of this.#aliases[n] ?? []) e.aliases.add(a);
      for (const t of this.#titles[n] ?? []) e.titles.add(t);
      e.quotes += this.#quotes[n]!;
    }
    // a document counts once per entity, however many of its names resolve to it
    const seen = new Set<string>();
    const rowsEnd = (d: number) => (d + 1 < this.#documents ? this.#starts[d + 1]! : this.#length);
    for (let d = 0; d < this.#documents; d++) {
      seen.clear();
      for (let r = this.#starts[d]!, end = rowsEnd(d); r < end; r++) seen.add(idOf[this.#rows[r]!]!);
      for (const id of seen) byId.get(id)!.documents++;
    }
    // what only linking needed: the commit that follows holds the rest
    this.#bySignature.clear();
    this.#aliases.length = 0;
    this.#titles.length = 0;
    this.#quotes.length = 0;
    this.#linked = true;
    const records = new Map<string, SpeakerRecord>();
    for (const [id, e] of [...byId].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      records.set(id, { id, name: e.name, kind: e.kind, aliases: [...e.aliases].sort(), titles: [...e.titles].sort(), quotes: e.quotes, documents: e.documents });
    }
    return {
      speakers: [...records.values()],
      names: () => signatures.map((s, n) => ({ name: s.name, kind: s.kind, speaker: records.get(idOf[n]!)! })),
      lookup: (doc, name) => {
        const d = this.#find(doc);
        if (d === undefined) return undefined;
        // the document's last speaker of that name, as a (document, name) map would keep it
        for (let r = rowsEnd(d) - 1; r >= this.#starts[d]!; r--) {
          const n = this.#rows[r]!;
          if (this.#names[n] === name) return records.get(idOf[n]!);
        }
        return undefined;
      },
    };
  }
}
