/** Building ProviderAnswerScores that every provider shares: a failed score, and a scorer's AnswerScore made whole. */
import {
  DIMENSIONS,
  type AnswerScore,
  type Dimension,
  type DimensionScore,
  type ScoringQuestion,
} from '../scoring/index.js';
import { mergeFlags, type GuardedAnswer } from './answer-guard.js';
import { zeroUsage } from './usage.js';
import type { FallbackNote, ProviderAnswerScore, TokenUsage } from './types.js';

export interface ScorerIdentity {
  scorerId: string;
  scorerVersion: string;
  scorerLabel: string;
}

/** Every value null, never a placeholder: a missing score is shown as missing. */
export function failedScore(
  scorer: ScorerIdentity,
  guarded: GuardedAnswer,
  error: string,
  extra: { usage?: TokenUsage; fallbackFrom?: FallbackNote } = {},
): ProviderAnswerScore {
  const missing: DimensionScore = { value: null, evidence: `Not scored: ${error}` };
  const dimensions = Object.fromEntries(DIMENSIONS.map((d) => [d, { ...missing }])) as Record<
    Dimension,
    DimensionScore
  >;
  return {
    ...scorer,
    status: 'failed',
    dimensions,
    strengths: [],
    improvements: [],
    flags: mergeFlags(guarded.flags, ['scoring_failed']),
    error,
    injection: guarded.injection,
    cached: false,
    usage: extra.usage ?? zeroUsage(),
    ...(extra.fallbackFrom ? { fallbackFrom: extra.fallbackFrom } : {}),
  };
}

/** A scorer's AnswerScore with the guard's findings added. */
export function fromAnswerScore(score: AnswerScore, label: string, guarded: GuardedAnswer): ProviderAnswerScore {
  return {
    ...score,
    scorerLabel: label,
    flags: mergeFlags(score.flags, guarded.flags),
    injection: guarded.injection,
    cached: false,
    usage: zeroUsage(),
  };
}

/** Whether the question asks for a STAR story: a behavioral question, or a follow-up to one (it counts with them). */
export function wantsStar(question: ScoringQuestion): boolean {
  return question.kind === 'behavioral' || (question.kind === 'follow_up' && question.parent?.kind === 'behavioral');
}
