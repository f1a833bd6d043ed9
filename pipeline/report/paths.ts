// Where each page of a report lives: stable names from ids alone, sharded so no folder holds more than a few hundred files at 100,000 documents.
import { hash as digest } from 'node:crypto';
import { groupOfId } from '../speakers.ts';

/** Documents and speakers per list page. */
export const PER_PAGE = 200;

function shardAndName(id: string): string {
  const hash = digest('sha1', id, 'hex');
  // readable and unique: `a/b.txt` and `a_b.txt` read alike but hash apart
  const readable = id.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^[._-]+/, '').slice(0, 80);
  return `${hash.slice(0, 2)}/${readable}-${hash.slice(0, 8)}.html`;
}

/** `documents/3f/000_c8f24c99b0f70113.txt-3f1a2b4c.html`, relative to the report root: a document's page of its own, as the error view writes it. */
export function documentPath(id: string): string {
  return `documents/${shardAndName(id)}`;
}

/**
 * Documents a page of a run's report holds at most, in corpus order: a file a document, creating the
 * file was a third of what the report cost a worker (175–230 µs of CPU a page on this machine).
 */
export const DOCUMENTS_PER_PAGE = 20;

/**
 * Characters of documents' sections a page holds at most; a longer section has a page of its own.
 * Twenty documents of the longest a run reads (5 MB) would make a page a browser chokes on.
 */
export const PAGE_CHARS = 1_000_000;

/** Document pages a folder holds: 5,000 pages at 100,000 documents, in 20 folders. */
const DOCUMENT_PAGES_PER_FOLDER = 256;

/**
 * `documents/00/10.html`: page `n` (from 0) of a run's documents, relative to the report root. Pages
 * fill a folder before the next (they are written in order): a folder is made once, not once a page.
 */
export function documentPagePath(n: number): string {
  return `documents/${Math.floor(n / DOCUMENT_PAGES_PER_FOLDER).toString(16).padStart(2, '0')}/${n}.html`;
}

let lastAnchor = { id: '', anchor: '' };

/** The element id of a document's section on its page, from the id alone: `d-3f1a2b4c5d`. */
export function documentAnchor(id: string): string {
  // asked for in runs of the same document
  if (lastAnchor.id !== id || lastAnchor.anchor === '') lastAnchor = { id, anchor: `d-${digest('sha1', id, 'hex').slice(0, 10)}` };
  return lastAnchor.anchor;
}

/** `documents/00/10.html#d-3f1a2b4c5d`: document `id`'s section on page `n` of a run's documents, relative to the report root. */
export function documentLink(n: number, id: string): string {
  return sectionLink(n, documentAnchor(id));
}

/** `documentLink` from the section's element id (`documentAnchor`). */
export function sectionLink(n: number, anchor: string): string {
  return `${documentPagePath(n)}#${anchor}`;
}

/** Speakers per shared speaker page: a page per speaker would be 100,000s of small files, and on a disk each costs more than its rendering. */
export const SPEAKERS_PER_PAGE = 25;

/**
 * The buckets the report files quotes in by their speaker's group (speaker-pages.ts) as documents
 * stream past, before the corpus is linked: the shared pages are a multiple of them, so that the
 * speakers of a page are all in one bucket.
 */
export const SPEAKER_BUCKETS = 64;

/** How many shared speaker pages a corpus of `speakers` speakers gets: a multiple of SPEAKER_BUCKETS. */
export function speakerPageCount(speakers: number): number {
  return SPEAKER_BUCKETS * Math.max(1, Math.ceil(speakers / (SPEAKERS_PER_PAGE * SPEAKER_BUCKETS)));
}

/**
 * `compute`, its value remembered by `keyOf` its arguments, for up to 10,000 keys (then it starts
 * again): for what a worker works out of speaker names and groups, which recur from document to
 * document.
 */
export function remembered<A extends unknown[], V>(keyOf: (...args: A) => string, compute: (...args: A) => V): (...args: A) => V {
  const values = new Map<string, V>();
  return (...args) => {
    const key = keyOf(...args);
    let value = values.get(key);
    if (value === undefined) {
      value = compute(...args);
      if (values.size >= 10_000) values.clear();
      values.set(key, value);
    }
    return value;
  };
}

/** The first 32 bits of a string's sha1: which page, or bucket, it falls on. */
const hash32 = (s: string) => digest('sha1', s, 'buffer').readUInt32BE(0);

/** A speaker group's hash (`groupOfId`), remembered: the same few thousand recur from document to document. */
const groupHash = remembered((group: string) => group, hash32);

/** The bucket of a speaker group; its speakers' pages are this bucket's (`speakerPageOf`). */
export function speakerBucketOf(group: string): number {
  return groupHash(group) % SPEAKER_BUCKETS;
}

/**
 * The shared page speaker `id` is on, from 0, known from the id alone: one of its group's bucket's
 * pages (`pages` is a multiple of SPEAKER_BUCKETS), by the id's own hash. By the group's hash alone,
 * every speaker of a common surname shared one page: at 100,000 bench articles, hundreds of them.
 */
export function speakerPageOf(id: string, pages: number): number {
  return speakerBucketOf(groupOfId(id)) + SPEAKER_BUCKETS * (hash32(id) % (pages / SPEAKER_BUCKETS));
}

/** `speakers/2a/42.html`: shared page `n`, relative to the report root. */
export function speakerPagePath(n: number): string {
  return `speakers/${(n % 256).toString(16).padStart(2, '0')}/${n}.html`;
}

/** The element id of a speaker's section on its shared page. */
export function speakerAnchor(id: string): string {
  return `s-${id.replace(/[^A-Za-z0-9_-]+/g, '_').slice(0, 60)}-${digest('sha1', id, 'hex').slice(0, 8)}`;
}

/** `speakers/2a/42.html#s-person_donald-trump-4f7895d9`: a speaker's section, relative to the report root. */
export function speakerPath(id: string, pages: number): string {
  return `${speakerPagePath(speakerPageOf(id, pages))}#${speakerAnchor(id)}`;
}

/** `speakers/4f/person_donald-trump-4f7895d9-2.html`: page `k` of the quotes of a much-quoted speaker after its section's. */
export function speakerQuotesPath(id: string, k: number): string {
  return `speakers/${shardAndName(id).replace(/\.html$/, k === 1 ? '.html' : `-${k}.html`)}`;
}

/**
 * Name pages, a fixed number: a document page is rendered in a worker, before the corpus links its
 * speakers into entities, so it cannot link to a speaker's section. It links to the speaker's name as
 * the document gives it (`person` `Putin`) on a name page found from that name alone; the name page,
 * written at the end, leads on to the entity's section. 256 pages keep each small at 100,000 names.
 */
export const NAME_PAGES = 256;

const nameKey = (kind: string, name: string) => `${kind}\u0000${name}`;

/**
 * A page links each of its speakers twice (page and anchor) and the same names recur from document
 * to document: remembered, the sha1 was a third of the time a worker spent rendering a page.
 */
const nameHash = remembered(nameKey, (kind: string, name: string) => digest('sha1', nameKey(kind, name), 'hex'));

/** `speakers/names/4f.html`: the name page of `name` as a speaker of `kind`, relative to the report root. */
export function namePagePath(kind: string, name: string): string {
  return `speakers/names/${nameHash(kind, name).slice(0, 2)}.html`;
}

/** The element id of a name on its name page. */
export function nameAnchor(kind: string, name: string): string {
  return `n-${nameHash(kind, name).slice(0, 12)}`;
}

/** `speakers/names/4f.html#n-4f7895d9a0b1`: a speaker's name as a document gives it, relative to the report root. */
export function namePath(kind: string, name: string): string {
  return `${namePagePath(kind, name)}#${nameAnchor(kind, name)}`;
}

/** The element id of a quote on its document's page of its own (the error view's): `q-535-637`; on a run's page it follows the document's anchor, `d-3f1a2b4c5d-q-535-637`. */
export function quoteAnchor(start: number, end: number): string {
  return `q-${start}-${end}`;
}

/** From a page inside `documents/xx/` or `speakers/xx/` up to the root. */
export const FROM_SHARD = '../../';
/** From a list page inside `documents/` or `speakers/` up to the root. */
export const FROM_LIST = '../';
