/**
 * Slack delivers events at least once: a retry (`x-slack-retry-num`) or a redelivery carries the event id it had
 * before. One atomic SET NX per event id lets the first delivery through and drops the rest, across every server
 * process. The engine's own message-id check stays behind it as the second line.
 */
import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { Redis } from 'ioredis';
import type { Logger } from '../../../shared/logger.js';

/** Slack stops retrying within about an hour; a day is plenty and cheap. */
const SEEN_TTL_SECONDS = 24 * 3600;

export function eventIdOf(body: unknown): string | null {
  if (typeof body !== 'object' || body === null) return null;
  const id = (body as { event_id?: unknown }).event_id;
  return typeof id === 'string' && id.length > 0 ? id : null;
}

export function dropRedeliveredEvents(redis: Redis, keyPrefix: string, logger: Logger): Middleware<AnyMiddlewareArgs> {
  return async ({ body, context, next }) => {
    const eventId = eventIdOf(body);
    if (!eventId) return next();
    let first = true;
    try {
      first = (await redis.set(`${keyPrefix}:slack:event:${eventId}`, '1', 'EX', SEEN_TTL_SECONDS, 'NX')) === 'OK';
    } catch (error) {
      // Redis down: let it through; the engine's message-id check still stops a duplicate answer.
      logger.warn(
        { err: { message: error instanceof Error ? error.message : String(error) }, eventId },
        'event dedupe unavailable',
      );
    }
    if (!first) {
      logger.debug({ eventId, retryNum: context.retryNum ?? null }, 'dropped a redelivered Slack event');
      return;
    }
    await next();
  };
}
