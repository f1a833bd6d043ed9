// The corpus speaker index: entities linked across documents, counted once per document, looked up by (document, name).
import { describe, expect, test } from 'vitest';
import { SpeakerIndex, type DocumentSpeaker } from '../pipeline/speakers.ts';

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
});
