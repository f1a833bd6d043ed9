// Pairing quotation marks: every style a news corpus holds, apostrophes told apart, nesting, multi-paragraph quotations, unpaired marks.
import { describe, expect, test } from 'vitest';
import type { Doc } from '../pipeline/document.ts';
import { formatMessages } from '../pipeline/records.ts';
import { findQuotes } from '../pipeline/stages/03-find-quotes.ts';
import { cleaned, slice } from './helpers.ts';

/** Clean and find quotes: all this stage needs. */
function quoted(text: string): Doc {
  const doc = cleaned(text);
  findQuotes(doc);
  return doc;
}

/** Each quotation as `[content, depth]`, in text order. */
const contents = (text: string) => quoted(text).quotes.map((q) => [slice(text, q), q.depth] as const);

/** `[behaviour, text, the quotations we expect as [content, depth]]` */
const STYLES: readonly [string, string, readonly (readonly [string, number])[]][] = [
  ['straight double quotes', 'He said "we will win" and left.', [['we will win', 0]]],
  ['curly double quotes', 'He said “we will win” and left.', [['we will win', 0]]],
  ['curly single quotes', 'He said ‘we will win’ and left.', [['we will win', 0]]],
  ['straight single quotes', "He said 'we will win' and left.", [['we will win', 0]]],
  ["doubled apostrophes (''like this'')", "He said ''we will win'' and left.", [['we will win', 0]]],
  ["backticks and apostrophes (``like this'')", "He said ``we will win'' and left.", [['we will win', 0]]],
  ['guillemets', 'Il a dit «nous allons gagner» et il est parti.', [['nous allons gagner', 0]]],
  ['German low-high quotes', 'Er sagte „wir werden gewinnen“ und ging.', [['wir werden gewinnen', 0]]],
  ['a curly opener closed by a straight mark', 'He said “we will win" and left.', [['we will win', 0]]],
  ['a quotation over several sentences', 'He said: "Peace is near. War is over. We are done."', [['Peace is near. War is over. We are done.', 0]]],
  ['two quotations in one sentence', '“We will win,” he said, “and soon.”', [['We will win,', 0], ['and soon.', 0]]],
  ['a quotation that opens the text', '"We will win," he said.', [['We will win,', 0]]],
  ['a right mark typed as the opener (”Fear. …”)', 'Readers wrote in.\n\n”Fear. I am truly afraid.” ― Edwin Monroy\n\nMore views follow below the video.', [['Fear. I am truly afraid.', 0]]],
  ['a right mark opening a paragraph, before an ellipsis (” … what I learned …”)', 'Obama spoke.\n\n” … what I learned from these families is simple.”\n\nMore views follow below the video.', [[' … what I learned from these families is simple.', 0]]],
  ['a right mark after a space still closes (“…. ” he said)', '“We will win. ” He left.', [['We will win. ', 0]]],
];

/** `[behaviour, text, the quotations we expect]`: apostrophes and elisions are not quotation marks. */
const APOSTROPHES: readonly [string, string, readonly (readonly [string, number])[]][] = [
  ['possessive and contraction (Trump’s, won’t)', 'Trump’s plan won’t work, he said.', []],
  ['a decade (the ’90s)', 'Music of the ’90s was loud, he said.', []],
  ['a decade with a straight mark', "Music of the '90s was loud, he said.", []],
  ['rock ’n’ roll', 'He loves rock ’n’ roll more than anything.', []],
  ["rock 'n' roll with straight marks", "He loves rock 'n' roll more than anything.", []],
  ['a plural possessive (officials’)', 'The officials’ statement was brief.', []],
  ["a plural possessive with a straight mark (officials')", "The officials' statement was brief.", []],
  ['a plural possessive, then a single-quoted phrase', "The officials' statement was brief, and 'nothing more' was added.", [['nothing more', 0]]],
  ['a single quotation closed after a word (‘…with Russia’)', 'Trump says ‘it’s time to move forward in working constructively with Russia’', [['it’s time to move forward in working constructively with Russia', 0]]],
  ['apostrophes inside a single-quoted headline', '‘Putin’s plan won’t work’ – Macron', [['Putin’s plan won’t work', 0]]],
  ['a single quotation closed after a plural noun', 'He called it ‘a matter for the officials’ and left.', [['a matter for the officials', 0]]],
  ['a single quotation closed after a comma', 'Trump said ‘we talked,’ and left.', [['we talked,', 0]]],
];

/** `[behaviour, text, the quotations we expect]`: the outer quotation has depth 0, a quotation inside it depth 1. */
const NESTED: readonly [string, string, readonly (readonly [string, number])[]][] = [
  ['single inside curly double', 'She said: “He told me ‘never again,’ and I believed him.”', [['He told me ‘never again,’ and I believed him.', 0], ['never again,', 1]]],
  ['single inside straight double', 'She said: "He told me \'never again,\' and I believed him."', [['He told me \'never again,\' and I believed him.', 0], ['never again,', 1]]],
  ["single inside doubled apostrophes, closed together (''…'old-school,''')", "''I would use the word 'old-school,''' said Gregory W. Slayton.", [["I would use the word 'old-school,'", 0], ['old-school,', 1]]],
  ["single inside doubled apostrophes, opened together ('''Kosovo …' …'')", "He said: '''Kosovo is a special case,' they tell us. It is all lies.''", [["'Kosovo is a special case,' they tell us. It is all lies.", 0], ['Kosovo is a special case,', 1]]],
  ['double inside single (a headline)', '‘Trump calls meeting “tremendous”’ – RT', [['Trump calls meeting “tremendous”', 0], ['tremendous', 1]]],
  ['a nested quotation that opens the outer one', '“‘Never again’ is what he told me,” she said.', [['‘Never again’ is what he told me,', 0], ['Never again', 1]]],
];

describe('findQuotes: quotation styles', () => {
  test.each(STYLES)('%s', (_, text, expected) => {
    expect(contents(text)).toEqual(expected);
  });
});

describe('findQuotes: apostrophes and closing single quotes', () => {
  test.each(APOSTROPHES)('%s', (_, text, expected) => {
    expect(contents(text)).toEqual(expected);
  });
});

describe('findQuotes: nested quotations', () => {
  test.each(NESTED)('%s', (_, text, expected) => {
    expect(contents(text)).toEqual(expected);
  });
});

describe('findQuotes: every quotation is its marks and its parts', () => {
  const ALL = [...STYLES, ...APOSTROPHES, ...NESTED].filter(([, , q]) => q.length > 0);
  test.each(ALL)('%s: content lies between its opening and closing marks', (_, text) => {
    for (const q of quoted(text).quotes) {
      expect(q.open.end).toBe(q.start);
      expect(q.close?.start).toBe(q.end);
      expect(slice(text, q.open)).toMatch(/^(?:["“”„«‘'`]|''|``)$/u);
      expect(slice(text, q.close!)).toMatch(/^(?:["”“»’']|'')$/u);
    }
  });

  test.each(ALL)('%s: a one-paragraph quotation has one part, its content', (_, text) => {
    for (const q of quoted(text).quotes) expect(q.parts).toEqual([{ start: q.start, end: q.end }]);
  });
});

describe('findQuotes: quotations over several paragraphs', () => {
  test.each([
    ['two paragraphs, the first left open', '“This is the first paragraph.\n\n“This is the second paragraph,” he said.', ['This is the first paragraph.', 'This is the second paragraph,']],
    ['three paragraphs, the first two left open', '“This is the first paragraph.\n\n“This is the second paragraph.\n\n“And the third,” he said.', ['This is the first paragraph.', 'This is the second paragraph.', 'And the third,']],
    ['straight marks', '"This is the first paragraph.\n\n"This is the second paragraph," he said.', ['This is the first paragraph.', 'This is the second paragraph,']],
    ['an opening paragraph with words before the mark', 'He said: “This is the first paragraph.\n\n“This is the second paragraph.”', ['This is the first paragraph.', 'This is the second paragraph.']],
  ] as const)('%s: one quotation, one part per paragraph', (_, text, parts) => {
    const quotes = quoted(text).quotes;
    expect(quotes.map((q) => q.parts.map((p) => slice(text, p)))).toEqual([parts]);
  });

  test('the quotation opens at the first mark and closes at the last', () => {
    const text = '“This is the first paragraph.\n\n“This is the second paragraph,” he said.';
    const [q] = quoted(text).quotes;
    expect([q!.open.start, q!.close?.end]).toEqual([0, text.indexOf('”') + 1]);
  });

  test('a paragraph that closes its quotation does not continue into the next', () => {
    const text = '“This is the first paragraph,” he said.\n\n“This is the second paragraph,” she said.';
    expect(contents(text)).toEqual([['This is the first paragraph,', 0], ['This is the second paragraph,', 0]]);
  });

  test('a continued quotation leaves no message', () => {
    expect(formatMessages(quoted('“This is the first paragraph.\n\n“This is the second paragraph,” he said.'))).toEqual([]);
  });
});

describe('findQuotes: unpaired marks', () => {
  test.each([
    ['an opening mark never closed', 'He said "we will win and left.', ['a.txt:1:9: Unpaired opening quotation mark [quote-unpaired]']],
    ['a closing mark never opened', 'He said we will win" and left.', ['a.txt:1:20: Unpaired closing quotation mark [quote-unpaired]']],
    ['an opening curly mark on the third line', 'Talks resume in Geneva\n\nHe said “we will win and left.', ['a.txt:3:9: Unpaired opening quotation mark [quote-unpaired]']],
    ['a continued quotation the next paragraph does not reopen', '“This is the first paragraph.\n\nThis one has no mark.', ['a.txt:1:1: Unpaired opening quotation mark [quote-unpaired]']],
    ['paired marks', 'He said "we will win" and left.', []],
    ['apostrophes only', 'Trump’s plan won’t work in the ’90s.', []],
  ] as const)('%s', (_, text, messages) => {
    expect(formatMessages(quoted(text))).toEqual(messages);
  });

  test('an opening mark never closed is recovered as a quotation to the paragraph end', () => {
    const text = 'He said: “we will win.\n\nThe next paragraph has no mark.';
    expect(quoted(text).quotes.map((q) => [slice(text, q), q.close])).toEqual([['we will win.', null]]);
  });

  test.each([
    ['a lone straight mark', '"'],
    ['a lone curly mark', '”'],
    ['marks only', '""“”‘’«»„'],
    ['doubled apostrophes only', "''''''"],
    ['a mark at the very end', 'He said "'],
    ['a mark after a line break at the end', 'He said\n“'],
    ['alternating families', '“a‘b”c’d«e»f"g\'h'],
    ['an apostrophe run', '’’’ ’’ ’'],
  ])('%s: never throws, and every span lies inside the text', (_, text) => {
    const doc = quoted(text);
    for (const q of doc.quotes) {
      expect(q.start).toBeGreaterThanOrEqual(0);
      expect(q.end).toBeLessThanOrEqual(text.length);
      expect(q.start).toBeLessThanOrEqual(q.end);
    }
    for (const m of doc.messages) expect(m.place.end).toBeLessThanOrEqual(text.length);
  });

  test.each([
    ['opening', '“a '],
    ['closing', 'a” '],
  ])('20,000 unmatched %s marks finish within a second, each with a message', (_, unit) => {
    const doc = cleaned(unit.repeat(20_000));
    const started = performance.now();
    findQuotes(doc);
    const elapsed = performance.now() - started;
    expect({ fast: elapsed < 1000, messages: doc.messages.length }).toEqual({ fast: true, messages: 20_000 });
  });
});
