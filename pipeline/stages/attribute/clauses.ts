// Where a reported clause starts after its cue and where it ends: rules, and the learned boundary where models/ has one.
import type { Cue, Mention, QuoteSpan, Span } from '../../document.ts';
import { boundaryFeatures, endProbability, isCandidate, startCandidates, startFeatures, startScore } from '../../boundary.ts';
import { CLAUSE_END, CLOSING_MARK, type Context, insideQuote, MAX_CLAUSE_TOKENS, OPENING_MARK, quotesOverlapping, sentenceOf, tokenAt, wordCount } from './context.ts';
import { isWordOf } from '../../lexicon.ts';

/** The span of a reported clause starting at token `from`: to the sentence's end or a participle (`, adding`), quotes kept whole. */
export function clauseFrom(ctx: Context, from: number, outer: readonly QuoteSpan[], minTokens = 3, object = false, lemma = ''): Span | null {
  const { tokens, doc } = ctx;
  let sentence = sentenceOf(doc, from);
  if (!sentence) return null;
  // no reported clause runs for pages: a bound keeps a document that is one endless sentence linear
  let end = Math.min(sentence.lastToken, from + MAX_CLAUSE_TOKENS);
  // `While Ramos said that A, he appears …`: a clause reported inside a subordinate clause ends at its comma
  const opener = tokens[sentence.firstToken]!;
  const subordinate = isWordOf(ctx.lexicon, 'subordinators', opener.value) || (/ing$/i.test(opener.value) && opener.pos === 'VERB' && /^Having$/i.test(opener.value));
  let finite = false;
  const model = ctx.lexicon.boundary;
  for (let k = from + 1; k < end; k++) {
    const t = tokens[k]!;
    // the learned model, where there is one, decides at each break (models/boundary-model.json, `quotes train`)
    if (model) {
      if (subordinate && sentence.firstToken < from && t.value === ',' && !insideQuote(ctx, t.start)) {
        end = k;
        break;
      }
      if (isCandidate(ctx.breaks, k) && endProbability(model, boundaryFeatures(ctx.breaks, from, k, lemma)) >= model.threshold) {
        end = k;
        break;
      }
      continue;
    }
    // `Kasich says A and tells the crowd B`, `criticized A and said B`: the speaker's next reporting verb ends what was said
    if (t.pos === 'CCONJ' && k - from >= 2 && !insideQuote(ctx, t.start)) {
      let v = k + 1;
      while (v < end && (tokens[v]!.pos === 'ADV' || tokens[v]!.pos === 'AUX')) v++;
      if (tokens[v]?.pos === 'VERB' && !/ing$/i.test(tokens[v]!.value) && (ctx.cueByToken.has(v) || object)) {
        end = tokens[k - 1]!.value === ',' ? k - 1 : k;
        break;
      }
      // `…, and three-quarters said the same of Sanders`: another attribution begins
      if (tokens[k - 1]!.value === ',') {
        let cue = false;
        for (let c = k + 1; c < Math.min(end, k + 8) && !cue; c++) cue = ctx.cueByToken.has(c) && !/ing$/i.test(tokens[c]!.value);
        if (cue) {
          end = k - 1;
          break;
        }
      }
    }
    if (t.value === ',' && !insideQuote(ctx, t.start)) {
      if (subordinate && sentence.firstToken < from) {
        end = k;
        break;
      }
      // `…, who was his chief of staff`, `…, a swipe at …`, `…, although …`: an appositive or another clause
      if (k - from >= 3 && isWordOf(ctx.lexicon, 'clauseBreaks', tokens[k + 1]?.value)) {
        end = k;
        break;
      }
    }
    // `…, adding that`, `…, citing a ceasefire`, `…, saying`: a participle ends the clause (`…Russia,” citing`) —
    // once the clause has its verb (`Millennials, numbering 75.3 million, surpassed …` has not)
    if (t.pos === 'VERB' || t.pos === 'AUX' || insideQuote(ctx, t.start)) finite = true;
    // (`… “there’s nothing wrong with that” — asserting that …`: a dash too)
    if (!/^(?:,|—|–|--)$/.test(t.value) || !finite) continue;
    const mark = CLOSING_MARK.test(tokens[k + 1]?.value ?? '') ? 1 : 0;
    const next = tokens[k + 1 + mark];
    if (next && /ing$/i.test(next.value) && next.pos === 'VERB') {
      end = k + 2 * mark;
      break;
    }
  }
  let start = tokens[from]!.start;
  let stop = tokens[end - 1]!.end;
  // a quotation that runs past wink's sentence break belongs to the clause
  for (const q of quotesOverlapping(ctx, { start, end: stop })) {
    if (q.open.start < stop && (q.close?.end ?? q.end) > stop && q.open.start >= start) {
      stop = q.close?.end ?? q.end;
      // `…recruit more radical jihadists.”` ends its sentence inside the marks
      if (/[.!?]$/.test(doc.view.slice(q.start, q.end).trimEnd())) continue;
      const next = sentenceOf(doc, tokenAt(tokens, stop));
      if (next && next !== sentence) {
        sentence = next;
        const tail = tokens.slice(tokenAt(tokens, stop), next.lastToken);
        const cut = tail.findIndex((t) => t.value === ',' || CLAUSE_END.test(t.value));
        if (cut > 0) stop = tail[cut - 1]!.end;
      }
    }
  }
  // drop the sentence's final punctuation, not a closing quotation mark
  while (stop > start && /[\s.,;:!?]/.test(doc.view[stop - 1]!) && !insideQuote(ctx, stop - 1)) stop--;
  while (start < stop && /\s/.test(doc.view[start]!)) start++;
  if (tokenAt(tokens, stop) - tokenAt(tokens, start) < minTokens) return null;
  return { start, end: stop };
}

/**
 * The learned start, where there is one (models/boundary-model.json): past an object or an adverbial,
 * or not (`urged Congress to …`); `rule` otherwise.
 */
export function learnedStart(ctx: Context, cue: Cue, sentence: { lastToken: number }, rule: number): number {
  const { tokens } = ctx;
  const starts = ctx.lexicon.boundary?.start;
  if (!starts) return rule;
  const first = tokenAt(tokens, cue.end);
  let best = rule;
  let bestScore = -Infinity;
  for (const p of startCandidates(ctx.breaks, first, sentence.lastToken)) {
    const score = startScore(starts, startFeatures(ctx.breaks, cue.lemma, first, p));
    if (score > bestScore) [best, bestScore] = [p, score];
  }
  // (the content leaves out a leading `that`, as the output always has: `said that taxes rise` → `taxes rise`)
  return tokens[best]?.value.toLowerCase() === 'that' && best + 1 < sentence.lastToken ? best + 1 : best;
}

/**
 * `spoke at a memorial service for those who died`, `speaking to a veterans group`: after `speak` and `talk` a
 * preposition names the audience or the place; what was said is only a topic (`spoke about …`).
 */
export function namesAudience(ctx: Context, cue: Cue): boolean {
  if (!ctx.lexicon.words.topicOnlyVerbs.has(cue.lemma)) return false;
  const { tokens } = ctx;
  let a = tokenAt(tokens, cue.end);
  while (tokens[a]?.pos === 'ADV') a++;
  return tokens[a]?.pos === 'ADP' && !/^(?:about|of|on)$/i.test(tokens[a]!.value);
}

/** Where the reported clause after a cue starts — after `that`, an object, adverbials — or -1 if no clause follows. */
export function clauseAfterCue(ctx: Context, cue: Cue, sentence: { lastToken: number }): number {
  const { tokens } = ctx;
  let k = tokenAt(tokens, cue.end);
  if (namesAudience(ctx, cue)) return -1;
  // `said as much in an interview`, `indicated as much`: a pro-form stands for what was said, told elsewhere
  if (/^as$/i.test(tokens[k]?.value ?? '') && /^much$/i.test(tokens[k + 1]?.value ?? '')) return -1;
  // `told a town hall in Salem, New Hampshire on Monday that …`
  const limit = Math.min(sentence.lastToken, k + 15);
  for (; k < limit; k++) {
    const t = tokens[k]!;
    // `described changes that were driving …`: a relative `that`, followed by its verb, starts no report
    if (t.value.toLowerCase() === 'that') {
      // (`said the areas of the network that were hacked suggested …`: a verb that takes no object still has its clause)
      if (/^(?:VERB|AUX)$/.test(tokens[k + 1]?.pos ?? '') && k > tokenAt(tokens, cue.end)) {
        if (ctx.lexicon.words.clauseOnlyVerbs.has(cue.lemma)) break;
        return -1;
      }
      // `lamented Sanders’ vote on legislation that she supported`: after an object, `that` is relative,
      // unless the verb takes a hearer and a clause (`told reporters that`, `assured Trump that`)
      const object = tokens[tokenAt(tokens, cue.end)];
      const hearer = object !== undefined && k > tokenAt(tokens, cue.end) && /^(?:DET|NOUN|PROPN|PRON)$/.test(object.pos) && !ctx.lexicon.notNames.has(object.value.toLowerCase());
      // `disputes the idea that …`, `rejected the notion that …`: a noun of content, its that-clause with it
      if (k > tokenAt(tokens, cue.end) && isWordOf(ctx.lexicon, 'contentNouns', tokens[k - 1]!.value)) return tokenAt(tokens, cue.end);
      return hearer && !ctx.lexicon.words.hearerVerbs.has(cue.lemma) ? -1 : k + 1;
    }
    // `told The Associated Press on Monday that`: a capitalised "verb" is part of a name;
    // `said in an ABC interview taped before the attacks that`: a participle modifies a noun
    const participle = t.pos === 'VERB' && ((/(?:ed|ing)$/i.test(t.value) && tokens[k - 1]?.pos === 'NOUN') || (/ing$/i.test(t.value) && k === tokenAt(tokens, cue.end)));
    // `says at a campaign stop in Toledo that`: a noun wink took for a verb inside a prepositional phrase
    const inPhrase = t.pos === 'VERB' && tokens[k - 1]?.pos === 'NOUN' && tokens[k - 2]?.pos === 'DET' && tokens[k - 3]?.pos === 'ADP';
    if (inPhrase) continue;
    // `tells MSNBC’s “Morning Joe” on Friday that …`: a short quoted title is passed over
    const title = OPENING_MARK.test(t.value) ? ctx.outerByOpen.get(t.start) : undefined;
    if (title && title.close !== null && wordCount(ctx.doc.view.slice(title.start, title.end)) <= 4 && !/[.!?,]$/.test(ctx.doc.view.slice(title.start, title.end).trimEnd())) {
      k = tokenAt(tokens, title.close.end) - 1;
      continue;
    }
    if (((t.pos === 'VERB' || t.pos === 'AUX') && !/^\p{Lu}/u.test(t.value) && !participle) || CLAUSE_END.test(t.value) || OPENING_MARK.test(t.value) || t.value === ':') break;
  }
  // no `that`: the clause starts after the cue (`Trump said he …`), an object (`told reporters`) and
  // adverbials (`said on Friday he met …`, `said Tuesday`), with a subject and a verb
  let from = tokenAt(tokens, cue.end);
  const object = ctx.mentionByStart.get(tokens[from]?.start ?? -1);
  if (object && cue.lemma === 'tell') from = tokenAt(tokens, object.end);
  else if (/^(?:reporters|journalists)$/i.test(tokens[from]?.value ?? '')) from++;
  else if (cue.lemma === 'tell') {
    // `tells the crowd, he’s been known …`: an object noun phrase, then the clause
    let k = from;
    while (k < sentence.lastToken && k - from < 6 && /^(?:DET|ADJ|NOUN|PROPN|NUM)$/.test(tokens[k]!.pos)) k++;
    if (k > from && tokens[k - 1]!.pos !== 'DET') from = tokens[k]?.value === ',' ? k + 1 : k;
  }
  // (`said about half of …`, `said over 40 percent …`: a quantity, not a preposition)
  const quantity = (k: number) => /^(?:about|around|over|under|nearly)$/i.test(tokens[k]?.value ?? '') && (tokens[k + 1]?.pos === 'NUM' || /^(?:half|a|one|two|three|four)$/i.test(tokens[k + 1]?.value ?? ''));
  for (let guard = 0; guard < 4 && from < sentence.lastToken; guard++) {
    const t = tokens[from]!;
    // (`explained how he would …`: a wh-word opens the clause)
    if (t.pos === 'ADV' && !/^(?:none|so|not|how|why|when|where)$/i.test(t.value)) from++;
    else if (ctx.lexicon.notNames.has(t.value.toLowerCase()) && t.pos === 'PROPN') from++;
    else if (t.pos === 'ADP' && !/^(?:whether|if)$/i.test(t.value) && !quantity(from)) {
      let k = from + 1;
      while (k < sentence.lastToken && k - from <= 8 && /^(?:DET|ADJ|NOUN|PROPN|NUM|PART)$/.test(tokens[k]!.pos)) k++;
      if (k === from + 1) return -1;
      from = k;
      if (tokens[from]?.value === ',') from++;
    } else break;
  }
  // `said “zero” voters would follow`: the clause may open with quoted words
  const mark = OPENING_MARK.test(tokens[from]?.value ?? '') ? 1 : 0;
  const head = tokens[from + mark];
  // `said so`, `said no.`: a one-word answer is no clause; `says no matter what …` is
  const oneWord = /^(?:so|yes|no|that)$/i.test(head?.value ?? '') && /^(?:PUNCT)$/.test(tokens[from + 1]?.pos ?? 'PUNCT');
  // (`says if he spent the day in South Carolina he’d …`: a clause may open with a conditional)
  const conditional = (head?.pos === 'SCONJ' && /^(?:if|when|because|unless|once)$/i.test(head.value)) || /^whether$/i.test(head?.value ?? '');
  if (!head || (/^(?:PUNCT|ADP|CCONJ|SCONJ|PART|SYM)$/.test(head.pos) && !conditional && !quantity(from + mark)) || oneWord) return -1;
  // (`acknowledged it was unlikely`: `it` before a verb is the clause's subject)
  const subjectIt = /^it$/i.test(head.value) && /^(?:AUX|VERB)$/.test(tokens[from + mark + 1]?.pos ?? '');
  if (/^(?:it|him|her|them|me|us|you)$/i.test(head.value) && cue.lemma !== 'say' && !subjectIt) return -1;
  if (head.pos === 'VERB' && !/^\p{Lu}/u.test(head.value) && !/ing$/i.test(head.value)) return -1;
  // (`said some of Clinton's rhetoric on the campaign trail has been …`: the verb may stand a dozen words on)
  const verb = tokens.slice(from + mark + 1, Math.min(sentence.lastToken, from + mark + 12)).findIndex((t) => t.pos === 'VERB' || t.pos === 'AUX');
  return verb === -1 ? -1 : from;
}

/**
 * Does the attribution close its sentence (`…, officials said.`, `…, Lavrov said on Friday.`) or sit
 * inside it (`Many of the closures, he said, have involved …`)? Not when a clause or object follows
 * the cue (`On Twitter, Jeb Bush called Trump …`).
 */
export function attributionEndsClause(ctx: Context, cue: Cue, mention: Mention, sentence: { lastToken: number }): boolean {
  const { tokens } = ctx;
  let from = tokenAt(tokens, Math.max(cue.end, mention.end));
  // (`…, political analysts say; in 2012 …`)
  if (tokens[from]?.value === ',' || tokens[from]?.value === ';') return true;
  // (`…, a spokeswoman said on Saturday, and it has …`: a short adverbial, then a comma)
  let k = from;
  while (k < sentence.lastToken && k - from < 4 && /^(?:ADP|DET|NOUN|PROPN|NUM)$/.test(tokens[k]!.pos)) k++;
  if (k > from && tokens[k]?.value === ',' && tokens[from]!.pos === 'ADP') return true;
  from = tokenAt(tokens, Math.max(cue.end, mention.end));
  const tail = tokens.slice(from, sentence.lastToken);
  return tail.length <= 12 && !tail.some((t) => t.pos === 'VERB' || t.pos === 'AUX' || OPENING_MARK.test(t.value));
}

/** The first token of what was said in a clause that opens at `first`: past a connective and a dateline (`WASHINGTON (Reuters) -`). */
export function pastConnective(ctx: Context, first: number, comma: number): number {
  const { tokens, doc } = ctx;
  let k = first;
  // `CAMBRIDGE, Mass., Dec. 11 (UPI) — …`, `WASHINGTON (Reuters) - …`, `New York (AFP) – …`: a dateline ends at its dash
  if (/^\p{Lu}{3,}/u.test(tokens[k]!.value) || tokens.slice(k, Math.min(comma, k + 6)).some((t) => t.value === '(')) {
    for (let d = k + 1; d < Math.min(comma, k + 14); d++) {
      if (/^(?:—|–|-|--)$/.test(tokens[d]!.value) && doc.view[tokens[d]!.start - 1] === ' ' && (/^\p{Lu}{3,}/u.test(tokens[k]!.value) || tokens[d - 1]!.value === ')')) {
        k = d + 1;
        break;
      }
    }
  }
  for (let n = 3; n >= 1; n--) {
    const words = tokens.slice(k, k + n);
    if (words.length === n && isWordOf(ctx.lexicon, 'connectives', words.map((t) => t.value).join(' '))) {
      const next = k + n;
      if (n === 1 && words[0]!.pos === 'CCONJ') return next < comma ? next : k;
      if (tokens[next]?.value === ',' && next + 1 < comma) return next + 1;
    }
  }
  return k;
}
