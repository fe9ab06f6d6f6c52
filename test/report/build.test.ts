import { describe, expect, it } from 'vitest';
import { ReportSchema, buildReport, renderJson, renderText } from '../../src/report/index.js';
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
    expect([json.technicalScore, json.behavioralScore, json.finalScore]).toEqual([
      again.technicalScore,
      again.behavioralScore,
      again.finalScore,
    ]);
    expect(json.finalScore).not.toBeNull();
  });

  it('a follow-up counts with the question it follows: a behavioral one in the behavioral part, not the technical', () => {
    const technical = turn('technical', score(values(8, 8, 8, 8, 8)));
    const behavioral = turn('behavioral', score(values(6, 6, 6, 6, 6), { star: star(6) }));
    const followUp = turn('follow_up', score(values(2, 2, 2, 2, 2)), { parentIndex: behavioral.index });
    const technicalFollowUp = turn('follow_up', score(values(4, 4, 4, 4, 4)), { parentIndex: technical.index });
    const report = buildReport(input([technical, behavioral, followUp, technicalFollowUp]));
    const json = viaJson(report);
    expect(report.questions.map((q) => q.parent)).toEqual([
      null,
      null,
      { index: 2, kind: 'behavioral' },
      { index: 1, kind: 'technical' },
    ]);
    expect(report.behavioralScore).toBe(4); // (6 + 2) / 2: the behavioral answer and its follow-up
    expect(report.technicalScore).toBe(6); // (8 + 4) / 2: the technical answer and its own follow-up only
    const again = recompute(json);
    expect([json.technicalScore, json.behavioralScore, json.finalScore]).toEqual([
      again.technicalScore,
      again.behavioralScore,
      again.finalScore,
    ]);
    expect(json.finalScore).toBe(5.4); // 0.7 * 6 + 0.3 * 4
    expect(renderText(report)).toContain('QUESTION 3 (FOLLOW-UP TO 2)');
  });

  it('a follow-up whose parent is not known counts as technical, as in reports from before it was recorded', () => {
    const report = buildReport(
      input([turn('behavioral', score(values(6, 6, 6, 6, 6))), turn('follow_up', score(values(2, 2, 2, 2, 2)))]),
    );
    expect(report.questions[1]?.parent).toBeNull();
    expect([report.technicalScore, report.behavioralScore]).toEqual([2, 6]);
    const stored = JSON.parse(renderJson(report)) as { questions: Record<string, unknown>[] };
    for (const q of stored.questions) delete q.parent;
    expect(ReportSchema.parse(stored).questions.map((q) => q.parent)).toEqual([null, null]);
  });

  it('on 300 generated interviews', () => {
    for (let seed = 1; seed <= 300; seed += 1) {
      const json = viaJson(randomReport(seed));
      const again = recompute(json);
      expect(
        json.questions.map((q) => q.overall),
        `seed ${seed}`,
      ).toEqual(again.overalls);
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
    const report = buildReport(
      input([turn('technical', score(values(6, 6, 6, 6, 6))), turn('behavioral', null, { skipped: true, answer: '' })]),
    );
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
    const early = turn(
      'behavioral',
      score(values(9, 9, 9, 9, 9), { strengths: ['**', '*   **Concise:** to the point'] }),
      { index: 40 },
    );
    const report = buildReport(input([late, early]));
    expect(report.questions.map((q) => q.kind)).toEqual(['behavioral', 'technical']);
    expect(report.questions[0]?.strengths).toEqual(['Concise: to the point']);
  });

  it('produces output the schema accepts, with times normalized to UTC ISO strings', () => {
    const report = buildReport(
      input([], { startedAt: new Date('2026-01-06T16:48:14+01:00'), endedAt: '2026-01-06T15:51:57Z' }),
    );
    expect(ReportSchema.safeParse(report).success).toBe(true);
    expect(report.metadata.startedAt).toBe('2026-01-06T15:48:14.000Z');
    expect(report.metadata.durationMinutes).toBe(3.72);
  });

  it('refuses an interview that ends before it starts', () => {
    expect(() => buildReport(input([], { endedAt: '2026-01-06T15:00:00Z' }))).toThrow(/endedAt/);
  });
});
