import { describe, expect, it } from 'vitest';
import { ReportSchema, buildReport, renderJson } from '../../src/report/index.js';
import { randomReport } from './generate.js';
import { PROFILE, input, score, star, turn, values } from './fixtures.js';
import { recompute, type JsonReport } from './recompute.js';

function viaJson(report: ReturnType<typeof buildReport>): JsonReport {
  return JSON.parse(renderJson(report)) as JsonReport;
}

describe('every aggregate is reproducible from the per-question values in the JSON', () => {
  it('on a hand-made interview with missing values and STAR', () => {
    const report = buildReport(
      input([
        turn('technical', score(values(7.33, 8.17, null, 6.5, 9))),
        turn('follow_up', score(values(5.05, 6.15, 7.25, null, 4.45))),
        turn('behavioral', score(values(8, 7, 9, 6, 7), { star: star(8.35) })),
        turn('behavioral', score(values(6.66, null, 5.55, 4.44, 3.33), { star: star(null) })),
        turn('technical', null),
      ]),
    );
    const json = viaJson(report);
    const again = recompute(json);
    expect(json.questions.map((q) => q.overall)).toEqual(again.overalls);
    expect(json.dimensions).toEqual(again.dimensions);
    expect([json.technicalScore, json.behavioralScore, json.finalScore]).toEqual([again.technicalScore, again.behavioralScore, again.finalScore]);
    expect(json.finalScore).not.toBeNull();
  });

  it('on 300 generated interviews', () => {
    for (let seed = 1; seed <= 300; seed += 1) {
      const json = viaJson(randomReport(seed));
      const again = recompute(json);
      expect(json.questions.map((q) => q.overall), `seed ${seed}`).toEqual(again.overalls);
      expect(json.dimensions, `seed ${seed}`).toEqual(again.dimensions);
      expect(json.finalScore, `seed ${seed}`).toBe(again.finalScore);
    }
  });
});

describe('buildReport', () => {
  it('does not score the introduction: it feeds the profile and the word counts only', () => {
    const report = buildReport(input([turn('technical', score(values(5, 5, 5, 5, 5)))]));
    expect(report.questions.map((q) => q.kind)).toEqual(['technical']);
    expect(report.questions[0]?.index).toBe(1);
    expect(report.profile).toEqual(PROFILE);
    expect(report.statistics.introductionWords).toBe(8); // "I am a front-end developer working with React."
    expect(report.statistics.questionsAsked).toBe(1);
  });

  it('shows a failed score as missing, with its values dropped and the failure flagged', () => {
    const failed = score(values(9, 9, 9, 9, 9), { status: 'failed' });
    const report = buildReport(input([turn('technical', failed), turn('technical', score(values(4, 4, 4, 4, 4)))]));
    const [q1] = report.questions;
    expect(q1?.status).toBe('not_scored');
    expect(q1?.overall).toBeNull();
    expect(q1?.flags).toContain('scoring_failed');
    expect(report.technicalScore).toBe(4);
    expect(report.flags[0]).toMatchObject({ code: 'missing_score', question: 1 });
    expect(report.flags[0]?.message).toContain('the scorer failed');
  });

  it('treats an out-of-range value from a scorer as missing, not as a clamped number', () => {
    const report = buildReport(input([turn('technical', score(values(12, 5, Number.NaN, 5, 5)))]));
    expect(report.questions[0]?.dimensions).toEqual(values(null, 5, null, 5, 5));
    expect(report.flags[0]?.message).toContain('technical accuracy and clarity');
  });

  it('keeps the skipped question out of the averages and flags it', () => {
    const report = buildReport(input([turn('technical', score(values(6, 6, 6, 6, 6))), turn('behavioral', null, { skipped: true, answer: '' })]));
    expect(report.questions[1]?.status).toBe('skipped');
    expect(report.behavioralScore).toBeNull();
    expect(report.finalScore).toBe(6);
    expect(report.statistics).toMatchObject({ skipped: 1, answered: 1 });
    expect(report.flags).toContainEqual(expect.objectContaining({ code: 'skipped_question', question: 2 }));
  });

  it('flags a missing profile instead of inventing one', () => {
    const report = buildReport(input([turn('technical', score(values(6, 6, 6, 6, 6)))], { profile: null }));
    expect(report.profile.primarySkillArea).toBeNull();
    expect(report.flags[0]?.code).toBe('no_profile');
  });

  it('orders turns by their index and cleans scorer notes of markup', () => {
    const late = turn('technical', score(values(1, 1, 1, 1, 1)), { index: 50 });
    const early = turn('behavioral', score(values(9, 9, 9, 9, 9), { strengths: ['**', '*   **Concise:** to the point'] }), { index: 40 });
    const report = buildReport(input([late, early]));
    expect(report.questions.map((q) => q.kind)).toEqual(['behavioral', 'technical']);
    expect(report.questions[0]?.strengths).toEqual(['Concise: to the point']);
  });

  it('produces output the schema accepts, with times normalized to UTC ISO strings', () => {
    const report = buildReport(input([], { startedAt: new Date('2026-01-06T16:48:14+01:00'), endedAt: '2026-01-06T15:51:57Z' }));
    expect(ReportSchema.safeParse(report).success).toBe(true);
    expect(report.metadata.startedAt).toBe('2026-01-06T15:48:14.000Z');
    expect(report.metadata.durationMinutes).toBe(3.72);
  });

  it('refuses an interview that ends before it starts', () => {
    expect(() => buildReport(input([], { endedAt: '2026-01-06T15:00:00Z' }))).toThrow(/endedAt/);
  });
});
