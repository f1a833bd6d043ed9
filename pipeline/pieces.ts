// Strings joined with their lengths in front, read back by slicing: for what goes between threads and through scratch files, where JSON would escape every quotation mark of the HTML and parse it again.
//
//     <length> <length> …\n<piece><piece>…
//
// Lengths are UTF-16 code units, read back from a string.

/** The pieces as one record. */
export function joinPieces(pieces: readonly string[]): string {
  // a loop, not `map` and `join`: see `objectArray`
  let lengths = '';
  let joined = '';
  for (let i = 0; i < pieces.length; i++) {
    lengths += i === 0 ? String(pieces[i]!.length) : ` ${pieces[i]!.length}`;
    joined += pieces[i]!;
  }
  return `${lengths}\n${joined}`;
}

/**
 * The record of `count` pieces (of any number, without it) at `at` in `text` and where it ends, or
 * undefined when `text` holds only the start of it. Throws where the text is not such a record.
 */
export function readPieces(text: string, at: number, count?: number): { pieces: string[]; end: number } | undefined {
  const nl = text.indexOf('\n', at);
  if (nl === -1) return undefined;
  // the header's digits read in place: split and map were a tenth of reading the speaker pages' buckets
  const lengths: number[] = [];
  let n = -1;
  for (let i = at; i <= nl; i++) {
    const c = i === nl ? 32 : text.charCodeAt(i);
    if (c >= 48 && c <= 57 && n < 1e15) n = (n === -1 ? 0 : n * 10) + (c - 48);
    else if (c === 32 && n !== -1) {
      lengths.push(n);
      n = -1;
    } else {
      lengths.length = 0;
      break;
    }
  }
  if (lengths.length === 0 || (count !== undefined && lengths.length !== count)) throw new Error(`quotes: expected a record of ${count ?? 'some'} pieces, got a header of \`${text.slice(at, Math.min(nl, at + 40))}\``);
  let end = nl + 1;
  for (const length of lengths) end += length;
  if (end > text.length) return undefined;
  let p = nl + 1;
  return { pieces: lengths.map((n) => text.slice(p, (p += n))), end };
}

/**
 * A copy of `piece` that keeps nothing else alive: V8 makes a slice of a long string a view of it, so
 * a piece kept (a map's key) would keep the whole record it came from, a document's items. Kept, the
 * keys of new speaker names held ~6 KB a document: 1.7 GB of peak RSS at 100,000 bench articles.
 */
export function ownPiece(piece: string): string {
  return (piece + ' ').slice(0, -1);
}
