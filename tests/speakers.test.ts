// The corpus speaker index: entities linked across documents, counted once per document, looked up by (document, name).
import { describe, expect, test } from 'vitest';
import { groupOfId, SpeakerIndex, speakerGroup, type DocumentSpeaker } from '../pipeline/speakers.ts';

const person = (name: string, quotes = 1, aliases: string[] = [], titles: string[] = []): DocumentSpeaker => ({ name, kind: 'person', aliases, titles, quotes });

describe('SpeakerIndex', () => {
  test('speakers links a bare surname to the one full name with it, counting a document once', () => {
    const index = new SpeakerIndex();
    index.add('a.txt', [person('Vladimir Putin', 2, ['Putin'], ['President']), person('Putin', 1)]);
    index.add('b.txt', [person('Putin', 3)]);
    index.add('c.txt', []);
    const { speakers, lookup } = index.link();
    expect(speakers).toEqual([
      { id: 'person:vladimir-putin', name: 'Vladimir Putin', kind: 'person', aliases: ['Putin', 'Vladimir Putin'], titles: ['President'], quotes: 6, documents: 2 },
    ]);
    expect(lookup('b.txt', 'Putin')?.id).toBe('person:vladimir-putin');
    expect(lookup('c.txt', 'Putin')).toBeUndefined();
    expect(lookup('b.txt', 'Trump')).toBeUndefined();
  });

  test('lookup finds each document in the order they were added, out of order, and none it was not given', () => {
    const index = new SpeakerIndex();
    const ids = Array.from({ length: 3000 }, (_, i) => `folder/${i % 7}/article-${i}.txt`);
    // every third document without speakers
    for (const [i, id] of ids.entries()) index.add(id, i % 3 === 0 ? [] : [person(`Anna Person${i}`), person('Smith')]);
    const { lookup } = index.link();
    const seen = (id: string, i: number) => [lookup(id, `Anna Person${i}`)?.id, lookup(id, 'Smith')?.id];
    const expected = (i: number) => (i % 3 === 0 ? [undefined, undefined] : [`person:anna-person${i}`, 'person:smith']);
    for (const [i, id] of ids.entries()) expect(seen(id, i)).toEqual(expected(i));
    for (const [i, id] of [...ids.entries()].reverse()) expect(seen(id, i)).toEqual(expected(i));
    expect(lookup('folder/0/article-0.txt', 'Anna Person1')).toBeUndefined();
    expect(lookup('no/such.txt', 'Smith')).toBeUndefined();
    expect(seen(ids[1]!, 1)).toEqual(expected(1));
  });

  test('a linked index takes no more documents', () => {
    const index = new SpeakerIndex();
    index.add('a.txt', [person('Vladimir Putin')]);
    index.link();
    expect(() => index.add('b.txt', [person('Putin')])).toThrow('quotes: the speaker index takes no document once linked');
  });

  test('speakers keeps two people of one surname apart', () => {
    const index = new SpeakerIndex();
    index.add('a.txt', [person('Bill Clinton'), person('Hillary Clinton'), person('Clinton')]);
    expect(index.link().speakers.map((s) => s.id)).toEqual(['person:bill-clinton', 'person:clinton', 'person:hillary-clinton']);
  });

  test('speakers looks up the kind a document gave a name', () => {
    const index = new SpeakerIndex();
    index.add('a.txt', [{ name: 'Apple', kind: 'organization', aliases: [], titles: [], quotes: 1 }]);
    index.add('b.txt', [person('Apple')]);
    const { lookup } = index.link();
    expect([lookup('a.txt', 'Apple')?.id, lookup('b.txt', 'Apple')?.id]).toEqual(['organization:apple', 'person:apple']);
  });

  // the report files a quote under its speaker's group before the corpus is linked: a name in
  // another group than its entity's would lose the quote from the speaker's page
  test.each([
    ['a bare surname joined to the one full name', [person('Vladimir Putin'), person('Putin')]],
    ['a surname of two people, kept apart', [person('Bill Clinton'), person('Hillary Clinton'), person('Clinton')]],
    ['middle initials, possessives, accents and apostrophes', [person('George W. Bush'), person('Bush’s'), person('Anna O’Brien'), person("O'Brien"), person('Zoë Müller'), person('Muller')]],
    ['punctuation inside a surname', [person('Jean-Luc Mélenchon'), person('Mélenchon'), person('Anna-O Brien')]],
    ['one word, and nothing but initials', [person('Madonna'), person('J. K.')]],
    ['organizations and groups, with and without the article', [
      { name: 'The Kremlin', kind: 'organization', aliases: [], titles: [], quotes: 1 },
      { name: 'Kremlin', kind: 'organization', aliases: [], titles: [], quotes: 1 },
      { name: 'the protesters', kind: 'group', aliases: [], titles: [], quotes: 1 },
    ]],
  ] as [string, DocumentSpeaker[]][])('every name is of its entity\'s group: %s', (_, speakers) => {
    const index = new SpeakerIndex();
    index.add('a.txt', speakers);
    const { lookup } = index.link();
    for (const s of speakers) expect([s.name, speakerGroup(s.kind, s.name)]).toEqual([s.name, groupOfId(lookup('a.txt', s.name)!.id)]);
  });
});
