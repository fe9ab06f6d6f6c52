/**
 * A bounded load test: 200 interviews finish at once, two worker processes share the work, and one of them is
 * killed every few seconds and started again. At the end: 200 reports, each posted once, and every answer
 * scored exactly once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPORT_EVENT_TYPE } from '../../src/platforms/slack/delivery/report-destination.js';
import { createScratchDatabase } from '../support/db.js';
import { startFakeSlack, type FakeSlack } from '../support/fake-slack.js';
import { slackWorkspace } from '../support/interviews.js';
import { until } from '../support/pipeline.js';
import { startPrivateRedis, type PrivateRedis } from '../support/private-redis.js';
import type { Spawned } from '../support/processes.js';
import { seedFinishedInterview } from '../support/seed.js';
import { kill, startWorker, tally } from '../support/workers.js';

const INTERVIEWS = 200;
let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
let slack: FakeSlack;
let redis: PrivateRedis;
const ids: string[] = [];

beforeAll(async () => {
  [scratch, slack, redis] = await Promise.all([createScratchDatabase('load'), startFakeSlack(), startPrivateRedis()]);
  const workspaceId = (await slackWorkspace(scratch.db, 'T1', 'CHIRING')).id;
  for (let i = 0; i < INTERVIEWS; i++) ids.push((await seedFinishedInterview(scratch.db, workspaceId, i)).interviewId);
}, 120_000);
afterAll(async () => {
  await slack.close();
  await redis.stop();
  await scratch.drop();
});

/** A deterministic sequence of kill delays, so a failure can be replayed. */
function* killDelays(seed: number): Generator<number> {
  let x = seed;
  for (;;) {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    yield 1_500 + (x % 2_500);
  }
}

describe('load with worker kills', () => {
  it(
    `${INTERVIEWS} interviews finished at once, two workers, random kills: every report built and posted once`,
    { timeout: 120_000 },
    async () => {
      const env = {
        databaseUrl: scratch.url,
        redisUrl: redis.url,
        slackUrl: slack.url,
        queuePrefix: 'load',
        extra: { POST_INTERVAL_MS: '0', WORKER_CONCURRENCY: '16' },
      };
      const workers: Spawned[] = [startWorker(env), startWorker(env)];
      const delays = killDelays(20261126);
      let kills = 0;
      let finished = false;
      const chaos = (async () => {
        // Kills stop once most of the work is done, so the run ends within its bound.
        while (!finished && kills < 8) {
          await new Promise((resolve) => setTimeout(resolve, delays.next().value as number));
          if (finished) break;
          const victim = kills % 2;
          await kill(workers[victim]!);
          workers[victim] = startWorker(env);
          kills += 1;
        }
      })();
      try {
        const result = await until(
          async () => {
            const t = await tally(scratch.db, ids);
            return t.postedRows === INTERVIEWS ? t : null;
          },
          100_000,
          `${INTERVIEWS} posted reports`,
        );
        finished = true;
        await chaos;
        expect(kills).toBeGreaterThan(0);
        expect(result).toEqual({ reports: INTERVIEWS, postedRows: INTERVIEWS, unscored: 0, overscored: 0 });
        const cards = new Map<string, number>();
        for (const m of slack.messages) {
          if (m.metadata?.event_type !== REPORT_EVENT_TYPE) continue;
          const key = String(m.metadata.event_payload.report_key);
          cards.set(key, (cards.get(key) ?? 0) + 1);
        }
        expect(ids.filter((id) => cards.get(id) !== 1)).toEqual([]);
      } finally {
        finished = true;
        await chaos;
        await Promise.all(workers.map(kill));
      }
    },
  );
});
