// Finds who could be a speaker: names with their titles, nominal mentions (the Kremlin spokesman), groups and pronouns.
import type { Doc, EntityKind, Mention, Token } from '../document.ts';
import { isWordOf, type Lexicon } from '../lexicon.ts';
import { objectArray } from '../object-array.ts';

/** A capital first letter; ASCII without a regular expression, as most tokens are (called for nearly every token). */
const startsUpper = (s: string) => {
  const c = s.charCodeAt(0);
  return c < 128 ? c >= 65 && c <= 90 : /^\p{Lu}/u.test(s);
};
const isCapitalised = (t: Token) => startsUpper(t.value);
const isInitial = (t: Token) => t.value.length <= 3 && t.value.endsWith('.') && /^\p{Lu}\.$/u.test(t.value);
const bare = (t: Token) => {
  const lower = t.value.toLowerCase();
  return lower.endsWith('.') ? lower.slice(0, -1) : lower;
};

/**
 * A token that can be part of a name: a proper noun, or a capitalised word wink did not call one —
 * inside a run, or before a reporting verb (`Trump says`); a capitalised sentence start alone is not a name.
 */
function isNameToken(t: Token, next: Token | undefined, inRun: boolean, lexicon: Lexicon, midSentence = false): boolean {
  if (t.pos === 'PROPN') return !/^[\p{P}\p{S}]+$/u.test(t.value) && !lexicon.notNames.has(t.value.toLowerCase());
  if (isInitial(t)) return true;
  if (!isCapitalised(t) || lexicon.notNames.has(t.value.toLowerCase()) || !(t.pos === 'NOUN' || t.pos === 'ADJ' || t.pos === 'X' || t.pos === 'VERB' || t.pos === 'ADV')) return false;
  // `said Don Fowler`: a first name wink took for a verb, capitalised mid-sentence before a proper noun
  const beforeName = midSentence && next !== undefined && next.pos === 'PROPN' && isCapitalised(next) && !lexicon.notNames.has(next.value.toLowerCase());
  return inRun || beforeName || (next !== undefined && lexicon.verbs.has(next.value.toLowerCase()));
}

/** `Holtz-Eakin`, `Ocasio-Cortez`: two capitalised words joined by a hyphen, no space (not `R-Ariz.`). */
function isHyphenatedName(tokens: readonly Token[], at: number): boolean {
  const [before, hyphen, after] = [tokens[at - 1], tokens[at], tokens[at + 1]];
  return hyphen?.value === '-' && before !== undefined && after !== undefined && before.end === hyphen.start && hyphen.end === after.start && /^\p{Lu}\p{Ll}+$/u.test(before.value) && /^\p{Lu}\p{Ll}+$/u.test(after.value);
}

/** Length (in tokens) of the longest title, honorific or affiliation starting at token i. */
const firstWordsOf = new WeakMap<Lexicon, Set<string>>();

/** First words of every title, affiliation and honorific: most tokens are none, and are turned away at once. */
function titleStarts(lexicon: Lexicon): Set<string> {
  let starts = firstWordsOf.get(lexicon);
  if (starts === undefined) {
    starts = new Set();
    for (const set of [lexicon.titles, lexicon.affiliations, lexicon.honorifics]) for (const t of set) starts.add(t.split(' ')[0]!.replace(/\.$/, ''));
    firstWordsOf.set(lexicon, starts);
  }
  return starts;
}

/** Length (in tokens) of the longest title, honorific or affiliation starting at token i. */
function titleLength(tokens: readonly Token[], i: number, end: number, lexicon: Lexicon): number {
  // (a title may end the text: `… agreed with the President`)
  if (i >= end || !titleStarts(lexicon).has(bare(tokens[i]!))) return 0;
  let joined = '';
  let written = '';
  let longest = 0;
  for (let n = 1; n <= Math.min(4, end - i); n++) {
    const t = tokens[i + n - 1]!;
    joined += (n > 1 ? ' ' : '') + bare(t);
    // abbreviations keep their period in the lexicon: `sen.`, `rep.`, `gov.`
    written += (n > 1 ? ' ' : '') + t.value.toLowerCase();
    if (lexicon.titles.has(joined) || lexicon.titles.has(written) || lexicon.affiliations.has(joined)) longest = n;
    else if (n === 1 && (lexicon.honorifics.has(written) || lexicon.honorifics.has(joined))) longest = 1;
  }
  return longest;
}

/** A determiner before the run at `start` (`the Kremlin spokesman`), within its sentence. */
function afterDeterminer(tokens: readonly Token[], start: number, sentenceStart: number, lexicon: Lexicon): boolean {
  return start > sentenceStart && isWordOf(lexicon, 'determiners', tokens[start - 1]!.value);
}

/** The values of tokens `from` to `to`, pushed, not mapped: the words' arrays then have one hidden class (see `objectArray`). */
function tokenValues(tokens: readonly Token[], from: number, to: number): string[] {
  const values = objectArray<string>([]);
  for (let i = from; i < to; i++) values.push(tokens[i]!.value);
  return values;
}

function isOrganization(words: readonly string[], lexicon: Lexicon): boolean {
  const joined = words.join(' ').toLowerCase();
  const last = words[words.length - 1]?.toLowerCase() ?? '';
  return lexicon.organizations.has(joined) || lexicon.organizations.has(joined.replace(/^the /, '')) || (words.length > 1 && lexicon.organizationHeads.has(last));
}

export function findMentions(doc: Doc, lexicon: Lexicon): void {
  const mentions: Mention[] = [];
  const tokens = doc.tokens;
  const text = doc.text;
  const push = (first: number, last: number, m: Omit<Mention, 'start' | 'end' | 'value' | 'entity'>) => {
    const start = tokens[first]!.start;
    const end = tokens[last - 1]!.end;
    mentions.push({ start, end, value: doc.view.slice(start, end).replace(/\s+/g, ' '), entity: -1, ...m });
  };

  for (const sentence of doc.sentences) {
    const end = sentence.lastToken;
    for (let i = sentence.firstToken; i < end; i++) {
      const t = tokens[i]!;
      const lower = t.value.toLowerCase();

      // he, she, they — and `He [Putin]`, the name an editor inserted
      if (isWordOf(lexicon, 'speakerPronouns', lower) && (t.pos === 'PRON' || t.pos === 'X')) {
        const pronoun = lexicon.pronouns.get(lower);
        let last = i + 1;
        let bracketed: string | undefined;
        if (tokens[i + 1]?.value === '[') {
          let close = i + 2;
          while (close < end && close < i + 8 && tokens[close]!.value !== ']') close++;
          if (tokens[close]?.value === ']' && close > i + 2) {
            bracketed = text.slice(tokens[i + 2]!.start, tokens[close - 1]!.end);
            last = close + 1;
          }
        }
        const gender = pronoun?.gender === 'male' || pronoun?.gender === 'female' || pronoun?.gender === 'neuter' || pronoun?.gender === 'plural' || pronoun?.gender === 'first' ? pronoun.gender : 'unknown';
        push(i, last, { kind: 'pronoun', name: null, title: null, entityKind: gender === 'plural' ? 'group' : gender === 'neuter' ? 'organization' : 'person', gender, ...(bracketed ? { bracketed } : {}) });
        i = last - 1;
        continue;
      }

      // A run of titles and name tokens: `Kremlin Spokesman Dmitry Peskov`, `US Secretary of State Rex Tillerson`.
      const runStart = i;
      let k = i;
      let titleEnd = i;
      // titles first
      for (;;) {
        const n = titleLength(tokens, k, end, lexicon);
        if (n > 0) {
          k += n;
          titleEnd = k;
          continue;
        }
        // `Secretary of State`: `of` between title words
        if (k > i && tokens[k]?.value === 'of' && titleLength(tokens, k + 1, end, lexicon) > 0) {
          k++;
          continue;
        }
        break;
      }
      let nameEnd = titleEnd;
      while (nameEnd < end) {
        const n = tokens[nameEnd]!;
        const inRun = nameEnd > runStart;
        if (isNameToken(n, tokens[nameEnd + 1], inRun, lexicon, nameEnd > sentence.firstToken)) nameEnd++;
        else if (inRun && isHyphenatedName(tokens, nameEnd)) nameEnd += 2;
        else if (nameEnd > titleEnd && isWordOf(lexicon, 'nameParticles', n.value) && tokens[nameEnd + 1] && isNameToken(tokens[nameEnd + 1]!, tokens[nameEnd + 2], true, lexicon)) nameEnd++;
        else break;
      }
      if (nameEnd > titleEnd) {
        // A capitalised title word that wink took for a name (`President`) stays a title, not a name.
        const nameTokens = tokens.slice(titleEnd, nameEnd);
        const words = tokenValues(tokens, titleEnd, nameEnd);
        const before = tokens[runStart - 1];
        const after = tokens[nameEnd];
        // not people: a place after a preposition (`in Kiev`, `from New York`), the pieces of `R-Ariz.`,
        // a place that modifies a group (`Wall Street analysts`)
        const place = titleEnd === runStart && before !== undefined && isWordOf(lexicon, 'placePrepositions', before.value);
        const hyphened = nameTokens.length === 1 && (before?.value === '-' || after?.value === '-');
        const modifier = after !== undefined && after.pos === 'NOUN' && lexicon.groups.has(after.value.toLowerCase());
        if (place || hyphened || modifier) {
          i = nameEnd - 1;
          continue;
        }
        // `Mr.`, `Dr.` inside the run: an honorific, part of the title
        // (`Holtz-Eakin`: tokens written together stay together)
        let name = nameTokens[0]!.value;
        for (let j = 1; j < nameTokens.length; j++) name += (nameTokens[j]!.start > nameTokens[j - 1]!.end ? ' ' : '') + nameTokens[j]!.value;
        name = name.replace(/\s+\./g, '.');
        if (words.every((w) => lexicon.notNames.has(w.toLowerCase()))) {
          i = nameEnd - 1;
          continue;
        }
        const title = titleEnd > runStart ? text.slice(tokens[runStart]!.start, tokens[titleEnd - 1]!.end).replace(/\s+/g, ' ') : null;
        // `Foreign Ministry`, `The Washington Post`: the whole run names an organisation
        const runWords = tokenValues(tokens, runStart, nameEnd);
        const determiner = afterDeterminer(tokens, runStart, sentence.firstToken, lexicon);
        const org = isOrganization(determiner ? [tokens[runStart - 1]!.value, ...runWords] : runWords, lexicon) || isOrganization(runWords, lexicon) || isOrganization(words, lexicon);
        const group = !org && lexicon.groups.has(words[words.length - 1]!.toLowerCase());
        const kind: EntityKind = org ? 'organization' : group ? 'group' : 'person';
        if (org) push(runStart, nameEnd, { kind: 'name', name: runWords.join(' '), title: null, entityKind: kind });
        else push(runStart, nameEnd, { kind: 'name', name, title, entityKind: kind });
        i = nameEnd - 1;
        continue;
      }

      if (titleEnd > runStart) {
        // Only titles and affiliations: an organisation (`the Kremlin`) or a nominal (`the Kremlin spokesman`).
        let last = titleEnd;
        const words = tokenValues(tokens, runStart, last);
        const determiner = afterDeterminer(tokens, runStart, sentence.firstToken, lexicon);
        // a plural group noun after the modifiers: `US and Russian officials`
        if (isOrganization(words, lexicon) && (words.length === 1 || isCapitalised(tokens[last - 1]!))) {
          push(runStart, last, { kind: 'name', name: words.join(' '), title: null, entityKind: 'organization' });
        } else if (determiner || isCapitalised(tokens[runStart]!)) {
          const head = tokens[last - 1]!;
          if ((head.pos === 'NOUN' || head.pos === 'PROPN') && lexicon.titles.has(bare(head))) {
            const from = determiner ? runStart - 1 : runStart;
            push(from, last, { kind: 'nominal', name: null, title: text.slice(tokens[runStart]!.start, head.end).replace(/\s+/g, ' '), entityKind: 'person' });
          }
        }
        i = last - 1;
        continue;
      }

      // Groups: `officials`, `US and Russian officials`, `Wall Street analysts`, `a source`
      if (lexicon.groups.has(lower) && t.pos === 'NOUN') {
        let from = i;
        while (from > sentence.firstToken) {
          const p = tokens[from - 1]!;
          if (p.pos === 'ADJ' || p.pos === 'PROPN' || p.pos === 'NOUN' || p.pos === 'NUM' || (p.pos === 'CCONJ' && from - 2 >= sentence.firstToken && tokens[from - 2]!.pos !== 'PUNCT') || lexicon.affiliations.has(p.value.toLowerCase())) from--;
          else break;
        }
        while (from < i && tokens[from]!.pos === 'CCONJ') from++;
        push(from, i + 1, { kind: 'name', name: text.slice(tokens[from]!.start, t.end).replace(/\s+/g, ' '), title: null, entityKind: 'group' });
        continue;
      }

      // Nominal organisations: `the newspaper`, `the ministry`
      if ((lexicon.organizationHeads.has(lower) || lexicon.pressNominals.has(lower)) && t.pos === 'NOUN' && i > sentence.firstToken && tokens[i - 1]!.value.toLowerCase() === 'the') {
        push(i - 1, i + 1, { kind: 'nominal', name: null, title: t.value, entityKind: 'organization' });
      }
    }
  }
  doc.mentions = mentions;
}
