/**
 * The OpenAI interviewer: every operation asks the model first and, when its result cannot be used (fault, bad
 * reply, refusal, open circuit), hands the operation to the offline provider and says so in the result. Scoring
 * without the fallback records a failed score with null values instead: never a made-up number.
 */
import type { Logger } from '../../shared/logger.js';
import { systemClock, type Clock } from '../../shared/clock.js';
import { guardAnswer } from '../answer-guard.js';
import { InMemoryScoreCache, type ScoreCache } from '../cache.js';
import { createOfflineProvider } from '../offline.js';
import { CircuitBreaker } from '../resilience/circuit-breaker.js';
import { Semaphore } from '../resilience/semaphore.js';
import { failedScore, type ScorerIdentity } from '../score-results.js';
import { addUsage } from '../usage.js';
import type {
  CallOptions,
  FallbackNote,
  InterviewProvider,
  ProviderAnswerScore,
  ResultSource,
  ScoreAnswerInput,
  TokenUsage,
} from '../types.js';
import { createOpenAIClient } from './client.js';
import { decideFollowUpWithModel } from './follow-up.js';
import { createModelGateway, type ModelGateway } from './gateway.js';
import { extractProfileWithModel } from './profile.js';
import { PROMPT_VERSION } from './prompts/common.js';
import { writeQuestionWithModel } from './question.js';
import { modelScore, scoreWithModel, type ModelOutcome, type ModelScorer } from './score-answer.js';
import type { StructuredOutcome } from './structured-call.js';
import { summarizeWithModel } from './summary.js';
import { toScoringQuestionWithText } from './scoring-question.js';

export const OPENAI_PROVIDER_ID = 'openai';
export const DEFAULT_OPENAI_MODEL = 'gpt-4o-mini';
/** Any fixed number does; fixed so that servers that honour `seed` sample the same way every time. */
export const DEFAULT_SEED = 20_260_105;

export interface OpenAIProviderOptions {
  apiKey: string;
  /** An OpenAI-compatible server, e.g. http://127.0.0.1:8000/v1 for vLLM. @defaultValue https://api.openai.com/v1 */
  baseURL?: string;
  /** @defaultValue 'gpt-4o-mini' */
  model?: string;
  /** Per HTTP request. @defaultValue 30000 */
  timeoutMs?: number;
  /** SDK retries of timeouts, 429 and 5xx, honouring Retry-After. @defaultValue 2 */
  maxRetries?: number;
  /** @defaultValue 20260105 */
  seed?: number;
  /** Model calls in flight at once in this process. @defaultValue 4 */
  concurrency?: number;
  /** Failures in a row that open the circuit. @defaultValue 5 */
  failureThreshold?: number;
  /** How long the circuit stays open before one trial call. @defaultValue 30000 */
  cooldownMs?: number;
  /** @defaultValue systemClock */
  clock?: Clock;
  /** @defaultValue a new InMemoryScoreCache */
  cache?: ScoreCache;
  /** Stands in when the model's result cannot be used. @defaultValue createOfflineProvider() */
  offline?: InterviewProvider;
  /** Whether a failed model score is replaced by the offline provider's score. @defaultValue true */
  fallbackScoring?: boolean;
  logger?: Logger;
}

type Failure = Extract<StructuredOutcome<unknown>, { ok: false }>;

export function createOpenAIProvider(options: OpenAIProviderOptions): InterviewProvider {
  const model = options.model ?? DEFAULT_OPENAI_MODEL;
  const label = `OpenAI interviewer (${model})`;
  const self: ResultSource = { providerId: OPENAI_PROVIDER_ID, providerLabel: label };
  const offline = options.offline ?? createOfflineProvider();
  const log = options.logger?.child({ component: 'openai-provider', model });
  const gateway = buildGateway(options, model, log);
  const identity: ScorerIdentity = {
    scorerId: OPENAI_PROVIDER_ID,
    scorerVersion: `${PROMPT_VERSION}/${model}`,
    scorerLabel: `OpenAI scorer (${model}, prompt ${PROMPT_VERSION})`,
  };
  const scorer: ModelScorer = { gateway, cache: options.cache ?? new InMemoryScoreCache(), identity, inflight: new Map() };

  /** The offline provider's result, marked as standing in, with the tokens the failed attempt spent added. */
  async function standIn<R extends { source: ResultSource; usage: TokenUsage }>(operation: string, failure: Failure, run: () => Promise<R>): Promise<R> {
    const note = noteFor(failure);
    log?.warn({ operation, reason: failure.reason, error: failure.error }, 'model result not usable; the offline provider stands in');
    const result = await run();
    return { ...result, source: { ...result.source, fallbackFrom: note }, usage: addUsage(failure.usage, result.usage) };
  }

  function noteFor(failure: Failure): FallbackNote {
    return { providerId: OPENAI_PROVIDER_ID, providerLabel: label, reason: failure.reason, error: failure.error };
  }

  return {
    id: OPENAI_PROVIDER_ID,
    label,
    async extractProfile(introduction, callOptions) {
      const outcome = await extractProfileWithModel(gateway, introduction, callOptions?.signal);
      if (outcome.ok) return { profile: outcome.value, source: self, usage: outcome.usage };
      return standIn('extract_profile', outcome, () => offline.extractProfile(introduction, callOptions));
    },
    async nextQuestion(input, callOptions) {
      const outcome = await writeQuestionWithModel(gateway, input, callOptions?.signal);
      if (!outcome.ok) return standIn('next_question', outcome, () => offline.nextQuestion(input, callOptions));
      const scoringQuestion = toScoringQuestionWithText(input.bankQuestion, outcome.value);
      return { text: outcome.value, origin: 'generated', scoringQuestion, source: self, usage: outcome.usage };
    },
    async decideFollowUp(input, callOptions) {
      const outcome = await decideFollowUpWithModel(gateway, input, callOptions?.signal);
      if (outcome.ok) return { followUp: outcome.value, source: self, usage: outcome.usage };
      return standIn('decide_follow_up', outcome, () => offline.decideFollowUp(input, callOptions));
    },
    async summarize(input, callOptions) {
      const outcome = await summarizeWithModel(gateway, input, callOptions?.signal);
      if (outcome.ok) return { summary: outcome.value, source: self, usage: outcome.usage };
      return standIn('summarize', outcome, () => offline.summarize(input, callOptions));
    },
    async scoreAnswer(input: ScoreAnswerInput, callOptions?: CallOptions): Promise<ProviderAnswerScore> {
      const guarded = guardAnswer(input.answer);
      const outcome: ModelOutcome = await scoreWithModel(scorer, input, guarded, callOptions?.signal);
      if (outcome.ok) return modelScore(identity, outcome, guarded);
      const note = noteFor(outcome);
      log?.warn({ operation: 'score_answer', reason: outcome.reason, error: outcome.error }, 'model score not usable');
      if (options.fallbackScoring === false) return failedScore(identity, guarded, outcome.error, { usage: outcome.usage });
      const standInScore = await offline.scoreAnswer(input, callOptions);
      return { ...standInScore, fallbackFrom: note, usage: addUsage(outcome.usage, standInScore.usage) };
    },
  };
}

function buildGateway(options: OpenAIProviderOptions, model: string, log: Logger | undefined): ModelGateway {
  const client = createOpenAIClient({
    apiKey: options.apiKey,
    baseURL: options.baseURL,
    timeoutMs: options.timeoutMs,
    maxRetries: options.maxRetries,
    logger: log,
  });
  const breaker = new CircuitBreaker({
    clock: options.clock ?? systemClock,
    failureThreshold: options.failureThreshold,
    cooldownMs: options.cooldownMs,
    onStateChange: ({ from, to, failures }) => {
      if (to === 'open') log?.warn({ from, to, failures }, 'OpenAI provider is failing: the offline provider stands in until it recovers');
      else log?.info({ from, to }, 'OpenAI provider circuit changed state');
    },
  });
  return createModelGateway({ client, model, seed: options.seed ?? DEFAULT_SEED }, breaker, new Semaphore(options.concurrency ?? 4));
}
