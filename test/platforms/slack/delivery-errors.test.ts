/**
 * What a Slack refusal does to the worker's delivery job. A channel that is gone, archived or closed to the bot,
 * or a deactivated account, answers the same every time: the job fails for good after one attempt. A Slack
 * outage is retried. The real Slack messenger, the real deliver_messages job on a real BullMQ worker, the fake
 * Web API answering `{ ok: false, error }`.
 */
import { randomUUID } from 'node:crypto';
import { QueueEvents, type Job } from 'bullmq';
import { pino } from 'pino';
import { Registry } from 'prom-client';
import { afterAll, describe, expect, it } from 'vitest';
import type { JobDeps } from '../../../src/background/deps.js';
import { deliverMessagesJob } from '../../../src/background/jobs/index.js';
import { registerJobMetrics } from '../../../src/background/queue/metrics.js';
import { bullmqJobQueue, createQueues, enqueue } from '../../../src/background/queue/queues.js';
import { startWorkerHost } from '../../../src/background/queue/worker-host.js';
import { toAppError } from '../../../src/platforms/slack/errors.js';
import { redisLocks } from '../../../src/shared/lock.js';
import { createOfflineScorer, defaultQuestionBank } from '../../../src/scoring/index.js';
import { newSlackInterview, slackWorkspace } from '../../support/interviews.js';
import { redisConnection } from '../../support/redis.js';
import { slackFixture } from '../../support/slack-fixture.js';

const { db, redis, prefix, slack, harness, clock } = await slackFixture('slack-errors');
const workspaceId = (await slackWorkspace(db, harness.bot.teamId)).id;
const queues = createQueues(redisConnection(), prefix);
const deps: JobDeps = {
  db,
  queue: bullmqJobQueue(queues),
  locks: redisLocks(redis),
  clock,
  logger: pino({ level: 'silent' }),
  runner: harness.runner,
  work: { scorer: createOfflineScorer(), bank: defaultQuestionBank(), interviewerLabel: 'Offline interviewer' },
  metrics: registerJobMetrics(new Registry()),
  // The messenger the worker gets from the Slack outlet: the production one, on the fake Web API.
  messenger: harness.platform.messenger,
  destinations: harness.platform.destinations,
  keyPrefix: prefix,
  lockTtlMs: 5_000,
};
const host = startWorkerHost({
  connection: redisConnection(),
  prefix,
  definitions: [deliverMessagesJob],
  deps,
  logger: deps.logger,
});
const events = new QueueEvents('messages', { connection: redisConnection(), prefix });
await events.waitUntilReady();
// Registered after the fixture's, so these close first (after-hooks run in reverse).
afterAll(async () => {
  await events.close();
  await host.close();
  await queues.close();
});

/** An interview with one message waiting in the outbox for the candidate's DM; returns its id and DM channel. */
async function pendingMessage(): Promise<{ interviewId: string; channel: string; upToSeq: string }> {
  const userId = `U${randomUUID().slice(0, 8).toUpperCase()}`;
  const interviewId = await newSlackInterview(db, workspaceId, userId);
  const row = await db.outboxEvent.create({
    data: {
      interviewId,
      kind: 'send_message',
      payload: { recipient: { to: 'candidate' }, text: 'Question 1' },
      dedupeKey: `${interviewId}:errors:0`,
    },
  });
  return { interviewId, channel: `D${userId}`, upToSeq: String(row.seq) };
}

async function settle(jobId: string): Promise<Job> {
  const job = await queues.get('messages').getJob(jobId);
  if (!job) throw new Error(`no job ${jobId}`);
  await job.waitUntilFinished(events, 20_000).catch(() => undefined);
  const done = await queues.get('messages').getJob(jobId);
  if (!done) throw new Error(`job ${jobId} vanished`);
  return done;
}

const postsTo = (channel: string) => slack.callsTo('chat.postMessage').filter((c) => c.body.channel === channel).length;

describe('a Slack refusal that no retry can change', () => {
  it.each(['channel_not_found', 'not_in_channel', 'is_archived', 'account_inactive'])(
    '%s: one attempt, failed for good, no retries',
    async (error) => {
      const { interviewId, channel, upToSeq } = await pendingMessage();
      slack.refuse('chat.postMessage', error, { when: (body) => body.channel === channel });
      const job = await settle(await enqueue(queues, deliverMessagesJob, { interviewId, upToSeq, round: 0 }));
      expect(await job.getState()).toBe('failed');
      expect(job.attemptsMade).toBe(1);
      expect(job.failedReason).toBe(`not_found: Slack chat.postMessage: ${error}`);
      expect(postsTo(channel)).toBe(1);
    },
  );
});

describe('a Slack outage', () => {
  it('is retried, and the message goes out once Slack answers again', async () => {
    const { interviewId, channel, upToSeq } = await pendingMessage();
    slack.refuse('chat.postMessage', 'service_unavailable', { when: (body) => body.channel === channel, times: 1 });
    const job = await settle(await enqueue(queues, deliverMessagesJob, { interviewId, upToSeq, round: 0 }));
    expect(await job.getState()).toBe('completed');
    expect(job.attemptsMade).toBe(2);
    expect(postsTo(channel)).toBe(2);
    expect(slack.messages.filter((m) => m.channel === channel).map((m) => m.text)).toEqual(['Question 1']);
  });
});

describe('toAppError', () => {
  const platformError = (error: string) =>
    Object.assign(new Error(`An API error occurred: ${error}`), {
      code: 'slack_webapi_platform_error',
      data: { ok: false, error },
    });

  it('makes the permanent answers permanent codes and keeps the cause', () => {
    const mapped = toAppError(platformError('is_archived'), 'chat.postMessage');
    expect(mapped.code).toBe('not_found');
    expect(mapped.cause).toBeInstanceOf(Error);
    expect(toAppError(platformError('invalid_blocks'), 'chat.update').code).toBe('invalid_input');
  });

  it('leaves outages, transport failures and unknown answers retryable', () => {
    expect(toAppError(platformError('internal_error'), 'chat.postMessage').code).toBe('unavailable');
    expect(
      toAppError(Object.assign(new Error('socket hang up'), { code: 'slack_webapi_request_error' }), 'chat.postMessage')
        .code,
    ).toBe('unavailable');
    expect(toAppError(platformError('some_new_error'), 'chat.postMessage').code).toBe('internal');
    expect(toAppError(new TypeError('boom'), 'chat.postMessage').code).toBe('internal');
  });
});
