// The dataset's commit splices corpus speaker names and ids into the quotes' lines and CSV rows: the bytes must be what parsing, rewriting and serializing each quote gives.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { DocumentRecord, QuoteRecord } from '../pipeline/records.ts';
import type { SpeakerRecord } from '../pipeline/speakers.ts';
import { csvRow, DatasetWriter, documentFrame } from '../pipeline/write-dataset.ts';
import { documentParts, readDocumentParts } from '../pipeline/report/document-parts.ts';
import { documentRow } from '../pipeline/report/lists.ts';

const speaker = (name: string, mention = name, title: string | null = null): QuoteRecord['speaker'] => ({ name, mention, kind: 'person', start: 0, end: 5, title });
const quote = (doc: string, text: string, s: QuoteRecord['speaker'], n = 0): QuoteRecord => ({
  id: `${doc}#${n}-${n + 5}`, doc, type: 'direct', text, start: n, end: n + 5, cue: { text: 'said', lemma: 'say', start: 20, end: 24 }, speaker: s, sieve: 'quote-then-speaker-cue', confidence: 0.95, parts: [[n, n + 5]],
});
const record = (id: string, quotes: number): DocumentRecord => ({ id, title: `Title of ${id}`, date: '2017-07-19', outlet: 'TASS', quotes, messages: [], chars: 100 });
const entity = (id: string, name: string): SpeakerRecord => ({ id, name, kind: 'person', aliases: [name], titles: [], quotes: 1, documents: 1 });

// names and texts that hold what the splice looks for, and what CSV and JSON must escape
const cases: [string, QuoteRecord[]][] = [
  ['plain.txt', [quote('plain.txt', 'We will win.', speaker('Putin', 'he', 'President')), quote('plain.txt', 'No speaker.', null, 10)]],
  ['tricky "id", with comma.txt', [quote('tricky "id", with comma.txt', 'a ,"speaker":{"name":"X"},"sieve": b', speaker('O"Neil, Jr.', 'O"Neil\nJr.', '}, "title"'))]],
  ['unlinked.txt', [quote('unlinked.txt', 'Nobody links me.', speaker('Nobody'))]],
  ['unicode.txt', [quote('unicode.txt', 'Ура — “да” 😀', speaker('Пётр 😀 Иванов', 'он'))]],
];
const linked = new Map<string, SpeakerRecord>([
  ['plain.txt\u0000Putin', entity('person:vladimir-putin', 'Vladimir Putin')],
  ['tricky "id", with comma.txt\u0000O"Neil, Jr.', entity('person:o-neil"x', 'Tip "O"Neil, Sr.')],
  ['unicode.txt\u0000Пётр 😀 Иванов', entity('person:пётр-иванов', 'Пётр Иванов')],
]);
const lookup = (doc: string, name: string) => linked.get(`${doc}\u0000${name}`);

/** What the commit wrote before the splice: every quote parsed, rewritten and serialized again. */
function rewritten(q: QuoteRecord): QuoteRecord {
  const e = q.speaker ? lookup(q.doc, q.speaker.name) : undefined;
  return e && q.speaker ? { ...q, speaker: { ...q.speaker, name: e.name, id: e.id } } : q;
}

describe('csvRow', () => {
  const bare: QuoteRecord = { ...quote('a.txt', 'Hi.', null), cue: null, confidence: 1 };
  test.each([
    ['a quote with its cue and speaker', quote('a.txt', 'We will win.', speaker('Putin', 'he', 'President')), 'a.txt#0-5,a.txt,direct,We will win.,0,5,said,say,20,24,Putin,he,person,0,5,President,,quote-then-speaker-cue,0.95'],
    ['no cue, no speaker: their cells empty', bare, 'a.txt#0-5,a.txt,direct,Hi.,0,5,,,,,,,,,,,,quote-then-speaker-cue,1'],
    ['quotation marks, commas and a line break quoted', quote('b, "c".txt', 'He said "no",\nthen left.', null), '"b, ""c"".txt#0-5","b, ""c"".txt",direct,"He said ""no"",\nthen left.",0,5,said,say,20,24,,,,,,,,quote-then-speaker-cue,0.95'],
  ])('%s', (_, q, row) => {
    expect(csvRow(q)).toBe(row);
  });
});

describe('DatasetWriter.commit', () => {
  test('splices corpus names and ids into quotes.jsonl and quotes.csv byte for byte as rewriting each record would', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'quotes-write-'));
    try {
      const writer = new DatasetWriter(dir);
      await writer.open();
      for (const [id, quotes] of cases) await writer.writeDocument(record(id, quotes.length), quotes);
      await writer.commit([], lookup);
      const all = cases.flatMap(([, quotes]) => quotes).map(rewritten);
      expect(await readFile(join(dir, 'quotes.jsonl'), 'utf8')).toBe(all.map((q) => `${JSON.stringify(q)}\n`).join(''));
      const csv = await readFile(join(dir, 'quotes.csv'), 'utf8');
      expect(csv.slice(csv.indexOf('\n') + 1)).toBe(all.map((q) => `${csvRow(q)}\n`).join(''));
      // the splice did happen: ids are in
      expect(all.filter((q) => q.speaker?.id !== undefined)).toHaveLength(3);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('hands each document its report parts, in order, once its quotes are written', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'quotes-write-'));
    try {
      const writer = new DatasetWriter(dir);
      await writer.open();
      const parts = cases.map(([id, quotes]) => documentParts(record(id, quotes.length), quotes));
      for (const [i, [id, quotes]] of cases.entries()) await writer.writeFrame(JSON.stringify(record(id, quotes.length)), documentFrame(id, quotes, parts[i]));
      const seen: [string, string][] = [];
      await writer.commit([], lookup, { document: (doc, part) => void seen.push([doc, part]) });
      expect(seen).toEqual(cases.map(([id], i) => [id, parts[i]]));
      const read = readDocumentParts(parts[1]!);
      expect(read.row[1]).toContain('Title of tricky &quot;id&quot;, with comma.txt');
      // the link is the run's to put in: the worker does not know the document's page
      expect(documentRow(read.row, 'documents/00/0.html#d-x')).toMatch(/^<tr><td><a href="\.\.\/documents\/00\/0\.html#d-x">Title of tricky/);
      expect(read.counts).toMatchObject({ quotes: 1, direct: 1, attributed: 1, outlet: 'TASS', day: '2017-07-19' });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  const [id, quotes] = cases[0]!;
  const frame = documentFrame(id, quotes);
  const header = `${id.length} ${quotes.length} 0\n`;
  test.each([
    ['a quote more than it holds', header.replace(` ${quotes.length} `, ` ${quotes.length + 1} `) + frame.slice(header.length), 'ends in the middle of a header'],
    ['a report longer than what is left', header.replace(/ 0\n$/, ' 5\n') + frame.slice(header.length), 'ends in the middle of a piece'],
    ['characters after its pieces', `${frame}x`, 'is longer than its pieces'],
  ])('a frame with %s fails the commit by name, and no dataset is written', async (_, bad, message) => {
    const dir = await mkdtemp(join(tmpdir(), 'quotes-write-'));
    try {
      expect(frame.startsWith(header)).toBe(true);
      const writer = new DatasetWriter(dir);
      await writer.open();
      await writer.writeFrame(JSON.stringify(record(id, quotes.length)), bad);
      await expect(writer.commit([], lookup)).rejects.toThrow(`quotes: a frame of the partial quotes file ${message}`);
      await expect(readFile(join(dir, 'quotes.jsonl'), 'utf8')).rejects.toThrow('ENOENT');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('parts cut short or padded are refused, not misread', () => {
    const parts = documentParts(record('plain.txt', 2), cases[0]![1]);
    expect(() => readDocumentParts(parts.slice(0, -1))).toThrow('not as documentParts wrote them');
    expect(() => readDocumentParts(`${parts} `)).toThrow('not as documentParts wrote them');
    expect(() => readDocumentParts('')).toThrow('not as documentParts wrote them');
  });
});
