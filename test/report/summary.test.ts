import { describe, expect, it } from 'vitest';
import { buildReport, formatScore } from '../../src/report/index.js';
import { input, score, turn, values } from './fixtures.js';

function interview() {
  return [
    turn('technical', score(values(9, 9, 9, 9, 9), { strengths: ['Explains the trade-offs of each runtime.'] })),
    turn('technical', score(values(4, 6, 8, 3, 5), { improvements: ['Say how invalidation reaches other nodes'] })),
    turn('behavioral', score(values(7, 7, 7, 7, 7))),
  ];
}

describe('summary', () => {
  const report = buildReport(input(interview()));

  it('states the profile as the candidate stated it, and nothing else about it', () => {
    expect(report.summary).toContain(
      'In the introduction the candidate described a frontend focus and early-career experience',
    );
    expect(report.summary).toContain('mentioned 2 projects');
    expect(report.summary).toContain('named javascript and react among their skills');
    expect(report.summary).not.toMatch(/backend|mid-level|senior/);
  });

  it('names the strongest and weakest dimension with their aggregates', () => {
    // clarity (9 + 8 + 7) / 3 = 8; depth (9 + 3 + 7) / 3 = 6.33
    expect(report.summary).toContain('The strongest dimension is clarity at 8.0; the weakest is depth at 6.3.');
  });

  it("points at the best and weakest answers with the scorer's own notes", () => {
    expect(report.summary).toContain(
      'The highest-scoring answer is question 1 (technical, 9.0); the lowest is question 2 (technical,',
    );
    expect(report.summary).toContain('On question 1 the scorer noted: "Explains the trade-offs of each runtime."');
    expect(report.summary).toContain('On question 2 the scorer suggested: "Say how invalidation reaches other nodes."');
  });

  it('quotes the final score and its parts as the data holds them', () => {
    expect(report.summary).toContain(`The final score is ${formatScore(report.finalScore)} out of 10`);
  });

  it('says where the role and the stated profile differ, only when both are known', () => {
    const withRole = buildReport(
      input(interview(), { role: { title: 'Backend engineer', skillArea: 'backend', level: null } }),
    );
    expect(withRole.summary).toContain('The role is backend; the stated focus is frontend.');
    expect(withRole.summary).not.toContain('The role is mid-level');
  });

  it('says when there is no introduction instead of describing a profile', () => {
    const turns = interview();
    const none = buildReport({ ...input(turns), turns, profile: null });
    expect(none.summary).toContain('There was no introduction to read a profile from.');
    expect(none.summary).not.toContain('frontend');
  });

  it('is the same text every time for the same data', () => {
    const turns = interview();
    expect(buildReport(input(structuredClone(turns))).summary).toBe(buildReport(input(structuredClone(turns))).summary);
  });
});
