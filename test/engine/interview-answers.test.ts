/** How answers arrive: redelivered, edited, in several messages, empty, emoji-only, enormous. */
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../support/db.js';
import { INTRODUCTION, PROMPT, reachFirstQuestion } from './support/answers.js';
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
    expect(joined?.text).toBe('First I would measure the slow endpoint.\nThen I would add an index and a cache, and check the numbers again.');
    expect(joined?.platformMessageIds).toHaveLength(2);
    expect(joined?.messages).toHaveLength(2);
    expect(joined?.finalizedAt).not.toBeNull();
    expect(joined?.scores.length).toBeGreaterThan(0);
  });

  it('an edit before scoring replaces the text and keeps the history; after scoring it changes nothing', async () => {
    const chat = await TestChat.open(db, { quietWindowMs: WINDOW });
    await reachFirstQuestionWithWindow(chat);
    const id = chat.session.nextMessageId();
    await chat.send('I would use a cahce', id);
    await chat.advance(3_000);
    expect(await chat.edit(id, 'I would use a cache in front of the database, keyed by request, with a TTL.')).toEqual([]);
    await chat.advance(WINDOW);
    let [, answer] = await answersOf(chat.interviewId);
    expect(answer?.text).toBe('I would use a cache in front of the database, keyed by request, with a TTL.');
    expect(answer?.editHistory).toEqual([{ text: 'I would use a cahce', editedAt: '2026-01-05T09:00:18.000Z' }]);
    expect(answer?.flags).toContain('edited');
    expect(answer?.scores.length).toBeGreaterThan(0);

    await chat.edit(id, 'A completely different answer after the scores were written.');
    [, answer] = await answersOf(chat.interviewId);
    expect(answer?.text).toBe('I would use a cache in front of the database, keyed by request, with a TTL.');
    expect(answer?.editHistory).toHaveLength(1);
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
