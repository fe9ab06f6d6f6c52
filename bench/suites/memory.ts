/**
 * Memory (issue item 4): resident memory of the real server (`src/process/server.ts`) and the real worker (`src/process/worker.ts`)
 * with 100, 1,000 and 10,000 open interviews in the database (quick: 100, 1,000 and 3,000). Interview state lives in
 * PostgreSQL, so RSS should hardly grow with the number of open interviews: the target is at most 10% growth from
 * the smallest count to the largest, the smallest count's RSS being the baseline.
 *
 * The interviews are realistic: in the interview phase, mid-way (introduction and two questions answered, scored,
 * the third question asked), a full engine state (plan, answer references, seen message ids, reminder and expiry
 * timers) that engineStateSchema accepts, their Turn, Answer and Score rows, two pending timer rows in the outbox
 * (due in a day and a week) and three sent message rows. Both processes run with Slack configured against a fake
 * Slack Web API on loopback (test/support/fake-slack.ts), SANDBOX off, the production defaults otherwise. At each
 * count both are started afresh and run for a few seconds (the worker's reconciler makes its start-up pass and the
 * outbox relay polls; /healthz and /metrics are asked now and then); VmRSS is read from /proc every 250 ms over the
 * second half of that window and the median counts. RSS moves by several percent from run to run with nothing
 * changed (when V8 last collected, what the allocator returned to the OS), so a diagnostic figure goes with it:
 * the V8 heap in use after a full GC forced through each process's inspector (`--inspect=127.0.0.1:0`), which
 * moves by well under 1% and would show per-interview data kept in memory first.
 */
import { randomUUID } from 'node:crypto';
import { createInitialState, type EngineState } from '../../src/engine/state.js';
import { derivedId, timerId } from '../../src/engine/ids.js';
import { scoreToRows } from '../../src/store/score-rows.js';
import { createOfflineScorer, defaultQuestionBank, toScoringQuestion } from '../../src/scoring/index.js';
import type { AnswerScore } from '../../src/scoring/types.js';
import {
  ensureDefaultRoles,
  ensureWorkspace,
  findRoleBySlug,
  loadInterviewState,
  outboxDedupeKey,
} from '../../src/store/index.js';
import type { StoredRole } from '../../src/store/roles.js';
import { createPrisma, type Db, type Prisma } from '../../src/store/prisma.js';
import { startFakeSlack } from '../../test/support/fake-slack.js';
import { rssBytes, sleep, spawnTs, stopAll, type Child } from '../lib/child-process.js';
import { deleteKeysUnder } from '../../test/support/redis-keys.js';
import { result, type BenchContext, type BenchResult, type BenchSuite } from '../lib/result.js';
import { collectGarbage, inspectorUrl } from '../lib/inspector.js';
import { percentile } from '../lib/stats.js';

const TARGET_RATIO = 1.1;
const INTRO =
  'I am a back-end developer with four years of experience building APIs in Node.js and PostgreSQL. I built a payments service and a search indexer.';
const SLACK_TEAM = 'T1'; // the fake Slack's default bot answers auth.test with this team
const QUESTIONS = 7;
const ANSWERED_QUESTIONS = 2;

type BankQuestion = ReturnType<typeof defaultQuestionBank>['questions'][number];

interface Seeder {
  workspaceId: string;
  role: StoredRole;
  bank: BankQuestion[];
  scores: Map<string, AnswerScore>;
  seeded: number;
}

async function prepareSeeder(db: Db): Promise<Seeder> {
  const workspace = await ensureWorkspace(db, { platform: 'slack', externalId: SLACK_TEAM, name: 'Bench memory' });
  await db.workspace.update({ where: { id: workspace.id }, data: { hiringChannelId: 'CHIRING' } });
  await ensureDefaultRoles(db, workspace.id);
  const role = await findRoleBySlug(db, workspace.id, 'backend-mid');
  if (!role) throw new Error('no backend-mid role');
  const bank = defaultQuestionBank().questions.filter((q) => q.family === 'backend' || q.family === 'behavioral');
  // One real offline score per bank question, reused for every answer to it.
  const scorer = createOfflineScorer();
  const scores = new Map<string, AnswerScore>();
  for (const q of bank)
    scores.set(q.id, await scorer.score({ question: toScoringQuestion(q), answer: q.referenceAnswer }));
  return { workspaceId: workspace.id, role, bank, scores, seeded: 0 };
}

/** The engine state of an interview mid-way: introduction and two questions answered, the third asked. */
function midInterviewState(id: string, userId: string, role: StoredRole, plan: BankQuestion[], now: Date): EngineState {
  const iso = (ms: number) => new Date(now.getTime() + ms).toISOString();
  const answered = [INTRO, ...plan.slice(0, ANSWERED_QUESTIONS).map((q) => q.referenceAnswer)];
  const current = plan[ANSWERED_QUESTIONS];
  if (!current) throw new Error('question plan too short');
  const order = ANSWERED_QUESTIONS + 1;
  return {
    ...createInitialState({ interviewId: id, candidateUserId: userId, platform: 'slack', role: role.config }),
    phase: 'interview',
    status: 'in_progress',
    plan: plan.map((q) => ({ questionId: q.id, kind: q.kind, text: q.text })),
    planCursor: order,
    current: {
      turnId: derivedId(id, 'turn', order),
      order,
      kind: current.kind,
      questionId: current.id,
      parentQuestionId: null,
      parentTurnId: null,
      text: current.text,
      label: `Question ${order} of ${plan.length} (${current.kind})`,
      askedAt: iso(-60_000),
    },
    nextOrder: order + 1,
    answers: answered.map((text, o) => ({
      answerId: derivedId(id, 'answer', o),
      turnId: derivedId(id, 'turn', o),
      turnOrder: o,
      parts: [{ messageId: `D${userId}:${o + 2}`, text }],
      final: true,
      edited: false,
      edits: 0,
    })),
    seen: [`start:${id}`, `D${userId}:1`, ...answered.map((_, o) => `D${userId}:${o + 2}`)],
    timerSeq: 8,
    nudge: {
      lastActivityAt: iso(-60_000),
      remindersSent: 0,
      reminderAt: iso(24 * 3600_000),
      expiresAt: iso(7 * 24 * 3600_000),
      reminderTimerId: timerId(id, 7, 'reminder'),
      expiryTimerId: timerId(id, 8, 'expiry'),
    },
  };
}

/**
 * One INSERT per table and batch: the rows travel as one JSON parameter and jsonb_populate_recordset gives each
 * key its column's type (enums, arrays, jsonb, timestamps). Prisma's createMany took ~20x longer for the same rows.
 * Columns not in the rows get their database defaults; Prisma's own defaults (@default(uuid()), @updatedAt) are
 * client-side, so the rows carry those.
 */
async function bulkInsert(db: Db, table: string, rows: object[]): Promise<void> {
  if (rows.length === 0) return;
  // Every key any row has: a row without one gets NULL there, not the default, so rows should carry all of them.
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))].map((c) => `"${c}"`).join(', ');
  await db.$executeRawUnsafe(
    `INSERT INTO "${table}" (${columns}) SELECT ${columns} FROM jsonb_populate_recordset(null::"${table}", $1::jsonb)`,
    JSON.stringify(rows),
  );
}

/** Adds open interviews until `total` exist; createMany in batches. */
async function seedOpenInterviews(db: Db, seeder: Seeder, total: number): Promise<void> {
  const now = new Date();
  while (seeder.seeded < total) {
    const batch = Math.min(1_000, total - seeder.seeded);
    const candidates: Prisma.CandidateCreateManyInput[] = [];
    const interviews: Prisma.InterviewCreateManyInput[] = [];
    const turns: Prisma.TurnCreateManyInput[] = [];
    const answers: Prisma.AnswerCreateManyInput[] = [];
    const scores: Prisma.ScoreCreateManyInput[] = [];
    const outbox: Prisma.OutboxEventCreateManyInput[] = [];
    for (let i = 0; i < batch; i++) {
      const n = seeder.seeded + i;
      const id = randomUUID();
      const candidateId = randomUUID();
      const userId = `UMEM${n}`;
      const plan = [
        ...seeder.bank.filter((q) => q.kind === 'technical').slice(n % 7, (n % 7) + 5),
        ...seeder.bank.filter((q) => q.kind === 'behavioral').slice(n % 3, (n % 3) + 2),
      ];
      if (plan.length !== QUESTIONS) throw new Error('question bank too small for the plan');
      const state = midInterviewState(id, userId, seeder.role, plan, now);
      candidates.push({
        id: candidateId,
        workspaceId: seeder.workspaceId,
        platformUserId: userId,
        displayName: `Candidate ${n}`,
        timeZone: 'Europe/Berlin',
      });
      interviews.push({
        id,
        workspaceId: seeder.workspaceId,
        candidateId,
        roleId: seeder.role.id,
        recruiterId: 'URECRUITER',
        status: 'in_progress',
        version: 9,
        state: state as unknown as Prisma.InputJsonValue,
        platform: 'slack',
        platformConversationId: `D${userId}`,
        platformThreadId: '1700000000.000100',
        consentedAt: new Date(now.getTime() - 20 * 60_000),
        startedAt: new Date(now.getTime() - 20 * 60_000),
        lastActivityAt: new Date(now.getTime() - 60_000),
        nextReminderAt: new Date(state.nudge?.reminderAt ?? now),
        expiresAt: new Date(state.nudge?.expiresAt ?? now),
      });
      const asked = [
        { kind: 'introduction' as const, questionId: null, text: 'Tell me about yourself.', answer: INTRO },
        ...plan
          .slice(0, ANSWERED_QUESTIONS + 1)
          .map((q) => ({ kind: q.kind, questionId: q.id, text: q.text, answer: q.referenceAnswer })),
      ];
      for (const [order, turn] of asked.entries()) {
        const at = new Date(now.getTime() - (20 - order * 5) * 60_000);
        turns.push({
          id: derivedId(id, 'turn', order),
          interviewId: id,
          order,
          kind: turn.kind,
          questionId: turn.questionId,
          questionText: turn.text,
          askedAt: at,
        });
        if (order > ANSWERED_QUESTIONS) continue; // the current question, not answered yet
        const answerId = derivedId(id, 'answer', order);
        answers.push({
          id: answerId,
          turnId: derivedId(id, 'turn', order),
          text: turn.answer,
          wordCount: turn.answer.split(/\s+/).length,
          receivedAt: at,
          finalizedAt: at,
          platformMessageIds: [`D${userId}:${order + 2}`],
        });
        const score = turn.questionId ? seeder.scores.get(turn.questionId) : undefined;
        if (score) scores.push(...scoreToRows(answerId, score));
      }
      for (const [index, timer] of (['reminder', 'expiry'] as const).entries()) {
        const fireAt = new Date(
          timer === 'reminder' ? (state.nudge?.reminderAt ?? now) : (state.nudge?.expiresAt ?? now),
        );
        const timerIdOf = timer === 'reminder' ? state.nudge?.reminderTimerId : state.nudge?.expiryTimerId;
        outbox.push({
          interviewId: id,
          kind: 'schedule_timer',
          payload: { timer, timerId: timerIdOf ?? '', fireAt: fireAt.toISOString() },
          dedupeKey: outboxDedupeKey(id, 9, index),
          availableAt: fireAt,
          status: 'pending',
          sentAt: null,
          attempts: 0,
        });
      }
      for (let v = 6; v <= 8; v++) {
        outbox.push({
          interviewId: id,
          kind: 'send_message',
          payload: { recipient: { to: 'candidate' }, text: plan[v - 6]?.text ?? '' },
          dedupeKey: outboxDedupeKey(id, v, 0),
          status: 'sent',
          sentAt: now,
          attempts: 1,
          availableAt: now,
        });
      }
    }
    await bulkInsert(db, 'Candidate', candidates);
    await bulkInsert(
      db,
      'Interview',
      interviews.map((row) => ({ ...row, createdAt: now, updatedAt: now })),
    );
    await bulkInsert(db, 'Turn', turns);
    await bulkInsert(db, 'Answer', answers);
    await bulkInsert(
      db,
      'Score',
      scores.map((row) => ({ id: randomUUID(), error: null, details: {}, ...row })),
    );
    await bulkInsert(
      db,
      'OutboxEvent',
      outbox.map((row) => ({ id: randomUUID(), ...row })),
    );
    if (seeder.seeded === 0) {
      // What the engine would load: the stored state must read back through the real store.
      const first = interviews[0]?.id;
      const loaded = first ? await loadInterviewState(db, first) : null;
      if (loaded?.state.phase !== 'interview')
        throw new Error('memory: the seeded interview does not load as an interview in progress');
    }
    seeder.seeded += batch;
  }
}

interface Sample {
  serverRss: number;
  workerRss: number;
  serverHeap: number;
  workerHeap: number;
}

async function portOf(child: Child, message: string): Promise<number> {
  const line = await child.waitFor(new RegExp(`"msg":"${message}"`), 60_000);
  return (JSON.parse(line) as { port: number }).port;
}

/**
 * Starts both processes and lets them run `settleMs` (asking /healthz and /metrics once a second); VmRSS is the
 * median of readings every 250 ms over the second half. Then a full GC is forced in each through its inspector and
 * the V8 heap in use is read: what the process keeps, independent of when it last collected.
 */
async function measure(ctx: BenchContext, slackUrl: string, prefix: string, settleMs: number): Promise<Sample> {
  const env = {
    DATABASE_URL: ctx.databaseUrl,
    REDIS_URL: ctx.redisUrl,
    QUEUE_PREFIX: prefix,
    PORT: '0',
    WORKER_PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
    SANDBOX: 'off',
    NODE_ENV: 'development',
    SLACK_SIGNING_SECRET: 'bench-signing-secret',
    SLACK_BOT_TOKEN: 'xoxb-test-bench-0000',
    SLACK_API_URL: slackUrl,
  };
  const inspect = ['--inspect=127.0.0.1:0'];
  const server = spawnTs('src/process/server.ts', env, inspect);
  const worker = spawnTs('src/process/worker.ts', env, inspect);
  try {
    const [serverInspector, workerInspector] = await Promise.all([inspectorUrl(server), inspectorUrl(worker)]);
    const [serverPort, workerPort] = await Promise.all([
      portOf(server, 'Screener server listening'),
      portOf(worker, 'Screener worker started'),
    ]);
    const serverRss: number[] = [];
    const workerRss: number[] = [];
    const started = Date.now();
    for (let tick = 0; Date.now() - started < settleMs; tick++) {
      if (tick % 4 === 0) {
        // What a load balancer and Prometheus would ask meanwhile.
        await Promise.all([
          fetch(`http://127.0.0.1:${serverPort}/healthz`).then((r) => r.arrayBuffer()),
          fetch(`http://127.0.0.1:${workerPort}/metrics`).then((r) => r.arrayBuffer()),
        ]).catch(() => undefined);
      }
      if (Date.now() - started >= settleMs / 2) {
        serverRss.push(rssBytes(server.pid));
        workerRss.push(rssBytes(worker.pid));
      }
      await sleep(250);
    }
    if (server.child.exitCode !== null || worker.child.exitCode !== null)
      throw new Error(`a process exited early:\n${server.output().slice(-2_000)}\n${worker.output().slice(-2_000)}`);
    const [serverHeap, workerHeap] = await Promise.all([
      collectGarbage(serverInspector),
      collectGarbage(workerInspector),
    ]);
    return { serverRss: percentile(serverRss, 50), workerRss: percentile(workerRss, 50), serverHeap, workerHeap };
  } finally {
    await Promise.all([server.stop(), worker.stop()]);
  }
}

const MiB = 2 ** 20;

export const memorySuite: BenchSuite = {
  name: 'memory',
  description: 'RSS of the real server and worker with 100 / 1,000 / 10,000 open interviews in PostgreSQL',
  async run(ctx: BenchContext): Promise<BenchResult[]> {
    const counts = ctx.quick ? [100, 1_000, 3_000] : [100, 1_000, 10_000];
    const settleMs = ctx.quick ? 4_000 : 8_000;
    const prefix = `${ctx.redisPrefix}-memory`;
    const db = createPrisma(ctx.databaseUrl);
    const slack = await startFakeSlack();
    const samples = new Map<number, Sample>();
    let seeder: Seeder | null = null;
    try {
      seeder = await prepareSeeder(db);
      for (const count of counts) {
        const seedStart = performance.now();
        await seedOpenInterviews(db, seeder, count);
        const seedSeconds = (performance.now() - seedStart) / 1000;
        const sample = await measure(ctx, slack.url, prefix, settleMs);
        samples.set(count, sample);
        ctx.log(
          `${count} open interviews (seeding took ${seedSeconds.toFixed(1)} s): RSS server ${(sample.serverRss / MiB).toFixed(1)} MiB, worker ${(sample.workerRss / MiB).toFixed(1)} MiB; V8 heap in use server ${(sample.serverHeap / MiB).toFixed(1)} MiB, worker ${(sample.workerHeap / MiB).toFixed(1)} MiB`,
        );
      }
    } finally {
      await stopAll();
      await slack.close();
      await deleteKeysUnder(ctx.redisUrl, prefix);
      // Later suites should not find ten thousand open interviews in their reconciler's way.
      if (seeder) {
        const cleanup = performance.now();
        await db.workspace.delete({ where: { id: seeder.workspaceId } });
        ctx.log(`removed the seeded interviews in ${((performance.now() - cleanup) / 1000).toFixed(1)} s`);
      }
      await db.$disconnect();
    }
    const smallest = counts[0] ?? 100;
    const largest = counts[counts.length - 1] ?? smallest;
    const middle = counts[1] ?? smallest;
    const base = samples.get(smallest);
    const top = samples.get(largest);
    const mid = samples.get(middle);
    if (!base || !top || !mid) throw new Error('memory: a measurement is missing');
    const results: BenchResult[] = [];
    for (const [which, rss, heap] of [
      ['server', 'serverRss', 'serverHeap'],
      ['worker', 'workerRss', 'workerHeap'],
    ] as const) {
      const ratio = top[rss] / base[rss];
      const met = ratio <= TARGET_RATIO;
      const heapGrowth = `V8 heap in use after GC ${(base[heap] / MiB).toFixed(1)} -> ${(top[heap] / MiB).toFixed(1)} MiB`;
      results.push(
        result({
          name: `memory.${which}_rss_${largest}`,
          value: top[rss] / MiB,
          unit: 'MiB',
          baseline: base[rss] / MiB,
          target: `ratio <= ${TARGET_RATIO} (vs ${smallest} interviews)`,
          met,
          note:
            `median VmRSS of src/${which}.ts over the last ${settleMs / 2000} s of ${settleMs / 1000} s running with ${largest} open interviews (interview phase, ~26 rows each); baseline: the same with ${smallest}; ${heapGrowth}` +
            (met
              ? ''
              : `. MISSED: RSS grew ${((ratio - 1) * 100).toFixed(0)}%, so something keeps per-interview data in memory; compare heap snapshots (node --heapsnapshot-signal=SIGUSR2) of the ${smallest} and ${largest} runs`),
        }),
        result({
          name: `memory.${which}_rss_${middle}`,
          value: mid[rss] / MiB,
          unit: 'MiB',
          baseline: base[rss] / MiB,
          target: `ratio <= ${TARGET_RATIO} (vs ${smallest} interviews)`,
          met: mid[rss] / base[rss] <= TARGET_RATIO,
          note: `the same with ${middle} open interviews`,
        }),
        result({
          name: `memory.${which}_heap_${largest}`,
          value: top[heap] / MiB,
          unit: 'MiB',
          baseline: base[heap] / MiB,
          target: 'none (diagnostic)',
          met: null,
          note: `V8 heap in use after a forced full GC with ${largest} open interviews; baseline: with ${smallest}. Steadier than RSS: per-interview data kept in memory would show here first`,
        }),
      );
    }
    return results;
  },
};
