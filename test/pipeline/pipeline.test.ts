/** The whole pipeline in one process: engine → outbox → relay → BullMQ → scoring → report → one post per channel. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPORT_EVENT_TYPE } from '../../src/platforms/slack/report-destination.js';
import { ReportSchema } from '../../src/report/schema.js';
import { createScratchDatabase } from '../support/db.js';
import { startFakeSlack, type FakeSlack } from '../support/fake-slack.js';
import { newSlackInterview, playCandidate, slackWorkspace } from '../support/interviews.js';
import { startTestPipeline, until, type TestPipeline } from '../support/pipeline.js';
import { deleteKeys, uniquePrefix } from '../support/redis.js';
import { goodAnswerFor } from '../engine/support/answers.js';

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
  return slack.messages.filter((m) => m.metadata?.event_type === REPORT_EVENT_TYPE && m.metadata.event_payload.report_key === interviewId);
}

describe('the scoring and report pipeline', () => {
  it('turns a finished interview into exactly one report and one post per hiring channel', async () => {
    const db = scratch.db;
    const ws = await slackWorkspace(db, 'TPIPE');
    const interviewId = await newSlackInterview(db, ws.id, 'UCAND1');
    const said = await playCandidate(pipeline.deps.runner, pipeline.messenger, interviewId, ws.id, 'UCAND1', (q) =>
      q.startsWith('Introduction') ? 'I am a back-end developer with four years of Node.js and PostgreSQL; I built a payments service.' : goodAnswerFor(q),
    );
    // The candidate saw the notice, the consent question and the first question in that order.
    const consent = said.findIndex((t) => /reply "yes" or "no"/.test(t));
    const intro = said.findIndex((t) => t.startsWith('Introduction: '));
    expect(consent).toBeGreaterThan(0);
    expect(intro).toBeGreaterThan(consent);

    const posted = await until(() => db.reportPost.findFirst({ where: { report: { interviewId }, postedAt: { not: null } } }), 30_000, 'the report post');
    expect(posted.destination).toBe('slack:TPIPE:CHIRING');
    expect(await db.report.count({ where: { interviewId } })).toBe(1);
    const report = ReportSchema.parse((await db.report.findUniqueOrThrow({ where: { interviewId } })).data);
    expect(report.questions.every((q) => q.status === 'scored')).toBe(true);
    expect(cardsFor(interviewId)).toHaveLength(1);
    expect((await db.interview.findUniqueOrThrow({ where: { id: interviewId } })).status).toBe('reported');

    // Every final answer scored once (one feedback row and five dimension rows, plus STAR for behavioral).
    const answers = await db.answer.findMany({ where: { turn: { interviewId, kind: { not: 'introduction' } } }, include: { scores: true, turn: true } });
    for (const answer of answers) {
      const dims = answer.scores.filter((s) => s.dimension !== 'feedback' && s.dimension !== 'star');
      expect(dims.map((s) => s.dimension).sort()).toEqual(['clarity', 'completeness', 'depth', 'practicality', 'technicalAccuracy']);
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
