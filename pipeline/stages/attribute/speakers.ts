// Who speaks for a cue: the mention before it or, inverted, after it; a clause's subject; a noun phrase no mention finder listed.
import type { Cue, Mention } from '../../document.ts';
import { attributionsNear, CLAUSE_END, CLOSING_MARK, type Context, insideQuote, OPENING_MARK, quotesOverlapping, sentenceIndex, SKIPPABLE, tokenAt, wordCount } from './context.ts';
import { isWordOf } from '../../lexicon.ts';

/** The speaker mention a cue reports: before it (`Peskov later said`) or, inverted, right after it (`said Peskov`). */
export function speakerOf(ctx: Context, cue: Cue): { mention: Mention; after: boolean } | null {
  const { tokens } = ctx;
  const first = tokenAt(tokens, cue.start);
  if (cue.form === 'phrase' && cue.lemma === 'according to') {
    const m = ctx.mentionByStart.get(tokens[first + 2]?.start ?? -1) ?? ctx.mentionByStart.get(tokens[first + 3]?.start ?? -1);
    if (m) return { mention: m, after: true };
    // `according to early results of exit polls conducted for the Associated Press,`: the source runs to the comma
    let end = first + 2;
    while (end < tokens.length && end - first < 30 && !/^[,.;:!?]$/.test(tokens[end]!.value) && !OPENING_MARK.test(tokens[end]!.value)) end++;
    const source = end > first + 2 ? nounPhrase(ctx, first + 2, end, 30) : null;
    return source ? { mention: source, after: true } : null;
  }
  // a participle after a comma (`Trump returned the compliment, telling Reuters, “…”`) reports the clause's subject
  const before = tokens[first - 1];
  if (/ing$/i.test(tokens[first]!.value) && before?.value === ',') return subjectBefore(ctx, first - 1);
  // `Obama punctuated his list by saying “Too many.”`: the same after by, after, while, before
  if (/ing$/i.test(tokens[first]!.value) && /^(?:by|after|while|before|when)$/i.test(before?.value ?? '')) return subjectBefore(ctx, first - 1);
  // `to describe`, `to tell`: an infinitive's subject is not next to it
  if (before?.value.toLowerCase() === 'to') return null;
  // `McConnell was quick to embrace the mogul and said this week that …`: the subject of the first verb
  // (`Carson did not mention his rivals, but told his supporters, …`: a comma before the conjunction too)
  if (before && /^(?:and|but)$/i.test(before.value)) return subjectBefore(ctx, first - 1);
  // left: skip adverbs and auxiliaries (`has repeatedly said`, `, however, later clarified`) and an appositive
  let j = first - 1;
  for (;;) {
    // (not a possessive: `Trump’s promises` has no speaker)
    // (not a possessive: `Trump’s promises` has no speaker; `He’s predicting` has)
    if (j >= 0 && SKIPPABLE.has(tokens[j]!.pos) && !(/^['’]s$/i.test(tokens[j]!.value) && tokens[j]!.pos !== 'AUX')) j--;
    // `Merkley, Brown and Menendez all suggested`: a floating quantifier after the subject
    else if (j >= 1 && /^(?:all|both|each)$/i.test(tokens[j]!.value) && (tokens[j - 1]!.pos === 'PROPN' || tokens[j - 1]!.value === ')' || tokens[j - 1]!.pos === 'PRON' || tokens[j - 1]!.pos === 'NOUN')) j--;
    // `Sen. Bernie Sanders (I-Vt.) said`
    else if (j >= 0 && tokens[j]!.value === ')') {
      let open = j - 1;
      while (open > j - 10 && open >= 0 && tokens[open]!.value !== '(') open--;
      if (open < 0 || tokens[open]!.value !== '(') break;
      j = open - 1;
    }
    // `The US president, however, later clarified`
    else if (j >= 2 && tokens[j]!.value === ',' && tokens[j - 1]!.pos === 'ADV' && tokens[j - 2]!.value === ',') j -= 3;
    else break;
  }
  // `Harvey, who acknowledged Trump was his fourth choice`: the relative pronoun speaks for the name before it
  if (j >= 2 && /^who$/i.test(tokens[j]!.value) && tokens[j - 1]!.value === ',') {
    const antecedent = ctx.mentionByEnd.get(tokens[j - 2]!.end);
    if (antecedent) {
      const who = tokens[j]!;
      return { mention: { start: who.start, end: who.end, kind: 'pronoun', value: who.value, name: null, title: null, entityKind: antecedent.entityKind, gender: 'unknown', entity: antecedent.entity }, after: false };
    }
  }
  // `all the experts I interviewed said`: a relative clause without its pronoun between the subject and the verb
  if (j >= 2 && tokens[j]!.pos === 'VERB' && /^(?:I|we|he|she|they)$/i.test(tokens[j - 1]!.value) && tokens[j - 2]!.pos === 'NOUN') j -= 2;
  if (j >= 0) {
    let m = ctx.mentionByEnd.get(tokens[j]!.end) ?? nounPhraseEndingAt(ctx, j);
    // `Trump at the time said`: the subject stands before a prepositional phrase; `In addition to stating` has none
    if (m && !ctx.mentionByEnd.has(tokens[j]!.end)) {
      const p = tokenAt(tokens, m.start) - 1;
      // (`a source familiar with the investigation said`: the noun before the adjective that takes the phrase)
      // (`other prominent bundlers in both parties said`: the phrase before the preposition)
      if (p >= 0 && tokens[p]!.pos === 'ADP') m = ctx.mentionByEnd.get(tokens[p - 1]?.end ?? -1) ?? (tokens[p - 1]?.pos === 'ADJ' && p >= 2 ? nounPhraseEndingAt(ctx, p - 2) : p >= 1 ? nounPhraseEndingAt(ctx, p - 1) : null);
      // `Aides this week said`: a time phrase stands between the subject and its verb
      else if (p >= 0 && isWordOf(ctx.lexicon, 'timeNouns', tokens[j]!.value)) {
        // (`Wells Fargo just this month announced`)
        let q = p;
        while (q > 0 && tokens[q]!.pos === 'ADV') q--;
        m = ctx.mentionByEnd.get(tokens[q]!.end) ?? m;
      }
    }
    // `Trump unleashed a series of tweets early Friday saying that …`: a participle after a verb's object reports the verb's subject
    if (m && m.kind === 'nominal' && /ing$/i.test(tokens[first]!.value) && tokens[tokenAt(tokens, m.start) - 1]?.pos === 'VERB') {
      const subject = subjectBefore(ctx, tokenAt(tokens, m.start) - 1);
      if (subject) return subject;
    }
    if (m) return { mention: m, after: false };
    // `her senior policy adviser, Jake Sullivan, said`: a name in apposition
    const apposed = tokens[j]!.value === ',' ? ctx.mentionByEnd.get(tokens[j - 1]?.end ?? -1) : undefined;
    if (apposed && apposed.kind === 'name' && tokens[tokenAt(tokens, apposed.start) - 1]?.value === ',') return { mention: apposed, after: false };
    // `Sen. John McCain, R-Ariz., said` · `Tillerson, who arrived on Sunday, said` · `Jason Sims — a teacher — says`
    const dash = /^(?:—|–|--)$/.test(tokens[j]!.value);
    if (tokens[j]!.value === ',' || dash) {
      for (let k = j - 1; k >= Math.max(0, j - 40); k--) {
        if (dash ? tokens[k]!.value === tokens[j]!.value : tokens[k]!.value === ',' || tokens[k]!.value === '(') {
          let e = k - 1;
          // `Sen. Claire McCaskill (D-Mo.), who has endorsed Clinton, said`
          if (tokens[e]?.value === ')') while (e > k - 10 && e > 0 && tokens[e]!.value !== '(') e--;
          if (tokens[e]?.value === '(') e--;
          const m2 = ctx.mentionByEnd.get(tokens[e]?.end ?? -1);
          // `Another pollster, David Woodard of Clemson University, said`: the name in apposition
          const named = ctx.mentionByStart.get(tokens[k + 1]?.start ?? -1);
          if ((!m2 || m2.kind !== 'name') && !dash && named?.kind === 'name' && named.entityKind === 'person') return { mention: named, after: false };
          if (m2) return { mention: m2, after: false };
        }
        // (`Bill Eastland, wearing “Ted Cruz” campaign pins, said`: a short quoted name inside the appositive is passed over)
        const title = CLOSING_MARK.test(tokens[k]!.value) ? quotesOverlapping(ctx, tokens[k]!).find((q) => q.close?.start === tokens[k]!.start) : undefined;
        if (title && wordCount(ctx.doc.view.slice(title.start, title.end)) <= 4 && tokenAt(tokens, title.open.start) > Math.max(0, j - 40)) {
          k = tokenAt(tokens, title.open.start);
          continue;
        }
        // (the period of `R-Ky.` ends no sentence)
        const abbreviation = tokens[k]!.value === '.' && /^\p{Lu}\p{L}{0,3}$/u.test(tokens[k - 1]?.value ?? '');
        // (`veterans' families`: a plural possessive, not a quotation's end)
        if ((CLAUSE_END.test(tokens[k]!.value) && !abbreviation) || (CLOSING_MARK.test(tokens[k]!.value) && insideQuote(ctx, tokens[k]!.start))) break;
      }
    }
  }
  // inverted: `"…," said Peskov`, `…, said the Kremlin spokesman`
  const prev = tokens[first - 1];
  if (!prev || prev.pos === 'PUNCT' || CLOSING_MARK.test(prev.value)) {
    let k = tokenAt(tokens, cue.end);
    while (k < tokens.length && tokens[k]!.pos === 'ADV') k++;
    const m = ctx.mentionByStart.get(tokens[k]?.start ?? -1) ?? nounPhraseStartingAt(ctx, k);
    if (m) return { mention: m, after: true };
  }
  return null;
}

/** The subject of the clause ending at `comma`: the nearest mention before it that a verb follows. */
export function subjectBefore(ctx: Context, comma: number): { mention: Mention; after: boolean } | null {
  const { tokens } = ctx;
  const at = sentenceIndex(ctx.doc, comma);
  let from = ctx.doc.sentences[at]?.firstToken ?? Math.max(0, comma - 40);
  // `She declared “What a Super Tuesday!” and said that …`: wink ends a sentence at `!”`; the clause goes on
  if (at > 0 && tokens[from]!.pos === 'CCONJ' && CLOSING_MARK.test(tokens[from - 1]?.value ?? '')) from = ctx.doc.sentences[at - 1]!.firstToken;
  // `Putin confirmed that both leaders had shared their views, saying …`: the speaker of the clause just reported
  const reported = attributionsNear(ctx, at, 1).find((a) => a.mention !== null && a.cue !== null && a.cue.start >= tokens[from]!.start && a.end <= tokens[comma]!.end && a.mention.start < tokens[comma]!.start);
  if (reported) return { mention: reported.mention!, after: false };
  // the main clause's subject: the first mention a verb follows, after an opening subordinate clause
  let k = from;
  if (isWordOf(ctx.lexicon, 'subordinators', tokens[from]!.value)) {
    while (k < comma && tokens[k]!.value !== ',') k++;
    k++;
  }
  const start = k;
  for (; k < comma; k++) {
    // a known mention, or the noun phrase that opens the clause (`The billionaire businessman began …`)
    const m = ctx.mentionByStart.get(tokens[k]!.start) ?? (k === start ? nounPhraseStartingAt(ctx, k) : null);
    if (!m || insideQuote(ctx, m.start)) continue;
    let v = tokenAt(tokens, m.end);
    while (v < comma && (tokens[v]!.pos === 'ADV' || tokens[v]!.pos === 'AUX')) v++;
    if (tokens[v]?.pos === 'VERB' || tokens[v - 1]?.pos === 'AUX') return { mention: m, after: false };
  }
  return null;
}

export const NP_INNER = new Set(['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM']);

/** A speaker the mention finder did not know (`one former GOP leadership aide`, `several Clinton supporters`): the noun phrase itself. */
export function nounPhrase(ctx: Context, from: number, to: number, longest = 8): Mention | null {
  const { tokens } = ctx;
  const head = tokens[to - 1]!;
  if (to - from > longest || !(head.pos === 'NOUN' || head.pos === 'PROPN' || head.pos === 'NUM')) return null;
  const start = tokens[from]!.start;
  const value = ctx.doc.view.slice(start, head.end).replace(/\s+/g, ' ');
  const plural = head.pos === 'NOUN' && /s$/i.test(head.value) && head.lemma !== head.value.toLowerCase();
  return { start, end: head.end, kind: 'nominal', value, name: null, title: value.replace(/^(?:the|a|an)\s+/i, ''), entityKind: plural ? 'group' : 'person', entity: -1 };
}

export function nounPhraseEndingAt(ctx: Context, j: number): Mention | null {
  const { tokens } = ctx;
  // `Six in 10 say`, `one in four said`: a share of those polled
  if (tokens[j]!.pos === 'NUM' && tokens[j - 1]?.value === 'in' && j >= 2) {
    let from = j - 2;
    // (`About four in 10 said`, `nearly half`: a quantifier belongs to the share)
    while (from > 0 && (tokens[from - 1]!.pos === 'ADV' || tokens[from - 1]!.pos === 'ADJ' || /^(?:about|nearly|almost|roughly|around|some)$/i.test(tokens[from - 1]!.value))) from--;
    return nounPhrase(ctx, from, j + 1);
  }
  if (!(tokens[j]!.pos === 'NOUN' || tokens[j]!.pos === 'PROPN')) return null;
  let from = j;
  for (;;) {
    const p = tokens[from - 1];
    if (!p || j - from >= 10) break;
    // `The Democratic presidential front-runner and former secretary of state said`
    const joins = /^(?:of|and|-)$/i.test(p.value) && from - 2 >= 0 && /^(?:NOUN|PROPN|ADJ)$/.test(tokens[from - 2]!.pos);
    // `the FDIC’s internal investigation`: a possessor inside the phrase
    const possessive = /^['’]s$/i.test(p.value) && from - 2 >= 0 && /^(?:NOUN|PROPN)$/.test(tokens[from - 2]!.pos);
    if (!NP_INNER.has(p.pos) && !joins && !possessive) break;
    from--;
    if (p.pos === 'DET') break;
  }
  return nounPhrase(ctx, from, j + 1, 12);
}

export function nounPhraseStartingAt(ctx: Context, k: number): Mention | null {
  const { tokens } = ctx;
  // `said his best friend at Lehigh`: a possessive opens the phrase
  let to = /^(?:his|her|their|its|our|my)$/i.test(tokens[k]?.value ?? '') ? k + 1 : k;
  while (to < tokens.length && NP_INNER.has(tokens[to]!.pos) && to - k < 8 && (to === k || tokens[to]!.pos !== 'DET')) to++;
  return to > k ? nounPhrase(ctx, k, to) : null;
}

/** `the State Department was told that …`, `it was argued`: a passive cue's subject heard, not spoke. */
export function isPassive(ctx: Context, cue: Cue): boolean {
  const { tokens } = ctx;
  let j = tokenAt(tokens, cue.start) - 1;
  while (j >= 0 && tokens[j]!.pos === 'ADV') j--;
  // (`Texas was called for Ted Cruz`: a phrase's verb is its first word)
  const verb = cue.value.split(/\s/)[0]!;
  return j >= 0 && /^(?:was|were|been|be|is|are|being|am|get|got|gets)$/i.test(tokens[j]!.value) && /(?:ed|en|told|said|wrote|written|heard)$/i.test(verb);
}

/** `what she calls “real solutions”`: a label, quoted inside what someone else says, reports nothing itself. */
export function isLabel(ctx: Context, cue: Cue, speaker: Mention): boolean {
  return cue.lemma === 'call' && /^(?:what|which|whom?)$/i.test(ctx.tokens[tokenAt(ctx.tokens, speaker.start) - 1]?.value ?? '');
}

/** `…, Lavrov said.` · `Many of the closures, he said, have involved …` */
/** The token before the phrase a speaker mention heads: `…, a wide array of economists say` · `…, a spokeswoman, Anna White, said`. */
export function beforeSpeakerPhrase(ctx: Context, mention: Mention): number {
  const { tokens } = ctx;
  const first = tokenAt(tokens, mention.start);
  let k = first - 1;
  while (k > 0 && first - k <= 8 && (/^(?:DET|ADJ|NOUN|NUM)$/.test(tokens[k]!.pos) || /^of$/i.test(tokens[k]!.value))) k--;
  if (k < first - 1 && tokens[k]?.value === ',') return k;
  // a name in apposition to a nominal: `a spokeswoman, Anna Richardson White,`
  if (tokens[first - 1]?.value === ',' && mention.kind === 'name') {
    let j = first - 2;
    while (j > 0 && first - j <= 8 && /^(?:DET|ADJ|NOUN)$/.test(tokens[j]!.pos)) j--;
    if (j < first - 2 && tokens[j]?.value === ',' && tokens[j + 1]!.pos === 'DET') return j;
  }
  return first - 1;
}
