/**
 * Bot Connector calls retried the way Microsoft asks: 429 (throttled) and 412/502/504 (transient in Teams' own
 * service) are tried again with exponential backoff and full jitter, honouring Retry-After when the service sends
 * one. Anything else is returned to the caller at once: a 403 (app not installed) will not fix itself.
 */

export const RETRYABLE_STATUSES = new Set([412, 429, 502, 504]);

export interface RetryOptions {
  /** @defaultValue 5 */
  attempts?: number;
  /** First backoff step. @defaultValue 500 */
  baseDelayMs?: number;
  /** @defaultValue 15000 */
  maxDelayMs?: number;
  /** @defaultValue setTimeout */
  sleep?: (ms: number) => Promise<void>;
  /** @defaultValue Math.random */
  random?: () => number;
}

export function statusOf(error: unknown): number | null {
  if (typeof error !== 'object' || error === null) return null;
  const status =
    (error as { statusCode?: unknown; status?: unknown }).statusCode ?? (error as { status?: unknown }).status;
  return typeof status === 'number' ? status : null;
}

function retryAfterMs(error: unknown): number | null {
  const headers = (error as { response?: { headers?: { get?: (name: string) => string | undefined } } }).response
    ?.headers;
  const value = typeof headers?.get === 'function' ? headers.get('retry-after') : undefined;
  const seconds = value === undefined ? NaN : Number(value);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : null;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function withConnectorRetries<T>(work: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const attempts = options.attempts ?? 5;
  const base = options.baseDelayMs ?? 500;
  const max = options.maxDelayMs ?? 15_000;
  const sleep = options.sleep ?? realSleep;
  const random = options.random ?? Math.random;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await work();
    } catch (error) {
      const status = statusOf(error);
      if (attempt >= attempts || status === null || !RETRYABLE_STATUSES.has(status)) throw error;
      const backoff = Math.min(max, base * 2 ** (attempt - 1));
      await sleep(Math.max(retryAfterMs(error) ?? 0, Math.floor(random() * backoff)));
    }
  }
}
