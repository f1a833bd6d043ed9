// The adapter's spans against `text.slice`: wink gives token values without offsets, so every offset here is ours to get right.
import { describe, expect, test } from 'vitest';
import winkNLP from 'wink-nlp';
import { analyze, firstNameGender, modelForWink } from '../pipeline/nlp-adapter.ts';

/** `[behaviour, text, the tokens we expect, in order]` */
const TOKENS: readonly [string, string, readonly string[]][] = [
  ['a comma and a straight quote next to a word', 'He said, "No." Then', ['He', 'said', ',', '"', 'No.', '"', 'Then']],
  ['curly double quotes around a clause', '“We will win,” he said.', ['“', 'We', 'will', 'win', ',', '”', 'he', 'said', '.']],
  ['curly single quotes and a dash after them', '‘Sanctions not discussed with Russia’ – Trump', ['‘', 'Sanctions', 'not', 'discussed', 'with', 'Russia', '’', '–', 'Trump']],
  ['a contraction with a curly apostrophe splits into wo + n’t', 'I won’t go.', ['I', 'wo', 'n’t', 'go', '.']],
  ['a contraction with a straight apostrophe splits into is + n\'t', "isn't it?", ['is', "n't", 'it', '?']],
  ['a possessive keeps its apostrophe on the clitic', "Trump's plan", ['Trump', "'s", 'plan']],
  ['round, square and curly brackets are tokens of their own', 'The leader (Putin) spoke [briefly] {today}.', ['The', 'leader', '(', 'Putin', ')', 'spoke', '[', 'briefly', ']', '{', 'today', '}', '.']],
  ['a bracketed insertion after a pronoun', 'He [Putin] denied it.', ['He', '[', 'Putin', ']', 'denied', 'it', '.']],
  ['em-dashes without spaces between words', 'Peace—or war—was near.', ['Peace', '—', 'or', 'war', '—', 'was', 'near', '.']],
  ['an emoji (two UTF-16 code units) between words', 'Nice 😀 day.', ['Nice', '😀', 'day', '.']],
  ['guillemets and low-high German quotes', '„Nein“, sagte er. «Non»', ['„', 'Nein', '“', ',', 'sagte', 'er', '.', '«', 'Non', '»']],
  ['line breaks, a blank line and a carriage return are not tokens', 'One.\nTwo.\r\n\r\nThree.', ['One', '.', 'Two', '.', 'Three', '.']],
];

describe('analyze: tokens', () => {
  test.each(TOKENS)('%s: token values', (_, text, expected) => {
    expect(analyze(text).tokens.map((t) => t.value)).toEqual(expected);
  });

  test.each(TOKENS)('%s: every token span slices to its value', (_, text) => {
    const { tokens } = analyze(text);
    expect(tokens.map((t) => text.slice(t.start, t.end))).toEqual(tokens.map((t) => t.value));
  });

  test.each(TOKENS)('%s: tokens are in text order and never overlap', (_, text) => {
    const { tokens } = analyze(text);
    for (let i = 1; i < tokens.length; i++) expect(tokens[i]!.start).toBeGreaterThanOrEqual(tokens[i - 1]!.end);
  });

  test('a non-BMP character spans two code units', () => {
    const text = 'Nice 😀 day.';
    const emoji = analyze(text).tokens.find((t) => t.value === '😀');
    expect(emoji).toMatchObject({ start: 5, end: 7 });
  });

  test('an offset after an emoji counts the emoji as two code units', () => {
    const text = '😀😀 Putin said.';
    const putin = analyze(text).tokens.find((t) => t.value === 'Putin');
    expect(putin).toMatchObject({ start: 5, end: 10 });
  });

  test('a repeated word is found at each of its places, not at the first', () => {
    const text = 'said said said';
    expect(analyze(text).tokens.map((t) => t.start)).toEqual([0, 5, 10]);
  });

  test('lemmas are lower-case and come from wink (said → say)', () => {
    const said = analyze('Peskov Said it.').tokens.find((t) => t.value === 'Said');
    expect(said?.lemma).toBe('say');
  });
});

/** `[behaviour, text, the sentences we expect, each as text.slice]` */
const SENTENCES: readonly [string, string, readonly string[]][] = [
  ['two sentences on one line', 'I won’t go. You can’t stay.', ['I won’t go.', 'You can’t stay.']],
  ['a sentence after a single line break starts at its first word, not at the newline', 'Line one.\nLine two is here.', ['Line one.', 'Line two is here.']],
  ['a sentence after a blank line starts at its first word', 'Line one.\n\nThird para.', ['Line one.', 'Third para.']],
  ['a sentence after CRLF line breaks starts at its first word', 'One here.\r\n\r\nTwo here.', ['One here.', 'Two here.']],
  ['a sentence opening with a quotation mark starts at the mark', 'He left.\n“We will win,” he said.', ['He left.', '“We will win,” he said.']],
  ['a sentence ending in an emoji ends after both code units', 'Great day 😀\n\nNext one.', ['Great day 😀', 'Next one.']],
];

describe('analyze: sentences', () => {
  test.each(SENTENCES)('%s', (_, text, expected) => {
    const { tokens, sentences } = analyze(text);
    expect(sentences.map((s) => text.slice(tokens[s.firstToken]!.start, tokens[s.lastToken - 1]!.end))).toEqual(expected);
  });

  test.each(SENTENCES)('%s: no sentence starts or ends on whitespace', (_, text) => {
    const { tokens, sentences } = analyze(text);
    for (const s of sentences) {
      expect(text[tokens[s.firstToken]!.start]).toMatch(/\S/u);
      expect(text[tokens[s.lastToken - 1]!.end - 1]).toMatch(/\S/u);
    }
  });

  test.each(SENTENCES)('%s: sentences cover the tokens in order, each token once', (_, text) => {
    const { tokens, sentences } = analyze(text);
    let next = 0;
    for (const s of sentences) {
      expect(s.firstToken).toBe(next);
      expect(s.lastToken).toBeGreaterThan(s.firstToken);
      next = s.lastToken;
    }
    expect(next).toBe(tokens.length);
  });

  test('blank text has no tokens and no sentences', () => {
    expect(analyze('')).toEqual({ tokens: [], sentences: [] });
  });

  test('whitespace-only text has no tokens and no sentences', () => {
    expect(analyze(' \n\n \r\n')).toEqual({ tokens: [], sentences: [] });
  });
});

describe('firstNameGender', () => {
  test.each([
    ['Donald', 'male'],
    ['Angela', 'female'],
    ['Xyzzq', 'unknown'],
  ] as const)('%s → %s', (first, gender) => {
    expect(firstNameGender(first)).toBe(gender);
  });
});

describe('analyze: what one document taught wink-nlp does not change the next', () => {
  // wink adds unseen words to its lexicon and then keeps them whole: after reading `Trump's.` it
  // would stop splitting `Trump's`, so two workers that read different documents would disagree.
  test.each([
    ["Peskov called Trump's RT appearance unhelpful.", "His plan is better than Trump's. But it will not pass."],
    ['The Russian-US unit was discussed.', 'They spoke of a Russian-US. Then they left.'],
  ])('%s tokenizes the same after %s', (text, before) => {
    const first = analyze(text).tokens.map((t) => t.value);
    analyze(before);
    expect(analyze(text).tokens.map((t) => t.value)).toEqual(first);
  });
});

describe('modelForWink: a fresh wink instance every 1,000 documents costs the same each time', () => {
  // wink-eng-lite-web-model's metaCER() stringifies its machines again on every call: the 20th
  // instance of one thread (20,000 documents) failed with `Invalid string length`
  test('metaCER gives the same machines, JSON of an object, however often it is asked', () => {
    const metaCER = modelForWink.metaCER as unknown as () => { machines: string };
    const first = metaCER().machines;
    for (let i = 0; i < 3; i++) expect(metaCER().machines).toBe(first);
    expect(typeof JSON.parse(first)).toBe('object');
  });

  test('the 22nd new instance (22,000 documents of one thread) reads a text as the first did', () => {
    const text = 'Kremlin Spokesman Dmitry Peskov told reporters on Monday that the talks were over.';
    const tagged = (nlp: ReturnType<typeof winkNLP>) => nlp.readDoc(text).tokens().out(nlp.its.pos);
    const once = tagged(winkNLP(modelForWink, ['sbd', 'pos']));
    let last: ReturnType<typeof winkNLP> | undefined;
    for (let i = 0; i < 22; i++) last = winkNLP(modelForWink, ['sbd', 'pos']);
    expect(tagged(last!)).toEqual(once);
  }, 30_000);
});
