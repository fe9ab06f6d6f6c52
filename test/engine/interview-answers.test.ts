/** How answers arrive: redelivered, edited, in several messages, empty, emoji-only, enormous. */
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../support/db.js';
import { ReportSchema } from '../../src/report/schema.js';
import { TURN_FOR_SCORING, scoringQuestionFor } from '../../src/background/jobs/score-answer.js';
import { createOfflineScorer, defaultQuestionBank } from '../../src/scoring/index.js';
import type { AnswerScorer } from '../../src/scoring/types.js';
import { answerUntilClosed, goodAnswerFor, INTRODUCTION, PROMPT, reachFirstQuestion } from './support/answers.js';
import { TestChat } from './support/chat.js';

const db = createTestDb();
afterAll(() => db.$disconnect());

const WINDOW = 15_000;

function answersOf(interviewId: string) {
  return db.answer.findMany({
    where: { turn: { interviewId } },
    orderBy: { turn: { order: 'asc' } },
    include: { messages: true, scores: true, turn: true },
  });
}

/** With a quiet window, the introduction also waits for its timer before the first question appears. */
async function reachFirstQuestionWithWindow(chat: TestChat): Promise<string> {
  await chat.send('yes');
  expect(await chat.send(INTRODUCTION)).toEqual([]);
  return (await chat.advance(WINDOW)).at(-1) ?? '';
}

describe('answers', () => {
  it('a redelivered message id lands once: one answer, one reply', async () => {
    const chat = await TestChat.open(db);
    await reachFirstQuestion(chat);
    const id = chat.session.nextMessageId();
    const text = 'I would add a read-through cache keyed by user id with a short expiry, and invalidate it on writes.';
    const first = await chat.send(text, id);
    expect(first.length).toBeGreaterThan(0);
    expect(await chat.send(text, id)).toEqual([]);
    const answers = await answersOf(chat.interviewId);
    expect(answers.filter((a) => a.text === text)).toHaveLength(1);
    expect(await db.answerMessage.count({ where: { platformMessageId: id } })).toBe(1);
  });

  it('joins two messages sent within the quiet window into one answer', async () => {
    const chat = await TestChat.open(db, { quietWindowMs: WINDOW });
    expect(await reachFirstQuestionWithWindow(chat)).toMatch(PROMPT);
    expect(await chat.send('First I would measure the slow endpoint.')).toEqual([]);
    expect(await chat.advance(5_000)).toEqual([]);
    expect(await chat.send('Then I would add an index and a cache, and check the numbers again.')).toEqual([]);
    expect(await chat.advance(WINDOW - 1)).toEqual([]); // the window restarts with every message
    expect((await chat.advance(1)).at(-1)).toMatch(PROMPT);
    const [, joined] = await answersOf(chat.interviewId);
    expect(joined?.text).toBe(
      'First I would measure the slow endpoint.\nThen I would add an index and a cache, and check the numbers again.',
    );
    expect(joined?.platformMessageIds).toHaveLength(2);
    expect(joined?.messages).toHaveLength(2);
    expect(joined?.finalizedAt).not.toBeNull();
    expect(joined?.scores.length).toBeGreaterThan(0);
  });

  it('an edit before scoring replaces the text and keeps the history; after scoring it is scored again', async () => {
    const chat = await TestChat.open(db, { quietWindowMs: WINDOW });
    const question = await reachFirstQuestionWithWindow(chat);
    const id = chat.session.nextMessageId();
    await chat.send('I would use a cahce', id);
    await chat.advance(3_000);
    expect(await chat.edit(id, 'I would use a cache in front of the database, keyed by request, with a TTL.')).toEqual(
      [],
    );
    await chat.advance(WINDOW);
    let [, answer] = await answersOf(chat.interviewId);
    expect(answer?.text).toBe('I would use a cache in front of the database, keyed by request, with a TTL.');
    expect(answer?.editHistory).toEqual([{ text: 'I would use a cahce', editedAt: '2026-01-05T09:00:18.000Z' }]);
    expect(answer?.flags).toContain('edited');
    expect(answer?.scores.length).toBeGreaterThan(0);

    const before = answer?.scores ?? [];

    const better = goodAnswerFor(question);
    expect(await chat.edit(id, better)).toEqual([
      'Your edit is saved: that answer will be scored again with its new text.',
    ]);
    [, answer] = await answersOf(chat.interviewId);
    expect(answer?.text).toBe(better);
    expect(answer?.editHistory).toHaveLength(2);
    expect(answer?.flags).toContain('edited');
    // The old scores are replaced, not kept beside the new ones: one run, scored after the edit, higher for more.
    expect(answer?.scores).toHaveLength(before.length);
    expect(answer?.scores.every((s) => !before.some((b) => b.id === s.id))).toBe(true);
    const value = (rows: typeof before) => Number(rows.find((s) => s.dimension === 'completeness')?.value);
    expect(value(answer?.scores ?? [])).toBeGreaterThan(value(before));
  });

  it('a score of the text from before an edit is dropped, and the edited text is scored instead', async () => {
    const offline = createOfflineScorer();
    const scored: string[] = [];
    let editWhileScoring: (() => Promise<unknown>) | null = null;
    // The edit commits while the first score is being computed, as a candidate editing during a slow model call.
    const scorer: AnswerScorer = {
      ...offline,
      async score(input) {
        scored.push(input.answer);
        const edit = editWhileScoring;
        editWhileScoring = null;
        await edit?.();
        return offline.score(input);
      },
    };
    const chat = await TestChat.open(db, { scorer, candidate: { platformUserId: 'U-race' } });
    const question = await reachFirstQuestion(chat);
    const better = goodAnswerFor(question);
    const id = chat.session.nextMessageId();
    const base = {
      platform: 'web',
      workspaceId: 'local',
      conversationId: 'c',
      threadId: null,
      userId: 'U-race',
      raw: null,
    } as const;
    editWhileScoring = () =>
      chat.session.runner.handle(chat.interviewId, { ...base, kind: 'message_edited', messageId: id, text: better });
    await chat.send('No idea.', id);

    const [, answer] = await answersOf(chat.interviewId);
    expect(scored).toEqual(['No idea.', better]);
    expect(answer?.text).toBe(better);
    // The same question the score job builds for that turn (its bank rubric), scored on the edited text.
    const turn = await db.turn.findFirstOrThrow({
      where: { answer: { id: answer?.id ?? '' } },
      include: TURN_FOR_SCORING,
    });
    const expected = await offline.score({
      question: scoringQuestionFor(defaultQuestionBank(), turn)!,
      answer: better,
      answerId: 'x',
    });
    const runs = new Set(answer?.scores.map((s) => `${s.scorerId}@${s.scorerVersion}`));
    expect(runs.size).toBe(1);
    expect(answer?.scores.find((s) => s.dimension === 'clarity')?.value?.toNumber()).toBe(
      expected.dimensions.clarity.value,
    );
  });

  it('an edited introduction changes the profile the report shows', async () => {
    const chat = await TestChat.open(db);
    await chat.send('yes');
    const id = chat.session.nextMessageId();
    await chat.send('I write front-end code in React.', id);
    const profile = async () => {
      const row = await db.interview.findUniqueOrThrow({ where: { id: chat.interviewId } });
      return (row.state as { profile: { skills: string[] } }).profile;
    };
    expect((await profile()).skills).not.toContain('Kubernetes');
    expect(await chat.edit(id, 'I run Kubernetes clusters and write Terraform and Go for the platform team.')).toEqual([
      'Your edit to your introduction is saved.',
    ]);
    expect((await profile()).skills).toContain('Kubernetes');
    const [introduction] = await answersOf(chat.interviewId);
    expect(introduction?.text).toMatch(/^I run Kubernetes/);

    await chat.send('repeat');
    await answerUntilClosed(chat);
    const report = ReportSchema.parse(
      (await db.report.findUniqueOrThrow({ where: { interviewId: chat.interviewId } })).data,
    );
    expect(report.profile.skills).toContain('Kubernetes');
  });

  it('once the report is built, an edit is refused in plain words and changes nothing', async () => {
    const chat = await TestChat.open(db);
    await reachFirstQuestion(chat);
    const id = chat.session.nextMessageId();
    await chat.send(goodAnswerFor(chat.lastReply()), id);
    await answerUntilClosed(chat);
    expect(await db.report.findUnique({ where: { interviewId: chat.interviewId } })).not.toBeNull();
    const [, before] = await answersOf(chat.interviewId);

    expect(await chat.edit(id, 'A completely different answer after the report was built.')).toEqual([
      'Your answer was already scored and sent to the hiring team; it can no longer be changed.',
    ]);
    const [, after] = await answersOf(chat.interviewId);
    expect(after?.text).toBe(before?.text);
    expect(after?.editHistory).toEqual([]);
    expect(after?.scores.map((s) => s.id).sort()).toEqual(before?.scores.map((s) => s.id).sort());
  });

  it('accepts empty, emoji-only and 40,000-character answers, stores them whole and flags them', async () => {
    const chat = await TestChat.open(db);
    await reachFirstQuestion(chat);
    const huge = `${'Caching needs an invalidation plan and a measured hit rate; '.repeat(700).slice(0, 39_999)}.`;
    expect(huge).toHaveLength(40_000);
    await chat.send('   ');
    await chat.send('🙂🚀');
    await chat.send(huge);
    await chat.send('<@U42> see <https://example.com/cache|my notes> &amp; more');
    const answers = await answersOf(chat.interviewId);
    const byText = (text: string) => answers.find((a) => a.text === text);
    expect(byText('')?.flags).toContain('empty');
    expect(byText('🙂🚀')?.flags).toContain('emoji_only');
    const long = byText(huge);
    expect(long?.text).toHaveLength(40_000);
    expect(long?.flags).toContain('truncated_for_scoring');
    expect(long?.scores.some((s) => s.status === 'ok')).toBe(true);
    expect(byText('@user see my notes (https://example.com/cache) & more')).toBeDefined();
    expect(chat.lastReply()).toMatch(PROMPT); // still interviewing, nothing crashed
  });
});
