/**
 * Each model fault, carried through to the report: the real score and report jobs on the real database, the real
 * openai client on the fake server. One answer of a finished interview meets the fault, the others get the model's
 * scores. The faulted question ends scored by the labelled offline fallback (its own values, not a constant), or,
 * with the fallback off, shown as missing; a fault that a retry cures ends with the model's score.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildInterviewReport } from '../../src/background/jobs/build-report.js';
import { scoreAnswer, scoringQuestionFor, TURN_FOR_SCORING } from '../../src/background/jobs/score-answer.js';
import { providerAsScorer } from '../../src/providers/as-scorer.js';
import { ReportSchema, type ReportQuestion } from '../../src/report/schema.js';
import { createOfflineScorer, defaultQuestionBank, DIMENSIONS } from '../../src/scoring/index.js';
import { systemClock } from '../../src/shared/clock.js';
import type { Db } from '../../src/store/prisma.js';
import { createTestDb } from '../support/db.js';
import {
  asksForStar,
  reply,
  startFakeOpenAI,
  type FakeOpenAI,
  type FakeReply,
  type RecordedRequest,
} from '../support/fake-openai.js';
import { slackWorkspace } from '../support/interviews.js';
import { seedFinishedInterview, seededQuestions } from '../support/seed.js';
import { answerIn, providerOn, scoreReply } from '../providers/helpers.js';

const bank = defaultQuestionBank();
let db: Db;
let openai: FakeOpenAI;
let workspaceId: string;
let seeded = 40;

beforeAll(async () => {
  db = createTestDb();
  openai = await startFakeOpenAI();
  workspaceId = (await slackWorkspace(db, 'TFAULTREPORTS')).id;
});
afterAll(async () => {
  await openai.close();
  await db.$disconnect();
});

const valid = (request: RecordedRequest) =>
  reply.json(scoreReply(answerIn(request), 8, { star: asksForStar(request) }));

/** Runs a seeded interview's score jobs and report job; `fault` answers every request about its first answer. */
async function reportWith(
  fault: (request: RecordedRequest, attempt: number) => FakeReply,
  options: { fallback?: boolean; maxRetries?: number } = {},
) {
  seeded += 1;
  const faulty = seededQuestions(seeded)[0]!.referenceAnswer.slice(0, 60);
  let attempts = 0;
  openai.respondWith((request) => {
    if (!answerIn(request).startsWith(faulty)) return valid(request);
    attempts += 1;
    return fault(request, attempts);
  });
  const provider = providerOn(openai, {
    timeoutMs: 300,
    maxRetries: options.maxRetries ?? 0,
    fallbackScoring: options.fallback ?? true,
  });
  const jobDeps = {
    db,
    clock: systemClock,
    scorer: providerAsScorer(provider),
    bank,
    interviewerLabel: 'Screener (test)',
  };
  const { interviewId, answerIds } = await seedFinishedInterview(db, workspaceId, seeded);
  for (const answerId of answerIds) await scoreAnswer(jobDeps, { answerId });
  expect(await buildInterviewReport(jobDeps, { interviewId })).toEqual({ status: 'done' });
  const report = ReportSchema.parse((await db.report.findUniqueOrThrow({ where: { interviewId } })).data);
  const [first, ...rest] = report.questions;
  // Every other question carries the model's own values.
  for (const q of rest) expect(Object.values(q.dimensions)).toEqual([8, 8, 8, 8, 8]);
  return { first: first!, answerId: answerIds[0]!, report };
}

/** The offline rubric scorer's own values for that answer, as the fallback must show them. */
async function offlineValues(answerId: string) {
  const answer = await db.answer.findUniqueOrThrow({
    where: { id: answerId },
    include: { turn: { include: TURN_FOR_SCORING } },
  });
  const score = await createOfflineScorer().score({
    question: scoringQuestionFor(bank, answer.turn)!,
    answer: answer.text,
    answerId,
  });
  return DIMENSIONS.map((d) => score.dimensions[d].value);
}

async function expectLabelledFallback(first: ReportQuestion, answerId: string) {
  expect(first.status).toBe('scored');
  expect(first.scorer).toMatch(/Offline rubric scorer/);
  expect(first.flags).toContain('scored_by_fallback');
  expect(Object.values(first.dimensions)).toEqual(await offlineValues(answerId));
  expect(Object.values(first.dimensions)).not.toEqual([8, 8, 8, 8, 8]);
}

const FAULTS: Array<[string, (request: RecordedRequest) => FakeReply]> = [
  ['500 on every attempt', () => reply.status(500)],
  ['a hung connection (timeout)', () => reply.hang()],
  ['malformed JSON', () => reply.content('{"technicalAccuracy": {"value": 7,')],
  [
    'JSON that breaks the schema (a value of 11)',
    (request) => reply.json({ ...scoreReply(answerIn(request), 8), depth: { value: 11, quotes: [], rationale: 'x' } }),
  ],
  ['a refusal', () => reply.refusal()],
  [
    'evidence that is not in the answer',
    () => reply.json(scoreReply('', 9, { quote: 'words the candidate never wrote' })),
  ],
];

describe('model faults end in a correct report', () => {
  it.each(FAULTS)('%s: the question is scored by the labelled offline fallback', async (_name, fault) => {
    const { first, answerId } = await reportWith(fault);
    await expectLabelledFallback(first, answerId);
  });

  it.each(FAULTS)('%s, fallback off: the question is shown as missing, never a default value', async (_name, fault) => {
    const { first, report } = await reportWith(fault, { fallback: false });
    expect(first.status).toBe('not_scored');
    expect(Object.values(first.dimensions)).toEqual([null, null, null, null, null]);
    expect(first.overall).toBeNull();
    expect(first.flags).toContain('scoring_failed');
    expect(report.flags.map((f) => f.code)).toContain('missing_score');
  });

  it('429 with Retry-After: the retry gets the model’s score', async () => {
    const { first } = await reportWith(
      (request, attempt) => (attempt === 1 ? reply.status(429, { 'retry-after': '0' }) : valid(request)),
      { maxRetries: 1 },
    );
    expect(first.status).toBe('scored');
    expect(first.flags).not.toContain('scored_by_fallback');
    expect(Object.values(first.dimensions)).toEqual([8, 8, 8, 8, 8]);
  });
});
