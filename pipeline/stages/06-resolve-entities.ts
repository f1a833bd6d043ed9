// Joins a document's name and nominal mentions into one entity per person or organisation (Peskov → Dmitry Peskov).
import { newEntity, type Doc, type Entity, type Mention } from '../document.ts';
import type { Lexicon } from '../lexicon.ts';
import { firstNameGender, looksLikePerson } from '../nlp-adapter.ts';

const words = (s: string) => s.split(/\s+/).filter(Boolean);
const norm = (w: string) => w.toLowerCase().replace(/[’']s$/, '').replace(/\.$/, '');

/** Do two person names fit one person: same surname, and no conflicting first name (`D.` fits `Donald`)? */
export function sameName(a: readonly string[], b: readonly string[]): boolean {
  const la = a.map(norm);
  const lb = b.map(norm);
  if (la[la.length - 1] !== lb[lb.length - 1]) return false;
  if (la.length === 1 || lb.length === 1) return true;
  const fa = la[0]!;
  const fb = lb[0]!;
  return fa === fb || (fa.length === 1 && fb.startsWith(fa)) || (fb.length === 1 && fa.startsWith(fb));
}

/** What a title says of gender: `Mr.`, `Sir`, `spokesman` → male; `Mrs.`, `Ms.`, `spokeswoman` → female. */
function titleGender(mention: Mention, lexicon: Lexicon): Entity['gender'] {
  const titleWords = (mention.title ?? '').toLowerCase().split(/[^a-z0-9_]+/);
  // the `-man` roles listed only: a `German Chancellor` is no man by title; any `-woman` is a woman
  if (titleWords.some((w) => lexicon.words.maleTitles.has(w))) return 'male';
  if (titleWords.some((w) => lexicon.words.femaleTitles.has(w) || (w.length > 5 && w.endsWith('woman')))) return 'female';
  return 'unknown';
}

/**
 * A person's gender, asked of compromise's first-name lists only when a pronoun needs it: most names
 * in an article (places among them) never do, and each question costs ~0.6 ms.
 */
export function genderOfEntity(entity: Entity, lexicon: Lexicon): Entity['gender'] {
  if (entity.gender === 'unknown' && entity.kind === 'person' && !entity.genderAsked) {
    entity.genderAsked = true;
    const name = words(entity.name);
    const first = name[0];
    if (name.length > 1 && first !== undefined && !lexicon.honorifics.has(first.toLowerCase())) entity.gender = firstNameGender(first);
  }
  return entity.gender;
}

/** Is this entity a person, not a place that looks like a name: a title, a gender, or a name compromise knows? Asked lazily. */
export function isConfirmedPerson(entity: Entity, lexicon: Lexicon): boolean {
  if (entity.confirmed === undefined) {
    entity.confirmed = entity.kind === 'person' && (entity.titles.length > 0 || genderOfEntity(entity, lexicon) !== 'unknown' || (words(entity.name).length > 1 && looksLikePerson(entity.name)));
  }
  return entity.confirmed;
}

const surnameOf = (name: string) => norm(words(name).pop() ?? '');

export function resolveEntities(doc: Doc, lexicon: Lexicon): void {
  const entities: Entity[] = [];
  const lastSeen: number[] = [];
  const mentions: number[] = [];
  // person entities by surname, so a mention is compared with its namesakes only
  const bySurname = new Map<string, number[]>();
  // organisations and groups by kind and name
  const byKey = new Map<string, number>();
  const join = (m: Mention, e: number) => {
    m.entity = e;
    lastSeen[e] = m.start;
    mentions[e] = (mentions[e] ?? 0) + 1;
    const entity = entities[e]!;
    if (m.name !== null && !entity.aliases.includes(m.name)) entity.aliases.push(m.name);
    if (m.title !== null && !entity.titles.includes(m.title)) entity.titles.push(m.title);
    if (m.name !== null && entity.kind === 'person' && words(m.name).length > words(entity.name).length) entity.name = m.name;
    if (entity.gender === 'unknown') entity.gender = titleGender(m, lexicon);
  };

  for (const m of doc.mentions) {
    if (m.kind !== 'name' || m.name === null) continue;
    const name = words(m.name);
    let found = -1;
    if (m.entityKind === 'person') {
      // the person whose name fits, of a compatible gender (`Mr. Trump` is not Ivana Trump); of several,
      // the most mentioned (`Mr. Cruz` is the candidate, not his father), then the most recent
      const gender = titleGender(m, lexicon);
      for (const e of bySurname.get(surnameOf(m.name)) ?? []) {
        const entity = entities[e]!;
        if (!sameName(words(entity.name), name)) continue;
        if (gender !== 'unknown' && entity.gender !== 'unknown' && gender !== entity.gender) continue;
        if (found === -1 || mentions[e]! > mentions[found]! || (mentions[e] === mentions[found] && lastSeen[e]! > lastSeen[found]!)) found = e;
      }
    } else {
      found = byKey.get(`${m.entityKind}:${m.name.toLowerCase().replace(/^the /, '')}`) ?? -1;
    }
    if (found === -1) {
      entities.push(newEntity(m.name, m.entityKind));
      found = entities.length - 1;
      if (m.entityKind !== 'person') byKey.set(`${m.entityKind}:${m.name.toLowerCase().replace(/^the /, '')}`, found);
      if (m.entityKind === 'person') {
        const key = surnameOf(m.name);
        bySurname.set(key, [...(bySurname.get(key) ?? []), found]);
      }
    }
    join(m, found);
  }

  // A surname seen before its full name (`Peskov … Dmitry Peskov`): fold it into the one full name that fits.
  const folded = new Map<number, number>();
  for (const [, ids] of bySurname) {
    const full = ids.filter((i) => words(entities[i]!.name).length > 1);
    if (full.length !== 1) continue;
    for (const e of ids) if (e !== full[0] && words(entities[e]!.name).length === 1) folded.set(e, full[0]!);
  }
  if (folded.size > 0) {
    for (const m of doc.mentions) {
      const into = m.entity === -1 ? undefined : folded.get(m.entity);
      if (into !== undefined) join(m, into);
    }
    for (const e of folded.keys()) entities[e]!.aliases = [];
  }

  // Nominal mentions: the entity that earlier carried that title (`the Kremlin spokesman` → Dmitry Peskov).
  // `before`: the most recent mention of each entity so far, kept as the mentions go by in text order.
  const before = new Map<number, number>();
  for (const [index, m] of doc.mentions.entries()) {
    if (m.entity !== -1) before.set(m.entity, m.start);
    if (m.kind !== 'nominal' || m.title === null) continue;
    if (m.entityKind === 'organization') {
      const press = pressReferent(doc, entities, index, m, lexicon);
      if (press !== -1) join(m, press);
      continue;
    }
    const wanted = words(m.title.toLowerCase()).filter((w) => !lexicon.honorifics.has(w));
    const head = wanted[wanted.length - 1];
    if (head === undefined) continue;
    let best = -1;
    let bestScore = 0;
    for (const e of recentEntities(doc, index, entities.length)) {
      const entity = entities[e]!;
      const seen = before.get(e);
      if (seen === undefined || entity.kind !== m.entityKind) continue;
      // `Sen. John McCain` holds `senator` too
      const written = entity.titles.map((t) => t.toLowerCase());
      const held = new Set([...written, ...written.map((t) => lexicon.titleAbbreviations.get(t) ?? t)].flatMap(words));
      // `the Russian presidential spokesman` fits `Kremlin Spokesman` by its head; each shared modifier counts more
      const stem = head.replace(/(?:wo)?man$|person$/, '');
      if (!held.has(head) && ![...held].some((w) => w.replace(/(?:wo)?man$|person$/, '') === stem && stem.length > 3)) continue;
      // `the US president` is not `Russian President Vladimir Putin`; `the Russian presidential spokesman` may be `Kremlin Spokesman …`
      const conflicts = wanted.slice(0, -1).filter((w) => lexicon.nationalities.has(w) && !held.has(w) && [...held].some((h) => lexicon.nationalities.has(h)));
      const score = 1 + wanted.filter((w) => held.has(w)).length - 2 * conflicts.length + seen / 1e9;
      if (score > bestScore) {
        best = e;
        bestScore = score;
      }
    }
    if (best !== -1) {
      join(m, best);
      before.set(best, m.start);
    }
  }
  doc.entities = entities;
}

/** `the newspaper`, `the network`: the news outlet named last before it (`The Washington Post`). */
function pressReferent(doc: Doc, entities: readonly Entity[], index: number, m: Mention, lexicon: Lexicon): number {
  const head = words((m.title ?? '').toLowerCase()).pop() ?? '';
  for (const e of recentEntities(doc, index, entities.length)) {
    const entity = entities[e]!;
    if (entity.kind !== 'organization') continue;
    const last = words(entity.name.toLowerCase()).pop() ?? '';
    if (last === head || (lexicon.pressNominals.has(head) && lexicon.press.has(last))) return e;
  }
  return -1;
}

/** How far back a nominal or a pronoun looks for its referent, in mentions: salience fades, and a bound keeps a huge document linear. */
export const RECENT_MENTIONS = 300;

/** Entities of the last RECENT_MENTIONS mentions before mention `index`, most recent first, each once. */
export function recentEntities(doc: Doc, index: number, count: number): number[] {
  const seen = new Set<number>();
  for (let i = index - 1; i >= Math.max(0, index - RECENT_MENTIONS) && seen.size < count; i--) {
    const e = doc.mentions[i]!.entity;
    if (e !== -1) seen.add(e);
  }
  return [...seen];
}
