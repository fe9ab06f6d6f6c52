/**
 * The model score cache in PostgreSQL: two providers (two workers) share it, so the second scoring of the same answer
 * costs no tokens and gives the same numbers; an entry goes when its answer is erased.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { erasePersonalData } from '../../src/store/erase-personal-data.js';
import { PostgresScoreCache } from '../../src/store/score-cache.js';
import type { Db } from '../../src/store/prisma.js';
import { createTestDb } from '../support/db.js';
import { reply, startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai.js';
import { slackWorkspace } from '../support/interviews.js';
import { seedFinishedInterview } from '../support/seed.js';
import { CACHE_QUESTION, GOOD_ANSWER, answerIn, providerOn, scoreReply, scoreValues } from '../providers/helpers.js';

let db: Db;
let openai: FakeOpenAI;
let workspaceId: string;

beforeAll(async () => {
  db = createTestDb();
  openai = await startFakeOpenAI();
  workspaceId = (await slackWorkspace(db, 'TSCORECACHE')).id;
});
afterAll(async () => {
  await openai.close();
  await db.$disconnect();
});

describe('PostgresScoreCache', () => {
  it('lets a second worker reuse the first one’s score: same values, no request, no tokens', async () => {
    const { answerIds } = await seedFinishedInterview(db, workspaceId, 1);
    const answerId = answerIds[0]!;
    openai.respondWith((request) => reply.json(scoreReply(answerIn(request), 7)));
    const first = providerOn(openai, { cache: new PostgresScoreCache(db) });
    const second = providerOn(openai, { cache: new PostgresScoreCache(db) });
    const before = openai.requests.length;

    const a = await first.scoreAnswer({ answerId, question: CACHE_QUESTION, answer: GOOD_ANSWER });
    const b = await second.scoreAnswer({ answerId, question: CACHE_QUESTION, answer: GOOD_ANSWER });
    expect(openai.requests.length - before).toBe(1);
    expect(a.cached).toBe(false);
    expect(b.cached).toBe(true);
    expect(b.usage.calls + b.usage.promptTokens + b.usage.completionTokens).toBe(0);
    expect(scoreValues(b)).toEqual(scoreValues(a));
    expect(scoreValues(a)).toEqual([7, 7, 7, 7, 7]);
    expect(await db.scoreCacheEntry.count({ where: { answerId } })).toBe(1);
  });

  it('forgets what an erased answer said', async () => {
    const { interviewId, answerIds } = await seedFinishedInterview(db, workspaceId, 2);
    const cache = new PostgresScoreCache(db);
    const value = { dimensions: {} as never, strengths: ['quotes the answer'], improvements: [] };
    await cache.set('key-of-an-erased-answer', value, { answerId: answerIds[0]! });
    expect(await cache.get('key-of-an-erased-answer')).toEqual(value);
    await db.$transaction((tx) => erasePersonalData(tx, interviewId, new Date()));
    expect(await cache.get('key-of-an-erased-answer')).toBeUndefined();
    expect(await db.scoreCacheEntry.count({ where: { answerId: { in: answerIds } } })).toBe(0);
  });

  it('keeps nothing for an answer that no longer exists, without failing the score', async () => {
    const cache = new PostgresScoreCache(db);
    await expect(
      cache.set(
        'key-without-owner',
        { dimensions: {} as never, strengths: [], improvements: [] },
        { answerId: 'no-such-answer' },
      ),
    ).resolves.toBeUndefined();
    expect(await cache.get('key-without-owner')).toBeUndefined();
  });
});
