/** The eval's statistics, and `npm run eval` itself, offline and against the fake OpenAI server. */
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  averageRanks,
  kendallTauB,
  meanAbsoluteDifference,
  overallScore,
  pairwiseAccuracy,
  spearman,
} from '../../src/providers/evaluation/rank-agreement.js';
import { reply, startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai.js';
import { spawnTs } from '../support/processes.js';
import { answerIn, scoreReply } from './helpers.js';

describe('rank agreement', () => {
  it('gives tied values the mean of their ranks', () => {
    expect(averageRanks([3, 1, 3, 2])).toEqual([3.5, 1, 3.5, 2]);
  });

  it('is 1 for the same order, -1 for the reverse, and null for a constant side', () => {
    expect(spearman([0, 1, 2, 3], [1.5, 2, 7, 9])).toBeCloseTo(1);
    expect(spearman([0, 1, 2, 3], [9, 7, 2, 1.5])).toBeCloseTo(-1);
    expect(kendallTauB([0, 1, 2, 3], [1, 2, 3, 4])).toBeCloseTo(1);
    expect(spearman([1, 1, 1], [1, 2, 3])).toBeNull();
  });

  it('handles ties in the labels (tau-b) and counts pairwise order', () => {
    // Labels 0,0,1,1 against scores 1,2,3,4: all four cross-label pairs agree; tau-b corrects for the label ties.
    expect(kendallTauB([0, 0, 1, 1], [1, 2, 3, 4])).toBeCloseTo(4 / Math.sqrt(4 * 6));
    expect(pairwiseAccuracy([0, 0, 1, 1], [1, 2, 3, 4])).toBe(1);
    expect(pairwiseAccuracy([0, 1], [5, 5])).toBe(0.5);
    expect(pairwiseAccuracy([0, 1], [6, 5])).toBe(0);
  });

  it('averages dimensions and STAR into the overall score, skipping missing values', () => {
    const dims = (v: number | null) => ({ value: v, evidence: '' });
    const dimensions = { technicalAccuracy: dims(8), completeness: dims(6), clarity: dims(null), depth: dims(4), practicality: dims(6) };
    expect(overallScore({ dimensions })).toBe(6);
    expect(overallScore({ dimensions, star: { situation: true, task: true, action: true, result: true, value: 1, evidence: '' } })).toBe(5);
    expect(meanAbsoluteDifference([1, 2, 3], [1, 3, 5])).toBe(1);
  });
});

describe('the labelled answers', () => {
  const items = (JSON.parse(readFileSync('eval/answers.json', 'utf8')) as { items: Array<{ family: string; quality: string; id: string }> }).items;

  it('has at least 60 answers covering every family at every quality', () => {
    expect(items.length).toBeGreaterThanOrEqual(60);
    for (const family of ['frontend', 'backend', 'fullstack', 'data', 'devops', 'behavioral']) {
      for (const quality of ['strong', 'adequate', 'weak', 'off_topic']) {
        expect(items.filter((i) => i.family === family && i.quality === quality).length, `${family}/${quality}`).toBeGreaterThanOrEqual(2);
      }
    }
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
  });
});

describe('npm run eval', () => {
  let fake: FakeOpenAI;
  beforeEach(async () => (fake = await startFakeOpenAI()));
  afterEach(() => fake.close());

  it('runs offline and prints its agreement figures', async () => {
    const run = spawnTs('scripts/eval.ts', ['--min-spearman', '0.5'], { OPENAI_API_KEY: '', OPENAI_BASE_URL: '', OPENAI_MODEL: '' });
    const { code } = await run.exited();
    expect(run.stderr()).toBe('');
    expect(code).toBe(0);
    const out = run.stdout();
    expect(out).toContain('provider: Offline interviewer');
    expect(out).toMatch(/all\s+n= 72\s+Spearman\s+0\.\d\d/);
    expect(out).toMatch(/mean absolute difference 0\.000 \(overall\)/);
  }, 60_000);

  it('uses the OpenAI provider when a key is set, and fails below --min-spearman', async () => {
    // A model that rates by length only: good enough to rank, and every call is visible to the fake.
    fake.respondWith((request) => {
      const answer = answerIn(request);
      return reply.json(scoreReply(answer, Math.min(10, Math.round(answer.length / 80)), { star: request.body.messages[1]!.content.includes('(behavioral)') }));
    });
    const run = spawnTs('scripts/eval.ts', ['--min-spearman', '0.99'], { OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: fake.baseURL, OPENAI_MODEL: 'fake-model' });
    const { code } = await run.exited();
    const out = run.stdout();
    expect(out).toContain('provider: OpenAI interviewer (fake-model)');
    expect(out).toContain('Scores: 72 ok (0 by the offline fallback), 0 failed');
    expect(out).toMatch(/Tokens over both runs: 144 calls/);
    expect(fake.requests).toHaveLength(144);
    expect(code).toBe(1);
    expect(run.stderr()).toMatch(/Spearman\s+0\.\d+ is below the required 0\.99/);
  }, 60_000);
});
