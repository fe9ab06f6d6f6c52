/** A worker's pipeline running inside the test process, against a real database, Redis and a fake Slack. */
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { createOfflineInterviewer, createStep, InterviewRunner } from '../../src/engine/index.js';
import { MemoryMessenger } from '../../src/outbound/messenger.js';
import type { DestinationResolver, ReportDestination } from '../../src/outbound/destination.js';
import type { JobDeps } from '../../src/background/deps.js';
import { redisLocks } from '../../src/shared/lock.js';
import { startWorkerLoops, type RunningWorker } from '../../src/background/start.js';
import { createSlackClient } from '../../src/platforms/slack/client.js';
import { slackReportDestination } from '../../src/platforms/slack/delivery/report-destination.js';
import { bullmqJobQueue, createQueues, type Queues } from '../../src/background/queue/queues.js';
import { createOfflineScorer, defaultQuestionBank, type AnswerScorer } from '../../src/scoring/index.js';
import { registerJobMetrics } from '../../src/background/queue/metrics.js';
import { Registry } from 'prom-client';
import { systemClock } from '../../src/shared/clock.js';
import { createInterviewStore } from '../../src/store/interview-store.js';
import type { Db } from '../../src/store/prisma.js';
import { redisConnection, TEST_REDIS_URL } from './redis.js';

/** Hiring channels on the fake Slack: a workspace with a hiring channel posts there. */
export function fakeSlackDestinations(db: Db, slackUrl: string): DestinationResolver {
  const client = createSlackClient('xoxb-test-token', {
    apiUrl: slackUrl,
    retryConfig: { retries: 2, minTimeout: 10, maxTimeout: 50 },
  });
  const build = (teamId: string, channel: string): ReportDestination => slackReportDestination(client, teamId, channel);
  return {
    async forWorkspace(workspaceId) {
      const ws = await db.workspace.findUnique({ where: { id: workspaceId } });
      return ws?.hiringChannelId ? [build(ws.externalId, ws.hiringChannelId)] : [];
    },
    async byId(id) {
      const [platform, teamId, channel] = id.split(':');
      return platform === 'slack' && teamId && channel ? build(teamId, channel) : null;
    },
  };
}

export interface TestPipeline {
  deps: JobDeps;
  queues: Queues;
  messenger: MemoryMessenger;
  running: RunningWorker;
  stop(): Promise<void>;
}

export function startTestPipeline(
  db: Db,
  slackUrl: string,
  keyPrefix: string,
  options: { reconcileEveryMs?: number; scorer?: AnswerScorer } = {},
): TestPipeline {
  const redis = new Redis(TEST_REDIS_URL);
  const bank = defaultQuestionBank();
  const interviewer = createOfflineInterviewer(bank);
  const messenger = new MemoryMessenger();
  const queues = createQueues(redisConnection(), keyPrefix);
  const deps: JobDeps = {
    db,
    queue: bullmqJobQueue(queues),
    locks: redisLocks(redis),
    clock: systemClock,
    logger: pino({ level: 'silent' }),
    runner: new InterviewRunner({ store: createInterviewStore(db), step: createStep(interviewer), clock: systemClock }),
    work: { scorer: options.scorer ?? createOfflineScorer(), bank, interviewerLabel: interviewer.label },
    metrics: registerJobMetrics(new Registry()),
    messenger,
    destinations: fakeSlackDestinations(db, slackUrl),
    keyPrefix,
    lockTtlMs: 5_000,
  };
  const running = startWorkerLoops(deps, {
    connection: redisConnection(),
    relayIdleMs: 50,
    reconcileEveryMs: options.reconcileEveryMs ?? 60_000,
  });
  return {
    deps,
    queues,
    messenger,
    running,
    async stop() {
      await running.stop();
      await queues.close();
      redis.disconnect();
    },
  };
}

export async function until<T>(
  probe: () => Promise<T | null | undefined | false>,
  timeoutMs = 30_000,
  what = 'condition',
): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
