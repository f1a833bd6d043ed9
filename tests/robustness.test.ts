// Any slice of a real article is a document the pipeline must take without throwing: texts cut mid-sentence,
// mid-name or right after a title word, with every span still inside the text.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { annotate } from '../pipeline/annotate.ts';
import { quoteRecords } from '../pipeline/records.ts';

const SEEDS = new URL('../seeds/', import.meta.url);
const texts = readdirSync(SEEDS).sort().map((name) => readFileSync(new URL(name, SEEDS), 'utf8'));

/** Every 10th prefix and suffix of each seed, cut at a word's end: a few hundred short and long documents. */
const slices = texts.flatMap((text) => {
  const cuts = [...text.matchAll(/\S(?=\s|$)/g)].map((m) => m.index! + 1).filter((_, i) => i % 10 === 0);
  return cuts.flatMap((cut) => [text.slice(0, cut), text.slice(cut)]);
});

const words = (s: string) => s.match(/[\p{L}\p{N}]+/gu) ?? [];
function isSubsequence(needle: readonly string[], haystack: readonly string[]): boolean {
  let i = 0;
  for (const w of haystack) if (w === needle[i]) i++;
  return i === needle.length;
}

describe('robustness: slices of the seed articles', () => {
  test(`${slices.length} slices annotate without throwing, every record inside its text`, () => {
    expect(slices.length).toBeGreaterThan(100);
    for (const text of slices) {
      const records = quoteRecords(annotate(text));
      for (const r of records) {
        expect(r.start >= 0 && r.end <= text.length && r.start < r.end).toBe(true);
        // (the text leaves out debris inside the span, a duplicated PDF line: its words are the span's, in order)
        expect(isSubsequence(words(r.text), words(text.slice(r.start, r.end)))).toBe(true);
        for (const [start, end] of r.parts) expect(start >= r.start && end <= r.end && start < end).toBe(true);
      }
    }
    // (~2 s alone; a loaded machine took it past vitest's default 5 s)
  }, 30_000);

  test('a text that ends with a title word', () => {
    expect(() => annotate('Less than a third agreed with the President')).not.toThrow();
  });
});
