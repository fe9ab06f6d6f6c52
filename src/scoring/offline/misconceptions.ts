import { phraseStems, type Token } from '../text/analyze.js';
import type { Misconception } from '../types.js';
import { NEGATORS, negatedAt, negatedInClause, phraseStarts } from './negation.js';

/**
 * Words that frame a sentence as a warning about the claim rather than the claim itself: "a common mistake is to
 * window by processing time", "people think base64 is encryption". A candidate who names a misconception to reject
 * it is not asserting it.
 */
export const WARNING_FRAME_PHRASES = [
  'wrong',
  'mistake',
  'mistaken',
  'misconception',
  'myth',
  'pitfall',
  'trap',
  'antipattern',
  'anti pattern',
  'dangerous',
  'bad idea',
  'bad practice',
  'incorrect',
  'unsafe',
  'insecure',
  'used to think',
  'people think',
  'some people',
  'common error',
  'instead',
  'rather than',
  'misunderstanding',
  'naive',
  'false',
];
const WARNING_FRAME = WARNING_FRAME_PHRASES.map((p) => phraseStems(p));

export interface AssertedMisconception {
  claim: string;
  /** Index of the sentence that asserts it. */
  sentence: number;
}

const stemCache = new Map<string, string[]>();

function stemsOf(phrase: string): string[] {
  let stems = stemCache.get(phrase);
  if (stems === undefined) {
    stems = phraseStems(phrase);
    if (stemCache.size > 20_000) stemCache.clear();
    stemCache.set(phrase, stems);
  }
  return stems;
}

/** Words a cue phrase may have between two of its own ("not roll anything back until", "is evaluated first, before"). */
const MAX_GAP = 1;

/**
 * Where the phrase's words occur in order with at most MAX_GAP other words between neighbours: people rarely say a
 * wrong claim in the cue's exact words. Returns each match as [start, end) token indexes. (Stopping at commas would
 * keep "Unlike X, Y rests" from matching "X rests", but it lost more real claims than false ones on the check set.)
 */
function looseMatches(tokens: readonly Token[], stems: readonly string[]): Array<[number, number]> {
  if (stems.length === 0) return [];
  const matches: Array<[number, number]> = [];
  for (const start of phraseStarts(tokens, stems.slice(0, 1))) {
    let at = start;
    const all = stems.slice(1).every((stem) => {
      for (let i = at + 1; i <= Math.min(tokens.length - 1, at + 1 + MAX_GAP); i++) {
        const token = tokens[i];
        if (token === undefined) return false;
        if (token.stem === stem) {
          at = i;
          return true;
        }
        // "can not use aggregates" is not "can use aggregates": a negator in the gap breaks the match.
        if (NEGATORS.has(token.lower)) return false;
      }
      return false;
    });
    if (all) matches.push([start, at + 1]);
  }
  return matches;
}

/** [start, end) of every match of a phrase of the group, before any negation check. */
function groupMatches(tokens: readonly Token[], group: readonly string[]): Array<[number, number]> {
  return group.flatMap((phrase) => looseMatches(tokens, stemsOf(phrase)));
}

/**
 * The cue groups of one claim must sit close together: "WHERE filters rows before grouping, HAVING filters groups
 * and can use aggregates" has "where" and "can use aggregates" in one sentence, but about two different clauses.
 */
const CLAIM_WINDOW = 12;

/** One match per group, all within CLAIM_WINDOW words, chosen around each match of the first group; or null. */
function claimSpans(tokens: readonly Token[], misconception: Misconception): Array<[number, number]> | null {
  const raw = misconception.cues.map((group) => groupMatches(tokens, group));
  // A negator inside another cue of the same claim ("the tokens never expire") is part of the claim.
  const perGroup = raw.map((matches, g) => {
    const others = raw.filter((_, k) => k !== g).flat();
    const inOtherCue = (i: number) => others.some(([start, end]) => i >= start && i < end);
    return matches.filter(
      ([start]) => !negatedAt(tokens, start, inOtherCue) && !negatedInClause(tokens, start, inOtherCue),
    );
  });
  if (perGroup.some((matches) => matches.length === 0)) return null;
  for (const anchor of perGroup[0] ?? []) {
    const chosen = perGroup.map((matches) =>
      matches.reduce((best, m) => (Math.abs(m[0] - anchor[0]) < Math.abs(best[0] - anchor[0]) ? m : best)),
    );
    const from = Math.min(...chosen.map((m) => m[0]));
    const to = Math.max(...chosen.map((m) => m[1]));
    if (to - from <= CLAIM_WINDOW) return chosen;
  }
  return null;
}

/** "Never: commit them to git, hard-code them, bake them into the image": a leading negator and colon negate all. */
function negatedThroughout(tokens: readonly Token[]): boolean {
  const colonAfter = tokens.findIndex((t, i) => i > 0 && i <= 2 && t.gap.includes(':'));
  return colonAfter > 0 && tokens.slice(0, colonAfter).some((t) => NEGATORS.has(t.lower));
}

/** Whether the sentence asserts the misconception: a close match of every group, outside any warning frame. */
function asserts(
  tokens: readonly Token[],
  misconception: Misconception,
  frames: ReadonlyArray<readonly string[]>,
): boolean {
  if (negatedThroughout(tokens)) return false;
  const spans = claimSpans(tokens, misconception);
  if (spans === null) return false;
  // A frame word inside the claim's own cue ("never made a mistake") is part of the claim, not a warning about it.
  const inClaim = (i: number) => spans.some(([start, end]) => i >= start && i < end);
  return !frames.some((stems) => phraseStarts(tokens, stems).some((i) => !inClaim(i)));
}

/**
 * The misconceptions the answer asserts: a sentence holds a phrase of every cue group, none of them negated. Each
 * claim is reported once, with the first sentence that asserts it.
 */
export function findMisconceptions(
  sentences: readonly (readonly Token[])[],
  misconceptions: readonly Misconception[],
  questionStems: ReadonlySet<string> = new Set(),
): AssertedMisconception[] {
  // A warning word the question itself uses ("mistake" in "tell me about a mistake") is the topic, not a warning.
  const frames = WARNING_FRAME.filter((stems) => !stems.every((s) => questionStems.has(s)));
  const found: AssertedMisconception[] = [];
  for (const misconception of misconceptions) {
    if (misconception.cues.length === 0) continue;
    const index = sentences.findIndex((tokens) => asserts(tokens, misconception, frames));
    if (index >= 0) found.push({ claim: misconception.claim, sentence: index });
  }
  return found;
}
