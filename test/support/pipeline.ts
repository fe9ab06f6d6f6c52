/** A worker's pipeline running inside the test process, against a real database, Redis and a fake Slack. */
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { createOfflineInterviewer, createStep, InterviewRunner } from '../../src/engine/index.js';
import { createJobHandlers } from '../../src/jobs/handlers.js';
import { MemoryMessenger } from '../../src/outbound/messenger.js';
import type { DestinationResolver, ReportDestination } from '../../src/outbound/destination.js';
import type { PipelineDeps } from '../../src/pipeline/deps.js';
import { createRateLimiter } from '../../src/shared/rate-limit.js';
import { startPipeline, type RunningPipeline } from '../../src/pipeline/start.js';
import { createSlackClient } from '../../src/platforms/slack/client.js';
import { slackReportDestination } from '../../src/platforms/slack/report-destination.js';
import { createQueues } from '../../src/queue/queues.js';
import { createOfflineScorer, defaultQuestionBank, type AnswerScorer } from '../../src/scoring/index.js';
import { registerJobMetrics } from '../../src/queue/metrics.js';
import { Registry } from 'prom-client';
import { systemClock } from '../../src/shared/clock.js';
import { createInterviewStore } from '../../src/store/interview-store.js';
import type { Db } from '../../src/store/prisma.js';
import { redisConnection, TEST_REDIS_URL } from './redis.js';

/** Hiring channels on the fake Slack: a workspace with a hiring channel posts there. */
export function fakeSlackDestinations(db: Db, slackUrl: string): DestinationResolver {
  const client = createSlackClient('xoxb-test-token', { apiUrl: slackUrl, retryConfig: { retries: 2, minTimeout: 10, maxTimeout: 50 } });
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
  deps: PipelineDeps;
  messenger: MemoryMessenger;
  running: RunningPipeline;
  stop(): Promise<void>;
}

export function startTestPipeline(db: Db, slackUrl: string, keyPrefix: string, options: { reconcileEveryMs?: number; scorer?: AnswerScorer } = {}): TestPipeline {
  const redis = new Redis(TEST_REDIS_URL);
  const bank = defaultQuestionBank();
  const interviewer = createOfflineInterviewer(bank);
  const messenger = new MemoryMessenger();
  const deps: PipelineDeps = {
    db,
    redis,
    queues: createQueues(redisConnection(), keyPrefix),
    clock: systemClock,
    logger: pino({ level: 'silent' }),
    runner: new InterviewRunner({ store: createInterviewStore(db), step: createStep(interviewer), clock: systemClock }),
    engineJobs: createJobHandlers({ db, clock: systemClock, scorer: options.scorer ?? createOfflineScorer(), bank, interviewerLabel: interviewer.label }),
    metrics: registerJobMetrics(new Registry()),
    messenger,
    destinations: fakeSlackDestinations(db, slackUrl),
    postLimiter: createRateLimiter(redis, keyPrefix, 50),
    keyPrefix,
    lockTtlMs: 5_000,
  };
  const running = startPipeline(deps, { connection: redisConnection(), relayIdleMs: 50, reconcileEveryMs: options.reconcileEveryMs ?? 60_000 });
  return {
    deps,
    messenger,
    running,
    async stop() {
      await running.stop();
      await deps.queues.close();
      redis.disconnect();
    },
  };
}

export async function until<T>(probe: () => Promise<T | null | undefined | false>, timeoutMs = 30_000, what = 'condition'): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
