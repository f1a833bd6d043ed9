// Builds a deterministic corpus of synthetic news articles — quotes, attributions, names, titles, datelines — from sentence templates and a seeded PRNG.
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** mulberry32: small, fast, and the same sequence on every machine. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = ['Anna', 'Boris', 'Carla', 'Dmitry', 'Elena', 'Frank', 'Greta', 'Hassan', 'Ingrid', 'James', 'Keiko', 'Luis', 'Maria', 'Nikolai', 'Olga', 'Pedro', 'Rachel', 'Sergei', 'Tomas', 'Ursula', 'Victor', 'Wei', 'Yusuf', 'Zofia', 'Michael', 'Sarah', 'David', 'Laura', 'Ahmed', 'Helen'];
const LAST = ['Albrecht', 'Barros', 'Chen', 'Dubois', 'Eriksson', 'Fischer', 'Garcia', 'Hoffmann', 'Ivanova', 'Jansen', 'Kowalski', 'Lindqvist', 'Moreau', 'Novak', 'Okafor', 'Petrov', 'Quinn', 'Rossi', 'Schmidt', 'Tanaka', 'Urbanek', 'Varga', 'Weber', 'Xu', 'Yilmaz', 'Zielinski', 'Morgan', 'Brennan', 'Castillo', 'Haddad'];
const TITLES = ['Foreign Minister', 'Finance Minister', 'spokeswoman', 'spokesman', 'Senator', 'Governor', 'Mayor', 'chief economist', 'President', 'Prime Minister', 'Defense Secretary', 'ambassador', 'police chief', 'union leader', 'central bank governor'];
const ORGS = ['the ministry', 'the Kremlin', 'the European Commission', 'the State Department', 'the central bank', 'the United Nations', 'the city council', 'the union', 'the company', 'NATO', 'the World Bank', 'the opposition party'];
const PLACES = ['MOSCOW', 'BERLIN', 'WASHINGTON', 'BRUSSELS', 'PARIS', 'KIEV', 'LONDON', 'BEIJING', 'ANKARA', 'WARSAW', 'MADRID', 'TOKYO'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const OUTLETS = ['Reuters', 'AP', 'AFP', 'TASS', 'Bloomberg'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const SAY = ['said', 'told reporters', 'added', 'noted', 'stressed', 'warned', 'explained', 'argued', 'insisted', 'wrote'];
const SUBJECTS = ['the government', 'the new budget', 'the agreement', 'the proposal', 'the investigation', 'the ceasefire', 'the talks', 'the reform', 'the sanctions', 'the election', 'the pipeline project', 'the trade deal', 'inflation', 'the military exercise', 'the vote'];
const PREDICATES = ['would be delayed until next year', 'had been agreed in principle', 'was not acceptable in its current form', 'could cost billions of dollars', 'had failed to address the main concerns', 'would go ahead as planned', 'was a step in the right direction', 'needed more time', 'had strong support in parliament', 'would be reviewed by independent experts', 'posed a risk to regional stability', 'was the result of months of negotiations'];
const OPINIONS = ['We are not going to accept this', 'This is a very serious situation', 'Nobody wants another crisis', 'We have done everything we could', 'The decision has not been made yet', 'Our position has not changed', 'It is too early to talk about results', 'We expect a clear answer by Friday', 'This will take time, but we will get there', 'There is no reason for panic', 'We hope our partners understand this', 'The numbers speak for themselves'];
const NARRATIVE = ['Officials met for several hours behind closed doors', 'The meeting was the first of its kind since the spring', 'Markets reacted calmly to the news', 'Protesters gathered outside the building on {day}', 'The talks are expected to resume next week', 'Critics have questioned the timing of the announcement', 'The figures were published late on {day}', 'Analysts had expected a smaller increase', 'Several delegations left before the final session', 'The plan was first presented in {month}'];

type Rand = () => number;
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

// Real news has a large vocabulary, and wink-nlp reads a word it has seen before faster: a corpus
// of a few hundred distinct words would flatter the tokenization floor and the pipeline alike.
// Names, towns and companies are made from syllables, so the corpus has tens of thousands of them.
const ONSETS = ['b', 'br', 'c', 'ch', 'd', 'dr', 'f', 'g', 'gr', 'h', 'k', 'kr', 'l', 'm', 'n', 'p', 'pr', 'r', 's', 'sh', 'st', 't', 'tr', 'v', 'w', 'z', ''];
const NUCLEI = ['a', 'e', 'i', 'o', 'u', 'ai', 'ei', 'ou', 'ia', 'y'];
const CODAS = ['', '', 'n', 'r', 'l', 's', 'k', 'm', 'nd', 'rt', 'st'];
const SURNAME_ENDS = ['', 'ov', 'ska', 'son', 'ez', 'ani', 'berg', 'ić', 'escu', 'ley', 'mann', 'elli', 'ović', 'sen'];
const PLACE_ENDS = ['', 'burg', 'ville', 'ovo', 'grad', 'ford', 'stad', 'ia', 'polis', 'dorf'];
const COMPANY_ENDS = ['Holdings', 'Group', 'Energy', 'Bank', 'Motors', 'Capital', 'Airlines', 'Steel', 'Pharma', 'Telecom'];

function word(r: Rand, syllables: number, end = ''): string {
  let w = '';
  for (let i = 0; i < syllables; i++) w += pick(r, ONSETS) + pick(r, NUCLEI) + (i === syllables - 1 ? pick(r, CODAS) : '');
  return capital(w + end);
}
const firstName = (r: Rand) => (r() < 0.5 ? pick(r, FIRST) : word(r, 2 + Math.floor(r() * 2)));
const surname = (r: Rand) => (r() < 0.2 ? pick(r, LAST) : word(r, 1 + Math.floor(r() * 2), pick(r, SURNAME_ENDS)));
const town = (r: Rand) => word(r, 2, pick(r, PLACE_ENDS));
const company = (r: Rand) => `${word(r, 2)} ${pick(r, COMPANY_ENDS)}`;

const NUMBER_SENTENCES = [
  (r: Rand) => `Shares of ${company(r)} ${pick(r, ['fell', 'rose', 'climbed', 'dropped', 'slipped'])} ${(r() * 9).toFixed(1)} percent to $${(5 + r() * 200).toFixed(2)} in ${pick(r, ['early', 'late', 'afternoon'])} trading in ${town(r)}.`,
  (r: Rand) => `About ${1 + Math.floor(r() * 900)} people were evacuated from ${town(r)} after the river rose ${(1 + r() * 4).toFixed(1)} meters overnight.`,
  (r: Rand) => `The ${pick(r, ['contract', 'loan', 'package', 'deal', 'fund'])} is worth ${(1 + r() * 90).toFixed(1)} billion ${pick(r, ['dollars', 'euros', 'rubles', 'yuan'])} over ${2 + Math.floor(r() * 9)} years.`,
  (r: Rand) => `Turnout in ${town(r)} reached ${(30 + r() * 50).toFixed(1)} percent by ${1 + Math.floor(r() * 11)} p.m., the ${pick(r, ['electoral commission', 'local authorities', 'interior ministry'])} reported.`,
  (r: Rand) => `In ${1990 + Math.floor(r() * 34)}, ${company(r)} opened its first plant near ${town(r)}, employing ${100 + Math.floor(r() * 5000)} workers.`,
  (r: Rand) => `Roads between ${town(r)} and ${town(r)} remained closed on ${pick(r, DAYS)} as crews cleared debris from the ${pick(r, ['storm', 'landslide', 'flood', 'collision'])}.`,
];

interface Person { first: string; last: string; title: string }

function sentence(r: Rand, cast: Person[], mentioned: Set<Person>): string {
  const p = pick(r, cast);
  // first mention: title and full name; later: the surname, as news style has it
  const full = `${p.title} ${p.first} ${p.last}`;
  const name = mentioned.has(p) ? p.last : full;
  mentioned.add(p);
  const clause = `${pick(r, SUBJECTS)} ${pick(r, PREDICATES)}`;
  const opinion = pick(r, OPINIONS);
  const fill = (s: string) => s.replace('{day}', pick(r, DAYS)).replace('{month}', pick(r, MONTHS));
  switch (Math.floor(r() * 12)) {
    case 0: return `“${opinion},” ${name} ${pick(r, SAY)}.`;
    case 1: return `${name} ${pick(r, SAY)} that ${clause}.`;
    case 2: return `“${opinion}. ${pick(r, OPINIONS)},” said ${name}.`;
    case 3: return `According to ${name}, ${clause}.`;
    case 4: return `${name} told reporters on ${pick(r, DAYS)}: “${opinion}.”`;
    case 5: return `${capital(pick(r, ORGS))} said in a statement that ${clause}.`;
    case 6: return `"${opinion}," ${name} said, adding that ${clause}.`;
    case 7: return `${name} called the move “${pick(r, ['unacceptable', 'a mistake', 'long overdue', 'premature', 'historic'])}.”`;
    case 8: return `${fill(pick(r, NARRATIVE))}.`;
    default: return pick(r, NUMBER_SENTENCES)(r);
  }
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const person = (r: Rand): Person => ({ first: firstName(r), last: surname(r), title: pick(r, TITLES) });

/** The people a corpus keeps quoting: news returns to the same ministers and spokespeople. */
export function newsmakers(r: Rand, count = 3000): Person[] {
  return Array.from({ length: count }, () => person(r));
}

/**
 * One article of about 4 KB: a headline, a dateline, and paragraphs of quotes and narrative. Its
 * speakers come from `regulars` when given (with one newcomer in every other article), so that a
 * corpus has as many distinct speakers as news has, not three new ones per article.
 */
export function article(r: Rand, regulars?: readonly Person[]): string {
  const size = 2 + Math.floor(r() * 3);
  const cast: Person[] = Array.from({ length: size }, (_, i) => (regulars && (i > 0 || r() < 0.5) ? pick(r, regulars) : person(r)));
  const mentioned = new Set<Person>();
  const lead = cast[0]!;
  const headline = `${lead.last} says ${pick(r, SUBJECTS)} ${pick(r, PREDICATES)}`;
  const dateline = `${r() < 0.6 ? pick(r, PLACES) : town(r).toUpperCase()}, ${pick(r, MONTHS)} ${1 + Math.floor(r() * 28)} (${pick(r, OUTLETS)}) -`;
  const paragraphs: string[] = [];
  let length = 0;
  const target = 3000 + r() * 2000;
  while (length < target) {
    const p = Array.from({ length: 2 + Math.floor(r() * 3) }, () => capital(sentence(r, cast, mentioned))).join(' ');
    paragraphs.push(paragraphs.length === 0 ? `${dateline} ${p}` : p);
    length += p.length;
  }
  return `${capital(headline)}\n\n${paragraphs.join('\n\n')}\n`;
}

/**
 * Writes `count` articles under `dir` (100 per folder: `d000/a00000.txt`) and returns their total
 * size in bytes. Skips the work when `dir` already holds this corpus (same count and seed).
 */
export async function buildCorpus(dir: string, count: number, seed = 20240917): Promise<number> {
  const stamp = `${count} ${seed} v3`;
  try {
    const [c, bytes] = (await readFile(join(dir, '.corpus'), 'utf8')).split('\n');
    if (c === stamp) return Number(bytes);
  } catch {
    // not built yet
  }
  await rm(dir, { recursive: true, force: true });
  const r = prng(seed);
  const regulars = newsmakers(prng(seed + 1));
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const folder = join(dir, `d${String(Math.floor(i / 100)).padStart(4, '0')}`);
    if (i % 100 === 0) await mkdir(folder, { recursive: true });
    const text = article(r, regulars);
    bytes += Buffer.byteLength(text);
    await writeFile(join(folder, `a${String(i).padStart(6, '0')}.txt`), text);
  }
  await writeFile(join(dir, '.corpus'), `${stamp}\n${bytes}\n`);
  return bytes;
}
