/**
 * The terminal demo as a person would use it: a real child process, answers written to its stdin one line at a
 * time, each only after the demo has asked for it; through a pipe, and through a pseudo terminal (where input
 * never ends by itself, so a demo that waits for it hangs).
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createTestDb, testDatabaseUrl } from '../support/db.js';
import { runInTerminal, type Terminal } from '../support/terminal.js';
import { goodAnswerFor, INTRODUCTION } from '../engine/support/answers.js';

const db = createTestDb();
afterAll(() => db.$disconnect());

const TURN = /^you>$/m;

function startCli(args: string[]): {
  child: ChildProcessWithoutNullStreams;
  output: () => string;
  exit: Promise<number | null>;
} {
  const child = spawn('npx', ['tsx', 'src/cli/main.ts', ...args], {
    env: { ...process.env, DATABASE_URL: testDatabaseUrl(), LOG_LEVEL: 'silent' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => out, exit };
}

function turnsAsked(output: string): number {
  return output.split('\n').filter((line) => TURN.test(line)).length;
}

/** The last thing the interviewer said before its latest "you>". */
function lastQuestion(output: string): string {
  const beforeTurn = output.slice(0, output.lastIndexOf('you>'));
  const said = beforeTurn.split('\nscreener> ');
  return (said.at(-1) ?? '').trim();
}

async function waitUntil(check: () => boolean, what: () => string, timeoutMs = 30_000): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what()}`);
    await new Promise((resolve) => setTimeout(resolve, 25)); // a child process: real time is the only clock
  }
}

function answerFor(question: string): string {
  if (/reply "yes" or "no"/.test(question)) return 'yes';
  if (/Type "erase" to delete its answers/.test(question)) return '';
  if (/^Introduction:/.test(question)) return INTRODUCTION;
  return goodAnswerFor(question.split('\n')[0] ?? question);
}

/** Answers every prompt as a candidate would until the demo asks whether to erase (or `stopAt` matches). */
async function answerUntil(term: Terminal, stopAt: RegExp): Promise<void> {
  for (let answered = 0; answered < 30; answered += 1) {
    await waitUntil(
      () => turnsAsked(term.output()) > answered || term.child.exitCode !== null,
      () => `prompt ${answered + 1}; output so far:\n${term.output().slice(-2000)}`,
    );
    const question = lastQuestion(term.output());
    if (stopAt.test(question) || term.child.exitCode !== null) return;
    term.type(answerFor(question));
  }
}

function exitWithin(term: Terminal, ms: number): Promise<number | null | 'still running'> {
  return Promise.race([
    term.exited(),
    new Promise<'still running'>((resolve) => setTimeout(() => resolve('still running'), ms)),
  ]);
}

describe('npm run cli -- demo in a terminal', () => {
  const env = { DATABASE_URL: testDatabaseUrl(), LOG_LEVEL: 'silent' };
  const terminals: Terminal[] = [];
  // A demo that hangs must not outlive its test.
  afterEach(() => terminals.splice(0).forEach((t) => t.child.exitCode === null && t.child.kill('SIGKILL')));
  const open = () => {
    const term = runInTerminal(['npm', 'run', '--silent', 'cli', '--', 'demo'], env);
    terminals.push(term);
    return term;
  };

  it('ends when the interview ends, and erases when the candidate takes up the last offer', async () => {
    const term = open();
    await answerUntil(term, /Type "erase" to delete its answers/);
    expect(term.output()).toMatch(/You can still type "erase"/);
    expect(term.output()).toMatch(/END OF REPORT/);
    term.type('erase');
    expect(await exitWithin(term, 20_000)).toBe(0); // the terminal's input is still open
    expect(term.output()).toMatch(/your answers and personal data for this interview have been deleted/);
    const interviewId = /npm run cli -- report (\S+)/.exec(term.output())?.[1] ?? '';
    const interview = await db.interview.findUniqueOrThrow({
      where: { id: interviewId },
      include: { turns: { include: { answer: true } } },
    });
    expect(interview.status).toBe('erased');
    expect(interview.turns.flatMap((t) => (t.answer ? [t.answer] : []))).toEqual([]);
  }, 150_000);

  it('ends after "stop" once the candidate presses Enter, keeping the answers', async () => {
    const term = open();
    await answerUntil(term, /^Introduction:/);
    term.type('stop');
    await answerUntil(term, /Type "erase" to delete its answers/);
    expect(term.output()).toMatch(/The interview ended \(withdrawn\)/);
    term.type('');
    expect(await exitWithin(term, 20_000)).toBe(0);
    const interviewId = /Interview (\S+)\.$/m.exec(term.output())?.[1] ?? '';
    expect((await db.interview.findUniqueOrThrow({ where: { id: interviewId } })).status).toBe('withdrawn');
  }, 60_000);
});

describe('npm run cli -- demo', () => {
  it('can be completed by typing answers and ends with the printed report', async () => {
    const cli = startCli(['demo', '--role', 'backend-mid']);
    let answered = 0;
    for (; answered < 30; answered += 1) {
      await waitUntil(
        () => turnsAsked(cli.output()) > answered || /END OF REPORT/.test(cli.output()) || cli.child.exitCode !== null,
        () => `prompt ${answered + 1}; output so far:\n${cli.output().slice(-2000)}`,
      );
      if (turnsAsked(cli.output()) <= answered) break;
      cli.child.stdin.write(`${answerFor(lastQuestion(cli.output()))}\n`);
    }
    cli.child.stdin.end();
    expect(await cli.exit).toBe(0);
    const output = cli.output();
    expect(output).toMatch(/offline interviewer/);
    expect(output).toMatch(/Question \d+ \(behavioral, 7 of 7 planned\)/);
    expect(output).toMatch(/That was the last question/);
    expect(output).toMatch(/SCREENING INTERVIEW REPORT/);
    expect(output).toMatch(/END OF REPORT/);
    expect(answered).toBeGreaterThanOrEqual(9); // consent, introduction, seven questions (and any follow-ups)

    const interviewId = /npm run cli -- report (\S+)/.exec(output)?.[1] ?? '';
    const report = startCli(['report', interviewId, '--json']);
    expect(await report.exit).toBe(0);
    expect(JSON.parse(report.output())).toMatchObject({
      metadata: { interviewer: expect.stringMatching(/offline interviewer/) },
    });
  }, 120_000);

  it('report with an unknown interview id exits 2 and says why', async () => {
    const report = startCli(['report', 'no-such-interview']);
    expect(await report.exit).toBe(2);
    expect(report.output()).toMatch(/No interview with id no-such-interview/);
  }, 30_000);
});
