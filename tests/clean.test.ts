// The clean stage: which lines are debris and why, what is content, the title/date/outlet, and the view it hands on.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { collapseWhitespace, type Doc } from '../pipeline/document.ts';
import { cleaned, slice } from './helpers.ts';

const HEADLINE = 'Moscow offers to resume arms control talks';
const P1 = 'Moscow has offered to resume talks on arms control, the Foreign Ministry said on Monday, days after the latest round collapsed.';
const P2 = 'The offer was passed to Washington through diplomatic channels, officials said, and a reply is expected by the end of the month.';
const P3 = 'Analysts in both capitals said the move was aimed mainly at European governments that have urged both sides to return to the table.';

/** A short article with `debris` between its first and second paragraphs. */
const article = (debris: string) => `${HEADLINE}\n\n${P1}\n\n${debris}\n\n${P2}\n\n${P3}`;

/** Title and paragraph blocks as the reader reads them: one line each, whitespace collapsed. */
const contentOf = (doc: Doc) => doc.blocks.filter((b) => b.kind === 'title' || b.kind === 'paragraph').map((b) => collapseWhitespace(slice(doc.text, b)));
const debrisOf = (doc: Doc) => doc.blocks.filter((b) => b.kind === 'debris').map((b) => slice(doc.text, b));
const reasonOf = (doc: Doc, line: string) => doc.blocks.find((b) => b.kind === 'debris' && slice(doc.text, b) === line)?.reason;

/** `[behaviour, the debris as it stands in the page, its first line's reason]` */
const DEBRIS: readonly [string, string, string][] = [
  ['a PDF page header (print date, title, outlet)', '7/19/2017 Trump says ‘it’s time to move forward in working constructively with Russia’ — RT America', 'page-header'],
  ['a PDF page footer (address and page number)', 'https://www.rt.com/usa/395792-trump-putin-cybersecurity-unit/ 1/7', 'page-footer'],
  ['unrendered template debris', '{{item.group_date}}\n{{item.suffix?", "+item.suffix:""}}', 'template'],
  ['an advertisement label in Russian', 'Реклама', 'advertisement'],
  ['a photo credit with ©', '© AP Photo/Evan Vucci', 'photo-credit'],
  ['a photo caption whose credit runs onto a second line', 'Russia\'s President Vladimir Putin and US President Donald Trump © Carlos Barria /\nReuters', 'photo-credit'],
  ['"Read also" and the linked headline as the next paragraph', 'Read also\n\nPutin-Trump first meeting round-up', 'related-link'],
  ['"READ MORE:" with a linked headline', 'READ MORE: Trump: Meeting with Putin was ‘tremendous’', 'related-link'],
  ['"READ MORE:" whose headline runs onto a dash-speaker line', 'READ MORE: ‘Positive chemistry’ between Trump & Putin at first meeting\n– Tillerson', 'related-link'],
  ['a "Most read" list', 'Most read\nNow\nToday\nThis week\nRussia\'s top diplomat celebrates his birthday\nFour killed in helicopter crash', 'list'],
  ['a "TOP STORIES" list', 'TOP STORIES\nMarkets slide as oil falls\nElection count enters third day\nStorm hits coast', 'list'],
  ['a navigation menu', 'Politics\nEconomy\nWorld\nSport\nCulture', 'navigation'],
  ['share buttons', 'Share\nTweet\nEmail', 'share'],
  ['an embedded tweet with its time-and-date footer', 'Secretary Tillerson discusses US-Ukraine relations in #Ukraine.\n2:07 PM - 9 Jul 2017', 'embed'],
  ['an embedded tweet with its author-and-date footer', 'Just had a great call with President Putin. pic.twitter.com/abc123\n— Donald J. Trump (@realDonaldTrump) July 9, 2017', 'embed'],
];

describe('clean: debris between paragraphs', () => {
  test.each(DEBRIS)('%s: the article is exactly its headline and paragraphs', (_, debris) => {
    expect(contentOf(cleaned(article(debris)))).toEqual([HEADLINE, P1, P2, P3]);
  });

  test.each(DEBRIS)('%s: every line of it is a debris block', (_, debris) => {
    const lines = debris.split('\n').filter((l) => l.trim() !== '');
    expect(debrisOf(cleaned(article(debris)))).toEqual(lines);
  });

  test.each(DEBRIS)('%s: the first line says why', (_, debris, reason) => {
    expect(reasonOf(cleaned(article(debris)), debris.split('\n')[0]!)).toBe(reason);
  });
});

describe('clean: a line that PDF extraction duplicated', () => {
  const line = 'Putin confirmed on Saturday that the accusations claiming Russia meddled in';
  const text = `${HEADLINE}\n\n${line}\n ${line}\nthe US election had been addressed during his conversation with Trump.\n\n${P2}`;
  const doc = cleaned(text);

  test('the repeated line is debris marked duplicate-line', () => {
    expect(doc.blocks.filter((b) => b.reason === 'duplicate-line').map((b) => slice(text, b))).toEqual([line]);
  });

  test('the view reads the paragraph with the line once', () => {
    const paragraph = doc.blocks.find((b) => b.kind === 'paragraph' && slice(text, b).startsWith(line))!;
    expect(collapseWhitespace(slice(doc.view, paragraph))).toBe(`${line} the US election had been addressed during his conversation with Trump.`);
  });

  test('a line repeated in two different paragraphs is not a duplicate', () => {
    const twice = `${HEADLINE}\n\n${P1}\n\n${P1}\n\n${P2}`;
    expect(cleaned(twice).blocks.filter((b) => b.kind === 'debris')).toEqual([]);
  });
});

describe('clean: plain and empty texts', () => {
  test('a plain article with no debris keeps every paragraph', () => {
    expect(contentOf(cleaned(`${HEADLINE}\n\n${P1}\n\n${P2}\n\n${P3}`))).toEqual([HEADLINE, P1, P2, P3]);
  });

  test('a plain article with no debris has no debris blocks', () => {
    expect(debrisOf(cleaned(`${HEADLINE}\n\n${P1}\n\n${P2}\n\n${P3}`))).toEqual([]);
  });

  test('an article with one paragraph per line (no blank lines) keeps every paragraph', () => {
    expect(contentOf(cleaned(`${HEADLINE}\n${P1}\n${P2}\n${P3}`))).toEqual([HEADLINE, P1, P2, P3]);
  });

  test('a hard line break inside a paragraph is a space in the view', () => {
    const text = `${HEADLINE}\n\nMoscow has offered to resume talks\non arms control, the ministry said.\n\n${P2}`;
    const doc = cleaned(text);
    const at = text.indexOf('talks\non') + 'talks'.length;
    expect(doc.view[at]).toBe(' ');
  });

  test.each([
    ['empty text', ''],
    ['whitespace only', ' \n\n \r\n\t'],
  ])('%s: no blocks, no title, no date, no outlet, and a view of the same length', (_, text) => {
    const doc = cleaned(text);
    expect({ blocks: doc.blocks, title: doc.title, date: doc.date, outlet: doc.outlet, view: doc.view.length }).toEqual({ blocks: [], title: null, date: null, outlet: null, view: text.length });
  });
});

const SEEDS = {
  tass: readFileSync(new URL('../seeds/000_c8f24c99b0f70113.txt', import.meta.url), 'utf8'),
  rt: readFileSync(new URL('../seeds/003_70de0a7f1221091c.txt', import.meta.url), 'utf8'),
};

describe('clean: title, date and outlet of the seeds', () => {
  test.each([
    ['tass', 'title', 'Putin’s confidence in Trump won’t be affected by cyber security unit situation — Kremlin'],
    ['tass', 'date', 'July 10, 15:13 UTC+3 MOSCOW'],
    ['tass', 'outlet', 'TASS'],
    ['rt', 'title', 'Trump says ‘it’s time to move forward in working constructively with Russia’'],
    ['rt', 'date', '9 Jul, 2017 12:03'],
    ['rt', 'outlet', 'RT America'],
  ] as const)('%s: %s is %s', (seed, field, expected) => {
    const doc = cleaned(SEEDS[seed]);
    const value = field === 'outlet' ? doc.outlet : doc[field] && collapseWhitespace(slice(doc.text, doc[field]));
    expect(value).toBe(expected);
  });
});

describe('clean: debris in the seeds', () => {
  test.each([
    ['tass', 'Back to Main page', 'navigation'],
    ['tass', 'Read also', 'related-link'],
    ['tass', 'Putin-Trump first meeting round-up', 'related-link'],
    ['tass', '{{item.suffix?", "+item.suffix:""}}', 'template'],
    ['tass', '©\u00a0AP Photo/Evan Vucci', 'photo-credit'],
    ['tass', 'Most read', 'list'],
    ['tass', 'TOP STORIES', 'list'],
    ['rt', '7/19/2017 Trump says ‘it’s time to move forward in working constructively with Russia’ — RT America', 'page-header'],
    ['rt', 'https://www.rt.com/usa/395792-trump-putin-cybersecurity-unit/ 1/7', 'page-footer'],
    ['rt', 'READ MORE: Trump: Meeting with Putin was ‘tremendous’', 'related-link'],
    ['rt', '2:07 PM - 9 Jul 2017', 'embed'],
  ] as const)('%s: `%s` is debris (%s)', (seed, line, reason) => {
    expect(reasonOf(cleaned(SEEDS[seed]), line)).toBe(reason);
  });

  test.each([
    ['tass', 'Russia\'s top diplomat Sergey Lavrov celebrates his birthday'],
    ['tass', 'Putin acknowledges he owns a Japanese motorbike'],
    ['rt', '– Tillerson'],
    ['rt', 'Minsk agreement and sanctions against Russia during remarks'],
  ] as const)('%s: `%s` is in no content block', (seed, line) => {
    const doc = cleaned(SEEDS[seed]);
    expect(contentOf(doc).filter((c) => c.includes(line))).toEqual([]);
  });

  test.each([
    ['tass', 'Peskov noted that Trump and Putin did not agree directly to set up a certain body "but to work on creating such a group.".'],
    ['rt', '“The US and the EU sanctions on Russia will remain in place until Moscow reverses the actions that triggered these particular sanctions,” Tillerson said at a joint press conference with Ukrainian President Petro Poroshenko in Kiev.'],
    ['rt', 'Putin confirmed on Saturday that the accusations claiming Russia meddled in the US election had been addressed during his conversation with Trump. The Russian president reiterated that there is no reason to believe that Russia interfered in the US electoral process.'],
  ] as const)('%s: the body paragraph `%s` is one content block, read once', (seed, paragraph) => {
    const doc = cleaned(SEEDS[seed]);
    const reads = doc.blocks.filter((b) => b.kind === 'paragraph').map((b) => collapseWhitespace(slice(doc.view, b)));
    expect(reads).toContain(paragraph);
  });
});

const ALL: readonly [string, string][] = [
  ...DEBRIS.map(([name, debris]) => [name, article(debris)] as [string, string]),
  ['the TASS seed', SEEDS.tass],
  ['the RT seed', SEEDS.rt],
];

describe('clean: blocks and view', () => {
  test.each(ALL)('%s: every block slices to trimmed, non-empty text', (_, text) => {
    for (const b of cleaned(text).blocks) {
      const s = slice(text, b);
      expect(s).toBe(s.trim());
      expect(s).not.toBe('');
    }
  });

  test.each(ALL)('%s: debris blocks are single lines', (_, text) => {
    for (const b of cleaned(text).blocks.filter((x) => x.kind === 'debris')) expect(slice(text, b)).not.toContain('\n');
  });

  test.each(ALL)('%s: blocks are sorted by start', (_, text) => {
    const starts = cleaned(text).blocks.map((b) => b.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });

  test.each(ALL)('%s: the view has the same length as the text', (_, text) => {
    expect(cleaned(text).view.length).toBe(text.length);
  });

  test.each(ALL)('%s: the view equals the text on every content character', (_, text) => {
    const doc = cleaned(text);
    const debris = doc.blocks.filter((b) => b.kind === 'debris');
    const differ: number[] = [];
    for (const b of doc.blocks.filter((x) => x.kind === 'title' || x.kind === 'paragraph')) {
      for (let i = b.start; i < b.end; i++) {
        if (/\s/u.test(text[i]!) || debris.some((d) => d.start <= i && i < d.end)) continue;
        if (doc.view[i] !== text[i]) differ.push(i);
      }
    }
    expect(differ).toEqual([]);
  });

  test.each(ALL)('%s: the view is blank outside title and paragraph blocks', (_, text) => {
    const doc = cleaned(text);
    const content = doc.blocks.filter((b) => b.kind === 'title' || b.kind === 'paragraph');
    const debris = doc.blocks.filter((b) => b.kind === 'debris');
    const shown: number[] = [];
    for (let i = 0; i < text.length; i++) {
      const inContent = content.some((b) => b.start <= i && i < b.end) && !debris.some((d) => d.start <= i && i < d.end);
      if (!inContent && /\S/u.test(doc.view[i]!)) shown.push(i);
    }
    expect(shown).toEqual([]);
  });
});
