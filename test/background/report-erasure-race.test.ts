/**
 * The report job waits seconds for the model's notes. A candidate who erases the interview meanwhile must not get a
 * report stored after all (it would be posted to the hiring channel with their answers in it).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { providerAsScorer } from '../../src/providers/as-scorer.js';
import { buildInterviewReport } from '../../src/background/jobs/build-report.js';
import { postReport } from '../../src/background/jobs/post-report.js';
import { scoreAnswer } from '../../src/background/jobs/score-answer.js';
import { defaultQuestionBank } from '../../src/scoring/index.js';
import { systemClock } from '../../src/shared/clock.js';
import { memoryLocks } from '../../src/shared/lock.js';
import { erasePersonalData } from '../../src/store/erase-personal-data.js';
import type { Db } from '../../src/store/prisma.js';
import { createTestDb } from '../support/db.js';
import { asksForStar, reply, schemaNameOf, startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai.js';
import { slackWorkspace } from '../support/interviews.js';
import { until } from '../support/pipeline.js';
import { seedFinishedInterview } from '../support/seed.js';
import { silentLogger } from '../support/slack-harness.js';
import { answerIn, providerOn, scoreReply } from '../providers/helpers.js';

let db: Db;
let openai: FakeOpenAI;

beforeAll(async () => {
  db = createTestDb();
  openai = await startFakeOpenAI();
});
afterAll(async () => {
  await openai.close();
  await db.$disconnect();
});

describe('a report and an erasure at the same time', () => {
  it('stores no report for an interview erased while its notes were being written, and posts nothing', async () => {
    openai.respondWith((request) =>
      schemaNameOf(request) === 'interview_summary'
        ? {
            kind: 'json',
            value: { overview: 'Practical answers throughout.', strengths: [], concerns: [] },
            delayMs: 1_500,
          }
        : reply.json(scoreReply(answerIn(request), 7, { star: asksForStar(request) })),
    );
    const bank = defaultQuestionBank();
    const provider = providerOn(openai, { timeoutMs: 5_000 });
    const scorer = providerAsScorer(provider);
    const writer = { provider };
    const ws = await slackWorkspace(db, 'TERASERACE');
    const { interviewId, answerIds } = await seedFinishedInterview(db, ws.id, 7);
    for (const answerId of answerIds) await scoreAnswer({ db, clock: systemClock, scorer, bank }, { answerId });

    const building = buildInterviewReport(
      { db, clock: systemClock, scorer, interviewerLabel: 'Screener (test)', writer },
      { interviewId },
    );
    await until(
      async () => openai.requests.some((r) => schemaNameOf(r) === 'interview_summary'),
      10_000,
      'the notes request',
    );
    await db.$transaction(async (tx) => {
      await erasePersonalData(tx, interviewId, new Date());
      await tx.interview.update({ where: { id: interviewId }, data: { status: 'erased' } });
    });

    expect(await building).toEqual({ status: 'skipped', reason: 'status_erased' });
    expect(await db.report.count({ where: { interviewId } })).toBe(0);
    const post = {
      db,
      locks: memoryLocks(),
      destinations: { byId: () => Promise.resolve(null), forWorkspace: () => Promise.resolve([]) },
      clock: systemClock,
      lockPrefix: 'x',
      lockTtlMs: 1_000,
    };
    expect(await postReport(post, { interviewId, destinationId: 'slack:TERASERACE:CHIRING' }, silentLogger)).toBe(
      'erased',
    );
  });
});
