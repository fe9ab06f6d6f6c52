/**
 * Faults with real worker processes: SIGKILL at chosen points, a wiped Redis, PostgreSQL out of reach for a
 * while. Each ends the same way: every report built once and posted once, every answer scored once.
 * Redis here is a private server of this file's own, so flushing it touches no other test.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { REPORT_EVENT_TYPE } from '../../src/platforms/slack/delivery/report-destination.js';
import { createScratchDatabase } from '../support/db.js';
import { startFakeSlack, type FakeSlack } from '../support/fake-slack.js';
import { slackWorkspace } from '../support/interviews.js';
import { until } from '../support/pipeline.js';
import { startPrivateRedis, type PrivateRedis } from '../support/private-redis.js';
import type { Spawned } from '../support/processes.js';
import { seedFinishedInterview } from '../support/seed.js';
import { startTcpProxy } from '../support/tcp-proxy.js';
import { kill, startWorker, tally, type WorkerEnv } from '../support/workers.js';

let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
let slack: FakeSlack;
let redis: PrivateRedis;
let workspaceId: string;
let round = 0;
const workers: Spawned[] = [];

beforeAll(async () => {
  [scratch, slack, redis] = await Promise.all([createScratchDatabase('faults'), startFakeSlack(), startPrivateRedis()]);
  // The fake's auth.test names team T1: the worker's single-workspace token belongs to it.
  workspaceId = (await slackWorkspace(scratch.db, 'T1', 'CHIRING')).id;
}, 60_000);
afterEach(async () => {
  slack.beforeReply = null;
  await Promise.all(workers.splice(0).map(kill));
});
afterAll(async () => {
  await slack.close();
  await redis.stop();
  await scratch.drop();
});

function env(overrides: Partial<WorkerEnv> = {}): WorkerEnv {
  return {
    databaseUrl: scratch.url,
    redisUrl: redis.url,
    slackUrl: slack.url,
    queuePrefix: `faults${round}`,
    ...overrides,
  };
}

function spawn(overrides: Partial<WorkerEnv> = {}): Spawned {
  const worker = startWorker(env(overrides));
  workers.push(worker);
  return worker;
}

async function seed(count: number): Promise<string[]> {
  round += 1;
  const ids: string[] = [];
  for (let i = 0; i < count; i++) ids.push((await seedFinishedInterview(scratch.db, workspaceId, i)).interviewId);
  return ids;
}

function cardsPerInterview(ids: string[]): number[] {
  return ids.map(
    (id) =>
      slack.messages.filter(
        (m) => m.metadata?.event_type === REPORT_EVENT_TYPE && m.metadata.event_payload.report_key === id,
      ).length,
  );
}

async function allPosted(ids: string[], timeoutMs = 45_000) {
  return until(
    async () => {
      const t = await tally(scratch.db, ids);
      return t.postedRows === ids.length ? t : null;
    },
    timeoutMs,
    `${ids.length} posted reports`,
  );
}

describe('the pipeline under faults (real worker processes)', { timeout: 90_000 }, () => {
  it('a worker killed after Slack took the card but before the database heard: the next worker finds it, no second post', async () => {
    const ids = await seed(1);
    let killed = false;
    slack.beforeReply = async (method) => {
      if (method !== 'chat.postMessage' || killed) return;
      killed = true;
      await kill(workers[0]!);
    };
    spawn();
    await until(
      async () => killed && workers[0]!.child.exitCode === null && workers[0]!.child.signalCode === 'SIGKILL',
      30_000,
      'the kill',
    );
    expect(cardsPerInterview(ids)).toEqual([1]);
    expect((await tally(scratch.db, ids)).postedRows).toBe(0); // the database never heard

    spawn();
    const result = await allPosted(ids);
    expect(result).toMatchObject({ reports: 1, postedRows: 1, unscored: 0, overscored: 0 });
    expect(cardsPerInterview(ids)).toEqual([1]);
  });

  it('a worker killed while scoring: its jobs are taken over as stalled and nothing is scored twice', async () => {
    const ids = await seed(8);
    const first = spawn();
    await until(
      () => scratch.db.score.findFirst({ where: { answer: { turn: { interviewId: { in: ids } } } } }),
      30_000,
      'the first score',
    );
    await kill(first);
    spawn();
    const result = await allPosted(ids);
    expect(result).toMatchObject({ reports: 8, postedRows: 8, unscored: 0, overscored: 0 });
    expect(cardsPerInterview(ids)).toEqual(ids.map(() => 1));
  });

  it('a FLUSHALL of Redis mid-run is recovered from PostgreSQL', async () => {
    const ids = await seed(8);
    spawn();
    await until(
      () => scratch.db.score.findFirst({ where: { answer: { turn: { interviewId: { in: ids } } } } }),
      30_000,
      'the first score',
    );
    await redis.flushAll();
    const result = await allPosted(ids);
    expect(result).toMatchObject({ reports: 8, postedRows: 8, unscored: 0, overscored: 0 });
    expect(cardsPerInterview(ids)).toEqual(ids.map(() => 1));
  });

  it('PostgreSQL out of reach for a while delays the work but loses none of it', async () => {
    const target = new URL(scratch.url);
    const proxy = await startTcpProxy(target.hostname, Number(target.port || 5432));
    const viaProxy = new URL(scratch.url);
    viaProxy.port = String(proxy.port);
    try {
      const ids = await seed(6);
      spawn({ databaseUrl: viaProxy.toString() });
      await until(
        () => scratch.db.score.findFirst({ where: { answer: { turn: { interviewId: { in: ids } } } } }),
        30_000,
        'the first score',
      );
      await proxy.cut();
      await new Promise((resolve) => setTimeout(resolve, 2_500));
      await proxy.restore();
      const result = await allPosted(ids);
      expect(result).toMatchObject({ reports: 6, postedRows: 6, unscored: 0, overscored: 0 });
      expect(cardsPerInterview(ids)).toEqual(ids.map(() => 1));
    } finally {
      await proxy.close();
    }
  });
});
