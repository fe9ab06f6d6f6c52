/**
 * The offline interviewer as an InterviewProvider: a thin adapter over src/scoring (profile, bank questions,
 * follow-up templates, the deterministic rubric scorer). It is what `npm run eval` scores with when no model is
 * configured and the OpenAI provider's fallback. The introduction, every answer it decides a follow-up on and
 * every answer it scores pass the answer guard (./answer-guard.ts) first, so an instruction to the scorer cannot
 * raise an offline score either (a keyword scorer can be stuffed with terms as easily as a model can be asked for
 * a 10). The interview's own scoring job does not go through this provider when no model is configured: it
 * guards the offline scorer itself, with the same guard.
 */
import {
  createOfflineScorer,
  decideFollowUp,
  extractProfile,
  toScoringQuestion,
  type AnswerScorer,
} from '../scoring/index.js';
import { guardedText, scoreGuarded } from './answer-guard.js';
import { summarizeOffline } from './offline-summary.js';
import { failedScore, fromAnswerScore } from './score-results.js';
import { zeroUsage } from './usage.js';
import type { CallOptions, InterviewProvider, ProviderAnswerScore, ResultSource, ScoreAnswerInput } from './types.js';

export const OFFLINE_PROVIDER_ID = 'offline';

export interface OfflineProviderOptions {
  /** @defaultValue the shipped rubric scorer, createOfflineScorer() */
  scorer?: AnswerScorer;
}

export function createOfflineProvider(options: OfflineProviderOptions = {}): InterviewProvider {
  const scorer = options.scorer ?? createOfflineScorer();
  const label = 'Offline interviewer';
  const source: ResultSource = { providerId: OFFLINE_PROVIDER_ID, providerLabel: label };

  // Typed by InterviewProvider: the signatures are stated once, in ./types.ts.
  return {
    id: OFFLINE_PROVIDER_ID,
    label,
    // Async although the work is synchronous, so an aborted signal rejects the promise instead of throwing.
    async extractProfile(introduction, options) {
      options?.signal?.throwIfAborted();
      return { profile: extractProfile(guardedText(introduction)), source, usage: zeroUsage() };
    },
    async nextQuestion(input, options) {
      options?.signal?.throwIfAborted();
      const scoringQuestion = toScoringQuestion(input.bankQuestion);
      return { text: input.bankQuestion.text, origin: 'bank', scoringQuestion, source, usage: zeroUsage() };
    },
    async decideFollowUp(input, options) {
      options?.signal?.throwIfAborted();
      const asked = { asked: input.askedQuestions ?? [], original: input.answer };
      const followUp = decideFollowUp(input.bankQuestion, guardedText(input.answer), asked);
      return { followUp, source, usage: zeroUsage() };
    },
    scoreAnswer: (input, options) => scoreOffline(scorer, input, options),
    async summarize(input, options) {
      options?.signal?.throwIfAborted();
      return { summary: summarizeOffline(input), source, usage: zeroUsage() };
    },
  };
}

async function scoreOffline(
  scorer: AnswerScorer,
  input: ScoreAnswerInput,
  options?: CallOptions,
): Promise<ProviderAnswerScore> {
  options?.signal?.throwIfAborted();
  const result = await scoreGuarded(scorer, { question: input.question, answer: input.answer });
  if (result.ok) return fromAnswerScore(result.score, scorer.label, result.guarded);
  // The message of our own scorer's errors carries no candidate text.
  const reason = result.error instanceof Error ? result.error.message : 'unknown error';
  const identity = { scorerId: scorer.id, scorerVersion: scorer.version, scorerLabel: scorer.label };
  return failedScore(identity, result.guarded, `the offline scorer failed: ${reason}`);
}
