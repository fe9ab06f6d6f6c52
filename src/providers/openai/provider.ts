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
  TokenUsage,
} from '../types.js';
import { createOpenAIClient } from './client.js';
import { decideFollowUpWithModel } from './follow-up.js';
import { createModelGateway, type ModelGateway } from './gateway.js';
import { extractProfileWithModel } from './profile.js';
import { PROMPT_VERSION } from './prompts/common.js';
import { writeQuestionWithModel } from './question.js';
import { modelScore, scoreWithModel, type ModelScorer } from './score-answer.js';
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
  return new OpenAIProvider(options);
}

class OpenAIProvider implements InterviewProvider {
  readonly id = OPENAI_PROVIDER_ID;
  readonly label: string;
  private readonly self: ResultSource;
  private readonly offline: InterviewProvider;
  private readonly log: Logger | undefined;
  private readonly gateway: ModelGateway;
  private readonly scorer: ModelScorer;
  private readonly fallbackScoring: boolean;

  constructor(options: OpenAIProviderOptions) {
    const model = options.model ?? DEFAULT_OPENAI_MODEL;
    this.label = `OpenAI interviewer (${model})`;
    this.self = { providerId: OPENAI_PROVIDER_ID, providerLabel: this.label };
    this.offline = options.offline ?? createOfflineProvider();
    this.fallbackScoring = options.fallbackScoring ?? true;
    this.log = options.logger?.child({ component: 'openai-provider', model });
    this.gateway = buildGateway(options, model, this.log);
    const identity: ScorerIdentity = {
      scorerId: OPENAI_PROVIDER_ID,
      scorerVersion: `${PROMPT_VERSION}/${model}`,
      scorerLabel: `OpenAI scorer (${model}, prompt ${PROMPT_VERSION})`,
    };
    this.scorer = {
      gateway: this.gateway,
      cache: options.cache ?? new InMemoryScoreCache(),
      identity,
      inflight: new Map(),
    };
  }

  async extractProfile(introduction: string, options?: CallOptions): Promise<ProfileResult> {
    const outcome = await extractProfileWithModel(this.gateway, introduction, options?.signal);
    if (outcome.ok) return { profile: outcome.value, source: this.self, usage: outcome.usage };
    return this.standIn('extract_profile', outcome, () => this.offline.extractProfile(introduction, options));
  }

  async nextQuestion(input: NextQuestionInput, options?: CallOptions): Promise<QuestionResult> {
    const outcome = await writeQuestionWithModel(this.gateway, input, options?.signal);
    if (!outcome.ok) return this.standIn('next_question', outcome, () => this.offline.nextQuestion(input, options));
    const scoringQuestion = toScoringQuestionWithText(input.bankQuestion, outcome.value);
    return { text: outcome.value, origin: 'generated', scoringQuestion, source: this.self, usage: outcome.usage };
  }

  async decideFollowUp(input: FollowUpInput, options?: CallOptions): Promise<FollowUpResult> {
    const outcome = await decideFollowUpWithModel(this.gateway, input, options?.signal);
    if (outcome.ok) return { followUp: outcome.value, source: this.self, usage: outcome.usage };
    return this.standIn('decide_follow_up', outcome, () => this.offline.decideFollowUp(input, options));
  }

  async summarize(input: SummaryInput, options?: CallOptions): Promise<SummaryResult> {
    const outcome = await summarizeWithModel(this.gateway, input, options?.signal);
    if (outcome.ok) return { summary: outcome.value, source: this.self, usage: outcome.usage };
    return this.standIn('summarize', outcome, () => this.offline.summarize(input, options));
  }

  async scoreAnswer(input: ScoreAnswerInput, options?: CallOptions): Promise<ProviderAnswerScore> {
    const guarded = guardAnswer(input.answer);
    const outcome = await scoreWithModel(this.scorer, input, guarded, options?.signal);
    if (outcome.ok) return modelScore(this.scorer.identity, outcome, guarded);
    this.log?.warn(
      { operation: 'score_answer', reason: outcome.reason, error: outcome.error },
      'model score not usable',
    );
    if (!this.fallbackScoring)
      return failedScore(this.scorer.identity, guarded, outcome.error, { usage: outcome.usage });
    const standInScore = await this.offline.scoreAnswer(input, options);
    return { ...standInScore, fallbackFrom: this.noteFor(outcome), usage: addUsage(outcome.usage, standInScore.usage) };
  }

  /** The offline provider's result, marked as standing in, with the tokens the failed attempt spent added. */
  private async standIn<R extends { source: ResultSource; usage: TokenUsage }>(
    operation: string,
    failure: Failure,
    run: () => Promise<R>,
  ): Promise<R> {
    this.log?.warn(
      { operation, reason: failure.reason, error: failure.error },
      'model result not usable; the offline provider stands in',
    );
    const result = await run();
    return {
      ...result,
      source: { ...result.source, fallbackFrom: this.noteFor(failure) },
      usage: addUsage(failure.usage, result.usage),
    };
  }

  private noteFor(failure: Failure): FallbackNote {
    return { providerId: OPENAI_PROVIDER_ID, providerLabel: this.label, reason: failure.reason, error: failure.error };
  }
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
      if (to === 'open')
        log?.warn(
          { from, to, failures },
          'OpenAI provider is failing: the offline provider stands in until it recovers',
        );
      else log?.info({ from, to }, 'OpenAI provider circuit changed state');
    },
  });
  return createModelGateway(
    { client, model, seed: options.seed ?? DEFAULT_SEED },
    breaker,
    new Semaphore(options.concurrency ?? 4),
  );
}
