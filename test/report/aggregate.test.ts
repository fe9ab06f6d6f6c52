import { describe, expect, it } from 'vitest';
import {
  COMPONENT_WEIGHTS,
  DIMENSION_WEIGHTS,
  STAR_WEIGHT,
  buildReport,
  finalScore,
  questionOverall,
} from '../../src/report/index.js';
import { DIMENSIONS } from '../../src/scoring/types.js';
import { input, score, star, turn, values } from './fixtures.js';

describe('declared weights', () => {
  it('dimension weights and component weights each sum to 1', () => {
    const dimensionTotal = DIMENSIONS.reduce((sum, d) => sum + DIMENSION_WEIGHTS[d], 0);
    expect(dimensionTotal).toBeCloseTo(1, 12);
    expect(COMPONENT_WEIGHTS.technical + COMPONENT_WEIGHTS.behavioral).toBeCloseTo(1, 12);
    expect(STAR_WEIGHT).toBeGreaterThan(0);
  });
});

describe('questionOverall', () => {
  it('is the weighted mean of the dimension values', () => {
    // 0.3*8 + 0.2*6 + 0.15*7 + 0.2*5 + 0.15*9 = 2.4 + 1.2 + 1.05 + 1 + 1.35 = 7
    expect(questionOverall(values(8, 6, 7, 5, 9), null)).toBe(7);
  });

  it('leaves a missing dimension out and renormalizes, instead of counting it as zero', () => {
    // Without completeness: (0.3*8 + 0.15*7 + 0.2*5 + 0.15*9) / 0.8 = 5.8 / 0.8 = 7.25
    expect(questionOverall(values(8, null, 7, 5, 9), null)).toBe(7.25);
  });

  it('includes STAR with its declared weight', () => {
    // Dimensions all 6 (weight 1), STAR 10 (weight 0.25): (6 + 2.5) / 1.25 = 6.8
    expect(questionOverall(values(6, 6, 6, 6, 6), 10)).toBe(6.8);
  });

  it('is null when nothing has a value', () => {
    expect(questionOverall(values(null, null, null, null, null), null)).toBeNull();
  });
});

describe('finalScore', () => {
  it('blends technical and behavioral with the declared weights', () => {
    // 0.7*8 + 0.3*6 = 7.4
    expect(finalScore(8, 6)).toBe(7.4);
  });

  it('uses the other part alone when one is missing, and is null when both are', () => {
    expect(finalScore(8, null)).toBe(8);
    expect(finalScore(null, 6)).toBe(6);
    expect(finalScore(null, null)).toBeNull();
  });
});

describe('report aggregates', () => {
  const report = buildReport(
    input([
      turn('technical', score(values(8, 6, 7, 5, 9))),
      turn('technical', score(values(6, null, 9, 7, 5))),
      turn('follow_up', null),
      turn('behavioral', score(values(7, 7, 7, 7, 7), { star: star(9) })),
    ]),
  );

  it('each dimension is the mean of its values over the questions that have one', () => {
    expect(report.dimensions).toEqual({
      technicalAccuracy: 7, // (8 + 6 + 7) / 3
      completeness: 6.5, // (6 + 7) / 2: the missing value is not a zero
      clarity: 7.67, // (7 + 9 + 7) / 3 = 7.666...
      depth: 6.33, // (5 + 7 + 7) / 3 = 6.333...
      practicality: 7, // (9 + 5 + 7) / 3
    });
  });

  it('technical score averages technical and follow-up overalls that exist; behavioral its own', () => {
    const [q1, q2, q3, q4] = report.questions;
    expect(q3?.overall).toBeNull();
    expect(q1?.overall).toBe(7);
    // Without completeness: (0.3*6 + 0.15*9 + 0.2*7 + 0.15*5) / 0.8 = 5.3 / 0.8 = 6.625, stored as 6.63
    expect(q2?.overall).toBe(6.63);
    // (7 + 6.63) / 2 = 6.815, which a binary toFixed(2) would print as 6.81
    expect(report.technicalScore).toBe(6.82);
    expect(report.behavioralScore).toBe(q4?.overall);
    // Behavioral overall: (7 * 1 + 9 * 0.25) / 1.25 = 7.4
    expect(q4?.overall).toBe(7.4);
  });

  it('a question without a score is flagged by number, and nothing stands in for it', () => {
    expect(report.flags).toContainEqual(expect.objectContaining({ code: 'missing_score', question: 3 }));
    // Null on an ok score: the scorer did not judge completeness there; named, but not a gap in the evidence.
    expect(report.flags.some((f) => f.question === 2)).toBe(false);
    expect(report.questions[1]?.notAssessed).toEqual(['completeness']);
    expect(report.flags.find((f) => f.code === 'not_assessed')?.message).toMatch(
      /^Completeness is not assessed: Could not be judged on question 2;/,
    );
    expect(report.questions[2]?.dimensions).toEqual(values(null, null, null, null, null));
  });
});
