/** The whole pipeline in one process: engine → outbox → relay → BullMQ → scoring → report → one post per channel. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPORT_EVENT_TYPE } from '../../src/platforms/slack/delivery/report-destination.js';
import { ReportSchema } from '../../src/report/schema.js';
import { createScratchDatabase } from '../support/db.js';
import { startFakeSlack, type FakeSlack } from '../support/fake-slack.js';
import { newSlackInterview, playCandidate, slackWorkspace } from '../support/interviews.js';
import { startTestPipeline, until, type TestPipeline } from '../support/pipeline.js';
import { deleteKeys, uniquePrefix } from '../support/redis.js';
import { goodAnswerFor } from '../engine/support/answers.js';
import { createOfflineScorer, type AnswerScorer } from '../../src/scoring/index.js';
import { AppError } from '../../src/shared/errors.js';

let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
let slack: FakeSlack;
let pipeline: TestPipeline;
const prefix = uniquePrefix('pipe');

beforeAll(async () => {
  scratch = await createScratchDatabase('pipeline');
  slack = await startFakeSlack();
  pipeline = startTestPipeline(scratch.db, slack.url, prefix);
}, 60_000);
afterAll(async () => {
  await pipeline.stop();
  await slack.close();
  await deleteKeys(prefix);
  await scratch.drop();
});

function cardsFor(interviewId: string) {
  return slack.messages.filter(
    (m) => m.metadata?.event_type === REPORT_EVENT_TYPE && m.metadata.event_payload.report_key === interviewId,
  );
}

describe('the scoring and report pipeline', () => {
  it('turns a finished interview into exactly one report and one post per hiring channel', async () => {
    const db = scratch.db;
    const ws = await slackWorkspace(db, 'TPIPE');
    const interviewId = await newSlackInterview(db, ws.id, 'UCAND1');
    const said = await playCandidate(pipeline.deps.runner, pipeline.messenger, interviewId, ws.id, 'UCAND1', (q) =>
      q.startsWith('Introduction')
        ? 'I am a back-end developer with four years of Node.js and PostgreSQL; I built a payments service.'
        : goodAnswerFor(q),
    );
    // The candidate saw the notice, the consent question and the first question in that order.
    const consent = said.findIndex((t) => /reply "yes" or "no"/.test(t));
    const intro = said.findIndex((t) => t.startsWith('Introduction: '));
    expect(consent).toBeGreaterThan(0);
    expect(intro).toBeGreaterThan(consent);

    const posted = await until(
      () => db.reportPost.findFirst({ where: { report: { interviewId }, postedAt: { not: null } } }),
      30_000,
      'the report post',
    );
    expect(posted.destination).toBe('slack:TPIPE:CHIRING');
    expect(await db.report.count({ where: { interviewId } })).toBe(1);
    const report = ReportSchema.parse((await db.report.findUniqueOrThrow({ where: { interviewId } })).data);
    expect(report.questions.every((q) => q.status === 'scored')).toBe(true);
    expect(cardsFor(interviewId)).toHaveLength(1);
    expect((await db.interview.findUniqueOrThrow({ where: { id: interviewId } })).status).toBe('reported');

    // Every final answer scored once (one feedback row and five dimension rows, plus STAR for behavioral).
    const answers = await db.answer.findMany({
      where: { turn: { interviewId, kind: { not: 'introduction' } } },
      include: { scores: true, turn: true },
    });
    for (const answer of answers) {
      const dims = answer.scores.filter((s) => s.dimension !== 'feedback' && s.dimension !== 'star');
      expect(dims.map((s) => s.dimension).sort()).toEqual([
        'clarity',
        'completeness',
        'depth',
        'practicality',
        'technicalAccuracy',
      ]);
    }
    // Nothing left behind in the outbox but reminder and expiry timers, which fire later as no-ops.
    const left = await db.outboxEvent.findMany({ where: { interviewId, status: { not: 'sent' } } });
    expect(left.map((row) => [row.kind, row.status, (row.payload as { timer?: string }).timer])).toEqual(
      left.map(() => ['schedule_timer', 'pending', expect.stringMatching(/^(reminder|expiry)$/)]),
    );
  });

  it('a workspace without a hiring channel gets its report built and posted nowhere', async () => {
    const db = scratch.db;
    const ws = await slackWorkspace(db, 'TNOCHAN', null);
    const interviewId = await newSlackInterview(db, ws.id, 'UCAND2');
    await playCandidate(pipeline.deps.runner, pipeline.messenger, interviewId, ws.id, 'UCAND2', goodAnswerFor);
    await until(() => db.report.findUnique({ where: { interviewId } }), 30_000, 'the report');
    expect(await db.reportPost.count({ where: { report: { interviewId } } })).toBe(0);
    expect(cardsFor(interviewId)).toHaveLength(0);
  });
});

describe('when scoring fails for good', () => {
  it(
    'the report shows those answers as not scored, nothing is invented, and the recruiter is told which ones',
    { timeout: 60_000 },
    async () => {
      // A database of its own: the other pipeline in this file would otherwise relay this interview's rows too.
      const ownDb = await createScratchDatabase('scorefail');
      const db = ownDb.db;
      const offline = createOfflineScorer();
      // A scorer that cannot score one particular answer, the way a provider outage would fail it.
      const flaky: AnswerScorer = {
        id: offline.id,
        version: offline.version,
        label: offline.label,
        score: async (input) => {
          if (input.answer.includes('UNSCORABLE'))
            throw new AppError('scoring_failed', 'the scorer could not read this answer');
          return offline.score(input);
        },
      };
      const own = startTestPipeline(db, slack.url, `${prefix}-fail`, { scorer: flaky });
      try {
        const ws = await slackWorkspace(db, 'TFAIL');
        const interviewId = await newSlackInterview(db, ws.id, 'UCAND3');
        let n = 0;
        await playCandidate(own.deps.runner, own.messenger, interviewId, ws.id, 'UCAND3', (q) =>
          q.startsWith('Question') && ++n === 2 ? 'UNSCORABLE answer text that the scorer fails on.' : goodAnswerFor(q),
        );
        await until(
          () => db.reportPost.findFirst({ where: { report: { interviewId }, postedAt: { not: null } } }),
          30_000,
          'the report post',
        );
        const report = ReportSchema.parse((await db.report.findUniqueOrThrow({ where: { interviewId } })).data);
        const failed = report.questions.filter((q) => q.status === 'not_scored');
        expect(failed).toHaveLength(1);
        expect(failed[0]?.overall).toBeNull();
        expect(Object.values(failed[0]!.dimensions)).toEqual([null, null, null, null, null]);
        expect(report.flags.some((f) => f.code === 'missing_score')).toBe(true);
        const told = await until(
          async () =>
            own.messenger.messages.find((m) => m.interviewId === interviewId && m.recipient.to === 'recruiter'),
          20_000,
          'the recruiter notice',
        );
        expect(told.text).toContain(`question ${failed[0]!.index}`);
        expect(told.text).toMatch(/Scoring failed for good/);
        expect(own.deps.metrics?.reportsPosted).toBeDefined();
        const posted = await own.deps.metrics!.reportsPosted.get();
        expect(posted.values.find((v) => v.labels.destination === 'slack')?.value).toBe(1);
      } finally {
        await own.stop();
        await ownDb.drop();
      }
    },
  );
});
