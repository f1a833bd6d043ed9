// Pronoun speakers resolved to the most salient compatible entity.
import type { Entity, Mention } from '../../document.ts';
import { genderOfEntity, isConfirmedPerson, RECENT_MENTIONS, sameName } from '../06-resolve-entities.ts';
import { type Context, insideQuote } from './context.ts';

/**
 * A pronoun speaker is the most salient compatible entity: the one an editor named in brackets
 * (`He [Putin]`), else the speaker of the quote before when compatible, else the last person
 * mentioned outside quotations.
 */
export function resolvePronouns(ctx: Context): void {
  const { doc } = ctx;
  const entities = doc.entities;
  const outsideQuotes = (m: Mention) => !insideQuote(ctx, m.start);
  const fits = (e: Entity, m: Mention) => {
    if (m.gender === 'plural') return e.kind === 'group' || e.kind === 'organization';
    if (m.gender === 'neuter') return e.kind === 'organization';
    const gender = genderOfEntity(e, ctx.lexicon);
    return e.kind === 'person' && (gender === 'unknown' || gender === m.gender);
  };
  let previousSpeaker = -1;
  let previousEnd = -1;
  for (const a of ctx.attributions) {
    const m = a.mention;
    // `I said`, `we wrote` outside a quotation: the article's own author, named in the records
    if (m && m.kind === 'pronoun' && m.entity === -1 && m.gender !== 'first') {
      let found = -1;
      if (m.bracketed) found = entities.findIndex((e) => e.kind === 'person' && sameName(e.name.split(/\s+/), m.bracketed!.split(/\s+/)));
      // the speaker of the quote before, if within the last few sentences
      if (found === -1 && previousSpeaker !== -1 && fits(entities[previousSpeaker]!, m) && m.start - previousEnd < 600) found = previousSpeaker;
      if (found === -1) {
        // from the last mention before the pronoun backwards (binary search to it)
        let lo = 0;
        let hi = doc.mentions.length;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (doc.mentions[mid]!.start < m.start) lo = mid + 1;
          else hi = mid;
        }
        for (let i = lo - 1; i >= Math.max(0, lo - RECENT_MENTIONS); i--) {
          const c = doc.mentions[i]!;
          if (c.entity === -1 || !outsideQuotes(c)) continue;
          const e = entities[c.entity]!;
          if (fits(e, m) && (e.kind !== 'person' || isConfirmedPerson(e, ctx.lexicon))) {
            found = c.entity;
            break;
          }
        }
      }
      if (found !== -1) {
        m.entity = found;
        const e = entities[found]!;
        if (e.gender === 'unknown' && (m.gender === 'male' || m.gender === 'female')) e.gender = m.gender;
      }
    }
    if (m && m.entity !== -1) {
      previousSpeaker = m.entity;
      previousEnd = a.end;
    }
  }
}
