import { dropHonorifics, neutralizeTokens, type RawToken, type Token } from './neutralize.js';
import { stem } from './stem.js';

export type { Token } from './neutralize.js';

export interface AnalyzedText {
  /** Sentences (or list lines) as neutralised tokens; chunks without any word are left out. */
  sentences: Token[][];
  tokens: Token[];
  /** Stems joined by single spaces with a space at each end, for fast whole-phrase search. */
  stemLine: string;
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;
const EMPTY: ReadonlySet<string> = new Set();

/** Abbreviations whose dots would otherwise end a sentence. */
function protectAbbreviations(text: string): string {
  return text
    .replace(/\be\.g\./gi, 'eg')
    .replace(/\bi\.e\./gi, 'ie')
    .replace(/\betc\./gi, 'etc')
    .replace(/\bvs\./gi, 'vs');
}

export function splitSentences(text: string): string[] {
  const prepared = protectAbbreviations(dropHonorifics(text));
  const chunks: string[] = [];
  for (const line of prepared.split(/\r?\n+/)) {
    const unbulleted = line.replace(/^\s*(?:[-*+•·▪‣◦]|\d+[.)])\s+/u, '');
    for (const part of unbulleted.split(/(?<=[.!?])\s+/)) {
      if (/[\p{L}\p{N}]/u.test(part)) chunks.push(part.trim());
    }
  }
  return chunks;
}

/** "won't" and "can't" do not split into a verb and "n't" the regular way ("wo" + "n't", "ca" + "n't"). */
const IRREGULAR_NEGATIONS: Readonly<Record<string, string>> = { wo: 'will', ca: 'can', sha: 'shall', ai: 'is' };

/**
 * "don't" becomes "do" + "not" (and "cannot" "can" + "not"), so that a negation reads the same however it is typed
 * and a cue phrase "do not need" matches "don't need".
 */
function splitNegation(word: string): [string, string] | null {
  // Most words end in neither: skip the regular expression for them (this runs on every token).
  const last = word.charCodeAt(word.length - 1);
  if (last !== 116 && last !== 84) return null; // 't' or 'T'
  if (/^cannot$/i.test(word)) return [word.slice(0, 3), word.slice(3)];
  const match = /^(\p{L}+)n['’]t$/iu.exec(word);
  if (match === null) return null;
  const head = match[1] ?? '';
  const lower = head.toLowerCase();
  return [Object.hasOwn(IRREGULAR_NEGATIONS, lower) ? (IRREGULAR_NEGATIONS[lower] ?? head) : head, 'not'];
}

const CONTRACTED: Readonly<Record<string, string>> = { d: 'would', re: 'are', m: 'am', ve: 'have', ll: 'will' };
/** Words whose "'s" is "is" ("it's"), not a possessive ("Redis's"). */
const IS_AFTER = new Set(['it', 'that', 'there', 'what', 'here', 'he', 'she', 'who', 'where', 'how', 'this']);

/** "I'd", "we're", "it's": the verb as a word of its own, so cue phrases read "i would" and "it is" however typed. */
function splitContraction(word: string): [string, string] | null {
  const match = /^(\p{L}+)['’](d|re|m|ve|ll|s)$/iu.exec(word);
  if (match === null) return null;
  const [, head = '', tail = ''] = match;
  const lower = tail.toLowerCase();
  if (lower === 's') return IS_AFTER.has(head.toLowerCase()) ? [head, 'is'] : null;
  return Object.hasOwn(CONTRACTED, lower) ? [head, CONTRACTED[lower] ?? lower] : null;
}

export function rawTokens(chunk: string): RawToken[] {
  const out: RawToken[] = [];
  let last = 0;
  for (const match of chunk.matchAll(WORD)) {
    const gapBefore = chunk.slice(last, match.index);
    const negation = splitNegation(match[0]) ?? (/['’]/.test(match[0]) ? splitContraction(match[0]) : null);
    if (negation === null) out.push({ text: match[0], gapBefore });
    else out.push({ text: negation[0], gapBefore }, { text: negation[1], gapBefore: ' ' });
    last = match.index + match[0].length;
  }
  return out;
}

const phraseCache = new Map<string, string>();
const PHRASE_CACHE_LIMIT = 10_000;

const stemsCache = new Map<string, string[]>();

/** Stems of a phrase, without neutralising (bank phrases are never names); memoised, since bank phrases recur. */
export function phraseStems(phrase: string): string[] {
  let stems = stemsCache.get(phrase);
  if (stems === undefined) {
    stems = rawTokens(phrase).map((t) => stem(t.text));
    if (stemsCache.size >= PHRASE_CACHE_LIMIT) stemsCache.clear();
    stemsCache.set(phrase, stems);
  }
  return stems;
}

/** The phrase as it appears in a stem line (" cach asid "), memoised because the same bank phrases recur. */
function phraseNeedle(phrase: string): string | null {
  let needle = phraseCache.get(phrase);
  if (needle === undefined) {
    const stems = phraseStems(phrase);
    needle = stems.length === 0 ? '' : ` ${stems.join(' ')} `;
    if (phraseCache.size >= PHRASE_CACHE_LIMIT) phraseCache.clear();
    phraseCache.set(phrase, needle);
  }
  return needle.length === 0 ? null : needle;
}

export function analyzeText(text: string, known: ReadonlySet<string> = EMPTY): AnalyzedText {
  const sentences = splitSentences(text)
    .map((chunk) => neutralizeTokens(rawTokens(chunk), known, stem))
    .filter((s) => s.length > 0);
  const tokens = sentences.flat();
  return { sentences, tokens, stemLine: ` ${tokens.map((t) => t.stem).join(' ')} ` };
}

/** The same analysis without neutralising, for trusted text such as bank questions (names there are tool names). */
export function analyzePlain(text: string): AnalyzedText {
  const sentences = splitSentences(text)
    .map((chunk) =>
      rawTokens(chunk).map((t) => ({ raw: t.text, lower: t.text.toLowerCase(), stem: stem(t.text), gap: t.gapBefore })),
    )
    .filter((s) => s.length > 0);
  const tokens = sentences.flat();
  return { sentences, tokens, stemLine: ` ${tokens.map((t) => t.stem).join(' ')} ` };
}

/** Whether the phrase occurs as whole words (after stemming) anywhere in the text. */
export function containsPhrase(text: AnalyzedText, phrase: string): boolean {
  const needle = phraseNeedle(phrase);
  return needle !== null && text.stemLine.includes(needle);
}

/** How many times the phrase occurs as whole words. */
export function countPhrase(text: AnalyzedText, phrase: string): number {
  const needle = phraseNeedle(phrase);
  if (needle === null) return 0;
  let count = 0;
  let from = text.stemLine.indexOf(needle);
  while (from !== -1) {
    count += 1;
    from = text.stemLine.indexOf(needle, from + needle.length - 1);
  }
  return count;
}

/** Stems of every word in these phrases: what the scorer treats as vocabulary rather than a possible name. */
export function vocabularyOf(phrases: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const phrase of phrases) for (const s of phraseStems(phrase)) out.add(s);
  return out;
}
