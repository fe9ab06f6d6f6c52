/**
 * Negation and dismissal, read the simple way: a negator in the few words before a phrase cancels it ("does not copy
 * the value"), and a clause that dismisses what it names ("X and Y do not matter here") cancels every concept in it.
 * Contractions are already split by the tokenizer ("don't" is "do not").
 */
import { phraseStems, type Token } from '../text/analyze.js';

export const NEGATORS: ReadonlySet<string> = new Set([
  'not',
  'no',
  'never',
  'without',
  'nor',
  'neither',
  'none',
  'nothing',
  'nobody',
  'avoid',
  'avoids',
  'avoided',
  'avoiding',
  'instead',
]);

/** How many words before a phrase a negator may stand and still negate it. */
const NEGATION_WINDOW = 3;

/** "not only X but also Y" and "no matter what" do not negate. */
const NOT_NEGATING_NEXT = new Set(['only', 'just', 'merely', 'matter', 'doubt', 'longer']);
/** "not only X but also Y" adds to X; without a "but" or "also" after it, "don't just X" warns against X. */
const ADDING = new Set(['but', 'also']);

/** Whether the negator at `i` is softened ("not only ... but also"), for a phrase starting at `index`. */
function softenedAt(tokens: readonly Token[], i: number, index: number): boolean {
  if (!NOT_NEGATING_NEXT.has(tokens[i + 1]?.lower ?? '') || i + 1 === index) return false;
  const next = tokens[i + 1]?.lower;
  if (next === 'matter' || next === 'doubt' || next === 'longer') return true;
  return tokens.slice(i + 2).some((t) => ADDING.has(t.lower));
}

/** Words that say the named thing is not worth having; matched as stemmed phrases inside one clause. */
const DISMISSALS = [
  'not matter',
  'not important',
  'never use',
  'never need',
  'useless',
  'pointless',
  'irrelevant',
  'overrated',
  'not worth',
  'not relevant',
  'not bother',
  'waste of time',
  'not useful',
  'never bother',
].map((p) => phraseStems(p));

/** Words and punctuation that start a new clause: negation and dismissal do not reach across them. */
const CLAUSE_WORDS = new Set([
  'but',
  'because',
  'while',
  'whereas',
  'although',
  'though',
  'so',
  'which',
  'however',
  'since',
]);
/** "Never: commit them to git" still negates across its colon; commas and brackets end the negator's reach. */
const CLAUSE_GAP = /[,;()\u2014\u2013]|\s-\s/u;

/**
 * Whether a negator stands within the window before `index`. `ignore` leaves out negators that belong to something
 * else (a cue phrase of the same claim: "tokens never expire"). "no-cors" and "non-blocking" are words, not negations.
 */
export function negatedAt(
  tokens: readonly Token[],
  index: number,
  ignore: (i: number) => boolean = () => false,
): boolean {
  for (let i = Math.max(0, index - NEGATION_WINDOW); i < index; i++) {
    const token = tokens[i];
    if (token === undefined || !NEGATORS.has(token.lower) || ignore(i)) continue;
    // "not only X" does not negate X, but it does negate a phrase that is itself "only X".
    if (softenedAt(tokens, i, index) || /^[-‐]$/u.test(tokens[i + 1]?.gap ?? '')) continue;
    if (clauseBreakBetween(tokens, i, index)) continue;
    return true;
  }
  return false;
}

/**
 * Whether a negator stands anywhere earlier in the clause of `index` ("you can not filter on a window function in
 * WHERE directly"): a claim is judged by its whole clause. Commas, brackets and conjunctions end a clause.
 */
export function negatedInClause(
  tokens: readonly Token[],
  index: number,
  ignore: (i: number) => boolean = () => false,
): boolean {
  for (let i = index - 1; i >= 0; i--) {
    const token = tokens[i];
    if (token === undefined) break;
    const softened = softenedAt(tokens, i, index);
    if (NEGATORS.has(token.lower) && !ignore(i) && !softened && !/^[-‐]$/u.test(tokens[i + 1]?.gap ?? '')) return true;
    if (CLAUSE_GAP.test(token.gap) || CLAUSE_WORDS.has(token.lower)) break;
  }
  return false;
}

function clauseBreakBetween(tokens: readonly Token[], from: number, to: number): boolean {
  for (let i = from + 1; i <= to; i++) {
    const token = tokens[i];
    if (token !== undefined && (CLAUSE_GAP.test(token.gap) || CLAUSE_WORDS.has(token.lower))) return true;
  }
  return false;
}

/**
 * [start, end) token ranges of the clauses of one sentence, split at conjunctions such as "but" and "because" and at
 * semicolons, not at commas: "X, Y and Z do not matter" is one clause that dismisses all three.
 */
export function clauseRanges(tokens: readonly Token[]): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let start = 0;
  tokens.forEach((token, i) => {
    if (i > start && (/[;:]/.test(token.gap) || CLAUSE_WORDS.has(token.lower))) {
      ranges.push([start, i]);
      start = i;
    }
  });
  if (start < tokens.length) ranges.push([start, tokens.length]);
  return ranges;
}

/** Whether the clause says what it names is not worth having. */
export function dismisses(tokens: readonly Token[], [start, end]: [number, number]): boolean {
  const line = ` ${tokens
    .slice(start, end)
    .map((t) => t.stem)
    .join(' ')} `;
  return DISMISSALS.some((stems) => line.includes(` ${stems.join(' ')} `));
}

/** Token indexes where the stemmed phrase starts. */
export function phraseStarts(tokens: readonly Token[], stems: readonly string[]): number[] {
  if (stems.length === 0) return [];
  const starts: number[] = [];
  for (let i = 0; i + stems.length <= tokens.length; i++) {
    let all = true;
    for (let k = 0; k < stems.length; k++) {
      if (tokens[i + k]?.stem !== stems[k]) {
        all = false;
        break;
      }
    }
    if (all) starts.push(i);
  }
  return starts;
}
