// Sieves that start from a cue: the clause it reports after it, before it, around it; quoted fragments in a clause.
import type { Cue, Mention, QuoteSpan, Span } from '../../document.ts';
import { add, attributionsNear, CLAUSE_END, CLOSING_MARK, type Context, insideQuote, latest, OPENING_MARK, outerHolding, overlapsAttribution, quotesWithin, reports, sentenceIndex, sentenceOf, type Sieve, tokenAt, typeOf, wordCount } from './context.ts';
import { beforeSpeakerPhrase, isLabel, isPassive, speakerOf, subjectBefore } from './speakers.ts';
import { attributionEndsClause, clauseAfterCue, clauseFrom, learnedStart, namesAudience, pastConnective } from './clauses.ts';

export function clauseThenSpeakerCue(ctx: Context, cue: Cue, outer: readonly QuoteSpan[]): void {
  const { tokens, doc } = ctx;
  const c = tokenAt(tokens, cue.start);
  const sentence = sentenceOf(doc, c);
  if (!sentence || cue.lemma === 'according to') return;
  const speaker = speakerOf(ctx, cue);
  if (!speaker) return;
  const lead = speaker.after ? c - 1 : beforeSpeakerPhrase(ctx, speaker.mention);
  if (lead > sentence.firstToken && tokens[lead]!.value === ',' && attributionEndsClause(ctx, cue, speaker.mention, sentence)) {
    beforeComma(ctx, cue, speaker.mention, sentence.firstToken, lead, outer, 'clause-then-speaker-cue');
  }
}

/** `Peskov told reporters (that) …` · `…, Lavrov said.` · `according to X, …` */
export function reportedClause(ctx: Context, cue: Cue, outer: readonly QuoteSpan[]): void {
  const { tokens, doc } = ctx;
  const c = tokenAt(tokens, cue.start);
  const sentence = sentenceOf(doc, c);
  if (!sentence) return;
  const speaker = speakerOf(ctx, cue);
  if (!speaker || isLabel(ctx, cue, speaker.mention)) return;

  if (cue.lemma === 'according to') {
    const mentionEnd = tokenAt(tokens, speaker.mention.end);
    // `According to X, …`
    if (tokens[mentionEnd]?.value === ',' && c === sentence.firstToken) {
      const span = clauseFrom(ctx, mentionEnd + 1, outer);
      if (span && !overlapsAttribution(ctx, span)) add(ctx, { ...span, parts: [span], type: typeOf(ctx, span), cue, mention: speaker.mention, sieve: 'according-to' }, quotesWithin(ctx, span));
      return;
    }
    // `…, according to X.`
    if (tokens[c - 1]?.value === ',') beforeComma(ctx, cue, speaker.mention, sentence.firstToken, c - 1, outer, 'according-to');
    return;
  }

  // `As the International Business Times noted, Clinton raised …`: the clause after the comma
  const first = tokens[sentence.firstToken]!;
  if (!speaker.after && /^as$/i.test(first.value) && speaker.mention.start > first.start && c - sentence.firstToken <= 10) {
    let comma = tokenAt(tokens, cue.end);
    while (comma < sentence.lastToken && comma - c < 8 && tokens[comma]!.value !== ',') comma++;
    const span = tokens[comma]?.value === ',' ? clauseFrom(ctx, comma + 1, outer) : null;
    if (span && !overlapsAttribution(ctx, span)) add(ctx, { ...span, parts: [span], type: typeOf(ctx, span), cue, mention: speaker.mention, sieve: 'according-to' }, quotesWithin(ctx, span));
    return;
  }
  // `Peskov told reporters (that) …`, `Trump said on Saturday that …`: the clause after the cue
  let from = speaker.after ? -1 : clauseAfterCue(ctx, cue, sentence);
  // (after `that` the clause has its start: `confirmed on Saturday that …`)
  if (from !== -1 && tokens[from - 1]?.value.toLowerCase() !== 'that') from = learnedStart(ctx, cue, sentence, from);
  if (from !== -1) {
    let span = clauseFrom(ctx, from, outer, 3, false, cue.lemma);
    // `Dmitry Peskov, who said the talks were over, left Geneva`: a relative clause ends at its comma
    if (span && /^who$/i.test(speaker.mention.value)) {
      for (let k = from; k < tokenAt(tokens, span.end); k++) {
        if (tokens[k]!.value === ',' && !insideQuote(ctx, tokens[k]!.start)) {
          span = k > from ? { start: span.start, end: tokens[k - 1]!.end } : null;
          break;
        }
      }
    }
    // `a wall, which he said Mexico should pay for`: the relative pronoun stands for part of what was said (PolNeAR keeps
    // the whole relative clause)
    const relative = tokens[tokenAt(tokens, speaker.mention.start) - 1];
    if (span && relative && /^(?:which|what)$/i.test(relative.value) && !overlapsAttribution(ctx, { start: relative.start, end: span.start })) span = { start: relative.start, end: span.end };
    if (span && !overlapsAttribution(ctx, span)) add(ctx, { ...span, parts: [span], type: typeOf(ctx, span), cue, mention: speaker.mention, sieve: 'speaker-cue-that' }, quotesWithin(ctx, span));
    return;
  }
  // `Rubio called the statement “offensive and outlandish.”`, `is pledging to “win many hundreds of delegates”`:
  // the cue's object holds quoted words, a mixed quote
  if (!speaker.after) {
    const start = tokenAt(tokens, cue.end);
    for (let k = start; k < Math.min(sentence.lastToken, start + 12); k++) {
      const t = tokens[k]!;
      if (CLAUSE_END.test(t.value) || (t.pos === 'VERB' && k > start && !/^(?:to)$/i.test(tokens[k - 1]!.value))) break;
      if (OPENING_MARK.test(t.value) && ctx.outerByOpen.has(t.start)) {
        const span = clauseFrom(ctx, learnedStart(ctx, cue, sentence, start), outer, 3, false, cue.lemma);
        if (span && !overlapsAttribution(ctx, span)) add(ctx, { ...span, parts: [span], type: 'mixed', cue, mention: speaker.mention, sieve: 'speaker-cue-that' }, quotesWithin(ctx, span));
        return;
      }
    }
  }
  // `…, Lavrov said.` · `…, said Lavrov.` — the clause comes first
  const lead = speaker.after ? c - 1 : tokenAt(tokens, speaker.mention.start) - 1;
  if (lead > sentence.firstToken && tokens[lead]!.value === ',' && attributionEndsClause(ctx, cue, speaker.mention, sentence)) {
    beforeComma(ctx, cue, speaker.mention, sentence.firstToken, lead, outer, 'clause-then-speaker-cue');
    return;
  }
  // `Clinton attacked Trump`, `called for a special prosecutor`, `talked about the wall`: what was said is the object
  if (!speaker.after) {
    let k = tokenAt(tokens, cue.end);
    // `vowed to work to repeal …`, `urged him to resign`: an infinitive says what was said
    const object = /^(?:him|her|them|us|me|you)$/i.test(tokens[k]?.value ?? '') ? 1 : 0;
    const infinitive = tokens[k + object + 1];
    // (`Christie said to laughs` is no infinitive: `laughs` is not a base form)
    if (cue.lemma !== 'say' && tokens[k + object]?.value.toLowerCase() === 'to' && infinitive?.pos === 'VERB' && infinitive.value.toLowerCase() === infinitive.lemma) {
      const span = clauseFrom(ctx, learnedStart(ctx, cue, sentence, k), outer, 2, false, cue.lemma);
      if (span && !overlapsAttribution(ctx, span)) add(ctx, { ...span, parts: [span], type: typeOf(ctx, span), cue, mention: speaker.mention, sieve: 'speaker-cue-object' }, quotesWithin(ctx, span));
      return;
    }
    if (ctx.lexicon.words.clauseOnlyVerbs.has(cue.lemma)) return;
    if (/^(?:about|for|of|on|against|over)$/i.test(tokens[k]?.value ?? '')) k++;
    const head = tokens[k];
    if (!head || !/^(?:DET|NOUN|PROPN|ADJ|NUM|PRON)$/.test(head.pos) || /^(?:it|him|her|them|me|us|you|that|this)$/i.test(head.value)) return;
    const span = clauseFrom(ctx, learnedStart(ctx, cue, sentence, k), outer, 1, true, cue.lemma);
    if (span && !overlapsAttribution(ctx, span)) add(ctx, { ...span, parts: [span], type: typeOf(ctx, span), cue, mention: speaker.mention, sieve: 'speaker-cue-object' }, quotesWithin(ctx, span));
  }
}

export function beforeComma(ctx: Context, cue: Cue, mention: Mention, first: number, comma: number, outer: readonly QuoteSpan[], sieve: Sieve): void {
  const { tokens, doc } = ctx;
  first = pastConnective(ctx, first, comma);
  let start = tokens[first]!.start;
  // a preceding attribution in the sentence (`Peskov said … and, Lavrov said, …`) or a dateline (`MOSCOW, July 10. /TASS/.`)
  const stop = tokens[comma - 1]!.end;
  if (stop - start < 10) {
    // `Still, he said, officials have to decide …`: a connective before the attribution, the clause after it
    // `Voters, Clinton suggested, don’t have to worry …`: a short subject before it, the rest of its clause after
    const after = tokenAt(tokens, Math.max(cue.end, mention.end));
    const connective = /^(?:ADV|CCONJ|SCONJ)$/.test(tokens[first]!.pos);
    const subject = /^(?:NOUN|PROPN|PRON)$/.test(tokens[comma - 1]!.pos);
    if (comma - first > 2 || tokens[after]?.value !== ',' || !(connective || subject)) return;
    const rest = clauseFrom(ctx, after + 1, outer, 3);
    if (!rest || overlapsAttribution(ctx, rest)) return;
    if (!tokens.slice(tokenAt(tokens, rest.start), tokenAt(tokens, rest.end)).some((t) => t.pos === 'VERB' || t.pos === 'AUX')) return;
    const parts: Span[] = connective ? [rest] : [{ start, end: stop }, rest];
    const span = { start: parts[0]!.start, end: rest.end };
    add(ctx, { ...span, parts, type: typeOf(ctx, span), cue, mention, sieve }, quotesWithin(ctx, span));
    return;
  }
  // content that is one whole quotation is a direct quote, attributed by the quote sieves
  const whole = outerHolding(ctx, start, stop);
  if (whole) return;
  while (start < stop && /\s/.test(doc.view[start]!)) start++;
  const parts: Span[] = [{ start, end: stop }];
  // `Many of the closures, he said, have involved public courses.`: the clause resumes after the attribution
  const after = tokenAt(tokens, Math.max(cue.end, mention.end));
  // a clause has a finite verb, before the attribution or after it (`Otherwise, she said, countries may …`)
  const finite = (from: number, to: number) => tokens.slice(from, to).some((t) => (t.pos === 'VERB' && !/ing$/i.test(t.value)) || t.pos === 'AUX');
  let rest: Span | null = null;
  // (`…, said Rita Katz, the director of SITE …`: after a whole clause, what follows a named speaker's comma is
  // its apposition, not more of what was said)
  const apposition = mention.kind !== 'pronoun' && finite(first, comma) && /^(?:DET|ADJ|NOUN|PROPN|PRON|NUM)$/.test(tokens[after + 1]?.pos ?? '');
  if (tokens[after]?.value === ',' && !apposition) {
    rest = clauseFrom(ctx, after + 1, outer, 2);
    if (rest) parts.push(rest);
  }
  if (!finite(first, comma) && !(rest && finite(tokenAt(tokens, rest.start), tokenAt(tokens, rest.end)))) return;
  const span = { start, end: parts[parts.length - 1]!.end };
  if (overlapsAttribution(ctx, span)) return;
  add(ctx, { ...span, parts, type: typeOf(ctx, span), cue, mention, sieve }, quotesWithin(ctx, span));
}

/** `…, saying they had agreed to "create a working group"` · `…, adding that "nothing will be done"`: the main clause's speaker. */
export function participleCue(ctx: Context, cue: Cue, outer: readonly QuoteSpan[]): void {
  const { tokens, doc } = ctx;
  const c = tokenAt(tokens, cue.start);
  if (!/ing$/i.test(cue.value) || tokens[c - 1]?.value !== ',' || namesAudience(ctx, cue)) return;
  // the subject of the clause the participle hangs on, else the attribution just before it
  const subject = speakerOf(ctx, cue)?.mention;
  const at = sentenceIndex(doc, c);
  const before = latest(attributionsNear(ctx, at, 2), (a) => a.end <= cue.start && a.mention !== null);
  const speaker = subject ?? (before && at !== -1 && before.end >= doc.sentences[Math.max(0, at - 1)]!.start ? before.mention : null);
  if (!speaker) return;
  let from = c + 1;
  if (tokens[from]?.value.toLowerCase() === 'that') from++;
  else if (at !== -1) from = learnedStart(ctx, cue, doc.sentences[at]!, from);
  const span = clauseFrom(ctx, from, outer, 3, false, cue.lemma);
  if (!span || overlapsAttribution(ctx, span)) return;
  add(ctx, { ...span, parts: [span], type: typeOf(ctx, span), cue, mention: speaker, sieve: 'participle-cue' }, quotesWithin(ctx, span));
}

export const POSSESSIVE_PRONOUNS: Readonly<Record<string, 'male' | 'female' | 'plural' | 'neuter'>> = { his: 'male', her: 'female', their: 'plural', its: 'neuter' };

/**
 * `Trump’s claim that there have been “thousands of shootings”`, `her remark that …`, `his warning that …`:
 * a reporting noun of speech or writing, its possessor the speaker, the that-clause what was said.
 */
export function possessorNounThat(ctx: Context, outer: readonly QuoteSpan[]): void {
  const { tokens } = ctx;
  for (let k = 1; k < tokens.length - 2; k++) {
    const t = tokens[k]!;
    const noun = t.pos === 'NOUN' ? ctx.lexicon.nouns.get(t.value.toLowerCase()) : undefined;
    if (!noun || (noun.cls !== 'speech' && noun.cls !== 'writing') || tokens[k + 1]!.value.toLowerCase() !== 'that') continue;
    if (insideQuote(ctx, t.start) || overlapsAttribution(ctx, t)) continue;
    // the possessor, maybe past an adjective (`Stumpf’s repeated emphasis`)
    let p = k - 1;
    if (tokens[p]!.pos === 'ADJ') p--;
    let mention: Mention | undefined;
    const pronoun = POSSESSIVE_PRONOUNS[tokens[p]?.value.toLowerCase() ?? ''];
    if (pronoun) {
      const w = tokens[p]!;
      mention = { start: w.start, end: w.end, kind: 'pronoun', value: w.value, name: null, title: null, entityKind: pronoun === 'plural' ? 'group' : pronoun === 'neuter' ? 'organization' : 'person', gender: pronoun, entity: -1 };
    } else if (/^['’]s?$/.test(tokens[p]?.value ?? '')) mention = ctx.mentionByEnd.get(tokens[p - 1]?.end ?? -1);
    if (!mention || (mention.kind !== 'name' && mention.kind !== 'pronoun')) continue;
    const span = clauseFrom(ctx, k + 2, outer);
    if (!span || overlapsAttribution(ctx, span)) continue;
    const cue: Cue = { start: t.start, end: t.end, value: t.value, lemma: noun.lemma, cls: noun.cls, token: k, form: 'noun' };
    add(ctx, { ...span, parts: [span], type: typeOf(ctx, span), cue, mention, sieve: 'possessor-noun-that' }, quotesWithin(ctx, span));
  }
}

/**
 * `Clinton noted the Sept. 11 attacks and her work to bring jobs from “Buffalo to Albany.”`: quoted
 * words inside a sentence whose reporting verb no stricter sieve could use are a mixed quote of what
 * follows that verb.
 */
export function quotedFragmentAfterCue(ctx: Context, q: QuoteSpan, outer: readonly QuoteSpan[]): void {
  const { tokens, doc } = ctx;
  const open = tokenAt(tokens, q.open.start);
  const sentence = sentenceOf(doc, open);
  if (!sentence || q.close === null) return;
  for (let c = open - 1; c >= sentence.firstToken; c--) {
    const cue = ctx.cueByToken.get(c);
    // (`what is called a “debate”`: a passive cue names, it reports nothing)
    if (!cue || ctx.usedCues.has(cue) || !reports(cue) || insideQuote(ctx, cue.start) || isPassive(ctx, cue)) continue;
    // (no speaker next to the cue: the subject of its sentence's main clause)
    const speaker = speakerOf(ctx, cue) ?? subjectBefore(ctx, c);
    // (`to denounce what Turnbull called North Korea’s “dangerous” actions`: past the label to its reporter)
    if (speaker && isLabel(ctx, cue, speaker.mention)) continue;
    if ((speaker && speaker.after) || cue.form === 'noun') return;
    let from = tokenAt(tokens, cue.end);
    if (/^[,:]$/.test(tokens[from]?.value ?? '')) from++;
    if (tokens[from]?.value.toLowerCase() === 'that') from++;
    const span = clauseFrom(ctx, from, outer, 2, false, cue.lemma);
    if (!span || span.end < q.close.end || span.start > q.open.start || overlapsAttribution(ctx, span)) return;
    // (`…, saying he “has consistently demonstrated …”` with no subject found: what was said, speaker unknown)
    add(ctx, { ...span, parts: [span], type: 'mixed', cue, mention: speaker?.mention ?? null, sieve: speaker ? 'cue-then-quoted-fragment' : 'cue-without-speaker' }, quotesWithin(ctx, span));
    return;
  }
  verbThenQuotedFragment(ctx, q, outer);
}

/**
 * `Reid has been steadily pounding Trump as a “con artist”`, `Trump openly admires Putin as a “strong leader”`:
 * quoted words in the object of a verb the lexicon does not list, its subject a person — a mixed quote
 * of a looser kind, and less sure.
 */
export function verbThenQuotedFragment(ctx: Context, q: QuoteSpan, outer: readonly QuoteSpan[]): void {
  const { tokens, doc } = ctx;
  const open = tokenAt(tokens, q.open.start);
  const sentence = sentenceOf(doc, open);
  if (!sentence || q.close === null || wordCount(doc.view.slice(q.start, q.end)) > 8) return;
  // a title (`on ABC’s “This Week”`, `the movie “Sharknado 3”`) is a name, not words someone said
  const before = tokens.slice(Math.max(sentence.firstToken, open - 3), open).map((t) => t.value.toLowerCase());
  if (/^(?:on|in|at)$/.test(before[before.length - 1] ?? '') || before.some((w) => ctx.lexicon.words.workNouns.has(w))) return;
  for (let c = open - 1; c >= Math.max(sentence.firstToken, open - 8); c--) {
    const t = tokens[c]!;
    if (CLAUSE_END.test(t.value) || CLOSING_MARK.test(t.value) || t.value === ',') return;
    // (a listed cue is the stricter sieves' to use or leave)
    if (ctx.cueByToken.has(c)) return;
    if (t.pos !== 'VERB' || insideQuote(ctx, t.start) || /^(?:is|are|was|were|be|been|being|has|have|had)$/i.test(t.value)) continue;
    const verb: Cue = { start: t.start, end: t.end, value: t.value, lemma: t.lemma, cls: 'speech', token: c, form: 'verb' };
    const speaker = speakerOf(ctx, verb);
    if (!speaker || speaker.after || !(speaker.mention.kind === 'name' || speaker.mention.kind === 'pronoun')) return;
    // (`referring to the US as the “Great Satan”`: what was said starts past the verb's preposition)
    const from = tokens[c + 1]?.pos === 'ADP' && c + 2 < open ? c + 2 : c + 1;
    const span = clauseFrom(ctx, from, outer, 2);
    if (!span || span.end < q.close.end || overlapsAttribution(ctx, span)) return;
    add(ctx, { ...span, parts: [span], type: 'mixed', cue: verb, mention: speaker.mention, sieve: 'verb-then-quoted-fragment' }, quotesWithin(ctx, span));
    return;
  }
}
