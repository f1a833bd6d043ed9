// The committed dataset: regenerating output/ from seeds/ gives the same bytes, report included, and every record keeps the documented shape.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { collapseWhitespace } from '../pipeline/document.ts';
import type { QuoteRecord } from '../pipeline/records.ts';
import { runCorpus } from '../pipeline/run-corpus.ts';

const SEEDS = fileURLToPath(new URL('../seeds/', import.meta.url));
const COMMITTED = fileURLToPath(new URL('../output/', import.meta.url));
const FILES = ['quotes.jsonl', 'quotes.csv', 'documents.jsonl', 'speakers.jsonl'] as const;

let out = '';
const fresh: Record<string, string> = {};

beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), 'quotes-output-'));
  await runCorpus(SEEDS, { out });
  for (const file of FILES) fresh[file] = await readFile(join(out, file), 'utf8');
}, 60_000);

afterAll(async () => {
  if (out !== '') await rm(out, { recursive: true, force: true });
});

const quotes = () => fresh['quotes.jsonl']!.split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as QuoteRecord);
const original = (doc: string) => readFileSync(join(SEEDS, doc), 'utf8');

/** RFC 4180: fields separated by commas, records by CRLF or LF; a quoted field may hold commas, line breaks and doubled quotes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
      } else if (c === '"') {
        quoted = false;
        i++;
      } else {
        field += c;
        i++;
      }
    } else if (c === '"' && field === '') {
      quoted = true;
      i++;
    } else if (c === ',') {
      row.push(field);
      field = '';
      i++;
    } else if (c === '\n' || (c === '\r' && text[i + 1] === '\n')) {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += c === '\r' ? 2 : 1;
    } else {
      field += c;
      i++;
    }
  }
  if (quoted) throw new Error('unterminated quoted field');
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

describe('parseCsv (the test’s own reader)', () => {
  test.each([
    ['plain fields', 'a,b,c\n', [['a', 'b', 'c']]],
    ['a quoted comma', '"a,b",c\n', [['a,b', 'c']]],
    ['a doubled quote', '"say ""no""",c\n', [['say "no"', 'c']]],
    ['a quoted line break', '"a\nb",c\r\nd,e\r\n', [['a\nb', 'c'], ['d', 'e']]],
    ['empty fields', ',,\n', [['', '', '']]],
  ] as const)('%s', (_, text, rows) => {
    expect(parseCsv(text)).toEqual(rows);
  });
});

describe('output: regenerated from seeds/', () => {
  test.each(FILES)('%s is byte-identical to the committed file', async (file) => {
    expect(fresh[file]).toBe(await readFile(join(COMMITTED, file), 'utf8'));
  });

  test('report/ holds the same files with the same bytes as the committed one', async () => {
    const files = async (dir: string) => {
      const all = new Map<string, string>();
      for (const e of await readdir(dir, { recursive: true, withFileTypes: true })) {
        if (e.isFile()) all.set(relative(dir, join(e.parentPath, e.name)), await readFile(join(e.parentPath, e.name), 'utf8'));
      }
      return all;
    };
    const regenerated = await files(join(out, 'report'));
    expect(regenerated.size).toBeGreaterThan(5);
    expect(regenerated).toEqual(await files(join(COMMITTED, 'report')));
  });

  test.each(FILES)('%s ends with a newline and has no blank lines', (file) => {
    const text = fresh[file]!;
    expect({ trailingNewline: text.endsWith('\n'), blank: text.slice(0, -1).split('\n').filter((l) => l.trim() === '').length }).toEqual({ trailingNewline: true, blank: 0 });
  });
});

describe('output: quotes.jsonl records', () => {
  test('there are quotes from both seeds', () => {
    expect([...new Set(quotes().map((q) => q.doc))]).toEqual(['000_c8f24c99b0f70113.txt', '003_70de0a7f1221091c.txt']);
  });

  test('ids are <doc>#<start>-<end>', () => {
    const bad = quotes().filter((q) => q.id !== `${q.doc}#${q.start}-${q.end}`).map((q) => q.id);
    expect(bad).toEqual([]);
  });

  test('ids are unique', () => {
    const ids = quotes().map((q) => q.id);
    expect(ids.length).toBe(new Set(ids).size);
  });

  test('records are sorted by document, then offset', () => {
    const keys = quotes().map((q) => [q.doc, q.start, q.end] as const);
    const sorted = [...keys].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1] || a[2] - b[2]));
    expect(keys).toEqual(sorted);
  });

  test('keys come in the documented order, extensions after', () => {
    const documented = ['id', 'doc', 'type', 'text', 'start', 'end', 'cue', 'speaker', 'sieve', 'confidence'];
    const bad = quotes().filter((q) => JSON.stringify(Object.keys(q).slice(0, documented.length)) !== JSON.stringify(documented)).map((q) => q.id);
    expect(bad).toEqual([]);
  });

  test('cue keys are text, lemma, start, end', () => {
    const shapes = new Set(quotes().filter((q) => q.cue).map((q) => Object.keys(q.cue!).join(',')));
    expect([...shapes]).toEqual(['text,lemma,start,end']);
  });

  test('speaker keys are name, mention, kind, start, end, title, then id', () => {
    const shapes = new Set(quotes().filter((q) => q.speaker).map((q) => Object.keys(q.speaker!).join(',')));
    expect([...shapes]).toEqual(['name,mention,kind,start,end,title,id']);
  });

  test('type is direct, indirect or mixed', () => {
    expect(quotes().filter((q) => !['direct', 'indirect', 'mixed'].includes(q.type)).map((q) => q.id)).toEqual([]);
  });

  test('a one-part record’s text is its span of the original, whitespace collapsed', () => {
    const bad = quotes()
      .filter((q) => q.parts.length === 1)
      .filter((q) => collapseWhitespace(original(q.doc).slice(q.start, q.end)) !== q.text)
      .map((q) => `${q.id}: ${JSON.stringify(collapseWhitespace(original(q.doc).slice(q.start, q.end)))} ≠ ${JSON.stringify(q.text)}`);
    expect(bad).toEqual([]);
  });

  test('parts lie inside the record’s span, in order', () => {
    const bad = quotes().filter((q) => {
      const [first, last] = [q.parts[0], q.parts[q.parts.length - 1]];
      return !first || !last || first[0] !== q.start || last[1] !== q.end || q.parts.some((p, i) => p[0] > p[1] || (i > 0 && p[0] < q.parts[i - 1]![1]));
    });
    expect(bad.map((q) => q.id)).toEqual([]);
  });

  test('cue spans slice to the cue text', () => {
    const bad = quotes().filter((q) => q.cue && original(q.doc).slice(q.cue.start, q.cue.end) !== q.cue.text).map((q) => q.id);
    expect(bad).toEqual([]);
  });

  test('speaker spans slice to the mention, whitespace collapsed', () => {
    const bad = quotes().filter((q) => q.speaker && collapseWhitespace(original(q.doc).slice(q.speaker.start, q.speaker.end)) !== q.speaker.mention).map((q) => q.id);
    expect(bad).toEqual([]);
  });

  test('every quote with a speaker carries the speakers.jsonl id of that name', () => {
    const speakers = fresh['speakers.jsonl']!.split('\n').filter(Boolean).map((l) => JSON.parse(l) as { id: string; name: string });
    const byId = new Map(speakers.map((s) => [s.id, s.name]));
    const bad = quotes().filter((q) => q.speaker && byId.get(q.speaker.id ?? '') !== q.speaker.name).map((q) => q.id);
    expect(bad).toEqual([]);
  });
});

describe('output: speakers.jsonl', () => {
  const speakers = () => fresh['speakers.jsonl']!.split('\n').filter(Boolean).map((l) => JSON.parse(l) as { id: string; name: string; documents: number });

  test.each(['Donald Trump', 'Vladimir Putin'])('%s is one entity across both seeds', (name) => {
    expect(speakers().filter((s) => s.name === name).map((s) => s.documents)).toEqual([2]);
  });
});

describe('output: quotes.csv', () => {
  const COLUMNS = ['id', 'doc', 'type', 'text', 'start', 'end', 'cue_text', 'cue_lemma', 'cue_start', 'cue_end', 'speaker_name', 'speaker_mention', 'speaker_kind', 'speaker_start', 'speaker_end', 'speaker_title', 'speaker_id', 'sieve', 'confidence'];

  test('the header names the columns', () => {
    expect(parseCsv(fresh['quotes.csv']!)[0]).toEqual(COLUMNS);
  });

  test('one row per quote, each with every column', () => {
    const rows = parseCsv(fresh['quotes.csv']!).slice(1);
    expect(rows.map((r) => r.length)).toEqual(quotes().map(() => COLUMNS.length));
  });

  test('rows parse back to the quote records', () => {
    const rows = parseCsv(fresh['quotes.csv']!).slice(1);
    const str = (v: unknown) => (v === null || v === undefined ? '' : String(v));
    expect(rows).toEqual(
      quotes().map((q) => [
        q.id, q.doc, q.type, q.text, str(q.start), str(q.end),
        str(q.cue?.text), str(q.cue?.lemma), str(q.cue?.start), str(q.cue?.end),
        str(q.speaker?.name), str(q.speaker?.mention), str(q.speaker?.kind), str(q.speaker?.start), str(q.speaker?.end), str(q.speaker?.title), str(q.speaker?.id),
        q.sieve, str(q.confidence),
      ]),
    );
  });
});

describe('output: documents.jsonl', () => {
  test('one row per seed with its quote count', () => {
    const docs = fresh['documents.jsonl']!.split('\n').filter(Boolean).map((l) => JSON.parse(l) as { id: string; quotes: number });
    const counts = new Map<string, number>();
    for (const q of quotes()) counts.set(q.doc, (counts.get(q.doc) ?? 0) + 1);
    expect(docs.map((d) => [d.id, d.quotes])).toEqual([...counts.entries()]);
  });

  test('keys come in order: id, title, date, outlet, quotes, messages, chars', () => {
    const shapes = new Set(fresh['documents.jsonl']!.split('\n').filter(Boolean).map((l) => Object.keys(JSON.parse(l) as object).join(',')));
    expect([...shapes]).toEqual(['id,title,date,outlet,quotes,messages,chars']);
  });
});
