// The report's stylesheet, written once as report.css: every page links it, so a page carries only its own content.
export const STYLE = `:root {
  --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --bg: #ffffff; --panel: #f6f8fa;
  --direct: #ffe08a; --indirect: #b6dcff; --mixed: #e3c8ff;
  --cue: #b35900; --who: #0f7b3f; --focus: #0b57d0;
  --miss: #d1242f; --spurious: #bc4c00; --wrong: #8250df;
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; color: var(--ink); background: var(--bg); font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; }
main { max-width: 62rem; margin: 0 auto; padding: 1rem; }
nav.top { display: flex; flex-wrap: wrap; gap: .25rem 1.25rem; padding: .6rem 1rem; background: var(--panel); border-bottom: 1px solid var(--line); }
nav.top a { color: var(--ink); text-decoration: none; font-weight: 600; }
nav.top a[aria-current] { text-decoration: underline; text-underline-offset: .3em; }
h1 { font-size: 1.5rem; line-height: 1.25; margin: .5rem 0; overflow-wrap: anywhere; }
h2 { font-size: 1.2rem; margin: 1.75rem 0 .5rem; }
a { color: var(--focus); }
code { font-size: .9em; overflow-wrap: anywhere; }
.meta, .muted, .empty { color: var(--muted); }
.stats { display: grid; grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr)); gap: .75rem; padding: 0; list-style: none; }
.stats li { background: var(--panel); border: 1px solid var(--line); border-radius: 6px; padding: .6rem .8rem; }
.stats b { display: block; font-size: 1.5rem; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: .3rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
caption { text-align: left; font-weight: 600; padding: .3rem 0; }
table.chart th { font-weight: 400; width: 35%; overflow-wrap: anywhere; }
table.chart td.num { width: 4rem; }
td.bar-cell { width: 100%; }
svg.bar { display: block; width: 100%; height: .9rem; }
svg.bar rect { fill: #4c8dd6; }
svg.bar-direct rect { fill: #e0a800; } svg.bar-indirect rect { fill: #3d8fe0; } svg.bar-mixed rect { fill: #9a5ce0; }
svg.bar-miss rect { fill: var(--miss); } svg.bar-spurious rect { fill: var(--spurious); } svg.bar-wrong rect { fill: var(--wrong); }
.pager { display: flex; flex-wrap: wrap; gap: .4rem .8rem; margin: 1rem 0; }
.pager [aria-current] { font-weight: 700; }
.legend { display: flex; flex-wrap: wrap; gap: .4rem .8rem; align-items: baseline; font-size: .9rem; }
.legend .keys { color: var(--muted); }
kbd { border: 1px solid var(--line); border-radius: 3px; padding: 0 .3em; font-size: .85em; background: var(--panel); }
.text { white-space: pre-wrap; overflow-wrap: anywhere; font: 1.05rem/1.65 Georgia, "Noto Serif", "Times New Roman", serif; border: 1px solid var(--line); border-radius: 6px; padding: 1rem; }
.text .title { font-weight: 700; font-size: 1.15em; }
.text .dateline { color: var(--muted); }
.debris { color: #9aa1a9; }
.text .debris { font-size: .92em; }
mark.q { color: inherit; border-radius: 2px; padding: .05em 0; cursor: help; }
mark.q-direct, .tag-direct { background: var(--direct); }
mark.q-indirect, .tag-indirect { background: var(--indirect); }
mark.q-mixed, .tag-mixed { background: var(--mixed); }
mark.q mark.q { box-shadow: inset 0 -2px 0 rgba(0,0,0,.35); }
mark.q:focus { outline: 3px solid var(--focus); outline-offset: 1px; }
.cue { text-decoration: underline 2px var(--cue); text-underline-offset: .2em; font-weight: 600; }
.who { color: var(--who); font-weight: 700; box-shadow: inset 0 -.35em 0 #c8f0d4; }
.tag { display: inline-block; font: 600 .75rem/1.6 system-ui, sans-serif; padding: 0 .45em; border-radius: 999px; color: var(--ink); text-decoration: none; }
ol.quote-list { padding-left: 1.5rem; }
ol.quote-list li { margin: .6rem 0; }
table.quote-table td { overflow-wrap: break-word; }
table.quote-table .tag { white-space: nowrap; }
table.quote-table td:nth-child(2) { font-weight: 600; }
table.quote-table .muted { font-weight: normal; }
ul.by-document { list-style: none; padding-left: 0; }
ul.by-document > li.doc { margin: .9rem 0; }
ul.by-document > li.doc > a { font-weight: 600; }
ul.by-document ol { padding-left: 1.5rem; }
ul.by-document ol li { margin: .4rem 0; }
blockquote { margin: .25rem 0 0; padding-left: .75rem; border-left: 3px solid var(--line); overflow-wrap: anywhere; }
.messages { color: var(--spurious); font-size: .9rem; }
#tip { position: fixed; z-index: 10; max-width: min(26rem, calc(100vw - 1rem)); background: #1f2328; color: #fff; border-radius: 6px; padding: .5rem .75rem; font: .85rem/1.4 system-ui, sans-serif; box-shadow: 0 4px 16px rgba(0,0,0,.25); pointer-events: none; }
#tip dl { display: grid; grid-template-columns: auto 1fr; gap: .1rem .75rem; margin: 0; }
#tip dt { color: #b7bdc8; }
#tip dd { margin: 0; overflow-wrap: anywhere; }
.err-miss { background: transparent; outline: 2px dashed var(--miss); outline-offset: 1px; }
.err-spurious { background: #ffd8b5; text-decoration: line-through wavy var(--spurious); }
.err-wrong { background: #eddeff; box-shadow: inset 0 -3px 0 var(--wrong); }
.pred-ok { background: #dafbe1; }
.gold-who { outline: 2px solid var(--who); }
.pred-who { color: var(--wrong); text-decoration: line-through; font-weight: 700; }
.scores td, .scores th { white-space: nowrap; }
@media (max-width: 40rem) {
  main { padding: .6rem; }
  .text { padding: .6rem; font-size: 1rem; }
  table.chart th { width: 45%; }
  /* a quote's row as a card: type and speaker, then cue · sieve · confidence on a line */
  table.quote-table thead { display: none; }
  table.quote-table tr { display: block; padding: .4rem 0; border-bottom: 1px solid var(--line); }
  table.quote-table td { display: inline; padding: 0; border: 0; }
  table.quote-table td:first-child { margin-right: .4rem; }
  table.quote-table td:nth-child(2)::after { content: ""; display: block; }
  table.quote-table td:nth-child(n+3) { color: var(--muted); font-size: .9rem; }
  table.quote-table td:nth-child(n+4)::before { content: " · "; }
  #tip { left: .5rem !important; right: .5rem; top: auto !important; bottom: .5rem; max-width: none; }
}
@media print { nav.top, #tip { display: none; } }
`;
