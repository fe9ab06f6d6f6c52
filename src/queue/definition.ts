/**
 * Typed job definitions: a name, the queue it runs on, a zod payload schema, a deterministic job id and a handler.
 * The payload is validated when it is enqueued and again by the worker, because Redis holds whatever was written
 * to it, by any version of the code.
 */
import type { z } from 'zod';
import type { Logger } from '../shared/logger.js';

export const QUEUE_NAMES = ['messages', 'timers', 'interviewing', 'scoring', 'reports', 'posting'] as const;
export type QueueName = (typeof QUEUE_NAMES)[number];

export interface JobContext {
  jobId: string;
  attemptsMade: number;
  logger: Logger;
  /**
   * Puts the job back as delayed for `ms` without counting an attempt (for rate limits), and ends this run.
   * Always `throw await context.postpone(ms)` or `return context.postpone(ms)`: it never returns normally.
   */
  postpone(ms: number): Promise<never>;
}

export interface JobDefinition<Payload, Deps> {
  name: string;
  queue: QueueName;
  schema: z.ZodType<Payload>;
  /** Same payload, same id: a second enqueue of the same work is a no-op in BullMQ. */
  jobId(payload: Payload): string;
  /**
   * Attempts before the job is kept as failed.
   * @defaultValue 5
   */
  attempts?: number;
  /**
   * First retry delay; later ones double, each with ±50% jitter so retries from many jobs do not line up.
   * @defaultValue 1000
   */
  backoffMs?: number;
  handle(payload: Payload, deps: Deps, context: JobContext): Promise<void>;
}

export function defineJob<Payload, Deps>(definition: JobDefinition<Payload, Deps>): JobDefinition<Payload, Deps> {
  return definition;
}

/** BullMQ job ids may not contain ':' (its key separator) and may not be plain integers. */
export function jobIdOf(...parts: Array<string | number>): string {
  return parts.map((part) => String(part).replaceAll(':', '_')).join('.');
}
