// Joins a document's name and nominal mentions into one entity per person or organisation (Peskov → Dmitry Peskov).
import type { Doc, Entity, Mention } from '../document.ts';
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

function genderOf(mention: Mention, lexicon: Lexicon): Entity['gender'] {
  const title = (mention.title ?? '').toLowerCase();
  if (/\b(?:mr|sir|king|prince|lord)\b|\b\w+man\b/.test(title) && !/woman\b/.test(title)) return 'male';
  if (/\b(?:mrs|ms|miss|madam|dame|queen|princess|lady)\b|woman\b/.test(title)) return 'female';
  const first = words(mention.name ?? '')[0];
  if (first !== undefined && words(mention.name ?? '').length > 1 && !lexicon.honorifics.has(first.toLowerCase())) return firstNameGender(first);
  return 'unknown';
}

export function resolveEntities(doc: Doc, lexicon: Lexicon): void {
  const entities: Entity[] = [];
  const lastSeen: number[] = [];
  const mentions: number[] = [];
  const join = (m: Mention, e: number) => {
    m.entity = e;
    lastSeen[e] = m.start;
    mentions[e] = (mentions[e] ?? 0) + 1;
    const entity = entities[e]!;
    if (m.name !== null && !entity.aliases.includes(m.name)) entity.aliases.push(m.name);
    if (m.title !== null && !entity.titles.includes(m.title)) entity.titles.push(m.title);
    if (m.name !== null && entity.kind === 'person' && words(m.name).length > words(entity.name).length) entity.name = m.name;
    if (entity.gender === 'unknown') entity.gender = genderOf(m, lexicon);
  };

  for (const m of doc.mentions) {
    if (m.kind !== 'name' || m.name === null) continue;
    const name = words(m.name);
    let found = -1;
    if (m.entityKind === 'person') {
      // the person whose name fits, of a compatible gender (`Mr. Trump` is not Ivana Trump); of several,
      // the most mentioned (`Mr. Cruz` is the candidate, not his father), then the most recent
      const gender = genderOf(m, lexicon);
      for (let e = 0; e < entities.length; e++) {
        const entity = entities[e]!;
        if (entity.kind !== 'person' || !sameName(words(entity.name), name)) continue;
        if (gender !== 'unknown' && entity.gender !== 'unknown' && gender !== entity.gender) continue;
        if (found === -1 || mentions[e]! > mentions[found]! || (mentions[e] === mentions[found] && lastSeen[e]! > lastSeen[found]!)) found = e;
      }
    } else {
      const key = m.name.toLowerCase().replace(/^the /, '');
      found = entities.findIndex((e) => e.kind === m.entityKind && e.name.toLowerCase().replace(/^the /, '') === key);
    }
    if (found === -1) {
      entities.push({ name: m.name, kind: m.entityKind, aliases: [], titles: [], gender: 'unknown', confirmed: false });
      found = entities.length - 1;
    }
    join(m, found);
  }

  // A surname seen before its full name (`Peskov … Dmitry Peskov`): fold it into the one full name that fits.
  for (let e = 0; e < entities.length; e++) {
    const entity = entities[e]!;
    if (entity.kind !== 'person' || words(entity.name).length > 1) continue;
    const fits = entities.map((o, i) => i).filter((i) => i !== e && entities[i]!.kind === 'person' && words(entities[i]!.name).length > 1 && sameName(words(entities[i]!.name), words(entity.name)));
    if (fits.length !== 1) continue;
    const into = fits[0]!;
    for (const m of doc.mentions) if (m.entity === e) join(m, into);
    entity.aliases = [];
  }

  // Evidence that a name is a person, not a place: a title or honorific, or compromise knows the name.
  for (let e = 0; e < entities.length; e++) {
    const entity = entities[e]!;
    if (entity.kind !== 'person') continue;
    entity.confirmed = entity.titles.length > 0 || entity.gender !== 'unknown' || (words(entity.name).length > 1 && looksLikePerson(entity.name));
  }

  // Nominal mentions: the entity that earlier carried that title (`the Kremlin spokesman` → Dmitry Peskov).
  for (const m of doc.mentions) {
    if (m.kind !== 'nominal' || m.title === null) continue;
    if (m.entityKind === 'organization') {
      const press = pressReferent(doc, entities, m, lexicon);
      if (press !== -1) join(m, press);
      continue;
    }
    const wanted = words(m.title.toLowerCase()).filter((w) => !lexicon.honorifics.has(w));
    const head = wanted[wanted.length - 1];
    if (head === undefined) continue;
    let best = -1;
    let bestScore = 0;
    // the most recent mention of each entity before this one
    const before = new Map<number, number>();
    for (const o of doc.mentions) if (o.entity !== -1 && o.start < m.start) before.set(o.entity, o.start);
    for (let e = 0; e < entities.length; e++) {
      const entity = entities[e]!;
      const seen = before.get(e);
      if (seen === undefined || entity.kind !== m.entityKind) continue;
      const held = new Set(entity.titles.flatMap((t) => words(t.toLowerCase())));
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
    if (best !== -1) join(m, best);
  }
  doc.entities = entities;
}

/** `the newspaper`, `the network`: the news outlet named last before it (`The Washington Post`). */
function pressReferent(doc: Doc, entities: readonly Entity[], m: Mention, lexicon: Lexicon): number {
  const head = words((m.title ?? '').toLowerCase()).pop() ?? '';
  let found = -1;
  for (const o of doc.mentions) {
    if (o.start >= m.start) break;
    const entity = o.entity === -1 ? undefined : entities[o.entity];
    if (entity?.kind !== 'organization') continue;
    const last = words(entity.name.toLowerCase()).pop() ?? '';
    if (last === head || (lexicon.pressNominals.has(head) && lexicon.press.has(last))) found = o.entity;
  }
  return found;
}
