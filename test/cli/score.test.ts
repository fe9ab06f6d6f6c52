/** `score` through a real child process, as a person would run it. */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultQuestionBank } from '../../src/scoring/index.js';

const SEED = 'test/fixtures/seed-transcript.json';
const DIMENSIONS = ['technicalAccuracy', 'completeness', 'clarity', 'depth', 'practicality'] as const;

interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runCli(args: string[], env: Record<string, string> = {}): Promise<Result> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      ['--import', 'tsx', 'src/cli/main.ts', 'score', ...args],
      { env: { ...process.env, ...env }, maxBuffer: 16 * 1024 * 1024 },
      (_error, stdout, stderr) => resolve({ code: child.exitCode, stdout, stderr }),
    );
  });
}

/** Two decimals, half away from zero on the decimal value: written here again so the test does not trust the code. */
function twoDecimals(value: number): number {
  const scaled = Number((Math.abs(value) * 100).toPrecision(15));
  return (Math.sign(value) * Math.round(scaled)) / 100;
}

function meanOf(values: (number | null)[]): number | null {
  const present = values.filter((v): v is number => v !== null);
  return present.length === 0 ? null : twoDecimals(present.reduce((a, b) => a + b, 0) / present.length);
}

interface SeedReport {
  profile: { primarySkillArea: string | null; experienceLevel: string | null };
  dimensions: Record<(typeof DIMENSIONS)[number], number | null>;
  technicalScore: number | null;
  behavioralScore: number | null;
  finalScore: number | null;
  questions: { kind: string; overall: number | null; dimensions: Record<(typeof DIMENSIONS)[number], number | null> }[];
  recommendation: { decision: string };
}

describe('npm run cli -- score', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'screener-score-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('--json on the seed: frontend early-career profile, aggregates equal to the means of the question values', async () => {
    const [first, second] = await Promise.all([
      runCli([SEED, '--json'], { TZ: 'America/Los_Angeles' }),
      runCli([SEED, '--json'], { TZ: 'Asia/Tokyo' }),
    ]);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(second.stdout).toBe(first.stdout);

    const report = JSON.parse(first.stdout) as SeedReport;
    expect(report.profile).toMatchObject({ primarySkillArea: 'frontend', experienceLevel: 'early_career' });
    expect(report.questions).toHaveLength(7);
    for (const d of DIMENSIONS) {
      expect(report.dimensions[d], d).toBe(meanOf(report.questions.map((q) => q.dimensions[d])));
      // The seed's questions are not bank questions: without a reference, accuracy is not assessed offline.
      if (d === 'technicalAccuracy') expect(report.dimensions[d], d).toBeNull();
      else expect(report.dimensions[d], d).not.toBeNull();
    }
    const technical = meanOf(report.questions.filter((q) => q.kind !== 'behavioral').map((q) => q.overall));
    const behavioral = meanOf(report.questions.filter((q) => q.kind === 'behavioral').map((q) => q.overall));
    expect([report.technicalScore, report.behavioralScore]).toEqual([technical, behavioral]);
    expect(report.finalScore).toBe(twoDecimals(0.7 * (technical ?? NaN) + 0.3 * (behavioral ?? NaN)));
    const overalls = report.questions.map((q) => q.overall ?? NaN);
    expect(report.finalScore).toBeGreaterThanOrEqual(Math.min(...overalls));
    expect(report.finalScore).toBeLessThanOrEqual(Math.max(...overalls));
  });

  it("prints the text report, the same bytes every run, without the seed report's defects", async () => {
    const [first, second, json] = await Promise.all([
      runCli([SEED]),
      runCli([SEED], { TZ: 'Pacific/Auckland', LANG: 'de_DE.UTF-8' }),
      runCli([SEED, '--json']),
    ]);
    expect(first.code).toBe(0);
    expect(second.stdout).toBe(first.stdout);
    const report = JSON.parse(json.stdout) as SeedReport;
    const text = first.stdout;
    expect(text).toContain('Primary skill area: frontend');
    expect(text).toContain('Experience level: early-career');
    expect(text).toContain(`Recommendation: ${report.recommendation.decision.toUpperCase()}`);
    expect(text).not.toContain('ACCEPT');
    expect(text).not.toMatch(/^(Technical accuracy|Completeness|Clarity|Depth|Practicality): 0\.0/m);
    expect(text).not.toContain('**');
    expect(text).not.toContain('`');
    expect(text).not.toMatch(/\p{Extended_Pictographic}/u);
    expect(text).toContain('cache-aside (lazy loading) strategy');
  });

  it('exits 2 naming the file and the bad field, with no stack trace', async () => {
    const seed = JSON.parse(readFileSync(SEED, 'utf8')) as { turns: { answer: unknown }[] };
    const badField = join(tmp, 'bad-field.json');
    (seed.turns[2] as { answer: unknown }).answer = 7;
    writeFileSync(badField, JSON.stringify(seed));
    const badJson = join(tmp, 'bad.json');
    writeFileSync(badJson, '{ "candidate": ');
    const missing = join(tmp, 'missing.json');

    const results = await Promise.all([
      runCli([badField]),
      runCli([badJson, '--json']),
      runCli([missing]),
      runCli([SEED, '--role', 'astronaut']),
    ]);
    for (const result of results) {
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).not.toMatch(/^\s+at /m);
    }
    const [field, json, file, role] = results.map((r) => r.stderr);
    expect(field).toContain(badField);
    expect(field).toContain('turns[2].answer: expected string');
    expect(json).toContain(badJson);
    expect(json).toContain('not valid JSON');
    expect(file).toContain(missing);
    expect(role).toContain('--role');
  });

  it('names every problem of a transcript, one line each with the file and the path', async () => {
    const seed = JSON.parse(readFileSync(SEED, 'utf8')) as { candidate: unknown; turns: Record<string, unknown>[] };
    seed.candidate = {};
    (seed.turns[2] as { answer: unknown }).answer = 7;
    (seed.turns[3] as { question: unknown }).question = '';
    const file = join(tmp, 'several.json');
    writeFileSync(file, JSON.stringify(seed));
    const result = await runCli([file]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines.every((l) => l.startsWith(`score: ${file}: `))).toBe(true);
    expect(lines.map((l) => l.slice(`score: ${file}: `.length).split(':')[0])).toEqual([
      'candidate.name',
      'turns[2].answer',
      'turns[3].question',
    ]);
    expect(result.stderr).not.toContain('more problem');
  });

  it('scores bank questions (named by id, or by their text) against the bank and reports their ids; role as a title', async () => {
    const bank = defaultQuestionBank().questions;
    const [byId, byText] = bank.filter((q) => q.family === 'frontend');
    if (!byId || !byText) throw new Error('no frontend questions');
    const seed = JSON.parse(readFileSync(SEED, 'utf8')) as {
      role: unknown;
      turns: { kind: string; question: string; answer: string; questionId?: string }[];
    };
    const intro = seed.turns[0];
    const answer = byId.referenceAnswer;
    const transcript = (turns: typeof seed.turns) => ({
      ...seed,
      role: 'Front-end engineer',
      turns: [intro, ...turns],
    });
    const asBank = join(tmp, 'bank.json');
    writeFileSync(
      asBank,
      JSON.stringify(
        transcript([
          { kind: byId.kind, question: 'In your own words: semantic markup?', questionId: byId.id, answer },
          { kind: byText.kind, question: `  ${byText.text.toLowerCase()} `, answer: byText.referenceAnswer },
        ]),
      ),
    );
    const asAdHoc = join(tmp, 'ad-hoc.json');
    writeFileSync(
      asAdHoc,
      JSON.stringify(
        transcript([
          { kind: byId.kind, question: 'In your own words: semantic markup?', answer },
          { kind: byText.kind, question: `${byText.text} (please)`, answer: byText.referenceAnswer },
        ]),
      ),
    );
    const [bankRun, adHocRun] = await Promise.all([runCli([asBank, '--json']), runCli([asAdHoc, '--json'])]);
    expect(bankRun.stderr).toBe('');
    type Out = { role: unknown; questions: { questionId: string | null; dimensions: Record<string, number | null> }[] };
    const scored = JSON.parse(bankRun.stdout) as Out;
    const adHoc = JSON.parse(adHocRun.stdout) as Out;
    expect(scored.role).toEqual({ title: 'Front-end engineer', skillArea: null, level: null });
    expect(scored.questions.map((q) => q.questionId)).toEqual([byId.id, byText.id]);
    expect(adHoc.questions.map((q) => q.questionId)).toEqual([null, null]);
    // A reference answer scored against its own rubric scores differently from the same words as an ad-hoc answer.
    for (const i of [0, 1])
      expect(scored.questions[i]?.dimensions, `question ${i + 1}`).not.toEqual(adHoc.questions[i]?.dimensions);
  });
});
