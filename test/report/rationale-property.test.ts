/**
 * Property-style check over many generated interviews: the decision follows the stated rules, and every statement
 * in the rationale agrees with the decision, the band and the report's own numbers.
 */
import { describe, expect, it } from 'vitest';
import { EVIDENCE_RULES, SCORE_BANDS, formatScore, type Report } from '../../src/report/index.js';
import { DIMENSIONS } from '../../src/scoring/types.js';
import { randomReport } from './generate.js';

/** The decision as the documented rules give it, recomputed from the report JSON alone. */
function expectedDecision(r: Report): { decision: string; band: string | null } {
  const asked = r.questions.length;
  const scored = r.questions.filter((q) => q.overall !== null).length;
  const missing = r.questions.filter((q) => q.status !== 'skipped' && q.overall === null).length;
  const skipped = r.questions.filter((q) => q.status === 'skipped').length;
  const band =
    r.finalScore === null ? null : (SCORE_BANDS.find((b) => Number(formatScore(r.finalScore)) >= b.min) ?? null);
  const thin =
    scored < EVIDENCE_RULES.minScoredQuestions ||
    missing / asked > EVIDENCE_RULES.maxMissingShare ||
    skipped / asked > EVIDENCE_RULES.maxSkippedShare;
  if (thin || !band) return { decision: 'hold', band: band?.decision ?? null };
  const partMissing =
    (r.questions.some((q) => q.kind !== 'behavioral') && r.technicalScore === null) ||
    (r.questions.some((q) => q.kind === 'behavioral') && r.behavioralScore === null);
  if (band.decision === 'advance' && (missing > 0 || skipped > 0 || partMissing))
    return { decision: 'hold', band: 'advance' };
  return { decision: band.decision, band: band.decision };
}

function numbersIn(text: string): string[] {
  return text.match(/\d+\.\d+/g) ?? [];
}

const reports = Array.from({ length: 600 }, (_, i) => ({ seed: i + 1, report: randomReport(i + 1) }));

describe('recommendation and rationale over generated score sets', () => {
  it('covers every decision and every basis', () => {
    const seen = new Set(
      reports.map(({ report }) => `${report.recommendation.decision}/${report.recommendation.basis}`),
    );
    expect(seen).toEqual(
      new Set([
        'advance/score_band',
        'hold/score_band',
        'reject/score_band',
        'hold/not_enough_evidence',
        'hold/incomplete_evidence',
      ]),
    );
  });

  it('the decision follows the documented rules, and the performance level the same band', () => {
    for (const { seed, report } of reports) {
      const { decision, band } = expectedDecision(report);
      expect(report.recommendation.decision, `seed ${seed}`).toBe(decision);
      expect(report.performanceLevel, `seed ${seed}`).toBe(
        band ? SCORE_BANDS.find((b) => b.decision === band)?.level : 'not_rated',
      );
    }
  });

  it('every band the rationale names is the band of the final score, quoted as shown', () => {
    for (const { seed, report } of reports) {
      const { band } = expectedDecision(report);
      const rationale = report.recommendation.rationale.join(' ');
      for (const [, named] of rationale.matchAll(/in the (\w+) band/g)) expect(named, `seed ${seed}`).toBe(band);
      if (report.finalScore !== null)
        expect(rationale, `seed ${seed}`).toContain(`The final score is ${formatScore(report.finalScore)} out of 10`);
    }
  });

  it('the rationale states the decision and no other, and never argues for advancing on gaps', () => {
    for (const { seed, report } of reports) {
      const { decision, basis, rationale: sentences } = report.recommendation;
      const rationale = sentences.join(' ');
      const stated = [...rationale.matchAll(/the recommendation is (advance|hold|reject)/gi)].map((m) => m[1]);
      expect(stated.length, `seed ${seed}`).toBeGreaterThan(0);
      for (const s of stated) expect(s, `seed ${seed}`).toBe(decision);
      if (basis !== 'score_band') expect(rationale, `seed ${seed}`).toMatch(/not enough evidence|missing evidence/);
      if (decision === 'advance') expect(rationale, `seed ${seed}`).not.toMatch(/no score|skipped|not enough evidence/);
    }
  });

  it('the rationale invents no numbers: each one is a score of the report or a band threshold', () => {
    for (const { seed, report } of reports) {
      const known = new Set([
        ...[
          report.finalScore,
          report.technicalScore,
          report.behavioralScore,
          ...DIMENSIONS.map((d) => report.dimensions[d]),
        ].map(formatScore),
        ...SCORE_BANDS.flatMap((b) => [b.min.toFixed(1), (b.min - 0.1).toFixed(1)]),
      ]);
      for (const n of numbersIn(report.recommendation.rationale.join(' '))) expect(known, `seed ${seed}`).toContain(n);
    }
  });

  it('the development plan starts with the weakest dimension and its value', () => {
    const labels = {
      technicalAccuracy: 'Technical accuracy',
      completeness: 'Completeness',
      clarity: 'Clarity',
      depth: 'Depth',
      practicality: 'Practicality',
    };
    let checked = 0;
    for (const { seed, report } of reports) {
      const present = DIMENSIONS.filter((d) => report.dimensions[d] !== null);
      if (present.length === 0) continue;
      const lowest = Math.min(...present.map((d) => report.dimensions[d] ?? Infinity));
      const weakest = present.find((d) => report.dimensions[d] === lowest) ?? 'depth';
      const first = report.recommendation.developmentPlan[0];
      expect(first, `seed ${seed}`).toMatch(new RegExp(`^${labels[weakest]}\\b`));
      expect(first, `seed ${seed}`).toContain(formatScore(lowest));
      checked += 1;
    }
    expect(checked).toBeGreaterThan(400);
  });
});
