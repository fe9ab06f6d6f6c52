/**
 * Interviewer providers. The engine asks `createInterviewProvider` for one and talks to the InterviewProvider
 * interface only: the OpenAI provider when OPENAI_API_KEY is set, the offline one otherwise.
 */
import type { Env } from '../config/env.js';
import type { Clock } from '../shared/clock.js';
import type { Logger } from '../shared/logger.js';
import type { ScoreCache } from './cache.js';
import { createOfflineProvider } from './offline.js';
import { createOpenAIProvider } from './openai/index.js';
import type { InterviewProvider } from './types.js';

export * from './types.js';
export { UsageAccumulator, addUsage, zeroUsage } from './usage.js';
export { InMemoryScoreCache, scoreCacheKey, type CachedScore, type ScoreCache } from './cache.js';
export { createOfflineProvider, OFFLINE_PROVIDER_ID } from './offline.js';
export {
  createOpenAIProvider,
  DEFAULT_OPENAI_MODEL,
  DEFAULT_SEED,
  OPENAI_PROVIDER_ID,
  PROMPT_VERSION,
  type OpenAIProviderOptions,
} from './openai/index.js';
export { detectInjection, type InjectionFinding } from './text/injection.js';

export interface ProviderDependencies {
  env: Pick<Env, 'OPENAI_API_KEY' | 'OPENAI_BASE_URL' | 'OPENAI_MODEL'>;
  logger?: Logger;
  clock?: Clock;
  /** Where scores are cached: the worker passes the PostgreSQL cache shared by all workers. @defaultValue in memory */
  cache?: ScoreCache;
}

export function createInterviewProvider({ env, logger, clock, cache }: ProviderDependencies): InterviewProvider {
  if (!env.OPENAI_API_KEY) return createOfflineProvider();
  return createOpenAIProvider({
    apiKey: env.OPENAI_API_KEY,
    baseURL: env.OPENAI_BASE_URL,
    model: env.OPENAI_MODEL,
    logger,
    clock,
    cache,
  });
}
