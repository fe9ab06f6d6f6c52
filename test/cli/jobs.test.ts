import { afterAll, describe, expect, it } from 'vitest';
import { createQueues } from '../../src/background/queue/queues.js';
import { testDatabaseUrl } from '../support/db.js';
import { spawnTs } from '../support/processes.js';
import { deleteKeys, redisConnection, uniquePrefix } from '../support/redis.js';

const prefix = uniquePrefix('cli');
const queues = createQueues(redisConnection(), prefix);
afterAll(async () => {
  await queues.close();
  await deleteKeys(prefix);
});

async function cli(...args: string[]) {
  const proc = spawnTs('src/cli/main.ts', ['jobs', ...args], { QUEUE_PREFIX: prefix, DATABASE_URL: testDatabaseUrl() });
  const { code } = await proc.exited();
  return { code, out: proc.stdout(), err: proc.stderr() };
}

describe('npm run cli -- jobs', () => {
  it('lists each queue with its counts and the latest failures, and retries a failed job', async () => {
    const scoring = queues.get('scoring');
    const job = await scoring.add('score_answer', { answerId: 'a-1' }, { jobId: 'score.a-1' });
    // Fail it the way a worker would, so the CLI sees a real failed job with a reason.
    const { Worker } = await import('bullmq');
    const worker = new Worker(
      'scoring',
      async () => {
        throw new Error('scorer unavailable');
      },
      { connection: redisConnection(), prefix, autorun: false },
    );
    const taken = await worker.getNextJob('test-token');
    expect(taken?.id).toBe(job.id);
    await taken?.moveToFailed(new Error('scorer unavailable'), 'test-token');
    await worker.close();

    const listed = await cli();
    expect(listed.code).toBe(0);
    expect(listed.out).toMatch(/^scoring\s+0\s+0\s+0\s+1\s+0$/m);
    expect(listed.out).toMatch(/^posting\s+0\s+0\s+0\s+0\s+0$/m);
    expect(listed.out).toContain('scoring score.a-1 (score_answer, 1 attempt(s)');
    expect(listed.out).toContain('scorer unavailable');

    const retried = await cli('retry', 'score.a-1');
    expect(retried.code).toBe(0);
    expect(retried.out).toContain('Retrying score_answer job score.a-1 in scoring.');
    expect(await (await scoring.getJob('score.a-1'))?.getState()).toBe('waiting');
  });

  it('says clearly when there is nothing to retry', async () => {
    const missing = await cli('retry', 'no-such-job');
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('no job with id no-such-job in any queue');
    const usage = await cli('frobnicate');
    expect(usage.code).toBe(2);
    expect(usage.err).toContain('Usage: npm run cli -- jobs [retry <jobId>]');
  });
});
