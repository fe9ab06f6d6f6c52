import { phraseStems, type Token } from '../text/analyze.js';
import type { Misconception } from '../types.js';
import { negatedAt, phraseStarts } from './negation.js';

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

/** Whether some phrase of the group occurs in the sentence without a negator right before it. */
function groupAsserted(tokens: readonly Token[], group: readonly string[]): boolean {
  return group.some((phrase) => phraseStarts(tokens, stemsOf(phrase)).some((start) => !negatedAt(tokens, start)));
}

/**
 * The misconceptions the answer asserts: a sentence holds a phrase of every cue group, none of them negated. Each
 * claim is reported once, with the first sentence that asserts it.
 */
export function findMisconceptions(sentences: readonly (readonly Token[])[], misconceptions: readonly Misconception[]): AssertedMisconception[] {
  const found: AssertedMisconception[] = [];
  for (const misconception of misconceptions) {
    if (misconception.cues.length === 0) continue;
    const index = sentences.findIndex((tokens) => misconception.cues.every((group) => groupAsserted(tokens, group)));
    if (index >= 0) found.push({ claim: misconception.claim, sentence: index });
  }
  return found;
}
