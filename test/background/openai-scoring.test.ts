/**
 * The worker's pipeline with answers scored by the OpenAI provider (the real openai client against a fake
 * OpenAI-compatible server): scores come from the model, a failed model call is scored by the labelled offline
 * fallback (never a made-up value), and the tokens spent appear in the report metadata and in the metrics.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { providerAsScorer } from '../../src/providers/as-scorer.js';
import { ReportSchema } from '../../src/report/schema.js';
import { createScratchDatabase } from '../support/db.js';
import { DEFAULT_USAGE, asksForStar, reply, startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai.js';
import { startFakeSlack, type FakeSlack } from '../support/fake-slack.js';
import { slackWorkspace } from '../support/interviews.js';
import { startTestPipeline, until, type TestPipeline } from '../support/pipeline.js';
import { deleteKeys, uniquePrefix } from '../support/redis.js';
import { seedFinishedInterview, seededQuestions } from '../support/seed.js';
import { answerIn, providerOn, scoreReply } from '../providers/helpers.js';

let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
let slack: FakeSlack;
let openai: FakeOpenAI;
let pipeline: TestPipeline;
const tokens: Array<{ promptTokens: number; cachedPromptTokens: number; completionTokens: number }> = [];
const prefix = uniquePrefix('openai');

beforeAll(async () => {
  [scratch, slack, openai] = await Promise.all([createScratchDatabase('openai'), startFakeSlack(), startFakeOpenAI()]);
  const scorer = providerAsScorer(providerOn(openai, { timeoutMs: 2_000, maxRetries: 0 }), {
    onUsage: (u) => tokens.push(u),
  });
  pipeline = startTestPipeline(scratch.db, slack.url, prefix, { scorer });
}, 60_000);
afterAll(async () => {
  await pipeline.stop();
  await Promise.all([slack.close(), openai.close()]);
  await deleteKeys(prefix);
  await scratch.drop();
});

describe('scoring with the OpenAI provider in the pipeline', () => {
  it('uses the model scores, labels the fallback on a failed call, and reports the tokens', async () => {
    // Every answer gets 7 across the board, except the first one, which the model cannot score (500 on every try).
    const unscorable = seededQuestions(0)[0]!.referenceAnswer.slice(0, 60);
    openai.respondWith((request) => {
      const answer = answerIn(request);
      if (answer.startsWith(unscorable)) return reply.status(500);
      return reply.json(scoreReply(answer, 7, { star: asksForStar(request) }));
    });
    const ws = await slackWorkspace(scratch.db, 'TOPENAI');
    const { interviewId } = await seedFinishedInterview(scratch.db, ws.id, 0);
    await until(
      () => scratch.db.reportPost.findFirst({ where: { report: { interviewId }, postedAt: { not: null } } }),
      40_000,
      'the posted report',
    );

    const report = ReportSchema.parse((await scratch.db.report.findUniqueOrThrow({ where: { interviewId } })).data);
    const byModel = report.questions.filter((q) => !q.flags.includes('scored_by_fallback'));
    const byFallback = report.questions.filter((q) => q.flags.includes('scored_by_fallback'));
    expect(byModel.length).toBeGreaterThan(0);
    for (const q of byModel) expect(Object.values(q.dimensions)).toEqual([7, 7, 7, 7, 7]);
    expect(byFallback).toHaveLength(1);
    for (const q of byFallback) {
      expect(q.scorer).toMatch(/Offline rubric scorer/);
      expect(q.status).toBe('scored'); // a real offline score, with its own values, not a constant
      expect(Object.values(q.dimensions).every((v) => v !== null)).toBe(true);
    }
    expect(report.metadata.scorers.map((s) => s.label).join(' ')).toMatch(/OpenAI|fake-model/i);

    // Tokens: every successful model call's usage, summed into the report and handed to the metrics hook.
    const expectedCalls = tokens.length;
    expect(expectedCalls).toBeGreaterThan(0);
    expect(report.metadata.tokens).toEqual({
      calls: expectedCalls,
      promptTokens: DEFAULT_USAGE.prompt * expectedCalls,
      cachedPromptTokens: (DEFAULT_USAGE.cached ?? 0) * expectedCalls,
      completionTokens: DEFAULT_USAGE.completion * expectedCalls,
    });
  });
});
