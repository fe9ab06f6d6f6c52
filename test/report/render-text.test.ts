import { describe, expect, it } from 'vitest';
import { buildReport, formatScore, renderJson, renderText, type Report } from '../../src/report/index.js';
import { DIMENSIONS } from '../../src/scoring/types.js';
import { input, score, star, turn, values } from './fixtures.js';

const MARKDOWN_ANSWER = [
  '# My approach',
  'I used a **cache-aside (lazy loading) strategy** with `Redis` and a _short_ TTL 🚀.',
  '*   **Invalidation:** cleared keys on writes 👍🏽',
  '* key versioning for *complex* cases',
].join('\n');

function sampleInput() {
  return input([
    turn(
      'technical',
      score(values(8.25, 7.55, 9, 6.44, 7), {
        strengths: ['**', '*   **Concise & Precise:** covers the core'],
        improvements: ['Mention `sync` or `multiprocessing`'],
      }),
      { answer: MARKDOWN_ANSWER },
    ),
    turn('technical', score(values(6, null, 7, 5, 6))),
    turn('behavioral', score(values(7, 7, 8, 6, 7), { star: star(7.5, { result: false }) })),
    turn('follow_up', null),
  ]);
}

const sample = sampleInput();
const report = buildReport(structuredClone(sample));
const text = renderText(report);

function line(startsWith: string, within = text): string {
  const found = within.split('\n').find((l) => l.startsWith(startsWith));
  if (!found) throw new Error(`no line starting with ${startsWith}`);
  return found;
}

describe('renderText', () => {
  it('has the report sections in order', () => {
    const headings = [
      'SCREENING INTERVIEW REPORT',
      'INTERVIEW METADATA',
      'CANDIDATE PROFILE',
      'INTERVIEW STATISTICS',
      'OVERALL PERFORMANCE SUMMARY',
      'DETAILED SCORE BREAKDOWN',
      'REPORT FLAGS',
      'QUESTION-BY-QUESTION ANALYSIS',
      'STRENGTHS AND IMPROVEMENTS',
      'FINAL RECOMMENDATION',
      'END OF REPORT',
    ];
    const positions = headings.map((h) => text.indexOf(`\n${h}`));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('prints each dimension aggregate as the JSON holds it, never 0.0 when questions have values', () => {
    for (const [d, label] of [
      ['technicalAccuracy', 'Technical accuracy'],
      ['completeness', 'Completeness'],
      ['depth', 'Depth'],
    ] as const) {
      const value = report.dimensions[d];
      expect(value).not.toBeNull();
      const basis = d === 'completeness' ? '2 questions; not assessed on question 2' : '3 questions';
      expect(line(`${label}: `)).toBe(`${label}: ${formatScore(value)} / 10 (mean over ${basis})`);
    }
    expect(text).not.toContain('0.0 / 10');
  });

  it('prints missing values as "not scored", in questions and in aggregates', () => {
    const q4 = text.slice(text.indexOf('QUESTION 4 ('), text.indexOf('STRENGTHS AND IMPROVEMENTS'));
    expect(q4).toContain('Status: not scored');
    expect(q4).not.toMatch(/\d\.\d \/ 10/);
    // A value outside 0-10 is unusable: missing, never clamped.
    const broken = renderText(buildReport(input([turn('technical', score(values(5, 11, 5, 5, 5)))])));
    expect(line('Completeness: ', broken)).toBe('Completeness: not scored');
    expect(line('  Completeness: ', broken)).toBe('  Completeness: not scored');
  });

  it('prints a value the scorer chose not to judge (null on an ok score) as "not assessed" with its reason', () => {
    const q2 = text.slice(text.indexOf('QUESTION 2 ('), text.indexOf('QUESTION 3 ('));
    expect(line('  Completeness: ', q2)).toBe('  Completeness: not assessed: Could not be judged');
    expect(q2).toContain('Status: scored');
    const one = renderText(buildReport(input([turn('technical', score(values(5, null, 5, 5, 5)))])));
    expect(line('Completeness: ', one)).toBe('Completeness: not assessed: Could not be judged (on question 1)');
  });

  it('uses one decimal for every score and no number with more decimals', () => {
    const scores = [...text.matchAll(/(\d+(?:\.\d+)?) \/ 10/g)].map((m) => m[1]);
    expect(scores.length).toBeGreaterThan(20);
    for (const s of scores) expect(s).toMatch(/^\d+\.\d$/);
    expect(text).not.toMatch(/\d\.\d{2,}/);
    // 7.55 is stored as 7.55 and shown rounded, not truncated.
    expect(text).toContain('  Completeness: 7.6 / 10');
  });

  it("leaves no markdown debris or emoji, and keeps the candidate's words", () => {
    expect(text).toContain('I used a cache-aside (lazy loading) strategy with Redis and a _short_ TTL.');
    expect(text).toContain('- Invalidation: cleared keys on writes');
    expect(text).toContain('- key versioning for complex cases');
    expect(text).toContain('- Concise & Precise: covers the core');
    expect(text).toContain('- Mention sync or multiprocessing');
    expect(text).not.toContain('**');
    expect(text).not.toContain('`');
    expect(text).not.toContain('*   ');
    expect(text).not.toMatch(/^\s*\*/m);
    expect(text).not.toMatch(/^\s*#/m);
    expect(text).not.toMatch(/\p{Extended_Pictographic}/u);
    expect(text).not.toMatch(/^\s*-\s*$/m);
  });

  it("shows the profile exactly as the data holds it, with the candidate's words", () => {
    expect(line('Primary skill area: ')).toBe('Primary skill area: frontend');
    expect(line('Experience level: ')).toBe('Experience level: early-career');
    expect(text).toContain('  In their words: "I am early in my professional journey"');
    expect(line('Skills named: ')).toBe('Skills named: javascript, react');
  });

  it('states the recommendation the data holds, with its rationale and plan', () => {
    expect(line('Recommendation: ')).toBe(`Recommendation: ${report.recommendation.decision.toUpperCase()}`);
    for (const sentence of report.recommendation.rationale) expect(text).toContain(`  - ${sentence}`);
    for (const item of report.recommendation.developmentPlan) expect(text).toContain(`  - ${item}`);
    expect(text).toContain('A person makes the hiring decision.');
    expect(line('Scored by: ')).toBe('Scored by: Test scorer v0.0.1');
  });

  it('gives byte-identical output for the same interview, built and rendered again', () => {
    expect(renderText(buildReport(structuredClone(sample)))).toBe(text);
    expect(renderText(report)).toBe(text);
  });
});

describe('renderJson', () => {
  it('uses the schema key order and 2-space indent whatever order the object has', () => {
    const shuffled = Object.fromEntries(Object.entries(report).reverse()) as Report;
    const json = renderJson(shuffled);
    expect(json).toBe(renderJson(report));
    expect(Object.keys(JSON.parse(json) as object).slice(0, 3)).toEqual(['candidate', 'role', 'metadata']);
    expect(json.split('\n')[1]).toBe('  "candidate": {');
    expect(json.endsWith('}\n')).toBe(true);
  });

  it('round-trips: the JSON parses back to the same report', () => {
    expect(JSON.parse(renderJson(report))).toEqual(report);
    expect(DIMENSIONS.every((d) => d in report.dimensions)).toBe(true);
  });
});
