import { QueueEvents, type Job } from 'bullmq';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineJob, jobIdOf } from '../../../src/background/queue/definition.js';
import { createQueues, enqueue, type Queues } from '../../../src/background/queue/queues.js';
import { startWorkerHost, type WorkerHost } from '../../../src/background/queue/worker-host.js';
import { AppError } from '../../../src/shared/errors.js';
import { deleteKeys, redisConnection, uniquePrefix } from '../../support/redis.js';

const logger = pino({ level: 'silent' });
const open: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  for (const thing of open.splice(0).reverse()) await thing.close();
});

interface Deps {
  seen: string[];
  failuresLeft: number;
}

const echo = defineJob<{ id: string; mode: 'ok' | 'flaky' | 'permanent' }, Deps>({
  name: 'echo',
  queue: 'scoring',
  schema: z.object({ id: z.string().min(1), mode: z.enum(['ok', 'flaky', 'permanent']) }),
  jobId: (p) => jobIdOf('echo', p.id),
  attempts: 3,
  backoffMs: 10,
  async handle(payload, deps) {
    if (payload.mode === 'permanent') throw new AppError('not_found', 'no such thing');
    if (payload.mode === 'flaky' && deps.failuresLeft-- > 0) throw new Error('transient');
    deps.seen.push(payload.id);
  },
});

function setup(deps: Deps): { queues: Queues; host: WorkerHost; events: QueueEvents } {
  const prefix = uniquePrefix('host');
  const queues = createQueues(redisConnection(), prefix);
  const host = startWorkerHost({ connection: redisConnection(), prefix, definitions: [echo], deps, logger });
  const events = new QueueEvents('scoring', { connection: redisConnection(), prefix });
  open.push({ close: async () => void (await deleteKeys(prefix)) }, queues, events, host);
  return { queues, host, events };
}

async function settle(queues: Queues, jobId: string, events: QueueEvents): Promise<Job> {
  const job = await queues.get('scoring').getJob(jobId);
  if (!job) throw new Error(`no job ${jobId}`);
  await job.waitUntilFinished(events, 10_000).catch(() => undefined);
  const done = await queues.get('scoring').getJob(jobId);
  if (!done) throw new Error(`job ${jobId} vanished`);
  return done;
}

describe('typed jobs on BullMQ', () => {
  it('runs a job once even when the same work is enqueued twice', async () => {
    const deps = { seen: [] as string[], failuresLeft: 0 };
    const { queues, events } = setup(deps);
    await events.waitUntilReady();
    const first = await enqueue(queues, echo, { id: 'a1', mode: 'ok' });
    const second = await enqueue(queues, echo, { id: 'a1', mode: 'ok' });
    expect(second).toBe(first);
    await settle(queues, first, events);
    expect(deps.seen).toEqual(['a1']);
  });

  it('retries a transient failure with backoff and then succeeds', async () => {
    const deps = { seen: [] as string[], failuresLeft: 2 };
    const { queues, events } = setup(deps);
    await events.waitUntilReady();
    const job = await settle(queues, await enqueue(queues, echo, { id: 'b1', mode: 'flaky' }), events);
    expect(await job.getState()).toBe('completed');
    expect(job.attemptsMade).toBe(3);
    expect(deps.seen).toEqual(['b1']);
  });

  it('fails a permanent error at once and keeps it visible as failed', async () => {
    const deps = { seen: [] as string[], failuresLeft: 0 };
    const { queues, events } = setup(deps);
    await events.waitUntilReady();
    const job = await settle(queues, await enqueue(queues, echo, { id: 'c1', mode: 'permanent' }), events);
    expect(await job.getState()).toBe('failed');
    expect(job.attemptsMade).toBe(1);
    expect(job.failedReason).toContain('not_found');
  });

  it('refuses an invalid payload at enqueue, and fails one written to Redis behind its back without retrying', async () => {
    const deps = { seen: [] as string[], failuresLeft: 0 };
    const { queues, events } = setup(deps);
    await events.waitUntilReady();
    await expect(enqueue(queues, echo, { id: '', mode: 'ok' })).rejects.toThrow(/invalid echo payload/);
    await queues.get('scoring').add('echo', { id: 42 }, { jobId: 'forged', attempts: 5 });
    const job = await settle(queues, 'forged', events);
    expect(await job.getState()).toBe('failed');
    expect(job.attemptsMade).toBe(1);
    expect(job.failedReason).toMatch(/invalid echo payload: id:/);
    expect(deps.seen).toEqual([]);
  });
});
