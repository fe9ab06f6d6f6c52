import { WebClient, type RetryOptions, type WebClientOptions } from '@slack/web-api';
import type { Logger } from '../../shared/logger.js';
import { slackLogger } from './logger.js';

export interface SlackClientOptions {
  /** Base URL of the Web API (SLACK_API_URL); tests point it at a local fake. @defaultValue Slack's own */
  apiUrl?: string | null;
  /** @defaultValue up to 5 retries over about a minute */
  retryConfig?: RetryOptions;
  /** Per request. @defaultValue 10000 */
  timeoutMs?: number;
  logger?: Logger;
}

/**
 * The options every Slack Web API client of Screener is made with: ours, Bolt's listener clients, the OAuth
 * installer's and the Socket Mode client's. A 429 is retried after the Retry-After Slack sends (the client's own
 * handling; rejectRateLimitedCalls stays off); other transient failures follow retryConfig.
 */
export function slackClientOptions(options: SlackClientOptions = {}): WebClientOptions {
  return {
    ...(options.apiUrl ? { slackApiUrl: options.apiUrl } : {}),
    retryConfig: options.retryConfig ?? { retries: 5, factor: 2, minTimeout: 500, maxTimeout: 20_000, randomize: true },
    timeout: options.timeoutMs ?? 10_000,
    rejectRateLimitedCalls: false,
    ...(options.logger ? { logger: slackLogger(options.logger) } : {}),
  };
}

/** The one place Screener makes Slack Web API clients. */
export function createSlackClient(token: string | undefined, options: SlackClientOptions = {}): WebClient {
  return new WebClient(token, slackClientOptions(options));
}
