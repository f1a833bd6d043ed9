// Who could be a speaker: names split from their titles, organisations, groups, pronouns with bracketed names; places and dates are not people.
import { describe, expect, test } from 'vitest';
import type { Mention } from '../pipeline/document.ts';
import { annotated, slice } from './helpers.ts';

const mentionsOf = (text: string) => annotated(text).mentions;

/** The mention written exactly as `surface`, or undefined. */
const mentionAt = (text: string, surface: string): Mention | undefined => mentionsOf(text).find((m) => m.value === surface);

const shape = (m: Mention | undefined) => m && { kind: m.kind, name: m.name, title: m.title, entityKind: m.entityKind };

/** `[behaviour, text, the mention as written, what we expect of it]` */
const NAMED: readonly [string, string, string, ReturnType<typeof shape>][] = [
  ['a title before a name (Kremlin Spokesman Dmitry Peskov)', 'Kremlin Spokesman Dmitry Peskov told reporters the talks were over.', 'Kremlin Spokesman Dmitry Peskov', { kind: 'name', name: 'Dmitry Peskov', title: 'Kremlin Spokesman', entityKind: 'person' }],
  ['an affiliation and a title (Russian Foreign Minister Sergey Lavrov)', 'Russian Foreign Minister Sergey Lavrov said the talks were over.', 'Russian Foreign Minister Sergey Lavrov', { kind: 'name', name: 'Sergey Lavrov', title: 'Russian Foreign Minister', entityKind: 'person' }],
  ['a title with `of` inside (US Secretary of State Rex Tillerson)', 'US Secretary of State Rex Tillerson said the talks were over.', 'US Secretary of State Rex Tillerson', { kind: 'name', name: 'Rex Tillerson', title: 'US Secretary of State', entityKind: 'person' }],
  ['an abbreviated title (Sen. John McCain, R-Ariz.)', 'Sen. John McCain, R-Ariz., said the talks were over.', 'Sen. John McCain', { kind: 'name', name: 'John McCain', title: 'Sen.', entityKind: 'person' }],
  ['an abbreviated title with an appositive (Rep. Jerry Nadler, a Democrat from New York)', 'Rep. Jerry Nadler, a Democrat from New York, said the talks were over.', 'Rep. Jerry Nadler', { kind: 'name', name: 'Jerry Nadler', title: 'Rep.', entityKind: 'person' }],
  ['an honorific (Mr. Trump)', 'Mr. Trump said the talks were over.', 'Mr. Trump', { kind: 'name', name: 'Trump', title: 'Mr.', entityKind: 'person' }],
  ['an honorific (Dr. Anne Lee)', 'Dr. Anne Lee said the flu season had started early.', 'Dr. Anne Lee', { kind: 'name', name: 'Anne Lee', title: 'Dr.', entityKind: 'person' }],
  ['an honorific (Mrs. May)', 'Mrs. May said the talks were over.', 'Mrs. May', { kind: 'name', name: 'May', title: 'Mrs.', entityKind: 'person' }],
  ['an honorific (Ms. Warren)', 'Ms. Warren said the talks were over.', 'Ms. Warren', { kind: 'name', name: 'Warren', title: 'Ms.', entityKind: 'person' }],
  ['a middle initial (Donald J. Trump)', 'Donald J. Trump said the talks were over.', 'Donald J. Trump', { kind: 'name', name: 'Donald J. Trump', title: null, entityKind: 'person' }],
  ['a name after a possessive (Putin\'s spokesman Dmitry Peskov)', "Putin's spokesman Dmitry Peskov said the talks were over.", 'spokesman Dmitry Peskov', { kind: 'name', name: 'Dmitry Peskov', title: 'spokesman', entityKind: 'person' }],
  ['the possessor itself (Putin\'s)', "Putin's spokesman Dmitry Peskov said the talks were over.", 'Putin', { kind: 'name', name: 'Putin', title: null, entityKind: 'person' }],
  ['an organisation (the Kremlin)', 'The Kremlin said the talks were over.', 'Kremlin', { kind: 'name', name: 'Kremlin', title: null, entityKind: 'organization' }],
  ['an organisation (the Foreign Ministry)', 'The Foreign Ministry said the talks were over.', 'Foreign Ministry', { kind: 'name', name: 'Foreign Ministry', title: null, entityKind: 'organization' }],
  ['an organisation (The Washington Post)', 'The Washington Post reported the talks were over.', 'Washington Post', { kind: 'name', name: 'Washington Post', title: null, entityKind: 'organization' }],
  ['a group (US and Russian officials)', 'US and Russian officials said the talks were over.', 'US and Russian officials', { kind: 'name', name: 'US and Russian officials', title: null, entityKind: 'group' }],
  ['a group (Wall Street analysts)', 'Wall Street analysts said the talks were over.', 'Wall Street analysts', { kind: 'name', name: 'Wall Street analysts', title: null, entityKind: 'group' }],
  ['a nominal (the Kremlin spokesman)', 'The Kremlin spokesman said the talks were over.', 'The Kremlin spokesman', { kind: 'nominal', name: null, title: 'Kremlin spokesman', entityKind: 'person' }],
  ['a hyphenated surname (Douglas Holtz-Eakin)', '"Trump should do so," Douglas Holtz-Eakin, an economist, told me.', 'Douglas Holtz-Eakin', { kind: 'name', name: 'Douglas Holtz-Eakin', title: null, entityKind: 'person' }],
  ['a party and state after a hyphen stay apart (R-Ariz.)', 'Sen. John McCain, R-Ariz., said the talks were over.', 'R-Ariz.', undefined],
  ['a first name wink takes for a verb (said Don Fowler)', '"Now is the time," said Don Fowler, a former party chairman.', 'Don Fowler', { kind: 'name', name: 'Don Fowler', title: null, entityKind: 'person' }],
  // (capitals outside ASCII take another path than A–Z in the stage)
  ['a non-ASCII capital after its cue (said Édouard Philippe)', '"Now is the time," said Édouard Philippe, a former prime minister.', 'Édouard Philippe', { kind: 'name', name: 'Édouard Philippe', title: null, entityKind: 'person' }],
  ['a non-ASCII middle initial (Ólafur Á. Grímsson)', 'Ólafur Á. Grímsson said the talks were over.', 'Ólafur Á. Grímsson', { kind: 'name', name: 'Ólafur Á. Grímsson', title: null, entityKind: 'person' }],
  ['a nominal (The Russian president)', 'The Russian president said the talks were over.', 'The Russian president', { kind: 'nominal', name: null, title: 'Russian president', entityKind: 'person' }],
];

describe('findMentions: names, titles, organisations, groups', () => {
  test.each(NAMED)('%s', (_, text, surface, expected) => {
    expect(shape(mentionAt(text, surface))).toEqual(expected);
  });

  test.each(NAMED)('%s: every mention slices to its value', (_, text) => {
    for (const m of mentionsOf(text)) expect(slice(text, m).replace(/\s+/g, ' ')).toBe(m.value);
  });
});

describe('findMentions: pronouns', () => {
  test.each([
    ['he', 'He said the talks were over.', 'He', { gender: 'male', entityKind: 'person', bracketed: undefined }],
    ['she', 'She said the talks were over.', 'She', { gender: 'female', entityKind: 'person', bracketed: undefined }],
    ['they', 'They said the talks were over.', 'They', { gender: 'plural', entityKind: 'group', bracketed: undefined }],
    ['a bracketed insertion names who is meant (He [Putin])', 'He [Putin] vehemently denied it.', 'He [Putin]', { gender: 'male', entityKind: 'person', bracketed: 'Putin' }],
    ['a bracketed full name (He [Vladimir Putin])', 'He [Vladimir Putin] vehemently denied it.', 'He [Vladimir Putin]', { gender: 'male', entityKind: 'person', bracketed: 'Vladimir Putin' }],
  ] as const)('%s', (_, text, surface, expected) => {
    const m = mentionAt(text, surface);
    expect(m && { kind: m.kind, gender: m.gender, entityKind: m.entityKind, bracketed: m.bracketed }).toEqual({ kind: 'pronoun', ...expected });
  });
});

describe('findMentions: not people', () => {
  test.each([
    ['a weekday opening a sentence (Monday)', 'Monday was quiet, Peskov said.', 'Monday'],
    ['a weekday after a preposition (Tuesday)', 'On Tuesday, the talks ended.', 'Tuesday'],
    ['a month (July)', 'In July, the talks ended.', 'July'],
    ['a month with a day (July 9)', 'The talks ended on July 9, Peskov said.', 'July'],
    ['a capitalised sentence start (Nevertheless)', 'Nevertheless, the talks ended.', 'Nevertheless'],
    ['a place in a prepositional phrase (in Kiev)', 'Tillerson arrived in Kiev on Sunday.', 'Kiev'],
    ['a place in an appositive (a Democrat from New York)', 'Rep. Jerry Nadler, a Democrat from New York, said the talks were over.', 'New York'],
    ['a state abbreviation after a name (Ariz of R-Ariz.)', 'Sen. John McCain, R-Ariz., said the talks were over.', 'Ariz'],
    ['a party letter after a name (R of R-Ariz.)', 'Sen. John McCain, R-Ariz., said the talks were over.', 'R'],
    ['a place inside a group name (Wall Street of Wall Street analysts)', 'Wall Street analysts said the talks were over.', 'Wall Street'],
  ] as const)('%s is no person mention', (_, text, word) => {
    const people = mentionsOf(text).filter((m) => m.entityKind === 'person' && m.kind !== 'pronoun');
    expect(people.filter((m) => m.value === word || m.name === word).map((m) => m.value)).toEqual([]);
  });
});

describe('findMentions: the text ends inside a run of titles', () => {
  // A title as the text's last word once read past the last token and threw.
  test.each([
    ['the President', []],
    ['Less than a third agreed with the President', []],
    ['Britain', []],
  ])('%s', (text, names) => {
    expect(mentionsOf(text).filter((m) => m.kind === 'name').map((m) => m.value)).toEqual(names);
  });
});
