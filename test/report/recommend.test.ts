import { describe, expect, it } from 'vitest';
import { SCORE_BANDS, bandOf, bandRange, buildReport, formatScore } from '../../src/report/index.js';
import { input, score, star, turn, values } from './fixtures.js';

const all = (v: number) => values(v, v, v, v, v);

describe('score bands', () => {
  it('are ordered from the highest band down and cover 0 to 10', () => {
    const mins = SCORE_BANDS.map((b) => b.min);
    expect([...mins].sort((a, b) => b - a)).toEqual(mins);
    expect(mins[mins.length - 1]).toBe(0);
    expect(SCORE_BANDS.map((b) => b.decision)).toEqual(['advance', 'hold', 'reject']);
  });

  it('apply to the score as shown, so 6.95 (shown as 7.0) is not put in the hold band', () => {
    expect(formatScore(6.95)).toBe('7.0');
    expect(bandOf(6.95).decision).toBe('advance');
    expect(bandOf(6.94).decision).toBe('hold');
    expect(bandOf(4.95).decision).toBe('hold');
    expect(bandOf(4.94).decision).toBe('reject');
  });

  it('describe their ranges from the same thresholds', () => {
    expect(SCORE_BANDS.map(bandRange)).toEqual(['7.0 and above', '5.0 to 6.9', 'below 5.0']);
  });
});

describe('decision rules', () => {
  it('advances a complete interview in the advance band', () => {
    const report = buildReport(
      input([
        turn('technical', score(all(8))),
        turn('technical', score(all(8))),
        turn('behavioral', score(all(8), { star: star(8) })),
      ]),
    );
    expect(report.finalScore).toBe(8);
    expect(report.recommendation).toMatchObject({ decision: 'advance', basis: 'score_band' });
    expect(report.performanceLevel).toBe('strong');
  });

  it('rejects below the hold band when the evidence is sufficient', () => {
    const report = buildReport(
      input([turn('technical', score(all(3))), turn('technical', score(all(4))), turn('technical', score(all(2)))]),
    );
    expect(report.recommendation).toMatchObject({ decision: 'reject', basis: 'score_band' });
    expect(report.performanceLevel).toBe('weak');
  });

  it('holds with "not enough evidence" when fewer than three answers have a score, even with top scores', () => {
    const report = buildReport(
      input([turn('technical', score(all(10))), turn('technical', score(all(10))), turn('technical', null)]),
    );
    expect(report.recommendation).toMatchObject({ decision: 'hold', basis: 'not_enough_evidence' });
    expect(report.recommendation.rationale.join(' ')).toContain('not enough evidence');
    expect(report.recommendation.rationale.join(' ')).toContain('Only 2 of 3 questions have a score');
  });

  it('holds when more than a quarter of the questions have no score, even with low scores', () => {
    const scored = [1, 2, 3, 4, 5].map(() => turn('technical', score(all(2))));
    const report = buildReport(
      input([
        ...scored,
        turn('technical', null),
        turn('technical', score(all(2)), { score: { ...score(all(2)), status: 'failed' } }),
      ]),
    );
    expect(report.recommendation).toMatchObject({ decision: 'hold', basis: 'not_enough_evidence' });
    expect(report.recommendation.rationale.join(' ')).toContain('2 of 7 questions have no score');
  });

  it('holds when most questions were skipped', () => {
    const scored = [1, 2, 3].map(() => turn('technical', score(all(9))));
    const skipped = [1, 2, 3, 4].map(() => turn('technical', null, { skipped: true, answer: '' }));
    const report = buildReport(input([...scored, ...skipped]));
    expect(report.recommendation).toMatchObject({ decision: 'hold', basis: 'not_enough_evidence' });
    expect(report.recommendation.rationale.join(' ')).toContain('skipped 4 of 7 questions');
  });

  it('never advances on missing evidence: an advance-band score with one unscored question is a hold', () => {
    const scored = [1, 2, 3, 4, 5, 6].map(() => turn('technical', score(all(9))));
    const report = buildReport(input([...scored, turn('technical', null)]));
    expect(bandOf(report.finalScore ?? 0).decision).toBe('advance');
    expect(report.recommendation).toMatchObject({ decision: 'hold', basis: 'incomplete_evidence' });
    expect(report.recommendation.rationale.join(' ')).toContain('question 7 has no score');
  });

  it('never advances when a part of the interview that was asked has no score at all', () => {
    const technical = [1, 2, 3, 4, 5].map(() => turn('technical', score(all(9))));
    const behavioral = turn('behavioral', score(values(null, null, null, null, null)));
    const report = buildReport(input([...technical, behavioral]));
    expect(report.behavioralScore).toBeNull();
    expect(report.recommendation.decision).toBe('hold');
    expect(report.recommendation.rationale.join(' ')).toContain('No behavioral answer has a score');
  });
});

describe('development plan', () => {
  it('starts with the weakest dimension and its advice, then the next weakest below the advance band', () => {
    const report = buildReport(input([1, 2, 3].map(() => turn('technical', score(values(8, 4, 9, 6, 7.5))))));
    const [first, second, third] = report.recommendation.developmentPlan;
    expect(first).toMatch(/^Completeness \(4\.0, the weakest dimension\): /);
    expect(second).toMatch(/^Depth \(6\.0, the next weakest\): /);
    expect(third).toBeUndefined();
  });

  it('names the STAR part most often missing from behavioral stories', () => {
    const stories = [1, 2, 3].map(() => turn('behavioral', score(all(7), { star: star(6, { result: false }) })));
    const report = buildReport(input(stories));
    expect(report.recommendation.developmentPlan).toContain(
      'Behavioral answers: state the result explicitly; it was missing in 3 of 3 stories.',
    );
  });
});
