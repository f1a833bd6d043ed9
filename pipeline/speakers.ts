// One identity per speaker across a corpus: Vladimir Putin in one article and Putin in another are one entity.
import type { Doc, EntityKind } from './document.ts';

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

/** Speakers of one document's quotes, by the name its records carry. */
export function documentSpeakers(doc: Doc, quotesBySpeaker: ReadonlyMap<string, number>): DocumentSpeaker[] {
  return doc.entities
    .filter((e) => quotesBySpeaker.has(e.name))
    .map((e) => ({ name: e.name, kind: e.kind, aliases: e.aliases, titles: e.titles, quotes: quotesBySpeaker.get(e.name)! }));
}

/**
 * Links the speakers of every document into corpus entities. A full name is its own key (first and
 * last name, middle initials dropped); a bare surname joins a full name only when exactly one
 * person of the corpus has that surname, so two Clintons are never merged on the surname alone.
 */
export class SpeakerIndex {
  readonly #entries: { doc: string; speaker: DocumentSpeaker }[] = [];

  add(doc: string, speakers: readonly DocumentSpeaker[]): void {
    for (const speaker of speakers) this.#entries.push({ doc, speaker });
  }

  /** The corpus entities, and a lookup from (document, name in that document) to the entity. */
  link(): { speakers: SpeakerRecord[]; lookup: (doc: string, name: string) => SpeakerRecord | undefined } {
    const keyOf = new Map<string, string>();
    const fullBySurname = new Map<string, Set<string>>();
    for (const { speaker } of this.#entries) {
      const words = nameWords(speaker.name).map(norm);
      if (speaker.kind === 'person' && words.length > 1) {
        const key = `${words[0]} ${words[words.length - 1]}`;
        const set = fullBySurname.get(words[words.length - 1]!) ?? new Set();
        set.add(key);
        fullBySurname.set(words[words.length - 1]!, set);
      }
    }
    const keyFor = (s: DocumentSpeaker) => {
      const words = nameWords(s.name).map(norm);
      if (s.kind !== 'person') return slug(s.kind, norm(s.name).replace(/^the /, ''));
      if (words.length > 1) return slug('person', `${words[0]} ${words[words.length - 1]}`);
      const full = fullBySurname.get(words[0] ?? '');
      return slug('person', full && full.size === 1 ? [...full][0]! : norm(s.name));
    };

    const byId = new Map<string, { name: string; kind: EntityKind; aliases: Set<string>; titles: Set<string>; quotes: number; documents: Set<string> }>();
    for (const { doc, speaker } of this.#entries) {
      const id = keyFor(speaker);
      keyOf.set(`${doc}\u0000${speaker.name}`, id);
      let e = byId.get(id);
      if (!e) {
        e = { name: speaker.name, kind: speaker.kind, aliases: new Set(), titles: new Set(), quotes: 0, documents: new Set() };
        byId.set(id, e);
      }
      // the canonical name is the fullest one seen; ties go to the alphabetically first, for stable output
      const longer = nameWords(speaker.name).length - nameWords(e.name).length || speaker.name.split(/\s+/).length - e.name.split(/\s+/).length;
      if (longer > 0 || (longer === 0 && speaker.name < e.name)) e.name = speaker.name;
      for (const a of [speaker.name, ...speaker.aliases]) e.aliases.add(a);
      for (const t of speaker.titles) e.titles.add(t);
      e.quotes += speaker.quotes;
      e.documents.add(doc);
    }
    const records = new Map<string, SpeakerRecord>();
    for (const [id, e] of [...byId].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      records.set(id, { id, name: e.name, kind: e.kind, aliases: [...e.aliases].sort(), titles: [...e.titles].sort(), quotes: e.quotes, documents: e.documents.size });
    }
    return {
      speakers: [...records.values()],
      lookup: (doc, name) => {
        const id = keyOf.get(`${doc}\u0000${name}`);
        return id === undefined ? undefined : records.get(id);
      },
    };
  }
}
