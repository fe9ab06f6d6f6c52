/** The one place that builds the OpenAI SDK client (only src/providers/openai may import the SDK). */
import OpenAI from 'openai';
import type { Logger } from '../../shared/logger.js';

export interface OpenAIClientOptions {
  apiKey: string;
  /** An OpenAI-compatible server (vLLM, Ollama, a gateway). @defaultValue https://api.openai.com/v1 */
  baseURL?: string;
  /** Per HTTP request, each retry included. @defaultValue 30000 */
  timeoutMs?: number;
  /** Retries of connection errors, timeouts, 408/409/429 and 5xx; the SDK honours Retry-After. @defaultValue 2 */
  maxRetries?: number;
  logger?: Logger;
}

export function createOpenAIClient(options: OpenAIClientOptions): OpenAI {
  return new OpenAI({
    apiKey: options.apiKey,
    baseURL: options.baseURL ?? 'https://api.openai.com/v1',
    timeout: options.timeoutMs ?? 30_000,
    maxRetries: options.maxRetries ?? 2,
    // The SDK logs request details only at debug level; warnings are worth having, in our own log format.
    ...(options.logger ? { logger: options.logger.child({ component: 'openai-sdk' }), logLevel: 'warn' as const } : {}),
  });
}
