/** Producer side: one BullMQ Queue per queue name, and typed enqueueing through job definitions. */
import { Queue, type ConnectionOptions } from 'bullmq';
import { AppError } from '../../shared/errors.js';
import {
  QUEUE_NAMES,
  type EnqueueOptions,
  type EnsureOutcome,
  type JobDefinition,
  type JobQueue,
  type QueueName,
} from './definition.js';
import { DEFAULT_ATTEMPTS, DEFAULT_BACKOFF_MS, parsePayload } from './run-job.js';

export interface Queues {
  get(name: QueueName): Queue;
  all(): Queue[];
  close(): Promise<void>;
}

/**
 * `onError` gets each queue's connection errors; without a listener BullMQ prints every reconnect failure to
 * stderr as a multi-line dump.
 */
export function createQueues(
  connection: ConnectionOptions,
  prefix = 'screener',
  onError?: (error: Error) => void,
): Queues {
  const queues = new Map(QUEUE_NAMES.map((name) => [name, new Queue(name, { connection, prefix })]));
  if (onError) for (const queue of queues.values()) queue.on('error', onError);
  return {
    get(name) {
      const queue = queues.get(name);
      if (!queue) throw new AppError('internal', `unknown queue ${name}`);
      return queue;
    },
    all: () => [...queues.values()],
    close: async () => {
      await Promise.all([...queues.values()].map((queue) => queue.close()));
    },
  };
}

/** Jobs added to BullMQ, for the worker processes to run (./worker-host.ts). */
export function bullmqJobQueue(queues: Queues): JobQueue {
  return {
    enqueue: (definition, payload, options) => enqueue(queues, definition, payload, options),
    ensure: (definition, payload, options) => ensureJob(queues, definition, payload, options),
  };
}

/**
 * Validates the payload and adds the job under its deterministic id. BullMQ ignores an add whose id already
 * exists (waiting, delayed, active, completed or failed and not yet removed), so enqueueing twice is harmless.
 */
export async function enqueue<Payload, Deps>(
  queues: Queues,
  definition: JobDefinition<Payload, Deps>,
  payload: Payload,
  options: EnqueueOptions = {},
): Promise<string> {
  const data = parsePayload(definition, payload);
  const jobId = definition.jobId(data);
  await queues.get(definition.queue).add(definition.name, data, {
    jobId,
    delay: options.delayMs,
    attempts: definition.attempts ?? DEFAULT_ATTEMPTS,
    backoff: { type: 'exponential', delay: definition.backoffMs ?? DEFAULT_BACKOFF_MS, jitter: 0.5 },
    // Completed jobs are not needed once PostgreSQL records the result; failed ones are kept for `cli jobs`.
    removeOnComplete: { age: 24 * 3600, count: 10_000 },
    removeOnFail: false,
  });
  return jobId;
}

/** JobQueue.ensure on BullMQ: "missing" includes a job a flushed Redis forgot, or one that never got there. */
export async function ensureJob<Payload, Deps>(
  queues: Queues,
  definition: JobDefinition<Payload, Deps>,
  payload: Payload,
  options: EnqueueOptions = {},
): Promise<EnsureOutcome> {
  const queue = queues.get(definition.queue);
  const existing = await queue.getJob(definition.jobId(payload));
  if (!existing) {
    await enqueue(queues, definition, payload, options);
    return 'added';
  }
  const state = await existing.getState();
  if (state === 'completed') return 'completed';
  if (state === 'failed') {
    // Another process may retry it at the same moment; either way it runs again.
    await existing.retry('failed').catch(() => undefined);
    return 'retried';
  }
  if (state === 'delayed' && !options.delayMs) await existing.promote().catch(() => undefined); // it may have just moved on
  return 'pending';
}
