// Name pages: each name a document gives a speaker (`Putin`), leading on to the entity the corpus linked it to (Vladimir Putin).
//
// Document pages are written by the workers, before entities exist, so they link a speaker by its
// name in that document (paths.ts, `namePath`). These pages, NAME_PAGES at most, turn the name into
// the entity's section; report.js follows the link at once when a name is opened by its anchor.
import type { SpeakerName } from '../speakers.ts';
import { escapeHtml, page } from './html.ts';
import { FROM_SHARD, nameAnchor, namePagePath, speakerPath } from './paths.ts';

const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The name pages of `names`, in path order, one at a time; `speakerPages` is the number of shared
 * speaker pages. Rendered all at once, the 100,000-article bench's ~100,000 names were ~25 M
 * characters of pages held together at the start of the run's end.
 */
export function* namePages(names: Iterable<SpeakerName>, speakerPages: number): Generator<[path: string, html: string]> {
  const byPage = new Map<string, SpeakerName[]>();
  for (const n of names) {
    const path = namePagePath(n.kind, n.name);
    const list = byPage.get(path);
    if (list === undefined) byPage.set(path, [n]);
    else list.push(n);
  }
  for (const [path, list] of [...byPage].sort(([a], [b]) => byCodeUnit(a, b))) {
    const items = list
      .sort((a, b) => byCodeUnit(a.name, b.name) || byCodeUnit(a.kind, b.kind))
      .map((n) => {
        const entity = n.speaker.name === n.name ? '' : ` · ${escapeHtml(n.speaker.name)}`;
        return `<li id="${nameAnchor(n.kind, n.name)}"><a href="${FROM_SHARD}${speakerPath(n.speaker.id, speakerPages)}" data-go>${escapeHtml(n.name)}</a> <span class="muted">${escapeHtml(n.kind)}${entity}</span></li>`;
      });
    yield [
      path,
      page({
        title: 'Speaker names',
        root: FROM_SHARD,
        section: 'speakers',
        body: `<h1>Speaker names</h1>
<p class="meta">Names as the documents give them, each with the speaker it stands for; the <a href="${FROM_SHARD}speakers/page-1.html">speaker list</a> has them all.</p>
<ul class="names">
${items.join('\n')}
</ul>`,
      }),
    ];
  }
}
