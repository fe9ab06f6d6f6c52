/**
 * Scoring one answer with the model: cache first, then one structured call whose reply must quote the answer for
 * every point it gives. Returns the score, or why there is none (the provider decides about the fallback).
 */
import { createHash } from 'node:crypto';
import {
  DIMENSIONS,
  type DimensionScore,
  type Dimension,
  type ScoringQuestion,
  type StarScore,
} from '../../scoring/index.js';
import type { GuardedAnswer } from '../answer-guard.js';
import { scoreCacheKey, type CachedScore, type ScoreCache } from '../cache.js';
import { wantsStar, type ScorerIdentity } from '../score-results.js';
import { normalizeForMatch, quoteIsInText } from '../text/quotes.js';
import { zeroUsage } from '../usage.js';
import type { FailureReason, ProviderAnswerScore, ScoreAnswerInput, TokenUsage } from '../types.js';
import type { ModelGateway } from './gateway.js';
import { PROMPT_VERSION } from './prompts/common.js';
import { SCORING_SYSTEM_PROMPT, scoringQuestionPart, scoringUserMessage } from './prompts/scoring.js';
import { scoreReplySchema, type DimensionReply, type ScoreReply } from './schemas.js';

export interface ModelScorer {
  gateway: ModelGateway;
  cache: ScoreCache;
  identity: ScorerIdentity;
  /** Scores being computed right now, by cache key: a second request for the same text waits for the first. */
  inflight: Map<string, Promise<ModelOutcome>>;
}

export type ModelOutcome =
  | { ok: true; score: CachedScore; usage: TokenUsage; cached: boolean }
  | { ok: false; reason: FailureReason; error: string; usage: TokenUsage };

export async function scoreWithModel(
  scorer: ModelScorer,
  input: ScoreAnswerInput,
  guarded: GuardedAnswer,
  signal?: AbortSignal,
): Promise<ModelOutcome> {
  const key = scoreCacheKey({
    model: scorer.gateway.model,
    promptVersion: keyedPromptVersion(input.question),
    question: input.question,
    scoredText: guarded.bounded,
  });
  // Looked up before any await, so a second request for the same text always finds the first one's task.
  const running = scorer.inflight.get(key);
  if (running) {
    try {
      const shared = await untilAborted(running, signal);
      // The tokens were spent by the first caller; counting them here too would double an interview's total.
      return shared.ok ? { ...shared, usage: zeroUsage(), cached: true } : { ...shared, usage: zeroUsage() };
    } catch (err) {
      // The first caller was cancelled; unless this caller was too, it scores for itself.
      if (signal?.aborted) throw err;
    }
  }
  const task = cachedOrRequested(scorer, input, guarded, key, signal);
  scorer.inflight.set(key, task);
  try {
    return await task;
  } finally {
    if (scorer.inflight.get(key) === task) scorer.inflight.delete(key);
  }
}

/**
 * The prompt version and a digest of the question part of the prompt. scoreCacheKey knows a question's text,
 * reference, parts and concepts but not its misconceptions or a follow-up's parent, and both change what the model
 * is told: a score may only be reused for the same prompt.
 */
function keyedPromptVersion(question: ScoringQuestion): string {
  return `${PROMPT_VERSION}:${createHash('sha256').update(scoringQuestionPart(question)).digest('hex').slice(0, 16)}`;
}

/** The promise's result, unless this caller's own signal aborts first. */
function untilAborted<T>(promise: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return promise;
  signal.throwIfAborted();
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** The cached score for this key, else one structured call whose usable reply is cached. */
async function cachedOrRequested(
  scorer: ModelScorer,
  input: ScoreAnswerInput,
  guarded: GuardedAnswer,
  key: string,
  signal?: AbortSignal,
): Promise<ModelOutcome> {
  const hit = await scorer.cache.get(key);
  if (hit) return { ok: true, score: hit, usage: zeroUsage(), cached: true };
  const normalizedAnswer = normalizeForMatch(guarded.bounded);
  const outcome = await scorer.gateway.call({
    schemaName: 'answer_score',
    schema: scoreReplySchema,
    messages: [
      { role: 'system', content: SCORING_SYSTEM_PROMPT },
      { role: 'user', content: scoringUserMessage(input.question, input.answerId, guarded.bounded) },
    ],
    check: (reply) => checkScoreReply(reply, normalizedAnswer, input.question),
    signal,
  });
  if (!outcome.ok) return outcome;
  const score = toCachedScore(outcome.value, input.question);
  await scorer.cache.set(key, score, { answerId: input.answerId });
  return { ok: true, score, usage: outcome.usage, cached: false };
}

/** Problems that make a well-formed reply unusable; they name dimensions and quote numbers, never the text. */
export function checkScoreReply(reply: ScoreReply, normalizedAnswer: string, question: ScoringQuestion): string[] {
  const problems = DIMENSIONS.flatMap((dimension) => checkEvidence(dimension, reply[dimension], normalizedAnswer));
  if (wantsStar(question)) {
    if (reply.star === null) problems.push('star must be filled for a behavioral question');
    else problems.push(...checkEvidence('star', reply.star, normalizedAnswer));
  }
  return problems;
}

function checkEvidence(
  name: string,
  reply: Pick<DimensionReply, 'value' | 'quotes'>,
  normalizedAnswer: string,
): string[] {
  const problems: string[] = [];
  if (reply.value > 0 && reply.quotes.length === 0)
    problems.push(`${name}: a value above 0 needs at least one quote from the answer`);
  const missing = reply.quotes.flatMap((quote, index) => (quoteIsInText(quote, normalizedAnswer) ? [] : [index + 1]));
  if (missing.length > 0)
    problems.push(`${name}: quote ${missing.join(', ')} is not in the answer (quotes must be copied exactly)`);
  return problems;
}

function toCachedScore(reply: ScoreReply, question: ScoringQuestion): CachedScore {
  const dimensions = Object.fromEntries(DIMENSIONS.map((d) => [d, toDimensionScore(reply[d])])) as Record<
    Dimension,
    DimensionScore
  >;
  const star: StarScore | undefined =
    wantsStar(question) && reply.star
      ? {
          situation: reply.star.situation,
          task: reply.star.task,
          action: reply.star.action,
          result: reply.star.result,
          ...toDimensionScore(reply.star),
        }
      : undefined;
  return { dimensions, ...(star ? { star } : {}), strengths: reply.strengths, improvements: reply.improvements };
}

function toDimensionScore(reply: DimensionReply): DimensionScore {
  const quoted = reply.quotes.map((q) => `“${q.trim()}”`).join('; ');
  return {
    value: Math.round(reply.value * 100) / 100,
    evidence: quoted ? `${reply.rationale.trim()} Quoted: ${quoted}` : reply.rationale.trim(),
  };
}

/** A model score as a ProviderAnswerScore, with this answer's flags (cached parts never carry flags). */
export function modelScore(
  identity: ScorerIdentity,
  outcome: Extract<ModelOutcome, { ok: true }>,
  guarded: GuardedAnswer,
): ProviderAnswerScore {
  return {
    ...identity,
    status: 'ok',
    ...outcome.score,
    flags: guarded.flags,
    injection: guarded.injection,
    cached: outcome.cached,
    usage: outcome.usage,
  };
}
