/** The job handlers on their own: idempotent scoring, failures stored as failures, a report that waits for scores. */
import { afterAll, describe, expect, it } from 'vitest';
import { buildInterviewReport } from '../../../src/background/jobs/build-report.js';
import { scoreAnswer } from '../../../src/background/jobs/score-answer.js';
import { ReportSchema } from '../../../src/report/schema.js';
import { createOfflineScorer, defaultQuestionBank } from '../../../src/scoring/index.js';
import type { AnswerScorer, ScoreInput } from '../../../src/scoring/types.js';
import { AppError } from '../../../src/shared/errors.js';
import { ManualClock } from '../../../src/shared/clock.js';
import { createTestDb } from '../../support/db.js';
import { answerUntilClosed, reachFirstQuestion } from '../../engine/support/answers.js';
import { TestChat } from '../../engine/support/chat.js';

const db = createTestDb();
afterAll(() => db.$disconnect());

const clock = new ManualClock();
const bank = defaultQuestionBank();
const offline = createOfflineScorer();

/** A scorer that is down: what the job stores must say so, not invent numbers. */
const brokenScorer: AnswerScorer = {
  id: 'broken-scorer',
  version: '0.0.1',
  label: 'Broken scorer',
  score: () => Promise.reject(new AppError('unavailable', 'the scoring service did not answer')),
};

async function firstQuestionAnswerId(): Promise<string> {
  const chat = await TestChat.open(db);
  await reachFirstQuestion(chat);
  await chat.send(
    'I would cache the response with a TTL and invalidate it when the data changes, then measure the hit rate.',
  );
  const answer = await db.answer.findFirstOrThrow({ where: { turn: { interviewId: chat.interviewId, order: 1 } } });
  return answer.id;
}

describe('score_answer', () => {
  it('is idempotent: a second run writes nothing new', async () => {
    const answerId = await firstQuestionAnswerId(); // the session's own drain already scored it once
    const before = await db.score.findMany({ where: { answerId }, orderBy: { dimension: 'asc' } });
    expect(before.length).toBeGreaterThanOrEqual(5);
    expect(await scoreAnswer({ db, scorer: offline, bank, clock }, { answerId })).toEqual({
      status: 'done',
      reason: 'already_scored',
    });
    expect(await db.score.findMany({ where: { answerId }, orderBy: { dimension: 'asc' } })).toEqual(before);
  });

  it('records a scorer failure as failed, with no value, and flags the answer', async () => {
    const answerId = await firstQuestionAnswerId();
    // The session scored it already; an answer counts as scored by any scorer, so start from no score.
    await db.score.deleteMany({ where: { answerId } });
    await scoreAnswer({ db, scorer: brokenScorer, bank, clock }, { answerId });
    const rows = await db.score.findMany({
      where: { answerId, scorerId: brokenScorer.id, dimension: { not: 'feedback' } },
    });
    expect(rows).toHaveLength(5);
    expect(rows.every((r) => r.status === 'failed' && r.value === null)).toBe(true);
    expect(rows[0]?.error).toMatch(/unavailable/);
    const answer = await db.answer.findUniqueOrThrow({ where: { id: answerId } });
    expect(answer.flags).toContain('scoring_failed');
  });

  it("scores a follow-up with its own text and the asked question as its parent, loaded in the answer's query", async () => {
    const chat = await TestChat.open(db);
    const first = await reachFirstQuestion(chat);
    const followUp = (await chat.send('Use a cache.')).at(-1) ?? '';
    expect(followUp).toMatch(/^Question \d+ \(follow-up to question \d+\): /);
    await chat.send('I would add a TTL and invalidate the entry on every write.');
    const turns = await db.turn.findMany({ where: { interviewId: chat.interviewId }, orderBy: { order: 'asc' } });
    const [, asked, followed] = turns;
    const answer = await db.answer.findFirstOrThrow({ where: { turnId: followed?.id ?? '' } });
    await db.score.deleteMany({ where: { answerId: answer.id } });
    const seen: ScoreInput[] = [];
    const recording: AnswerScorer = {
      id: offline.id,
      version: offline.version,
      label: offline.label,
      score: (input) => {
        seen.push(input);
        return offline.score(input);
      },
    };
    await scoreAnswer({ db, scorer: recording, bank, clock }, { answerId: answer.id });
    const question = seen[0]?.question;
    expect(question).toMatchObject({ kind: 'follow_up', text: followed?.questionText });
    expect(first.endsWith(asked?.questionText ?? '-')).toBe(true);
    expect(question?.expectedParts).toBeUndefined();
    expect(question?.parent).toMatchObject({ id: asked?.questionId, kind: 'technical', text: asked?.questionText });
    expect(question?.parent?.concepts?.length).toBeGreaterThan(0);
  });

  it('is idempotent per scorer id and version: a newer version scores again beside the old rows, a stand-in counts', async () => {
    const answerId = await firstQuestionAnswerId(); // scored by the offline scorer already
    const before = await db.score.findMany({ where: { answerId } });
    const newer: AnswerScorer = {
      ...offline,
      version: '9.9.9',
      score: async (input) => ({ ...(await offline.score(input)), scorerVersion: '9.9.9' }),
    };
    expect(await scoreAnswer({ db, scorer: newer, bank, clock }, { answerId })).toEqual({ status: 'done' });
    expect(await scoreAnswer({ db, scorer: newer, bank, clock }, { answerId })).toEqual({
      status: 'done',
      reason: 'already_scored',
    });
    const after = await db.score.findMany({ where: { answerId } });
    expect(after.filter((r) => r.scorerVersion === offline.version)).toEqual(before);
    expect(after.filter((r) => r.scorerVersion === '9.9.9')).toHaveLength(before.length);

    // A configured model scorer that failed: the offline scorer's score stood in for it, and counts as its score.
    const model: AnswerScorer = {
      id: 'model-scorer',
      version: '2',
      label: 'Model scorer',
      score: async (input) => ({
        ...(await offline.score(input)),
        standInFor: { scorerId: 'model-scorer', label: 'Model scorer', reason: 'timeout' },
      }),
    };
    await db.score.deleteMany({ where: { answerId } });
    expect(await scoreAnswer({ db, scorer: model, bank, clock }, { answerId })).toEqual({ status: 'done' });
    expect(await scoreAnswer({ db, scorer: model, bank, clock }, { answerId })).toEqual({
      status: 'done',
      reason: 'already_scored',
    });
    expect(new Set((await db.score.findMany({ where: { answerId } })).map((r) => r.scorerId))).toEqual(
      new Set([offline.id]),
    );
  });

  it('skips an answer that no longer exists (erased) without failing', async () => {
    expect(await scoreAnswer({ db, scorer: offline, bank, clock }, { answerId: 'gone' })).toMatchObject({
      status: 'skipped',
    });
  });
});

describe('build_report', () => {
  it('waits while an answer has no score, then builds one report and marks the interview scored', async () => {
    const chat = await TestChat.open(db);
    await reachFirstQuestion(chat);
    await answerUntilClosed(chat);
    const { interviewId } = chat;
    // Put the interview back to "closed, one answer not scored yet".
    const answer = await db.answer.findFirstOrThrow({ where: { turn: { interviewId, order: 1 } } });
    await db.score.deleteMany({ where: { answerId: answer.id } });
    await db.report.deleteMany({ where: { interviewId } });
    await db.interview.update({ where: { id: interviewId }, data: { status: 'completed' } });
    const deps = { db, clock, scorer: offline, interviewerLabel: 'Screener (offline interviewer)' };

    expect(await buildInterviewReport(deps, { interviewId })).toEqual({
      status: 'retry',
      reason: 'waiting_for_scores',
    });
    expect(await db.report.count({ where: { interviewId } })).toBe(0);

    await scoreAnswer({ db, scorer: offline, bank, clock }, { answerId: answer.id });
    expect(await buildInterviewReport(deps, { interviewId })).toEqual({ status: 'done' });
    expect(await buildInterviewReport(deps, { interviewId })).toEqual({ status: 'done', reason: 'already_built' });
    const stored = await db.report.findMany({ where: { interviewId } });
    expect(stored).toHaveLength(1);
    expect(ReportSchema.parse(stored[0]?.data).metadata.generatedAt).toBe(clock.now().toISOString());
    expect((await db.interview.findUniqueOrThrow({ where: { id: interviewId } })).status).toBe('scored');
  });
});
