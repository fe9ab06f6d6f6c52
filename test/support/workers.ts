/** Real worker processes (`src/process/worker.ts`) for fault tests: started, killed with SIGKILL, started again. */
import type { Db } from '../../src/store/prisma.js';
import { spawnTs, type Spawned } from './processes.js';

export interface WorkerEnv {
  databaseUrl: string;
  redisUrl: string;
  slackUrl: string;
  queuePrefix: string;
  /** Extra variables, e.g. shorter leases for a test that cannot wait five minutes. */
  extra?: Record<string, string>;
}

/** Timings short enough for a test; the production defaults are minutes. */
export const FAST_RECOVERY = {
  JOB_LOCK_MS: '1500',
  OUTBOX_LEASE_MS: '2000',
  RECONCILE_INTERVAL_MS: '1000',
  POST_INTERVAL_MS: '100',
};

export function startWorker(env: WorkerEnv): Spawned {
  return spawnTs('src/process/worker.ts', [], {
    DATABASE_URL: env.databaseUrl,
    REDIS_URL: env.redisUrl,
    QUEUE_PREFIX: env.queuePrefix,
    SLACK_SIGNING_SECRET: 'test-signing-secret',
    SLACK_BOT_TOKEN: 'xoxb-test-token-0000',
    SLACK_API_URL: env.slackUrl,
    WORKER_PORT: '0',
    PORT: '0',
    LOG_LEVEL: 'warn',
    ...FAST_RECOVERY,
    ...env.extra,
  });
}

export async function kill(worker: Spawned): Promise<void> {
  if (worker.child.exitCode !== null) return;
  worker.child.kill('SIGKILL');
  await worker.exited();
}

export interface Tally {
  reports: number;
  postedRows: number;
  /** Answers of the interviews with no score rows at all. */
  unscored: number;
  /** Answers with more score rows than one scoring run writes. */
  overscored: number;
}

/** What the database says about a set of interviews. */
export async function tally(db: Db, interviewIds: string[]): Promise<Tally> {
  const answers = await db.answer.findMany({
    where: { turn: { interviewId: { in: interviewIds }, kind: { not: 'introduction' } } },
    select: { turn: { select: { kind: true } }, _count: { select: { scores: true } } },
  });
  const rowsPerRun = (kind: string) => (kind === 'behavioral' ? 7 : 6); // five dimensions and feedback, plus STAR
  return {
    reports: await db.report.count({ where: { interviewId: { in: interviewIds } } }),
    postedRows: await db.reportPost.count({
      where: { report: { interviewId: { in: interviewIds } }, postedAt: { not: null } },
    }),
    unscored: answers.filter((a) => a._count.scores === 0).length,
    overscored: answers.filter((a) => a._count.scores > rowsPerRun(a.turn.kind)).length,
  };
}
