/** `cli report <id> --transcript` on real PostgreSQL, and the round trip back through `cli score`. */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ReportSchema, TranscriptSchema, type Report } from '../../src/report/index.js';
import { createTestDb, testDatabaseUrl } from '../support/db.js';
import { scoredInterview } from '../support/scored-interview.js';
import { seededQuestions } from '../support/seed.js';

const db = createTestDb();
const tmp = mkdtempSync(join(tmpdir(), 'screener-transcript-'));
afterAll(async () => {
  rmSync(tmp, { recursive: true, force: true });
  await db.$disconnect();
});

function runCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      ['--import', 'tsx', 'src/cli/main.ts', ...args],
      { env: { ...process.env, DATABASE_URL: testDatabaseUrl(), OPENAI_API_KEY: '' }, maxBuffer: 16 * 1024 * 1024 },
      (_error, stdout, stderr) => resolve({ code: child.exitCode, stdout, stderr }),
    );
  });
}

describe('npm run cli -- report <id> --transcript', () => {
  it('writes the interview in the score format, bank questions by id, and scoring it gives the stored scores', async () => {
    // One skipped question, so the export must carry the skip and the numbering must still agree.
    const { interviewId } = await scoredInterview(db, 'TTRANSCRIPT', 2, { skipped: [3] });
    const stored = ReportSchema.parse((await db.report.findUniqueOrThrow({ where: { interviewId } })).data);

    const exported = await runCli(['report', interviewId, '--transcript']);
    expect(exported.stderr).toBe('');
    expect(exported.code).toBe(0);
    const transcript = TranscriptSchema.parse(JSON.parse(exported.stdout));
    const questions = seededQuestions(2);
    expect(transcript.role).toEqual({ title: expect.any(String), skillArea: 'backend', level: 'mid' });
    expect(transcript.turns.map((t) => t.questionId ?? null)).toEqual([null, ...questions.map((q) => q.id)]);
    expect(transcript.turns[3]?.skipped).toBe(true);

    const file = join(tmp, 'exported.json');
    writeFileSync(file, exported.stdout);
    const scored = await runCli(['score', file, '--json']);
    expect(scored.stderr).toBe('');
    const report = JSON.parse(scored.stdout) as Report;
    const perQuestion = (r: Report) =>
      r.questions.map((q) => ({
        questionId: q.questionId,
        status: q.status,
        dimensions: q.dimensions,
        star: q.star,
        overall: q.overall,
      }));
    expect(perQuestion(report)).toEqual(perQuestion(stored));
    expect(report.questions[2]?.status).toBe('skipped');
    expect(report.finalScore).toBe(stored.finalScore);
  });

  it('refuses an unknown or erased interview in one line', async () => {
    const { interviewId } = await scoredInterview(db, 'TTRANSCRIPT', 3);
    await db.interview.update({ where: { id: interviewId }, data: { status: 'erased' } });
    const [unknown, erased, both] = await Promise.all([
      runCli(['report', 'no-such-interview', '--transcript']),
      runCli(['report', interviewId, '--transcript']),
      runCli(['report', interviewId, '--transcript', '--json']),
    ]);
    expect([unknown.code, erased.code, both.code]).toEqual([2, 1, 2]);
    expect(unknown.stderr.trim()).toBe('No interview with id no-such-interview.');
    expect(erased.stderr.trim()).toMatch(new RegExp(`^Interview ${interviewId} was erased[^\\n]*$`));
    expect(both.stderr).toMatch(/^Usage: /);
    for (const r of [unknown, erased, both]) expect(r.stdout).toBe('');
  });
});
