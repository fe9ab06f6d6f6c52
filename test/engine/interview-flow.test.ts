/** Whole interviews, driven like a candidate would, against the real database. */
import { afterAll, describe, expect, it } from 'vitest';
import { ReportSchema } from '../../src/report/schema.js';
import { createTestDb } from '../support/db.js';
import { answerUntilClosed, CLOSING, goodAnswerFor, INTRODUCTION, PROMPT } from './support/answers.js';
import { TestChat } from './support/chat.js';
import { outboxKinds } from './support/rows.js';

const db = createTestDb();
afterAll(() => db.$disconnect());

function loadInterview(id: string) {
  return db.interview.findUniqueOrThrow({
    where: { id },
    include: { turns: { orderBy: { order: 'asc' }, include: { answer: { include: { scores: true } } } }, report: true },
  });
}

describe('a whole interview', () => {
  it('goes consent → introduction → questions with one follow-up → behavioral → close → scores → report', async () => {
    const chat = await TestChat.open(db, { roleSlug: 'backend-mid' });
    expect(chat.opening[0]).toMatch(/offline interviewer/);
    expect(chat.opening[1]).toMatch(/reply "yes" or "no"/);
    expect(await chat.send('yes')).toEqual([
      expect.stringMatching(/^Thank you/),
      expect.stringMatching(/^Introduction: .*tell me about yourself/),
    ]);

    const first = (await chat.send(INTRODUCTION)).at(-1) ?? '';
    expect(first).toMatch(/^Question 1 \(technical, 1 of 7 planned\): /);
    const followUp = (await chat.send('Use a cache.')).at(-1) ?? '';
    expect(followUp).toMatch(/^Question 2 \(follow-up to question 1\): /);
    // At most one follow-up per question, however thin the second answer is.
    expect((await chat.send('And a TTL.')).at(-1)).toMatch(/^Question 3 \(technical, 2 of 7 planned\): /);

    const prompts = await answerUntilClosed(chat);
    expect(prompts.filter((p) => /^Question \d+ \(behavioral, /.test(p))).toHaveLength(2);
    expect(chat.lastReply()).toMatch(/What happens next/);

    const interview = await loadInterview(chat.interviewId);
    expect(interview.status).toBe('scored');
    expect(interview.turns[0]?.kind).toBe('introduction');
    expect(interview.turns[0]?.answer?.scores).toEqual([]); // the introduction builds the profile; it is not scored
    const questionTurns = interview.turns.filter((t) => t.kind !== 'introduction');
    expect(questionTurns.filter((t) => t.kind === 'follow_up').length).toBeGreaterThanOrEqual(1);
    for (const turn of questionTurns) {
      const statuses = new Set(turn.answer?.scores.map((s) => s.status));
      expect(turn.answer?.finalizedAt).not.toBeNull();
      expect([...statuses].every((s) => s === 'ok' || s === 'failed')).toBe(true);
      expect(turn.answer?.scores.some((s) => s.dimension === 'technicalAccuracy')).toBe(true);
    }
    const report = ReportSchema.parse(interview.report?.data);
    expect(report.questions).toHaveLength(questionTurns.length);
    // The follow-up belongs to the first question and counts with it.
    expect(report.questions[1]).toMatchObject({ kind: 'follow_up', parent: { index: 1, kind: 'technical' } });
    expect(report.metadata.interviewer).toMatch(/offline interviewer/);
    expect(report.questions.every((q) => q.status === 'scored' || q.status === 'not_scored')).toBe(true);

    // The hiring manager's decision: one per interview, a second click changes nothing.
    await chat.decide('advance', 'U-manager');
    await chat.decide('reject', 'U-manager');
    const decisions = await db.decision.findMany({ where: { interviewId: chat.interviewId } });
    expect(decisions.map((d) => [d.decision, d.deciderId])).toEqual([['advance', 'U-manager']]);
  });

  it('a decline ends it with nothing stored but the decline', async () => {
    const chat = await TestChat.open(db);
    expect(await chat.send('No')).toEqual([expect.stringMatching(/will not go ahead/)]);
    expect(chat.recruiterMessages()).toEqual([expect.stringMatching(/declined/)]);
    const interview = await loadInterview(chat.interviewId);
    expect(interview.status).toBe('declined');
    expect(interview.endedAt).not.toBeNull();
    expect(interview.consentedAt).toBeNull();
    expect(interview.turns).toEqual([]);
    expect(await outboxKinds(db, chat.interviewId)).not.toContain('enqueue_job');
    const audit = await db.auditEvent.findMany({ where: { subject: `interview:${chat.interviewId}` } });
    expect(audit.map((a) => a.action)).toContain('consent.declined');
    expect(await chat.send('hello?')).toEqual([expect.stringMatching(/has ended/)]);
  });
});

describe('candidate commands mid-interview', () => {
  it('pause holds everything until resume; messages in between are not answers', async () => {
    const chat = await TestChat.open(db);
    await chat.send('yes');
    const question = (await chat.send(INTRODUCTION)).at(-1);
    expect(await chat.command('pause')).toEqual([expect.stringMatching(/^Paused/)]);
    expect((await loadInterview(chat.interviewId)).status).toBe('paused');
    expect(await chat.send('is this thing on?')).toEqual([expect.stringMatching(/We are paused/)]);
    expect(await chat.send('Resume')).toEqual([expect.stringMatching(/Welcome back/), question]);
    const interview = await loadInterview(chat.interviewId);
    expect(interview.status).toBe('in_progress');
    expect(interview.turns.map((t) => t.answer?.text ?? null)).toEqual([INTRODUCTION, null]);
  });

  it('repeat shows the question again without a new turn', async () => {
    const chat = await TestChat.open(db);
    await chat.send('yes');
    const question = (await chat.send(INTRODUCTION)).at(-1);
    expect(await chat.send('/repeat')).toEqual([question]);
    expect((await loadInterview(chat.interviewId)).turns).toHaveLength(2);
  });

  it('skip records the question as skipped and never scores it, down to the report', async () => {
    const chat = await TestChat.open(db, { roleSlug: 'frontend-senior' });
    await chat.send('yes');
    await chat.send('skip'); // the introduction too
    const prompts = await answerUntilClosed(chat, () => 'skip');
    expect(prompts).toHaveLength(7);
    expect(chat.replies().filter((r) => r === 'Skipped.')).toHaveLength(8);
    const interview = await loadInterview(chat.interviewId);
    expect(interview.turns.every((t) => t.skipped && t.answer === null)).toBe(true);
    const report = ReportSchema.parse(interview.report?.data);
    expect(report.questions.map((q) => q.status)).toEqual(Array(7).fill('skipped'));
    expect(await db.score.count({ where: { answer: { turn: { interviewId: chat.interviewId } } } })).toBe(0);
  });

  it('stop withdraws, tells the recruiter, and no report is built', async () => {
    const chat = await TestChat.open(db);
    const first = await chat.send('yes').then(() => chat.send(INTRODUCTION));
    await chat.send(goodAnswerFor(first.at(-1) ?? ''));
    expect(await chat.send('STOP')).toEqual([expect.stringMatching(/withdrawn/)]);
    expect(chat.recruiterMessages()).toEqual([expect.stringMatching(/withdrew/)]);
    const interview = await loadInterview(chat.interviewId);
    expect(interview.status).toBe('withdrawn');
    expect(interview.endedAt).not.toBeNull();
    expect(interview.report).toBeNull();
    expect(await chat.send('one more answer')).toEqual([expect.stringMatching(/has ended/)]);
    expect(PROMPT.test(chat.lastReply()) || CLOSING.test(chat.lastReply())).toBe(false);
  });
});
