/**
 * Typed job definitions: a name, the queue it runs on, a zod payload schema, a deterministic job id and a handler.
 * The payload is validated when it is enqueued and again by the worker, because Redis holds whatever was written
 * to it, by any version of the code.
 */
import type { z } from 'zod';
import type { Logger } from '../../shared/logger.js';

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

// Definitions differ in payload type; a host only needs each one's own schema and handler together.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyJobDefinition<Deps> = JobDefinition<any, Deps>;

export interface EnqueueOptions {
  /** Run no earlier than this many milliseconds from now. */
  delayMs?: number;
}

export type EnsureOutcome = 'added' | 'pending' | 'completed' | 'retried';

/**
 * Where jobs are added: BullMQ in the worker (./queues.ts), or this process (./in-process.ts) for the CLI demo and
 * tests. Both take the same definitions, so both run the same job code.
 */
export interface JobQueue {
  /**
   * Validates the payload and adds the job under its deterministic id; an add whose id already exists (waiting,
   * delayed, active, completed or failed and not yet removed) is ignored, so enqueueing twice is harmless.
   */
  enqueue<Payload, Deps>(
    definition: JobDefinition<Payload, Deps>,
    payload: Payload,
    options?: EnqueueOptions,
  ): Promise<string>;
  /**
   * Makes sure the work behind a job happens, whatever the queue remembers: adds it when missing, retries it when it
   * failed for good earlier, runs it now when it waits out a retry delay (whoever calls this knows the job has
   * reason to run), and reports `completed` when it already ran.
   */
  ensure<Payload, Deps>(
    definition: JobDefinition<Payload, Deps>,
    payload: Payload,
    options?: EnqueueOptions,
  ): Promise<EnsureOutcome>;
}

export function defineJob<Payload, Deps>(definition: JobDefinition<Payload, Deps>): JobDefinition<Payload, Deps> {
  return definition;
}

/** BullMQ job ids may not contain ':' (its key separator) and may not be plain integers. */
export function jobIdOf(...parts: Array<string | number>): string {
  return parts.map((part) => String(part).replaceAll(':', '_')).join('.');
}
