/**
 * Scoring throughput (issue item 3): offline score jobs per second through BullMQ, run by the real worker process
 * (`src/process/worker.ts`, the default WORKER_CONCURRENCY, the offline scorer), against the same number of no-op jobs run
 * by a plain BullMQ Worker in a child process of its own on the same Redis with the same concurrency.
 *
 * N finalized answers are seeded (interviews in progress, six bank questions each, answered with the reference
 * answers), N `score_answer` jobs are enqueued with the real job definition into the paused `scoring` queue under
 * this suite's prefix, the worker is started, and the clock runs from resuming the queue until every job has
 * completed. The reconcile lock is held meanwhile, so the worker's reconciler does not add its own pass to the run.
 * The worker's and the whole machine's CPU time over the run are read from /proc; if the target is missed, a
 * second, smaller run with `--cpu-prof` says which functions and libraries the worker's CPU time went to
 * (BENCH_PROFILE_DIR=<dir> keeps that profile).
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { PrismaPg } from '@prisma/adapter-pg';
import { Redis } from 'ioredis';
import { parseEnv } from '../../src/config/env.js';
import { PrismaClient } from '../../src/generated/prisma/client.js';
import { createInterviewing } from '../../src/process/interviewing.js';
import type { JobDeps } from '../../src/background/deps.js';
import { scoreAnswerJob } from '../../src/background/jobs/score-answer.js';
import { bullmqJobQueue, createQueues, enqueue, type Queues } from '../../src/background/queue/queues.js';
import { defaultQuestionBank } from '../../src/scoring/index.js';
import { systemClock } from '../../src/shared/clock.js';
import { createLogger } from '../../src/shared/logger.js';
import { bullConnectionOptions } from '../../src/shared/redis.js';
import { ensureDefaultRoles, ensureWorkspace, findRoleBySlug } from '../../src/store/index.js';
import { createPrisma, type Db } from '../../src/store/prisma.js';
import { cpuMs, machineCpuMs, sleep, spawnTs, stopAll, type Child } from '../lib/child-process.js';
import { formatShares, summarizeProfile } from '../lib/cpu-profile.js';
import { deleteKeysUnder } from '../../test/support/redis-keys.js';
import { result, type BenchContext, type BenchResult, type BenchSuite } from '../lib/result.js';

const TARGET_PER_SECOND = 2_000;
const INTRO =
  'I am a back-end developer with four years of experience building APIs in Node.js and PostgreSQL. I built a payments service and a search indexer.';
const QUESTIONS_PER_INTERVIEW = 6;

/** Seeds interviews in progress whose question answers are final and unscored; returns the answer ids to score. */
async function seedAnswers(db: Db, workspaceId: string, roleId: string, count: number): Promise<string[]> {
  const bank = defaultQuestionBank().questions.filter((q) => q.family === 'backend' || q.family === 'behavioral');
  const at = new Date();
  const answerIds: string[] = [];
  const interviews = Math.ceil(count / QUESTIONS_PER_INTERVIEW);
  for (let start = 0; start < interviews; start += 500) {
    const batch = Array.from({ length: Math.min(500, interviews - start) }, () => randomUUID());
    const turns: Array<{
      id: string;
      interviewId: string;
      order: number;
      kind: 'introduction' | 'technical' | 'behavioral';
      questionId: string | null;
      questionText: string;
      askedAt: Date;
    }> = [];
    const answers: Array<{
      id: string;
      turnId: string;
      text: string;
      wordCount: number;
      receivedAt: Date;
      finalizedAt: Date;
      platformMessageIds: string[];
    }> = [];
    batch.forEach((interviewId, i) => {
      const n = start + i;
      const questions = bank.slice(n % 5, (n % 5) + QUESTIONS_PER_INTERVIEW);
      const asked = [
        { kind: 'introduction' as const, questionId: null, text: 'Tell me about yourself.', answer: INTRO },
        ...questions.map((q) => ({ kind: q.kind, questionId: q.id, text: q.text, answer: q.referenceAnswer })),
      ];
      for (const [order, turn] of asked.entries()) {
        if (turn.kind !== 'introduction' && answerIds.length >= count) break;
        const turnId = randomUUID();
        const answerId = randomUUID();
        turns.push({
          id: turnId,
          interviewId,
          order,
          kind: turn.kind,
          questionId: turn.questionId,
          questionText: turn.text,
          askedAt: at,
        });
        answers.push({
          id: answerId,
          turnId,
          text: turn.answer,
          wordCount: turn.answer.split(/\s+/).length,
          receivedAt: at,
          finalizedAt: at,
          platformMessageIds: [`${interviewId}-${order}`],
        });
        if (turn.kind !== 'introduction') answerIds.push(answerId);
      }
    });
    await db.interview.createMany({
      data: batch.map((id) => ({
        id,
        workspaceId,
        roleId,
        recruiterId: 'UBENCH',
        platform: 'slack' as const,
        status: 'in_progress' as const,
        startedAt: at,
      })),
    });
    await db.turn.createMany({ data: turns });
    await db.answer.createMany({ data: answers });
  }
  return answerIds;
}

/**
 * PostgreSQL statements one score_answer job sends: the real handler run once in this process on a Prisma client
 * that logs its queries (Prisma logs COMMIT but not BEGIN, so each COMMIT counts twice). Null if that fails.
 */
async function statementsPerJob(
  ctx: BenchContext,
  queues: Queues,
  answerId: string,
): Promise<{ count: number; statements: string[] } | null> {
  const db = new PrismaClient({
    adapter: new PrismaPg({ connectionString: ctx.databaseUrl }),
    log: [{ emit: 'event', level: 'query' }],
  });
  const statements: string[] = [];
  db.$on('query', (event) => statements.push(event.query));
  try {
    const logger = createLogger({ level: 'silent', service: 'bench' });
    const { work } = createInterviewing({ db, clock: systemClock, logger, env: {} });
    const deps = { db, work, clock: systemClock, queue: bullmqJobQueue(queues), logger } as unknown as JobDeps; // what score_answer uses
    await db.$queryRaw`SELECT 1`; // connect first
    statements.length = 0;
    await scoreAnswerJob.handle({ answerId }, deps, {
      jobId: 'bench',
      attemptsMade: 0,
      logger,
      postpone: () => Promise.reject(new Error('postponed')),
    });
    const commits = statements.filter((q) => /^COMMIT/i.test(q.trim())).length;
    return { count: statements.length + commits, statements };
  } catch {
    return null;
  } finally {
    await db.$disconnect();
  }
}

function describeStatements(statements: string[]): string {
  const verbs = new Map<string, number>();
  for (const q of statements) {
    const verb = /^\s*(\w+)/.exec(q)?.[1]?.toUpperCase() ?? '?';
    verbs.set(verb, (verbs.get(verb) ?? 0) + 1);
  }
  return [...verbs.entries()].map(([verb, n]) => `${n} ${verb}`).join(', ');
}

async function countsDone(queues: Queues, name: 'scoring'): Promise<{ completed: number; failed: number }> {
  const counts = await queues.get(name).getJobCounts('completed', 'failed');
  return { completed: counts.completed ?? 0, failed: counts.failed ?? 0 };
}

interface Run {
  ms: number;
  completed: number;
  failed: number;
  workerCpuMs: number;
  machineBusyMs: number;
  /** Milliseconds from the end of the run to the child's exit, for cutting the profile to the run. */
  doneAt: number;
  startedAt: number;
}

/** Resumes the paused queue and waits until `count` jobs have finished (completed or failed), or `timeoutMs`. */
async function drain(
  pause: { resume(): Promise<void> },
  done: () => Promise<{ completed: number; failed: number }>,
  count: number,
  pid: number,
  timeoutMs: number,
): Promise<Run> {
  const cpu0 = cpuMs(pid);
  const machine0 = machineCpuMs();
  const startedAt = Date.now();
  const t0 = performance.now();
  await pause.resume();
  let last = { completed: 0, failed: 0 };
  while (performance.now() - t0 < timeoutMs) {
    last = await done();
    if (last.completed + last.failed >= count) break;
    await sleep(20);
  }
  const ms = performance.now() - t0;
  return {
    ms,
    ...last,
    workerCpuMs: cpuMs(pid) - cpu0,
    machineBusyMs: machineCpuMs().busy - machine0.busy,
    doneAt: Date.now(),
    startedAt,
  };
}

function workerEnv(ctx: BenchContext, prefix: string): Record<string, string> {
  // The worker's own defaults otherwise (WORKER_CONCURRENCY among them); no chat platform, the offline scorer.
  return {
    DATABASE_URL: ctx.databaseUrl,
    REDIS_URL: ctx.redisUrl,
    QUEUE_PREFIX: prefix,
    WORKER_PORT: '0',
    PORT: '0',
    LOG_LEVEL: 'info',
    SANDBOX: 'off',
    NODE_ENV: 'development',
  };
}

async function startRealWorker(ctx: BenchContext, prefix: string, nodeArgs: string[] = []): Promise<Child> {
  const worker = spawnTs('src/process/worker.ts', workerEnv(ctx, prefix), nodeArgs);
  await worker.waitFor(/"msg":"Screener worker started"/, 60_000);
  await sleep(750); // the BullMQ workers open their blocking connections
  return worker;
}

export const scoringThroughputSuite: BenchSuite = {
  name: 'scoring_throughput',
  description: 'offline score_answer jobs/s through BullMQ in the real worker vs no-op jobs in a plain BullMQ worker',
  async run(ctx: BenchContext): Promise<BenchResult[]> {
    const parsed = parseEnv({});
    if (!parsed.ok) throw new Error('the default environment does not parse');
    const concurrency = parsed.env.WORKER_CONCURRENCY;
    const count = ctx.quick ? 1_200 : 6_000;
    const profileCount = ctx.quick ? 500 : 2_000;
    const prefix = `${ctx.redisPrefix}-scoring`;
    const connection = bullConnectionOptions(ctx.redisUrl);
    const db = createPrisma(ctx.databaseUrl);
    const redis = new Redis(ctx.redisUrl);
    const queues = createQueues(connection, prefix);
    // BENCH_PROFILE_DIR keeps the worker's .cpuprofile for a closer look (Chrome DevTools, speedscope).
    const keptProfileDir = process.env.BENCH_PROFILE_DIR;
    let workspaceId: string | null = null;
    const profileDir = keptProfileDir
      ? mkdtempSync(join(keptProfileDir, 'scoring-'))
      : mkdtempSync(join(tmpdir(), 'screener-bench-prof-'));
    try {
      const workspace = await ensureWorkspace(db, {
        platform: 'slack',
        externalId: `TBENCHSCORE-${randomUUID().slice(0, 8)}`,
        name: 'Bench scoring',
      });
      workspaceId = workspace.id;
      await ensureDefaultRoles(db, workspace.id);
      const role = await findRoleBySlug(db, workspace.id, 'backend-mid');
      if (!role) throw new Error('no backend-mid role');
      // The worker's reconciler would otherwise make its own pass over the unscored answers during the run.
      await redis.set(`${prefix}:lock:reconcile`, 'bench', 'PX', 10 * 60_000);

      // Baseline: no-op jobs, same job options as enqueue() gives score_answer, same Redis, same concurrency.
      const noopQueue = queues.get('messages'); // any queue of ours; the no-op worker below is its only consumer
      await noopQueue.pause();
      const opts = {
        attempts: scoreAnswerJob.attempts ?? 5,
        backoff: { type: 'exponential', delay: scoreAnswerJob.backoffMs ?? 1_000, jitter: 0.5 },
        removeOnComplete: { age: 24 * 3600, count: 10_000 },
        removeOnFail: false,
      };
      for (let i = 0; i < count; i += 1_000) {
        await noopQueue.addBulk(
          Array.from({ length: Math.min(1_000, count - i) }, (_, j) => ({
            name: 'noop',
            data: { answerId: randomUUID() },
            opts: { ...opts, jobId: `noop.${i + j}` },
          })),
        );
      }
      const noop = spawnTs('bench/children/noop-worker.ts', {
        REDIS_URL: ctx.redisUrl,
        QUEUE_PREFIX: prefix,
        QUEUE_NAME: 'messages',
        WORKER_CONCURRENCY: String(concurrency),
      });
      await noop.waitFor(/noop worker ready/, 60_000);
      await sleep(250);
      const baselineRun = await drain(
        noopQueue,
        async () => {
          const c = await noopQueue.getJobCounts('completed', 'failed');
          return { completed: c.completed ?? 0, failed: c.failed ?? 0 };
        },
        count,
        noop.pid,
        120_000,
      );
      await noop.stop();
      const baselinePerSecond = (baselineRun.completed / baselineRun.ms) * 1000;
      ctx.log(
        `no-op: ${baselineRun.completed} jobs in ${(baselineRun.ms / 1000).toFixed(2)} s = ${baselinePerSecond.toFixed(0)}/s (concurrency ${concurrency})`,
      );

      // Score jobs through the real worker.
      const seedStart = performance.now();
      const answerIds = await seedAnswers(db, workspace.id, role.id, count);
      const scoring = queues.get('scoring');
      await scoring.pause();
      for (let i = 0; i < answerIds.length; i += 500) {
        await Promise.all(answerIds.slice(i, i + 500).map((answerId) => enqueue(queues, scoreAnswerJob, { answerId })));
      }
      ctx.log(
        `seeded and enqueued ${answerIds.length} answers in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`,
      );
      const worker = await startRealWorker(ctx, prefix);
      const run = await drain(scoring, () => countsDone(queues, 'scoring'), count, worker.pid, 180_000);
      await worker.stop();
      const scored = await db.answer.count({ where: { id: { in: answerIds }, scores: { some: {} } } });
      const perSecond = (run.completed / run.ms) * 1000;
      const cpuPerJob = run.workerCpuMs / Math.max(1, run.completed);
      const otherCpuPerJob = Math.max(0, run.machineBusyMs - run.workerCpuMs) / Math.max(1, run.completed);
      const workerBusy = run.workerCpuMs / run.ms;
      ctx.log(
        `score_answer: ${run.completed} jobs (${run.failed} failed, ${scored} answers with Score rows) in ${(run.ms / 1000).toFixed(2)} s = ${perSecond.toFixed(0)}/s`,
      );
      ctx.log(
        `CPU per job: worker ${cpuPerJob.toFixed(2)} ms (${workerBusy.toFixed(2)} cores busy), rest of the machine (PostgreSQL, Redis, this process, other load) ${otherCpuPerJob.toFixed(2)} ms`,
      );
      const machineBusy = run.machineBusyMs / run.ms; // in cores
      const met = perSecond >= TARGET_PER_SECOND && run.failed === 0 && scored === count;

      let finding = '';
      if (!met) {
        // How many round trips a job makes: one more answer, scored by the real handler on a query-logging client.
        const [probe] = await seedAnswers(db, workspace.id, role.id, 1);
        const sql = probe ? await statementsPerJob(ctx, queues, probe) : null;
        if (sql)
          ctx.log(
            `one score_answer job sends ${sql.count} PostgreSQL statements (${describeStatements(sql.statements)}, + BEGIN)`,
          );
        // Where the worker's time goes: a smaller run of the same thing under --cpu-prof, cut to the run itself.
        const more = await seedAnswers(db, workspace.id, role.id, profileCount);
        const before = await countsDone(queues, 'scoring');
        await scoring.pause();
        await Promise.all(more.map((answerId) => enqueue(queues, scoreAnswerJob, { answerId })));
        const profiled = await startRealWorker(ctx, prefix, ['--cpu-prof', '--cpu-prof-dir', profileDir]);
        const profiledRun = await drain(
          scoring,
          async () => {
            const c = await countsDone(queues, 'scoring');
            return { completed: c.completed - before.completed, failed: c.failed - before.failed };
          },
          more.length,
          profiled.pid,
          120_000,
        );
        await profiled.stop(20_000);
        const exitedAt = Date.now();
        const file = readdirSync(profileDir).find((f) => f.endsWith('.cpuprofile'));
        const machineShare = machineBusy / cpus().length;
        const bound =
          workerBusy >= 0.85 || machineShare >= 0.8
            ? 'CPU-bound, not waiting on I/O'
            : 'not CPU-bound: waiting on round trips (or on other load on the host)';
        finding += ` The worker process spent ${cpuPerJob.toFixed(2)} ms of CPU per job (${workerBusy.toFixed(2)} cores busy over the run; Node's GC and I/O threads count too); the rest of the machine (PostgreSQL, Redis, anything else running) ${otherCpuPerJob.toFixed(2)} ms per job; all ${cpus().length} cores together were ${(machineShare * 100).toFixed(0)}% busy: ${bound}.`;
        if (sql)
          finding += ` Each job sends ${sql.count} PostgreSQL statements (${describeStatements(sql.statements)}, + BEGIN) and a few Redis calls; the no-op job costs the worker ${(baselineRun.workerCpuMs / Math.max(1, baselineRun.completed)).toFixed(2)} ms.`;
        if (file) {
          const summary = summarizeProfile(join(profileDir, file), 8, {
            fromEndMs: exitedAt - profiledRun.startedAt,
            toEndMs: exitedAt - profiledRun.doneAt,
          });
          ctx.log(`profile (${more.length} jobs): by area ${formatShares(summary.areas, 8)}`);
          ctx.log(`top self time: ${formatShares(summary.functions, 8)}`);
          finding += ` Profile (--cpu-prof, ${more.length} jobs) of the worker's CPU: ${formatShares(summary.areas, 6)}; top functions ${formatShares(summary.functions, 4)} (writev: one socket write per pg query).`;
        } else {
          finding += ' (no .cpuprofile was written)';
        }
        finding +=
          ' What would change it: batching (one job, or one worker pass, scoring many answers with one findMany and one createMany), since per-job overhead (a database round trip per statement, the job bookkeeping) rather than the scorer dominates, and a faster scorer tokenizer (rawTokens is its hottest function)' +
          (machineShare >= 0.8
            ? '; more worker processes do not help while all cores are busy.'
            : '; a second worker process would use the idle CPU.');
      }
      return [
        result({
          name: 'scoring_throughput.jobs_per_s',
          value: perSecond,
          unit: 'jobs/s',
          baseline: baselinePerSecond,
          target: `>= ${TARGET_PER_SECOND} jobs/s`,
          met,
          note: `${count} offline score_answer jobs (answers of interviews in progress), real worker (concurrency ${concurrency}) vs no-op BullMQ jobs (${cpus().length} cores); ${run.failed} failed, ${scored}/${count} answers scored.${finding}`,
        }),
        result({
          name: 'scoring_throughput.worker_cpu_per_job',
          value: cpuPerJob,
          unit: 'ms',
          baseline: baselineRun.workerCpuMs / Math.max(1, baselineRun.completed),
          target: 'none (where the time goes)',
          met: null,
          note: 'worker process CPU (user+system, /proc) per job; baseline: the no-op worker per no-op job',
        }),
      ];
    } finally {
      await stopAll();
      await queues.close();
      redis.disconnect();
      await deleteKeysUnder(ctx.redisUrl, prefix);
      if (workspaceId) await db.workspace.delete({ where: { id: workspaceId } });
      await db.$disconnect();
      if (keptProfileDir) ctx.log(`worker profile kept in ${profileDir}`);
      else rmSync(profileDir, { recursive: true, force: true });
    }
  },
};
