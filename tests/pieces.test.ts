// Records of strings with their lengths in front: what goes between threads and through scratch files.
import { describe, expect, test } from 'vitest';
import { joinPieces, readPieces } from '../pipeline/pieces.ts';

describe('joinPieces and readPieces', () => {
  test.each([
    [['one']],
    [['', 'b', '']],
    [['line\nbreak', '12 34\n', 'spaces  and\ttabs']],
    [['Ура — “да” 😀', '<mark class="q">“x”</mark>']],
  ])('%j reads back as it was joined, after and before other records', (pieces) => {
    const text = `${joinPieces(['before'])}${joinPieces(pieces)}${joinPieces(['after', 'x'])}`;
    const first = readPieces(text, 0, 1)!;
    const read = readPieces(text, first.end, pieces.length)!;
    expect(read.pieces).toEqual(pieces);
    expect(readPieces(text, read.end)!.pieces).toEqual(['after', 'x']);
    expect(readPieces(text, read.end)!.end).toBe(text.length);
  });

  test.each([
    [[], '\n'],
    [[''], '0\n'],
    [['ab', '', 'c'], '2 0 1\nabc'],
    [['😀', 'é'], '2 1\n😀é'],
  ])('%j is written as its lengths in UTF-16 units, then the pieces', (pieces, record) => {
    expect(joinPieces(pieces)).toBe(record);
  });

  test('a record cut short is not there yet', () => {
    const text = joinPieces(['abc', 'def']);
    for (let cut = 0; cut < text.length; cut++) expect(readPieces(text.slice(0, cut), 0, 2)).toBeUndefined();
    expect(readPieces(text, 0, 2)!.end).toBe(text.length);
  });

  test.each([
    ['a count other than expected', '3 3\nabcdef', 1],
    ['a negative length', '-1\nabc', 1],
    ['a fraction', '1.5\nabc', undefined],
    ['two spaces', '1  2\nabc', undefined],
    ['a trailing space', '1 2 \nabc', undefined],
    ['an empty header', '\nabc', undefined],
    ['letters', 'x\nabc', undefined],
  ])('a header with %s is refused, not misread', (_, text, count) => {
    expect(() => readPieces(text, 0, count)).toThrow('quotes: expected a record of');
  });
});
