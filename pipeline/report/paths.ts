// Where each page of a report lives: stable names from ids alone, sharded so no folder holds more than a few hundred files at 100,000 documents.
import { createHash } from 'node:crypto';

/** Documents and speakers per list page. */
export const PER_PAGE = 200;

function shardAndName(id: string): string {
  const hash = createHash('sha1').update(id).digest('hex');
  // readable and unique: `a/b.txt` and `a_b.txt` read alike but hash apart
  const readable = id.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^[._-]+/, '').slice(0, 80);
  return `${hash.slice(0, 2)}/${readable}-${hash.slice(0, 8)}.html`;
}

/** `documents/3f/000_c8f24c99b0f70113.txt-3f1a2b4c.html`, relative to the report root. */
export function documentPath(id: string): string {
  return `documents/${shardAndName(id)}`;
}

/** `speakers/9c/person_donald-trump-9c0d1e2f.html`, relative to the report root. */
export function speakerPath(id: string): string {
  return `speakers/${shardAndName(id)}`;
}

/** The element id of a quote on its document page: `q-535-637`. */
export function quoteAnchor(start: number, end: number): string {
  return `q-${start}-${end}`;
}

/** From a page inside `documents/xx/` or `speakers/xx/` up to the root. */
export const FROM_SHARD = '../../';
/** From a list page inside `documents/` or `speakers/` up to the root. */
export const FROM_LIST = '../';
