// Links quotes to cues and speakers with sieves, most precise first; each attribution records the sieve that made it.
// The sieves live in ./attribute/; this is their order.
import type { Cue, Doc } from '../document.ts';
import type { Lexicon } from '../lexicon.ts';
import { createContext, insideQuote, reports, tokenAt } from './attribute/context.ts';
import { isPassive } from './attribute/speakers.ts';
import { headlineDashSpeaker, quoteContinuesSpeaker, quoteDashSpeaker, quotesContinueAttribution, quoteThenSpeakerCue, speakerCueQuote, transcriptSpeaker, unattributed } from './attribute/quotation-sieves.ts';
import { clauseThenSpeakerCue, participleCue, possessorNounThat, quotedFragmentAfterCue, reportedClause } from './attribute/clause-sieves.ts';
import { resolvePronouns } from './attribute/pronouns.ts';

export { SIEVES, type Sieve } from './attribute/context.ts';

export function attribute(doc: Doc, lexicon: Lexicon): void {
  const ctx = createContext(doc, lexicon);
  const outer = ctx.outer;

  headlineDashSpeaker(ctx);
  transcriptSpeaker(ctx);
  for (const q of outer) if (!ctx.usedQuotes.has(q)) quoteDashSpeaker(ctx, q);
  for (const q of outer) if (!ctx.usedQuotes.has(q)) quoteThenSpeakerCue(ctx, q, outer);
  for (const q of outer) if (!ctx.usedQuotes.has(q)) speakerCueQuote(ctx, q);
  quotesContinueAttribution(ctx, outer);
  // a cue inside a quotation is the quoted speaker's words, not the article's attribution
  // (`in a debate`, `in a statement` name the occasion of a verb's report; they report nothing alone)
  const cues = doc.cues.filter((c) => reports(c) && c.form !== 'noun' && !insideQuote(ctx, c.start) && !isPassive(ctx, c));
  const participle = (c: Cue) => /ing$/i.test(c.value) && doc.tokens[tokenAt(doc.tokens, c.start) - 1]?.value === ',';
  // `…, Lavrov said.` first: a clause-final attribution is surer than a cue inside its clause (`The leaders also agreed to …`)
  for (const cue of cues) if (!ctx.usedCues.has(cue) && !participle(cue)) clauseThenSpeakerCue(ctx, cue, outer);
  // then in text order, so `…, saying they had agreed to “create …”` is the participle's clause before `agreed` can claim it
  for (const cue of cues) {
    if (ctx.usedCues.has(cue)) continue;
    if (participle(cue)) participleCue(ctx, cue, outer);
    else reportedClause(ctx, cue, outer);
  }
  quoteContinuesSpeaker(ctx, outer);
  possessorNounThat(ctx, outer);
  for (const q of outer) if (!ctx.usedQuotes.has(q)) quotedFragmentAfterCue(ctx, q, outer);
  for (const q of outer) if (!ctx.usedQuotes.has(q)) unattributed(ctx, q);

  ctx.attributions.sort((a, b) => a.start - b.start || a.end - b.end);
  resolvePronouns(ctx);
  doc.attributions = ctx.attributions;
}
