/** `cli rescore` on real PostgreSQL: a newer scorer version's scores beside the older ones, and the rebuilt report. */
import { execFile } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { printRescore } from '../../src/cli/commands/rescore.js';
import type { CliIo } from '../../src/cli/io.js';
import { rescoreInterview, type RescoreDeps } from '../../src/background/rescore-interview.js';
import { renderReportCard } from '../../src/platforms/slack/cards/report-card.js';
import { renderTeamsCard } from '../../src/platforms/teams/cards/report-card.js';
import { renderText, ReportSchema, type Report } from '../../src/report/index.js';
import {
  createOfflineScorer,
  OFFLINE_SCORER_ID,
  OFFLINE_SCORER_VERSION,
  type AnswerScore,
  type AnswerScorer,
} from '../../src/scoring/index.js';
import { systemClock } from '../../src/shared/clock.js';
import { createTestDb, testDatabaseUrl } from '../support/db.js';
import { offlineInterviewing, scoredInterview } from '../support/scored-interview.js';
import { seededQuestions } from '../support/seed.js';

const db = createTestDb();
afterAll(() => db.$disconnect());

const offline = createOfflineScorer();

/** The offline scorer under another version, lowering every value by `drop` on the questions it names. */
function versionOf(version: string, drop: ReadonlyMap<string, number> = new Map()): AnswerScorer {
  const lower = (v: number | null, by: number) => (v === null ? null : Math.max(0, v - by));
  return {
    id: OFFLINE_SCORER_ID,
    version,
    label: `Offline rubric scorer v${version}`,
    async score(input) {
      const base = await offline.score(input);
      const by = drop.get(input.question.id ?? '') ?? 0;
      const dimensions = Object.fromEntries(
        Object.entries(base.dimensions).map(([d, s]) => [d, { ...s, value: lower(s.value, by) }]),
      ) as AnswerScore['dimensions'];
      return {
        ...base,
        scorerVersion: version,
        dimensions,
        ...(base.star ? { star: { ...base.star, value: lower(base.star.value, by) } } : {}),
      };
    },
  };
}

async function storedReport(interviewId: string): Promise<Report> {
  return ReportSchema.parse((await db.report.findUniqueOrThrow({ where: { interviewId } })).data);
}

function memoryIo(): CliIo & { output: string[]; errors: string[] } {
  const output: string[] = [];
  const errors: string[] = [];
  return {
    output,
    errors,
    out: (t) => output.push(t),
    err: (t) => errors.push(t),
    lines: () => (async function* () {})(),
  };
}

function runCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      ['--import', 'tsx', 'src/cli/main.ts', ...args],
      { env: { ...process.env, DATABASE_URL: testDatabaseUrl(), OPENAI_API_KEY: '', LOG_LEVEL: 'warn' } },
      (_error, stdout, stderr) => resolve({ code: child.exitCode, stdout, stderr }),
    );
  });
}

describe('rescoreInterview with a newer scorer version', () => {
  it('stores the new scores beside the old, shows the newest, lists the older, and names the questions that moved', async () => {
    const { interviewId, answerIds } = await scoredInterview(db, 'TRESCORE1', 1);
    const before = await storedReport(interviewId);
    const oldRows = await db.score.findMany({
      where: { answerId: { in: answerIds } },
      orderBy: [{ answerId: 'asc' }, { dimension: 'asc' }],
    });
    expect(new Set(oldRows.map((r) => r.scorerVersion))).toEqual(new Set([OFFLINE_SCORER_VERSION]));

    const [, second, , fourth] = seededQuestions(1);
    const newer = versionOf(
      '9.9.9',
      new Map([
        [second?.id ?? '', 3],
        [fourth?.id ?? '', 2],
      ]),
    );
    const interviewing = offlineInterviewing(db);
    const deps: RescoreDeps = {
      db,
      clock: systemClock,
      scorer: newer,
      bank: interviewing.bank,
      interviewerLabel: interviewing.interviewer.label,
    };
    const result = await rescoreInterview(deps, interviewId);
    if (result.outcome !== 'rescored') throw new Error(`not re-scored: ${result.outcome}`);

    // The old rows are untouched; the new ones are beside them.
    const allRows = await db.score.findMany({
      where: { answerId: { in: answerIds } },
      orderBy: [{ answerId: 'asc' }, { dimension: 'asc' }],
    });
    expect(allRows.filter((r) => r.scorerVersion === OFFLINE_SCORER_VERSION)).toEqual(oldRows);
    expect(allRows.filter((r) => r.scorerVersion === '9.9.9')).toHaveLength(oldRows.length);

    const report = await storedReport(interviewId);
    expect(result.report).toEqual(report);
    expect(report.questions.map((q) => q.scoredWith)).toEqual(
      report.questions.map(() => ({ id: OFFLINE_SCORER_ID, version: '9.9.9' })),
    );
    for (const [i, q] of report.questions.entries()) {
      expect(q.olderScores, `question ${q.index}`).toEqual([
        {
          id: OFFLINE_SCORER_ID,
          version: OFFLINE_SCORER_VERSION,
          label: expect.any(String),
          overall: before.questions[i]?.overall,
        },
      ]);
      expect(result.changes[i]).toEqual({
        index: q.index,
        kind: q.kind,
        before: before.questions[i]?.overall,
        after: q.overall,
      });
    }
    expect(report.questions[1]?.overall).toBeLessThan((before.questions[1]?.overall ?? 0) - 1);
    expect(report.questions[0]?.overall).toBe(before.questions[0]?.overall);
    expect(report.metadata.rescored).toEqual({
      scorer: { id: OFFLINE_SCORER_ID, version: '9.9.9', label: 'Offline rubric scorer v9.9.9' },
      older: [{ id: OFFLINE_SCORER_ID, version: OFFLINE_SCORER_VERSION, label: expect.any(String), differing: [2, 4] }],
    });

    const sentence = `Re-scored with Offline rubric scorer v9.9.9; questions 2 and 4 differ by more than 1 point from v${OFFLINE_SCORER_VERSION}.`;
    const text = renderText(report);
    expect(text).toContain(sentence);
    expect(text).toContain(`  v${OFFLINE_SCORER_VERSION} (older): `);
    expect(JSON.stringify(renderReportCard(report).blocks)).toContain(sentence);
    expect(JSON.stringify(renderTeamsCard(report, interviewId, null))).toContain(sentence);

    const io = memoryIo();
    expect(printRescore(io, interviewId, deps, result)).toBe(0);
    expect(io.output.join('\n')).toMatch(/^ {2}Question 2 \(technical\): \d+\.\d → \d+\.\d$/m);

    // The same version again: nothing is scored, nothing is written.
    const again = await rescoreInterview(deps, interviewId);
    expect(again).toEqual({ outcome: 'already_scored' });
    expect(await db.score.count({ where: { answerId: { in: answerIds } } })).toBe(allRows.length);
    const quiet = memoryIo();
    expect(printRescore(quiet, interviewId, deps, again)).toBe(0);
    expect(quiet.output).toEqual([
      `Interview ${interviewId} is already scored with ${OFFLINE_SCORER_ID} v9.9.9; nothing to do.`,
    ]);
  });

  it('shows the highest version, not the last one run, when several versions exist', async () => {
    const { interviewId } = await scoredInterview(db, 'TRESCORE1', 2, { scorer: versionOf('1.2.0') });
    const interviewing = offlineInterviewing(db);
    const deps = (scorer: AnswerScorer): RescoreDeps => ({
      db,
      clock: systemClock,
      scorer,
      bank: interviewing.bank,
      interviewerLabel: 'Test',
    });
    await rescoreInterview(deps(versionOf('1.10.0')), interviewId);
    // An older configured version re-scoring later does not take over what the report shows.
    await rescoreInterview(deps(versionOf('1.9.0')), interviewId);
    const report = await storedReport(interviewId);
    expect(new Set(report.questions.map((q) => q.scoredWith?.version))).toEqual(new Set(['1.10.0']));
    expect(report.questions[0]?.olderScores.map((o) => o.version)).toEqual(['1.9.0', '1.2.0']);
  });
});

describe('npm run cli -- rescore', () => {
  it('re-scores with the configured scorer, prints old → new per question, then is a no-op', async () => {
    const { interviewId } = await scoredInterview(db, 'TRESCORE2', 3, { scorer: versionOf('0.0.1') });
    const first = await runCli(['rescore', interviewId]);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const lines = first.stdout.trim().split('\n');
    expect(lines[0]).toBe(
      `Re-scored interview ${interviewId} with ${offline.label} (${OFFLINE_SCORER_ID} v${OFFLINE_SCORER_VERSION}); overall per question, before → after:`,
    );
    expect(lines.filter((l) => /^ {2}Question \d \((technical|behavioral)\): \d+\.\d → \d+\.\d$/.test(l))).toHaveLength(
      6,
    );

    const report = await runCli(['report', interviewId]);
    expect(report.code).toBe(0);
    expect(report.stdout).toMatch(/^ {2}v0\.0\.1 \(older\): \d+\.\d \/ 10$/m);
    expect(report.stdout).toContain(`Re-scored with ${offline.label}`);

    const second = await runCli(['rescore', interviewId]);
    expect(second.code).toBe(0);
    expect(second.stdout.trim()).toBe(
      `Interview ${interviewId} is already scored with ${OFFLINE_SCORER_ID} v${OFFLINE_SCORER_VERSION}; nothing to do.`,
    );
  });

  it('refuses an unknown or erased interview in one line, with a non-zero exit', async () => {
    const { interviewId } = await scoredInterview(db, 'TRESCORE2', 4);
    await db.interview.update({ where: { id: interviewId }, data: { status: 'erased' } });
    const [unknown, erased, usage] = await Promise.all([
      runCli(['rescore', 'no-such-interview']),
      runCli(['rescore', interviewId]),
      runCli(['rescore']),
    ]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr.trim()).toBe('No interview with id no-such-interview.');
    expect(erased.code).toBe(1);
    expect(erased.stderr.trim().split('\n')).toEqual([
      `Interview ${interviewId} was erased at the candidate's request; its answers and scores are gone.`,
    ]);
    expect(usage.code).toBe(2);
    for (const r of [unknown, erased, usage]) expect(r.stdout).toBe('');
  });
});
