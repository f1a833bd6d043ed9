// Splits the content into sentences and tokens (POS, lemma) with wink-nlp, as spans into the original text.
import type { Doc, Sentence } from '../document.ts';
import { analyze } from '../nlp-adapter.ts';

const CONTENT = new Set(['title', 'paragraph']);

export function segment(doc: Doc): void {
  const { tokens, sentences } = analyze(doc.view);
  doc.tokens = tokens;
  const blocks = doc.blocks.filter((b) => CONTENT.has(b.kind));
  const indexOf = new Map(doc.blocks.map((b, i) => [b, i]));
  const out: Sentence[] = [];
  let b = 0;
  for (const s of sentences) {
    // wink may run a sentence on across a block break (a title without a full stop): cut it there.
    let first = s.firstToken;
    while (first < s.lastToken) {
      const start = tokens[first]!.start;
      while (b < blocks.length && blocks[b]!.end <= start) b++;
      const block = blocks[b];
      if (block === undefined) break;
      let last = first;
      while (last < s.lastToken && tokens[last]!.start < block.end) last++;
      if (last === first) last++;
      out.push({ start, end: tokens[last - 1]!.end, firstToken: first, lastToken: last, block: indexOf.get(block)! });
      first = last;
    }
  }
  doc.sentences = out;
}
