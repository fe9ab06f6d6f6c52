/** The eval's statistics, and `npm run eval` itself, offline and against the fake OpenAI server. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  checkTargets,
  gradedFigures,
  gradedSetSchema,
  type GradedItem,
} from '../../src/providers/evaluation/graded-set.js';
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
    const dimensions = {
      technicalAccuracy: dims(8),
      completeness: dims(6),
      clarity: dims(null),
      depth: dims(4),
      practicality: dims(6),
    };
    expect(overallScore({ dimensions })).toBe(6);
    expect(
      overallScore({
        dimensions,
        star: { situation: true, task: true, action: true, result: true, value: 1, evidence: '' },
      }),
    ).toBe(5);
    expect(meanAbsoluteDifference([1, 2, 3], [1, 3, 5])).toBe(1);
  });
});

describe('graded figures', () => {
  const item = (id: string, question: string, grade: number, category: string): GradedItem => ({
    id,
    question,
    answer: 'a',
    grade,
    category,
  });
  const rows = [
    { item: item('a', 'Question one, long enough?', 9, 'excellent'), overall: 8.5 },
    { item: item('b', 'Question one, long enough?', 5, 'partial'), overall: 6 },
    { item: item('c', 'Question one, long enough?', 1, 'fluent_wrong'), overall: 7 },
    { item: item('d', 'Question two, long enough?', 7, 'correct_short'), overall: 7 },
    { item: item('e', 'Question two, long enough?', 6, 'partial'), overall: 3 },
  ];

  it('counts only same-question pairs two or more grades apart, and means per category', () => {
    const figures = gradedFigures(rows);
    // Question one: (a,b) right, (a,c) right, (b,c) wrong; question two: d and e are one grade apart, not counted.
    expect(figures.pairs).toBe(3);
    expect(figures.pairwise).toBeCloseTo(2 / 3);
    expect(figures.meanAbsoluteError).toBeCloseTo((0.5 + 1 + 6 + 0 + 3) / 5);
    expect(figures.categories.find((c) => c.category === 'partial')).toEqual({
      category: 'partial',
      n: 2,
      meanScore: 4.5,
      meanGrade: 5.5,
    });
  });

  it('checks each target and reports the missed ones', () => {
    const checks = checkTargets(gradedFigures(rows));
    const byName = Object.fromEntries(checks.map((c) => [c.name, c.met]));
    expect(byName).toMatchObject({ 'pairwise order': false, 'mean of fluent_wrong': false, 'mean of excellent': true });
    expect(byName['mean of restates_question']).toBeUndefined();
  });
});

describe('the blind-graded answers', () => {
  const items = gradedSetSchema.parse(JSON.parse(readFileSync('eval/graded.json', 'utf8'))).items;

  it('has at least 150 answers to at least 20 bank questions, every family and level, nine categories', () => {
    expect(items.length).toBeGreaterThanOrEqual(150);
    expect(new Set(items.map((i) => i.bankQuestionId)).size).toBeGreaterThanOrEqual(20);
    expect(new Set(items.map((i) => i.family))).toEqual(
      new Set(['frontend', 'backend', 'fullstack', 'data', 'devops', 'behavioral']),
    );
    const levels = new Set(
      (JSON.parse(readFileSync('eval/graded.json', 'utf8')) as { items: Array<{ levels: string[] }> }).items.flatMap(
        (i) => i.levels,
      ),
    );
    expect(levels).toEqual(new Set(['early_career', 'mid', 'senior']));
    expect(new Set(items.map((i) => i.category)).size).toBe(9);
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
  });
});

describe('the labelled answers', () => {
  const items = (
    JSON.parse(readFileSync('eval/answers.json', 'utf8')) as {
      items: Array<{ family: string; quality: string; id: string }>;
    }
  ).items;

  it('has at least 60 answers covering every family at every quality', () => {
    expect(items.length).toBeGreaterThanOrEqual(60);
    for (const family of ['frontend', 'backend', 'fullstack', 'data', 'devops', 'behavioral']) {
      for (const quality of ['strong', 'adequate', 'weak', 'off_topic']) {
        expect(
          items.filter((i) => i.family === family && i.quality === quality).length,
          `${family}/${quality}`,
        ).toBeGreaterThanOrEqual(2);
      }
    }
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
  });
});

describe('npm run eval', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'screener-eval-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  let fake: FakeOpenAI;
  beforeEach(async () => (fake = await startFakeOpenAI()));
  afterEach(() => fake.close());

  it('runs offline and prints its agreement figures', async () => {
    const out = join(tmp, 'offline.json');
    const run = spawnTs('scripts/eval.ts', ['--min-spearman', '0.5', '--check', '--out', out], {
      OPENAI_API_KEY: '',
      OPENAI_BASE_URL: '',
      OPENAI_MODEL: '',
    });
    const { code } = await run.exited();
    expect(run.stderr()).toBe('');
    expect(code).toBe(0);
    const text = run.stdout();
    expect(text).toContain('provider: Offline interviewer');
    expect(text).toMatch(/Agreement with blind grades \(eval\/graded\.json\): 189 answers, 0 not scored/);
    expect(text).toMatch(/Spearman\s+0\.\d\d\s+pairwise order\s+0\.\d\d .*mean absolute error\s+\d\.\d\d/);
    expect(text).not.toContain('MISSED');
    expect(text).toMatch(/all\s+n= 72\s+Spearman\s+0\.\d\d/);
    expect(text).toMatch(/mean absolute difference 0\.000 \(overall\)/);
    const results = JSON.parse(readFileSync(out, 'utf8')) as {
      scorers: string[];
      graded: { spearman: number; targets: Array<{ met: boolean }> };
      answers: unknown[];
    };
    expect(results.scorers).toEqual(['offline-rubric 2.0.0']);
    expect(results.graded.spearman).toBeGreaterThanOrEqual(0.8);
    expect(results.graded.targets.every((t) => t.met)).toBe(true);
    expect(results.answers).toHaveLength(189);
  }, 60_000);

  it('uses the OpenAI provider when a key is set, and fails below --min-spearman', async () => {
    // A model that rates by length only: good enough to rank, and every call is visible to the fake.
    fake.respondWith((request) => {
      const answer = answerIn(request);
      return reply.json(
        scoreReply(answer, Math.min(10, Math.round(answer.length / 80)), {
          star: request.body.messages[1]!.content.includes('(behavioral)'),
        }),
      );
    });
    const args = ['--min-spearman', '0.99', '--out', join(tmp, 'model.json')];
    const run = spawnTs('scripts/eval.ts', args, {
      OPENAI_API_KEY: 'sk-test',
      OPENAI_BASE_URL: fake.baseURL,
      OPENAI_MODEL: 'fake-model',
    });
    const { code } = await run.exited();
    const out = run.stdout();
    expect(out).toContain('provider: OpenAI interviewer (fake-model)');
    expect(out).toContain('Scores: 72 ok (0 by the offline fallback), 0 failed');
    // The graded set once (189), the labelled set twice (144).
    expect(out).toMatch(/Tokens \(the graded set once, the labelled set twice\): 333 calls/);
    expect(fake.requests).toHaveLength(333);
    expect(code).toBe(1);
    expect(run.stderr()).toMatch(/Spearman\s+0\.\d+ is below the required 0\.99/);
  }, 60_000);
});
