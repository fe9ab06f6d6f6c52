/**
 * The offline interviewer as an InterviewProvider: a thin adapter over src/scoring (profile, bank questions,
 * follow-up templates, the deterministic rubric scorer). It is the default provider and the OpenAI provider's
 * fallback. Answers pass the same guard as with a model, so an injection attempt cannot raise an offline score
 * either (a keyword scorer can be stuffed with terms as easily as a model can be asked for a 10).
 */
import {
  createOfflineScorer,
  decideFollowUp,
  extractProfile,
  toScoringQuestion,
  type AnswerScorer,
} from '../scoring/index.js';
import { guardAnswer } from './answer-guard.js';
import { summarizeOffline } from './offline-summary.js';
import { failedScore, fromAnswerScore } from './score-results.js';
import { zeroUsage } from './usage.js';
import type {
  CallOptions,
  FollowUpInput,
  FollowUpResult,
  InterviewProvider,
  NextQuestionInput,
  ProfileResult,
  ProviderAnswerScore,
  QuestionResult,
  ResultSource,
  ScoreAnswerInput,
  SummaryInput,
  SummaryResult,
} from './types.js';

export const OFFLINE_PROVIDER_ID = 'offline';

export interface OfflineProviderOptions {
  /** @defaultValue the shipped rubric scorer, createOfflineScorer() */
  scorer?: AnswerScorer;
}

export function createOfflineProvider(options: OfflineProviderOptions = {}): InterviewProvider {
  const scorer = options.scorer ?? createOfflineScorer();
  const label = 'Offline interviewer';
  const source: ResultSource = { providerId: OFFLINE_PROVIDER_ID, providerLabel: label };

  return {
    id: OFFLINE_PROVIDER_ID,
    label,
    // Async although the work is synchronous, so an aborted signal rejects the promise instead of throwing.
    async extractProfile(introduction: string, options?: CallOptions): Promise<ProfileResult> {
      options?.signal?.throwIfAborted();
      return { profile: extractProfile(introduction), source, usage: zeroUsage() };
    },
    async nextQuestion(input: NextQuestionInput, options?: CallOptions): Promise<QuestionResult> {
      options?.signal?.throwIfAborted();
      const scoringQuestion = toScoringQuestion(input.bankQuestion);
      return { text: input.bankQuestion.text, origin: 'bank', scoringQuestion, source, usage: zeroUsage() };
    },
    async decideFollowUp(input: FollowUpInput, options?: CallOptions): Promise<FollowUpResult> {
      options?.signal?.throwIfAborted();
      const asked = { asked: input.askedQuestions ?? [], original: input.answer };
      const followUp = decideFollowUp(input.bankQuestion, guardAnswer(input.answer).cleaned, asked);
      return { followUp, source, usage: zeroUsage() };
    },
    scoreAnswer: (input: ScoreAnswerInput, options?: CallOptions) => scoreOffline(scorer, input, options),
    async summarize(input: SummaryInput, options?: CallOptions): Promise<SummaryResult> {
      options?.signal?.throwIfAborted();
      return { summary: summarizeOffline(input), source, usage: zeroUsage() };
    },
  };
}

async function scoreOffline(scorer: AnswerScorer, input: ScoreAnswerInput, options?: CallOptions): Promise<ProviderAnswerScore> {
  options?.signal?.throwIfAborted();
  const guarded = guardAnswer(input.answer);
  const identity = { scorerId: scorer.id, scorerVersion: scorer.version, scorerLabel: scorer.label };
  try {
    const score = await scorer.score({ question: input.question, answer: guarded.cleaned });
    return fromAnswerScore(score, scorer.label, guarded);
  } catch (err) {
    // The message of our own scorer's errors carries no candidate text.
    const reason = err instanceof Error ? err.message : 'unknown error';
    return failedScore(identity, guarded, `the offline scorer failed: ${reason}`);
  }
}
