// Sieves that start from a quotation: its speaker and cue after it, before it, a signature, a transcript label, a continuation.
import { newEntity, type Attribution, type Cue, type Mention, type QuoteSpan, type QuoteType, type Span } from '../../document.ts';
import { add, attributionsNear, blockAround, blockIndexAt, CLAUSE_END, CLOSING_MARK, type Context, insideQuote, OPENING_MARK, overlapsAttribution, quotesOverlapping, quotesWithin, reportingCueAt, reports, sentenceIndex, sentenceOf, SKIPPABLE, tokenAt, wordCount } from './context.ts';
import { isLabel, speakerOf } from './speakers.ts';
import { clauseAfterCue, clauseFrom } from './clauses.ts';

/** `"…," Peskov said` · `"…," said Peskov` · `"We will win," he said, "and soon."` */
export function quoteThenSpeakerCue(ctx: Context, q: QuoteSpan, outer: readonly QuoteSpan[]): void {
  if (q.close === null) return;
  const { tokens } = ctx;
  let k = tokenAt(tokens, q.close.end);
  while (k < tokens.length && (tokens[k]!.value === ',' || tokens[k]!.value === '—' || tokens[k]!.value === '–')) k++;
  const blockEnd = blockAround(ctx, q.close.start)?.end ?? q.close.end;
  // a quote ending its sentence (`…tremendous.”`) is followed by the short form only: `Trump wrote on Twitter.`
  const endsSentence = /[.!?]$/.test(ctx.doc.view.slice(q.start, q.end).trimEnd());
  // the cue within the next few tokens: `Peskov said`, `he said`, `said Peskov`, `Trump wrote on Twitter`, `the Kremlin spokesman later said`
  // (as far as a long appositive: `“…,” Cecelia Purner, 67, a retired customer service representative in Allentown, Pa., said`)
  for (let c = k; c < Math.min(tokens.length, k + 25) && tokens[c]!.start < blockEnd; c++) {
    const t = tokens[c]!;
    // `Rep. Gwen Moore (D-Wis.) said`: a parenthesis, its full stops included, is passed over
    if (t.value === '(') {
      let close = c + 1;
      while (close < Math.min(tokens.length, c + 10) && tokens[close]!.value !== ')') close++;
      if (tokens[close]?.value === ')') {
        c = close;
        continue;
      }
    }
    if (OPENING_MARK.test(t.value) || CLAUSE_END.test(t.value)) break;
    // (`…where we came from.” As it stands, …`: after a quotation that ends its sentence, only a listed cue)
    const cue = ctx.cueByToken.get(c) ?? (endsSentence ? undefined : adjacentVerb(ctx, c, tokenAt(tokens, q.open.start)));
    if (!cue || ctx.usedCues.has(cue) || cue.form === 'noun' || !reports(cue)) continue;
    // `Putin noted later that …` introduces a clause of its own; `Trump added to People` does not
    let next = tokenAt(tokens, cue.end);
    while (next < tokens.length && tokens[next]!.pos === 'ADV') next++;
    if (/^that$/i.test(tokens[next]?.value ?? '') || (/^to$/i.test(tokens[next]?.value ?? '') && tokens[next + 1]?.pos === 'VERB')) continue;
    const cueSentence = sentenceOf(ctx.doc, c);
    // `…who knows?” Trump told Britain’s ITV television station in an interview` is the quote's; `…tremendous.” Putin noted later that …` is not
    if (endsSentence && cueSentence && cueSentence.lastToken - c > 8 && clauseAfterCue(ctx, cue, cueSentence) !== -1) continue;
    const speaker = speakerOf(ctx, cue);
    if (!speaker) continue;
    // the speaker sits between the quote and the cue, or right after the cue
    if (!speaker.after && speaker.mention.start < q.close.end) continue;
    // `On Fox News channel’s “Sunday Morning Futures,” Rep. Darrell Issa said Clinton’s …`: a title, and the cue reports the clause after it
    // (and so is a title with no clause after the cue: `Wednesday on Fox News Channel’s “Fox & Friends,” Rep. McCaul discussed …`;
    // `chants of “Bobby!”` is no title)
    const title = wordCount(ctx.doc.view.slice(q.start, q.end)) <= 4 && /^(?:['’]s|on|in|at|of)$/i.test(tokens[tokenAt(tokens, q.open.start) - 1]?.value ?? '') && !endsSentence;
    if (title) continue;
    let parts: Span[] = [...q.parts];
    const used = [q];
    // split quote: `"We will win," he said, "and soon."` — a comma after the attribution, then the rest
    let after = tokenAt(tokens, Math.max(cue.end, speaker.mention.end));
    while (after < tokens.length && SKIPPABLE.has(tokens[after]!.pos)) after++;
    // (`"…," Schiff told Capital Download on Wednesday, "…"`: a hearer and a time before the comma)
    let hearer = after;
    while (hearer < tokens.length && hearer - after < 7 && (/^(?:DET|NOUN|PROPN|ADP|NUM|PRON)$/.test(tokens[hearer]!.pos) || /^\p{Lu}/u.test(tokens[hearer]!.value)) && !OPENING_MARK.test(tokens[hearer]!.value)) hearer++;
    if (hearer > after && tokens[hearer]?.value === ',') after = hearer;
    if (tokens[after]?.value === ',' || tokens[after]?.value === ':') {
      // (`"…," Tester said, referring to the excuse, "…"` · `"…," he said, but "…"`: a participle's phrase or a
      // conjunction may stand between, not another clause)
      let mark = after + 1;
      while (mark < Math.min(tokens.length, after + 14) && !OPENING_MARK.test(tokens[mark]!.value) && !CLOSING_MARK.test(tokens[mark]!.value) && !CLAUSE_END.test(tokens[mark]!.value)) mark++;
      const between = tokens.slice(after + 1, mark);
      // (`"…," Trump said, adding later, "…"`: a reporting participle starts an attribution of its own)
      const interrupted = between.length > 0 && (!/^(?:,|:|but|and)$/i.test(tokens[mark - 1]!.value) || between.some((t, i) => (t.pos === 'VERB' && !/ing$/i.test(t.value)) || t.pos === 'AUX' || (t.pos === 'PRON' && /^(?:he|she|they|i|we)$/i.test(t.value)) || reportingCueAt(ctx, after + 1 + i)));
      const opening = OPENING_MARK.test(tokens[mark]?.value ?? '') && !interrupted ? tokens[mark]!.start : -1;
      const candidate = ctx.outerByOpen.get(opening);
      const next = candidate !== undefined && !ctx.usedQuotes.has(candidate) ? candidate : undefined;
      if (next && /[,\p{L}\p{N}]$/u.test(ctx.doc.view.slice(q.start, q.end).trimEnd())) {
        parts = [...parts, ...next.parts];
        used.push(next);
      }
    }
    const last = used[used.length - 1]!;
    // `Rubio "apologized numerous times on this show," Hannity said.`: words before the quote make it mixed
    const sentence = sentenceOf(ctx.doc, tokenAt(tokens, q.open.start));
    const lead = sentence ? ctx.doc.view.slice(sentence.start, q.open.start) : '';
    // …unless those words have a reporting verb of their own (`Morris says the campaign will "compete"`): a reported clause
    let leadCue = false;
    for (let i = sentence?.firstToken ?? 0; sentence && i < tokens.length && tokens[i]!.end <= q.open.start && !leadCue; i++) {
      const c = ctx.cueByToken.get(i);
      leadCue = c !== undefined && reports(c);
    }
    if (leadCue) return;
    // `“We’re alive, unlike the robots” at the Democratic convention, he said`: words after the quote, before
    // the attribution's comma, belong to what was said too
    let end = q.close.end;
    const attribution = Math.min(speaker.mention.start, cue.start);
    if (used.length === 1 && attribution > q.close.end) {
      const tail = ctx.doc.view.slice(q.close.end, attribution);
      const comma = tail.search(/[,—–]\s*$/u);
      // (`…,” his wife, Gabriela Lazar, wrote`: a noun phrase there is the speaker's apposition, not what was said)
      const apposition = !speaker.after && speaker.mention.kind === 'name' && /^(?:DET|PRON)$/.test(tokens[tokenAt(tokens, q.close.end)]?.pos ?? '');
      if (comma > 0 && /[\p{L}\p{N}]/u.test(tail.slice(0, comma)) && !/["“‘«]/u.test(tail) && !apposition) end = q.close.end + tail.slice(0, comma).trimEnd().length;
    }
    // (`WASHINGTON, Jan. 20 (Reuters) - “…,” he said`: a wire dateline is no words of the sentence)
    const leadWords = /[\p{L}\p{N}]/u.test(lead) && !/:\s*$/.test(lead) && !isWireDateline(lead);
    if (sentence && used.length === 1 && (leadWords || end > q.close.end)) {
      const span = { start: leadWords ? sentence.start : q.open.start, end };
      add(ctx, { ...span, parts: [span], type: 'mixed', cue, mention: speaker.mention, sieve: 'quote-then-speaker-cue' }, quotesWithin(ctx, span).concat(used.filter((u) => !quotesWithin(ctx, span).includes(u))));
      return;
    }
    add(ctx, { start: q.start, end: last.end, parts, type: 'direct', cue, mention: speaker.mention, sieve: 'quote-then-speaker-cue' }, used);
    return;
  }
}

/** `Trump wrote in a tweet: "…"` · `Peskov said: "…"` · `Trump says '…'` */
export function speakerCueQuote(ctx: Context, q: QuoteSpan): void {
  const { tokens, doc } = ctx;
  const open = tokenAt(tokens, q.open.start);
  // `The New York Times confirmed that observation, reporting:` + a paragraph that is the quotation:
  // the introduction is the sentence the colon ends
  const block = blockAround(ctx, q.open.start);
  const introduced = block !== undefined && block.start === q.open.start && tokens[open - 1]?.value === ':';
  const sentence = sentenceOf(doc, introduced ? open - 1 : open);
  // `Skelly: “Vito is outstanding with data.”`: a name and a colon
  const colon = tokens[open - 1]?.value === ':' ? open - 1 : -1;
  const named = colon > 0 ? ctx.mentionByEnd.get(tokens[colon - 1]!.end) : undefined;
  if (named && named.kind === 'name' && tokenAt(tokens, named.start) === sentence?.firstToken) {
    add(ctx, { start: q.start, end: q.end, parts: q.parts, type: 'direct', cue: null, mention: named, sieve: 'speaker-cue-quote' }, [q]);
    return;
  }
  const from = Math.max(sentence?.firstToken ?? 0, open - 10);
  for (let c = open - 1; c >= from; c--) {
    const t = tokens[c]!;
    if (t.value.toLowerCase() === 'that' || CLOSING_MARK.test(t.value)) return;
    const cue = ctx.cueByToken.get(c) ?? adjacentVerb(ctx, c, open);
    if (!cue || ctx.usedCues.has(cue) || !reports(cue) || cue.form === 'noun') continue;
    // between the cue and the quote: nothing, or a few words ending in a colon or comma
    const first = tokenAt(tokens, cue.end);
    const lastBetween = tokens[open - 1];
    if (first < open && lastBetween!.value !== ':' && lastBetween!.value !== ',') return;
    for (let b = first; b < open; b++) if (tokens[b]!.pos === 'VERB' && !ctx.cueByToken.has(b)) return;
    const speaker = speakerOf(ctx, cue);
    if (!speaker) return;
    if (isLabel(ctx, cue, speaker.mention)) return;
    // `Obama said “it gets me mad” every time he thinks about …`: the quotation opens a longer clause, a mixed quote
    if (q.close !== null && !/[.!?]$/.test(doc.view.slice(q.start, q.end).trimEnd()) && sentence) {
      const rest = tokens.slice(tokenAt(tokens, q.close.end), sentence.lastToken).filter((t) => /[\p{L}\p{N}]/u.test(t.value));
      if (rest.length >= 2 && !ctx.cueByToken.has(tokenAt(tokens, q.close.end) + (tokens[tokenAt(tokens, q.close.end)]?.value === ',' ? 1 : 0))) {
        const span = clauseFrom(ctx, open, ctx.outer);
        if (span && span.end > q.close.end && !overlapsAttribution(ctx, span)) {
          add(ctx, { ...span, parts: [span], type: 'mixed', cue, mention: speaker.mention, sieve: 'speaker-cue-quote' }, quotesWithin(ctx, span));
          return;
        }
      }
    }
    // `An economic downturn, he said, “could be a good time to borrow …”`: the words before the attribution open
    // what was said, and the quotation goes on with it
    const lead = speaker.after ? c - 1 : tokenAt(tokens, speaker.mention.start) - 1;
    if (sentence && !introduced && first < open && lead > sentence.firstToken && tokens[lead]!.value === ',' && /^\p{Ll}/u.test(doc.view.slice(q.start, q.start + 1))) {
      const opening = { start: tokens[sentence.firstToken]!.start, end: tokens[lead - 1]!.end };
      const quoted = tokens.slice(sentence.firstToken, lead).some((t) => OPENING_MARK.test(t.value) || CLOSING_MARK.test(t.value));
      if (!quoted && wordCount(doc.view.slice(opening.start, opening.end)) <= 25 && !overlapsAttribution(ctx, opening)) {
        const quotation = { start: q.open.start, end: q.close?.end ?? q.end };
        add(ctx, { start: opening.start, end: quotation.end, parts: [opening, quotation], type: 'mixed', cue, mention: speaker.mention, sieve: 'speaker-cue-quote' }, [q]);
        return;
      }
    }
    add(ctx, { start: q.start, end: q.end, parts: q.parts, type: 'direct', cue, mention: speaker.mention, sieve: 'speaker-cue-quote' }, [q]);
    return;
  }
}

/**
 * `He continued, “…”`, `“…,” he laughed.`: a verb the lexicon does not list still reports the
 * quotation it stands next to, when only its subject and a comma or colon separate them.
 */
export function adjacentVerb(ctx: Context, c: number, quoteToken: number): Cue | undefined {
  const { tokens } = ctx;
  const t = tokens[c]!;
  if (t.pos !== 'VERB') return undefined;
  const before = c + 2 === quoteToken && /^[,:]$/.test(tokens[c + 1]!.value);
  const after = c > quoteToken && /^[,.]$/.test(tokens[c + 1]?.value ?? '');
  if (!before && !after) return undefined;
  return { start: t.start, end: t.end, value: t.value, lemma: t.lemma, cls: 'speech', token: c, form: 'verb' };
}

/** `'Sanctions not discussed with Putin, until Ukrainian crisis resolved' – Trump`: a heading's speaker after a dash. */
export function headlineDashSpeaker(ctx: Context): void {
  const { doc } = ctx;
  for (const block of doc.blocks) {
    if (block.kind !== 'title' && block.kind !== 'paragraph') continue;
    const text = doc.view.slice(block.start, block.end);
    const dash = /\s[–—-]\s*([^–—-]{2,40})$/u.exec(text);
    if (!dash || /[.!?]["”’']?$/u.test(text.slice(0, dash.index).trim()) && block.kind !== 'title') continue;
    const nameStart = block.start + dash.index + dash[0].length - dash[1]!.length;
    const mention = doc.mentions.find((m) => m.start === nameStart && m.end <= block.end);
    // the name ends the heading (`WASHINGTON (Reuters) - Hillary Clinton spoke` is a dateline and a sentence)
    if (!mention || mention.kind !== 'name' || /[\p{L}\p{N}]/u.test(doc.view.slice(mention.end, block.end))) continue;
    let span: Span = { start: block.start, end: block.start + text.slice(0, dash.index).trimEnd().length };
    const opened = ctx.outerByOpen.get(span.start);
    const quote = opened !== undefined && opened.close?.end === span.end ? opened : undefined;
    const type: QuoteType = quote ? 'direct' : 'indirect';
    if (quote) span = { start: quote.start, end: quote.end };
    add(ctx, { ...span, parts: [span], type, cue: null, mention, sieve: 'headline-dash-speaker' }, quote ? [quote] : []);
  }
}

// `WASHINGTON, January 20 (Reuters) - `, `MOSCOW, July 10. /TASS/. `, `NEW YORK (AP) — `: what a wire
// story's first paragraph starts with, before its first sentence
const WIRE_DATELINE = /^\s*\p{Lu}[\p{L}.'’ -]*?(?:,[^()\n"“”]{1,40}?)?\s*(?:\([\p{L}\p{N} .&'’-]{1,30}\)\s*)?(?:[—–-]{1,2}|\/[\p{L} -]{1,20}\/\.?)\s*$/u;

/** Whether `text` is a wire dateline alone: a place in capitals, or one followed by an agency in parentheses, up to a dash. */
export function isWireDateline(text: string): boolean {
  return text.length <= 80 && WIRE_DATELINE.test(text) && (/^\s*\p{Lu}{3,}(?:[ .'’-]+\p{Lu}{2,})*\.?\s*(?:[,(—–/-])/u.test(text) || /\)\s*[—–-]{1,2}\s*$/u.test(text));
}

/** Labels in capitals before a colon that name no speaker. */
export const NOT_SPEAKERS = /^(?:UPDATE|UPDATED|NOTE|EDITOR'?S NOTE|EDITOR’S NOTE|WATCH|RELATED|READ MORE|READ|PHOTOS?|VIDEO|CORRECTION|CLARIFICATION|Q|A|BREAKING|EXCLUSIVE|ANALYSIS|OPINION|SOURCE|SOURCES|PARTIAL TRANSCRIPT|TRANSCRIPT|ABSTRACT)$/;

/**
 * `PENCE: Well, look, …` · `"WALLACE: But, Governor Pence, …"`: a transcript's paragraph, its speaker
 * named in capitals before a colon. The speaker is the document's person of that surname, or a new one.
 */
export function transcriptSpeaker(ctx: Context): void {
  const { doc } = ctx;
  for (const block of ctx.contentBlocks) {
    const text = doc.view.slice(block.start, block.end);
    const label = /^(["“]?)(\p{Lu}[\p{Lu}.'’ -]{1,38}\p{Lu}):[^\S\n]+(?=\S)/u.exec(text);
    if (!label || NOT_SPEAKERS.test(label[2]!) || label[2]!.split(/\s+/).length > 4) continue;
    const labelStart = block.start + label[1]!.length;
    let start = block.start + label[0].length;
    let end = block.start + text.trimEnd().length;
    const opened = label[1] !== '' ? ctx.outerByOpen.get(block.start) : undefined;
    if (label[1] !== '' && /["”]$/u.test(doc.view.slice(start, end))) end--;
    if (end - start < 2 || overlapsAttribution(ctx, { start, end })) continue;
    while (start < end && /\s/.test(doc.view[start]!)) start++;
    const surname = label[2]!.split(/\s+/).pop()!.toLowerCase();
    let entity = doc.entities.findIndex((e) => e.kind === 'person' && e.name.split(/\s+/).pop()!.toLowerCase() === surname);
    if (entity === -1) {
      const name = label[2]!.toLowerCase().replace(/(^|[\s'’-])\p{L}/gu, (c) => c.toUpperCase());
      entity = doc.entities.push(newEntity(name, 'person', [name])) - 1;
    }
    const mention: Mention = { start: labelStart, end: labelStart + label[2]!.length, kind: 'name', value: label[2]!, name: doc.entities[entity]!.name, title: null, entityKind: 'person', entity };
    const span = { start, end };
    // a quotation over several paragraphs of the transcript is used, not claimed whole: each paragraph has its speaker
    if (opened && opened.parts.length > 1) ctx.usedQuotes.add(opened);
    add(ctx, { ...span, parts: [span], type: 'direct', cue: null, mention, sieve: 'transcript-speaker' }, opened && opened.parts.length === 1 ? [opened] : quotesWithin(ctx, span));
  }
}

/**
 * `“Donald Trump scares me.” ― Krystal Correa`: a quotation signed, as readers' voices and epigraphs
 * are, by a dash and a name that end the line.
 */
export function quoteDashSpeaker(ctx: Context, q: QuoteSpan): void {
  const { doc } = ctx;
  if (q.close === null) return;
  // (spaces on one line, a no-break space among them)
  const dash = /^[^\S\n]*[―—–][^\S\n]*/u.exec(doc.view.slice(q.close.end, q.close.end + 8)) ?? /^[^\S\n]+-[^\S\n]+/.exec(doc.view.slice(q.close.end, q.close.end + 8));
  if (!dash) return;
  const mention = ctx.mentionByStart.get(q.close.end + dash[0].length);
  if (!mention || mention.kind !== 'name' || mention.entityKind !== 'person') return;
  // the name ends the line: nothing but a full stop after it (in the text: the view joins wrapped lines)
  if (!/^[^\S\n]*\.?[^\S\n]*(?:\n|$)/.test(doc.text.slice(mention.end, mention.end + 40))) return;
  add(ctx, { start: q.start, end: q.end, parts: q.parts, type: 'direct', cue: null, mention, sieve: 'quote-dash-speaker' }, [q]);
}

/**
 * `“A,” Barkley said. “B.”` — quotations that follow an attributed one, with nothing but its
 * attribution between, are the same speaker's: one attribution of several parts (as PolNeAR
 * labels them), running on into a next paragraph that opens with a quotation; `parts` keeps
 * each piece's span.
 */
export function quotesContinueAttribution(ctx: Context, outer: readonly QuoteSpan[]): void {
  const { doc, tokens } = ctx;
  const byOpen = new Map(outer.map((q) => [q.open.start, q]));
  const byEnd = new Map(outer.map((q) => [q.end, q]));
  for (let i = 0; i < ctx.attributions.length; i++) {
    let a = ctx.attributions[i]!;
    // (`Rubio "apologized numerous times," Hannity said. "I think …"`: a mixed quote's speaker goes on too)
    if (a.type === 'indirect' || a.mention === null) continue;
    // a signed quotation (`“…” ― Krystal Correa`) ends with its signature
    if (a.sieve === 'quote-dash-speaker') continue;
    for (;;) {
      // the end of the attribution's sentence: after `Barkley said` or the closing mark
      const attributionEnd = Math.max(a.end, a.cue?.end ?? 0, a.mention!.end);
      let at = attributionEnd;
      const t = tokenAt(tokens, at);
      const sentence = sentenceOf(doc, t) ?? sentenceOf(doc, t - 1);
      if (sentence && sentence.end > at && !/[“"‘«]/u.test(doc.view.slice(at, sentence.end))) at = sentence.end;
      while (at < doc.view.length && /[\s.,;:!?”’"']/u.test(doc.view[at]!) && !byOpen.has(at)) at++;
      const next = byOpen.get(at) ?? afterAppositive(ctx, attributionEnd, a.cue);
      if (!next || ctx.usedQuotes.has(next) || next.close === null) break;
      // into the next paragraph only when that paragraph opens with the quotation (PolNeAR labels it so), in the
      // same marks (`"…pull it off."` then `'Legend in the Coal Fields.'`: a subheading, not more of the speech)
      const nextParagraph = blockAround(ctx, next.open.start) !== blockAround(ctx, a.start);
      if (nextParagraph && blockAround(ctx, next.open.start)?.start !== next.open.start) break;
      if (nextParagraph && inOtherMarks(byEnd, a, next)) break;
      // the next quotation is followed by an attribution of its own: not a continuation
      const after = tokenAt(tokens, next.close.end);
      const blockEnd = blockAround(ctx, next.close.start)?.end ?? next.close.end;
      let own = false;
      for (let k = after; k < after + 6 && k < tokens.length && tokens[k]!.start < blockEnd && !CLAUSE_END.test(tokens[k]!.value) && !OPENING_MARK.test(tokens[k]!.value); k++) {
        if (ctx.cueByToken.has(k)) own = true;
      }
      if (own) break;
      ctx.usedQuotes.add(next);
      a = { ...a, end: next.end, parts: [...a.parts, ...next.parts] };
      ctx.attributions[i] = a;
    }
  }
}

/**
 * `“…,” said Rep. G.K. Butterfield (D-N.C.), head of the Congressional Black Caucus. “…”`: the quotation
 * after the rest of the attribution's sentence — an appositive, no other clause, no other cue.
 */
export function afterAppositive(ctx: Context, at: number, cue: Cue | null): QuoteSpan | undefined {
  const { doc, tokens } = ctx;
  const next = quotesOverlapping(ctx, { start: at, end: at + 200 }).find((q) => q.open.start >= at);
  if (!next || blockAround(ctx, next.open.start) !== blockAround(ctx, at)) return undefined;
  const between = doc.view.slice(at, next.open.start).replace(/\([^)]*\)/g, '');
  if (!/^[,\s]/.test(between) || /[.!?;:]\s+\S|["“‘«]/u.test(between.trimEnd())) return undefined;
  for (let k = tokenAt(tokens, at); k < tokens.length && tokens[k]!.end <= next.open.start; k++) {
    const c = ctx.cueByToken.get(k);
    if ((c !== undefined && c !== cue) || tokens[k]!.pos === 'AUX' || (tokens[k]!.pos === 'VERB' && !/(?:ed|ing)$/i.test(tokens[k]!.value))) return undefined;
  }
  return next;
}

/** A quote-only paragraph, or a quote after an attributed one in its paragraph, continues that speaker. */
export function quoteContinuesSpeaker(ctx: Context, outer: readonly QuoteSpan[]): void {
  const { doc } = ctx;
  // the last direct attribution before each quote, kept as the quotes go by in text order
  const directs = ctx.attributions.filter((a) => a.mention !== null && a.type === 'direct').sort((a, b) => a.end - b.end);
  let next = 0;
  let previous: Attribution | undefined;
  const byEnd = new Map(outer.map((q) => [q.end, q]));
  for (const q of outer) {
    while (next < directs.length && directs[next]!.end <= q.start) previous = directs[next++];
    if (ctx.usedQuotes.has(q) || q.close === null) continue;
    const block = blockIndexAt(ctx, q.start);
    if (!previous || block === -1) continue;
    const b = ctx.contentBlocks[block]!;
    const previousBlock = blockIndexAt(ctx, previous.start);
    const adjacent = previousBlock !== -1 && block - previousBlock === 1 && b.kind === 'paragraph';
    // in its paragraph, only the sentence right after the attribution's may continue it
    if (previousBlock === block && sentenceIndex(doc, tokenAt(doc.tokens, q.open.start)) - sentenceIndex(doc, tokenAt(doc.tokens, previous.end) - 1) > 1) continue;
    if (previousBlock !== block && !adjacent) continue;
    const quoteOnly = adjacent && !/[\p{L}\p{N}]/u.test(doc.view.slice(b.start, q.open.start) + doc.view.slice(q.close.end, b.end));
    // no other speaker in between: no reporting verb between the previous attribution and this quote
    let interrupted = false;
    for (let i = tokenAt(doc.tokens, previous.end); i < doc.tokens.length && doc.tokens[i]!.end <= q.open.start && !interrupted; i++) {
      const c = ctx.cueByToken.get(i);
      interrupted = c !== undefined && c !== previous.cue && reports(c);
    }
    // (a paragraph in other marks than the speech before it is a subheading)
    const otherMarks = previousBlock !== block && inOtherMarks(byEnd, previous, q);
    if (interrupted || !(previousBlock === block || (adjacent && quoteOnly)) || otherMarks || isSubheading(ctx, q)) continue;
    // a quotation inside a sentence (`he said on “Meet the Press.”`) is a title, not more of the speech
    if (insideSentence(ctx, q)) continue;
    if (wordCount(doc.view.slice(q.start, q.end)) < 3) continue;
    add(ctx, { start: q.start, end: q.end, parts: q.parts, type: 'direct', cue: previous.cue, mention: previous.mention, sieve: 'quote-continues-speaker' }, [q]);
    previous = ctx.attributions[ctx.attributions.length - 1];
  }
}

/** A long quotation no sieve attributes is kept, speaker unknown; short ones are scare quotes and titles. */
export function unattributed(ctx: Context, q: QuoteSpan): void {
  const text = ctx.doc.view.slice(q.start, q.end);
  if (q.close === null || wordCount(text) < 5 || !/[.,!?…]$/u.test(text.trim())) return;
  // `his book “The Art of the Deal.”`, `CNBC’s “Secret Lives of the Super Rich,”`: a title in title case, inside a
  // sentence of the body (a headline is all title case: `Trump: Cruz … ‘Oil Pays Him a Lot of Money.’`)
  const inBody = blockAround(ctx, q.open.start)?.kind === 'paragraph';
  if ((inBody && insideSentence(ctx, q) && isTitleOfWork(ctx, text)) || isSubheading(ctx, q)) return;
  const previous = previousSpeaker(ctx, q);
  if (previous) add(ctx, { start: q.start, end: q.end, parts: q.parts, type: 'direct', cue: previous.cue, mention: previous.mention, sieve: 'previous-speaker' }, [q]);
  else add(ctx, { start: q.start, end: q.end, parts: q.parts, type: 'direct', cue: null, mention: null, sieve: 'unattributed' }, [q]);
}

/**
 * The attribution a quotation no sieve claimed most likely continues: the last one before it, in its
 * paragraph or the one before, with a named speaker and no other reporting verb or name between.
 */
export function previousSpeaker(ctx: Context, q: QuoteSpan): Attribution | undefined {
  const { doc, tokens } = ctx;
  const block = blockIndexAt(ctx, q.open.start);
  if (block === -1) return undefined;
  const earliest = ctx.contentBlocks[Math.max(0, block - 1)]!.start;
  let found: Attribution | undefined;
  // (the attributions of the last few dozen sentences, not of the whole document: a long transcript stays linear;
  // a signed quotation, `“…” ― Krystal Correa`, speaks for itself only)
  for (const a of attributionsNear(ctx, sentenceIndex(doc, tokenAt(tokens, q.open.start)), 40)) if (a.end <= q.open.start && a.start >= earliest && a.mention !== null && a.mention.entity !== -1 && a.sieve !== 'quote-dash-speaker' && (found === undefined || a.end > found.end)) found = a;
  if (!found) return undefined;
  const from = tokenAt(tokens, Math.max(found.end, found.cue?.end ?? 0, found.mention!.end));
  for (let k = from; k < tokens.length && tokens[k]!.end <= q.open.start; k++) {
    if (insideQuote(ctx, tokens[k]!.start)) continue;
    const cue = ctx.cueByToken.get(k);
    if (cue !== undefined && reports(cue) && cue !== found.cue) return undefined;
    const m = ctx.mentionByStart.get(tokens[k]!.start);
    if (m && m.kind === 'name' && m.entityKind === 'person' && m.entity !== found.mention!.entity) return undefined;
  }
  return found;
}

/** Every word but the small ones capitalised, as titles of works are written: `The Making of Donald Trump`. */
function isTitleOfWork(ctx: Context, text: string): boolean {
  const words = text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? [];
  return words.length >= 2 && words.every((w, i) => /^[\p{Lu}\p{N}]/u.test(w) || (i > 0 && ctx.lexicon.words.smallTitleWords.has(w)));
}

/** `'Legend in the Coal Fields.'` as a paragraph of its own: a subheading in quotation marks, not speech. */
function isSubheading(ctx: Context, q: QuoteSpan): boolean {
  const block = blockAround(ctx, q.open.start);
  if (block?.kind !== 'paragraph' || block.start !== q.open.start || q.close === null) return false;
  const text = ctx.doc.view.slice(q.start, q.end);
  return !/[\p{L}\p{N}]/u.test(ctx.doc.view.slice(q.close.end, block.end)) && wordCount(text) <= 8 && isTitleOfWork(ctx, text);
}

/** Words stand before the quotation in its sentence: it is part of a sentence, not one of its own. */
function insideSentence(ctx: Context, q: QuoteSpan): boolean {
  const sentence = sentenceOf(ctx.doc, tokenAt(ctx.tokens, q.open.start));
  return sentence !== undefined && /[\p{L}\p{N}]/u.test(ctx.doc.view.slice(sentence.start, q.open.start));
}

/**
 * The attribution's last quotation (looked up by its end in `byEnd`) is in other marks than `q`: `"…pull it off."`
 * then `'Legend in the Coal Fields.'` is a subheading after the speech, not more of it.
 */
function inOtherMarks(byEnd: ReadonlyMap<number, QuoteSpan>, a: Attribution, q: QuoteSpan): boolean {
  const last = byEnd.get(a.end);
  return last !== undefined && last.family !== q.family;
}
