// Extracts the article of an HTML page as plain text, one block per paragraph, with Readability over linkedom.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';

/** Elements that end a paragraph: their text becomes a block of its own. */
const BLOCKS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE', 'FOOTER',
  'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION',
  'SUMMARY', 'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH', 'THEAD', 'TR', 'UL',
]);
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG']);

interface DomNode {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly textContent: string | null;
  readonly childNodes: ArrayLike<DomNode>;
}

/**
 * The article's text: its title, then each block element's text, joined with blank lines.
 * Readability's own `textContent` glues blocks together (`Kremlin commentsMOSCOW, July 10`), which
 * would merge a headline into the first sentence. Inside a block, runs of whitespace become one
 * space and `<br>` a line break (a hard break inside a paragraph, as in a .txt file).
 * Returns null when Readability finds no article.
 */
export function extractArticle(html: string): string | null {
  let { document } = parseHTML(html);
  // a fragment without <html> (`<p>…</p>`, or bare text) gives linkedom no document element
  if (!document.documentElement) ({ document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`));
  // linkedom's document is not lib.dom's, but it is the DOM Readability walks
  const reader = new Readability(document as never, { serializer: (node) => node as unknown as DomNode });
  const article = reader.parse();
  if (!article?.content) return null;
  const blocks: string[] = [];
  let run = '';
  const flush = () => {
    const text = run.replace(/[^\S\n]+/g, ' ').replace(/ ?\n ?/g, '\n').trim();
    if (text !== '') blocks.push(text);
    run = '';
  };
  const walk = (node: DomNode) => {
    if (node.nodeType === 3) run += node.textContent ?? '';
    else if (node.nodeType === 1) {
      const name = node.nodeName.toUpperCase();
      if (SKIP.has(name)) return;
      if (name === 'BR') run += '\n';
      const block = BLOCKS.has(name);
      if (block) flush();
      for (let i = 0; i < node.childNodes.length; i++) walk(node.childNodes[i]!);
      if (block) flush();
    }
  };
  walk(article.content);
  flush();
  const title = article.title?.replace(/\s+/g, ' ').trim();
  if (title && blocks[0] !== title) blocks.unshift(title);
  return blocks.length === 0 ? null : blocks.join('\n\n');
}
