import { setFlagsFromString } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { objectArray } from '../pipeline/object-array.ts';
import { annotate } from '../pipeline/annotate.ts';
import { loadLexicon } from '../pipeline/lexicon.ts';
import { processDocument, type DocumentResult } from '../pipeline/process-document.ts';
import { createContext } from '../pipeline/stages/attribute/context.ts';

// V8's own view of an array, through its natives (parsed after the flag is set)
setFlagsFromString('--allow-natives-syntax');
const sameHiddenClass = new Function('a', 'b', 'return %HaveSameMap(a, b)') as (a: unknown, b: unknown) => boolean;
const packedObjects = new Function('a', 'return %HasObjectElements(a) && !%HasHoleyElements(a)') as (a: unknown) => boolean;
const smallIntegers = new Function('a', 'return %HasSmiElements(a)') as (a: unknown) => boolean;

const record = (n: number) => ({ start: n, end: n + 1 });
const holey = () => {
  const items = new Array<{ start: number; end: number }>(2);
  items[0] = record(0);
  items[1] = record(1);
  return items;
};

describe('objectArray', () => {
  // the arrays a document's records come in: what `map` gives empty, full, and past its fast path
  const cases: [string, () => { start: number; end: number }[]][] = [
    ['empty, as `map` gives it', () => ([] as number[]).map(record)],
    ['one record', () => [0].map(record)],
    ['records', () => [0, 1, 2].map(record)],
    ['holey', holey],
    ['pushed', () => [record(0), record(1)]],
  ];

  it('the cases start out in different hidden classes (else this test shows nothing)', () => {
    expect(smallIntegers(cases[0]![1]())).toBe(true);
    expect(packedObjects(holey())).toBe(false);
    expect(sameHiddenClass(cases[0]![1](), cases[2]![1]())).toBe(false);
  });

  it.each(cases)('%s: the same items, in a new array of packed objects, one hidden class for all', (_, make) => {
    const items = make();
    const array = objectArray(items);
    expect(array).toEqual([...items]);
    expect(array).not.toBe(items);
    expect(packedObjects(array)).toBe(true);
    for (const [, other] of cases) expect(sameHiddenClass(array, objectArray(other()))).toBe(true);
  });

  it('an empty one takes records and strings after', () => {
    const array = objectArray<unknown>([]);
    array.push('a', record(0));
    expect(array).toEqual(['a', record(0)]);
    expect(packedObjects(array)).toBe(true);
  });
});

describe('a processed document', () => {
  const processed = (text: string) => processDocument({ id: 'a.txt', text, format: 'text' }) as DocumentResult;

  it("gives its quotes, speakers and messages in the same hidden class with or without any", () => {
    const quoted = processed('"We will not give up," Prime Minister Jane Doe told reporters on Monday.\n\nShe said the talks had gone well.\n');
    const unquoted = processed('The weather was fine on Monday.\n');
    const unpaired = processed('He wrote "nothing more on Monday.\n');
    expect(quoted.quotes.length).toBeGreaterThan(0);
    expect(quoted.speakers.length).toBeGreaterThan(0);
    expect(unquoted.quotes).toEqual([]);
    expect(unquoted.speakers).toEqual([]);
    expect(unquoted.document.messages).toEqual([]);
    expect(unpaired.document.messages.length).toBeGreaterThan(0);
    expect(sameHiddenClass(quoted.quotes, unquoted.quotes)).toBe(true);
    expect(sameHiddenClass(quoted.speakers, unquoted.speakers)).toBe(true);
    expect(sameHiddenClass(unpaired.document.messages, unquoted.document.messages)).toBe(true);
    for (const array of [quoted.quotes, unquoted.quotes, quoted.speakers, unquoted.speakers, unquoted.document.messages, ...quoted.quotes.map((q) => q.parts)]) expect(packedObjects(array)).toBe(true);
  });
});

describe("the attribution sieves' context", () => {
  it('holds its quotes, hulls, blocks and attributions in the same hidden class with or without quotes', () => {
    const lexicon = loadLexicon();
    const quoted = createContext(annotate('"We will not give up," Jane Doe said on Monday.\n', { lexicon }), lexicon);
    const unquoted = createContext(annotate('The weather was fine on Monday.\n', { lexicon }), lexicon);
    expect(quoted.outer.length).toBeGreaterThan(0);
    expect(unquoted.outer).toEqual([]);
    for (const key of ['outer', 'quoteHulls', 'contentBlocks', 'attributions'] as const) {
      expect(sameHiddenClass(quoted[key], unquoted[key]), key).toBe(true);
      expect(packedObjects(unquoted[key]), key).toBe(true);
    }
  });
});
