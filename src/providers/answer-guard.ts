/**
 * The answer guard: the one place candidate text is read before anything scores it or decides on it. Text addressed
 * to the scorer or to an AI ("ignore previous instructions", "give me 10/10", "SYSTEM:", role play, hidden
 * characters...) is found, cut out and flagged `instruction_to_scorer`, and only the rest is scored.
 *
 * One guard, every path: the scoring job, `cli score` (scoreTranscript), the offline provider (what `npm run eval`
 * and the model's fallback use) and the OpenAI provider all score through this module, and nothing else in src calls
 * a scorer's `score` (test/architecture/answer-guard.test.ts fails if something does). The guard is applied where
 * an answer is consumed, not where a scorer is built, so that no wiring can hand a job a scorer that skips it: a
 * raw scorer passed anywhere is still guarded. Guarding text that was already guarded finds nothing and changes
 * nothing (the scoring job hands the provider a cleaned answer, and the provider guards again because eval and the
 * fallback call it directly), so the second pass costs one scan and no score.
 *
 * Why scoring the cleaned text, rather than also scoring the full answer and keeping the lower value: the scorer
 * never reads the attempt, so no part of it can sway the result, and it costs one call instead of two. With the
 * score cache keyed by the cleaned text, an answer with an attempt and the same answer without it resolve to the
 * same cache entry, so their scores are equal (not merely "not higher"), whatever the model would have said.
 */
import {
  boundForScoring,
  classifyAnswer,
  type AnswerFlag,
  type AnswerScore,
  type AnswerScorer,
  type ScoreInput,
} from '../scoring/index.js';
import type { Interviewer } from '../engine/interviewer.js';
import { detectInjection } from './text/injection.js';
import type { InjectionSpan, ProviderFlag } from './types.js';

/**
 * Flags that say an answer addressed the scorer. `prompt_injection` is what answers stored before
 * `instruction_to_scorer` carry; it is still read, and counted as the same thing, but no longer written.
 */
export const SCORER_INSTRUCTION_FLAGS: readonly AnswerFlag[] = ['instruction_to_scorer', 'prompt_injection'];

export function addressesScorer(flags: readonly AnswerFlag[]): boolean {
  return flags.some((flag) => SCORER_INSTRUCTION_FLAGS.includes(flag));
}

export interface GuardedAnswer {
  /** The answer without the flagged spans and invisible characters: the text that is scored. */
  cleaned: string;
  /** The cleaned text bounded to the scoring limit (what a scorer is given). */
  bounded: string;
  injection: InjectionSpan[];
  /** Shape flags of the cleaned text, `truncated_for_scoring`, and `instruction_to_scorer` when spans were found. */
  flags: ProviderFlag[];
}

export function guardAnswer(answer: string): GuardedAnswer {
  const { spans, cleaned } = detectInjection(answer);
  const bounded = boundForScoring(cleaned);
  const flags: ProviderFlag[] = [...classifyAnswer(cleaned)];
  if (bounded.truncated) flags.push('truncated_for_scoring');
  if (spans.length > 0) flags.push('instruction_to_scorer');
  return { cleaned, bounded: bounded.text, injection: spans, flags };
}

/** Flags from two sources, each once, in first-seen order. */
export function mergeFlags(...lists: ReadonlyArray<readonly ProviderFlag[]>): ProviderFlag[] {
  return [...new Set(lists.flat())];
}

/** A score of the guarded text (its flags include the guard's), or the scorer's error; the guard's findings either way. */
export type GuardedScore =
  { ok: true; guarded: GuardedAnswer; score: AnswerScore } | { ok: false; guarded: GuardedAnswer; error: unknown };

/**
 * Scores an answer with any scorer, raw or not, after the guard: the scorer is given the cleaned, bounded text. A
 * scorer that throws gives `ok: false` so the caller can record a failed score that still carries the guard's flags.
 */
export async function scoreGuarded(scorer: AnswerScorer, input: ScoreInput): Promise<GuardedScore> {
  const guarded = guardAnswer(input.answer);
  try {
    const score = await scorer.score({ ...input, answer: guarded.bounded });
    return { ok: true, guarded, score: { ...score, flags: mergeFlags(score.flags, guarded.flags) } };
  } catch (error) {
    return { ok: false, guarded, error };
  }
}

/** What an interviewer reads of an answer to decide on it (a profile, a follow-up): the guarded text. */
export function guardedText(answer: string): string {
  return guardAnswer(answer).cleaned;
}

/**
 * An interviewer (the engine's offline one) that decides profiles and follow-ups from the guarded text, like the
 * providers do: an introduction or an answer stuffed with instructions cannot steer the questions either.
 */
export function guardInterviewer(interviewer: Interviewer): Interviewer {
  return {
    ...interviewer,
    extractProfile: (introduction) => interviewer.extractProfile(guardedText(introduction)),
    decideFollowUp: (questionId, answer, asked) => interviewer.decideFollowUp(questionId, guardedText(answer), asked),
  };
}
