// One entity per person within a document: short forms join full names, nominals find who held the title, namesakes stay apart.
import { describe, expect, test } from 'vitest';
import type { Doc } from '../pipeline/document.ts';
import { sameName } from '../pipeline/stages/06-resolve-entities.ts';
import { annotated } from './helpers.ts';

/** The canonical name of the entity behind the `nth` mention written as `surface`; null when unresolved, undefined when no such mention. */
function entityOf(doc: Doc, surface: string, nth = 0): string | null | undefined {
  const m = doc.mentions.filter((x) => x.value === surface)[nth];
  if (m === undefined) return undefined;
  return m.entity === -1 ? null : doc.entities[m.entity]!.name;
}

/** `[behaviour, text, the mention as written, which occurrence, the entity's canonical name]` */
const RESOLVES: readonly [string, string, string, number, string | null][] = [
  ['a surname after the full name joins it (Peskov → Dmitry Peskov)', 'Kremlin Spokesman Dmitry Peskov spoke on Monday. Peskov said the talks were over.', 'Peskov', 0, 'Dmitry Peskov'],
  ['a surname before the full name joins it', 'Peskov spoke first. Later, Kremlin Spokesman Dmitry Peskov said the talks were over.', 'Peskov', 0, 'Dmitry Peskov'],
  ['an honorific and surname join the full name (Mr. Trump → Donald Trump)', 'Donald Trump arrived on Friday. Mr. Trump said the talks were over.', 'Mr. Trump', 0, 'Donald Trump'],
  ['a middle initial joins the name without it', 'Donald J. Trump said it. Trump agreed. Donald Trump smiled.', 'Donald Trump', 0, 'Donald J. Trump'],
  ['a nominal with the same title (the Kremlin spokesman → Dmitry Peskov)', 'Kremlin Spokesman Dmitry Peskov spoke on Monday. The Kremlin spokesman said the talks were over.', 'The Kremlin spokesman', 0, 'Dmitry Peskov'],
  ['a nominal with a synonymous title (The Russian presidential spokesman → Dmitry Peskov)', 'Kremlin Spokesman Dmitry Peskov spoke on Monday. The Russian presidential spokesman said the talks were over.', 'The Russian presidential spokesman', 0, 'Dmitry Peskov'],
  ['The US president → Trump, with Putin also a president', 'US President Donald Trump met Russian President Vladimir Putin. The US president said it went well. The Russian president said it was useful.', 'The US president', 0, 'Donald Trump'],
  ['The Russian president → Putin, with Trump also a president', 'US President Donald Trump met Russian President Vladimir Putin. The US president said it went well. The Russian president said it was useful.', 'The Russian president', 0, 'Vladimir Putin'],
  ['The Russian president → Putin when Putin is named first', 'Russian President Vladimir Putin met US President Donald Trump. The Russian president said it was useful. The US president said it went well.', 'The Russian president', 0, 'Vladimir Putin'],
  ['a title no one held stays unresolved', 'Donald Trump met Vladimir Putin on Friday. The Kremlin spokesman said the talks were over.', 'The Kremlin spokesman', 0, null],
  ['the newspaper → the newspaper named before', 'The Washington Post reported on Monday that talks had resumed. The newspaper said the offer came from Moscow.', 'The newspaper', 0, 'Washington Post'],
  ['an organisation named twice is one entity', 'The Kremlin said on Monday that talks had resumed. The Kremlin later added that no date was set.', 'Kremlin', 1, 'Kremlin'],
];

/** `[behaviour, text, the entity's name, the gender its titles give it]`: nothing in the texts asks compromise. */
const TITLE_GENDERS: readonly [string, string, string, string][] = [
  ['an honorific says a man (Mr.)', 'Mr. Trump said the talks were over.', 'Trump', 'male'],
  ['a -man role says a man (spokesman)', 'Kremlin Spokesman Dmitry Peskov said the talks were over.', 'Dmitry Peskov', 'male'],
  ['an honorific says a woman (Mrs.)', 'Mrs. May said the talks were over.', 'May', 'female'],
  ['any -woman word says a woman (spokeswoman)', 'Foreign Ministry spokeswoman Maria Zakharova said the talks were over.', 'Maria Zakharova', 'female'],
  ['a nationality ending in -man says nothing (German)', 'German Chancellor Angela Merkel said the talks were over.', 'Angela Merkel', 'unknown'],
];

describe('resolveEntities: what titles say of gender', () => {
  test.each(TITLE_GENDERS)('%s', (_, text, name, gender) => {
    expect(annotated(text).entities.find((e) => e.name === name)?.gender).toBe(gender);
  });
});

describe('resolveEntities: one entity per person', () => {
  test.each(RESOLVES)('%s', (_, text, surface, nth, name) => {
    expect(entityOf(annotated(text), surface, nth)).toBe(name);
  });

  test('Peskov and Dmitry Peskov make one person entity', () => {
    const doc = annotated('Kremlin Spokesman Dmitry Peskov spoke on Monday. Peskov said the talks were over. Peskov later left.');
    expect(doc.entities.filter((e) => e.kind === 'person').map((e) => e.name)).toEqual(['Dmitry Peskov']);
  });

  test('the entity keeps its aliases and titles', () => {
    const doc = annotated('Kremlin Spokesman Dmitry Peskov spoke on Monday. Peskov said the talks were over.');
    const peskov = doc.entities.find((e) => e.name === 'Dmitry Peskov');
    expect(peskov && { aliases: peskov.aliases, titles: peskov.titles }).toEqual({ aliases: ['Dmitry Peskov', 'Peskov'], titles: ['Kremlin Spokesman'] });
  });
});

describe('resolveEntities: namesakes', () => {
  test.each([
    ['Hillary Clinton and Bill Clinton', 'Hillary Clinton spoke first. Then Bill Clinton said the talks were over.', ['Hillary Clinton', 'Bill Clinton']],
    ['George Bush and Jeb Bush', 'George Bush spoke on Monday. Jeb Bush said the talks were over.', ['George Bush', 'Jeb Bush']],
    ['Bill Clinton and Hillary Clinton with a bare Clinton between', 'Bill Clinton spoke first. Clinton left early. Then Hillary Clinton said the talks were over.', ['Bill Clinton', 'Hillary Clinton']],
  ] as const)('%s: two people who share a surname are two entities', (_, text, names) => {
    expect(annotated(text).entities.filter((e) => e.kind === 'person').map((e) => e.name)).toEqual(names);
  });

  test('each full name resolves to its own entity', () => {
    const doc = annotated('Hillary Clinton spoke first. Then Bill Clinton said the talks were over.');
    expect([entityOf(doc, 'Hillary Clinton'), entityOf(doc, 'Bill Clinton')]).toEqual(['Hillary Clinton', 'Bill Clinton']);
  });
});

describe('sameName', () => {
  test.each([
    [['Dmitry', 'Peskov'], ['Peskov'], true],
    [['Donald', 'Trump'], ['D.', 'Trump'], true],
    [['Donald', 'Trump'], ['Donald', 'Trump'], true],
    [["Trump's"], ['Donald', 'Trump'], true],
    [['Hillary', 'Clinton'], ['Bill', 'Clinton'], false],
    [['Dmitry', 'Peskov'], ['Dmitry', 'Medvedev'], false],
  ] as const)('%j and %j: %s', (a, b, same) => {
    expect(sameName(a, b)).toBe(same);
  });
});
