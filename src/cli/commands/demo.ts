/**
 * `npm run cli -- demo [--role <slug>]`: a whole screening interview in the terminal, run by the offline
 * interviewer against the local database (DATABASE_URL), ending with the printed report. One line is one answer
 * (no quiet window), so it works the same when answers are piped in.
 */
import { loadConfigOrExit } from '../../config/load.js';
import { OFFLINE_INTERVIEWER_LABEL, type RunOutcome } from '../../engine/index.js';
import { LocalSession } from '../../jobs/local-session.js';
import type { OutboundMessage } from '../../jobs/messenger.js';
import { renderText } from '../../report/render-text.js';
import { ReportSchema } from '../../report/schema.js';
import { systemClock } from '../../shared/clock.js';
import { isAppError } from '../../shared/errors.js';
import { createPrisma, type Db } from '../../store/prisma.js';
import type { CliIo } from '../io.js';

export const summary = 'run a screening interview in the terminal with the offline interviewer, then print its report';

const USAGE = 'Usage: npm run cli -- demo [--role <slug>]   (e.g. --role frontend-mid; default backend-mid)';
export const YOUR_TURN = 'you>';

const BANNER = [
  `Screener demo, run by the ${OFFLINE_INTERVIEWER_LABEL.replace(/^Screener \((.*)\)$/, '$1')}.`,
  'Questions come from the shipped question banks and answers are scored by the offline rubric scorer:',
  'no AI service is called and nothing leaves this machine. One line is one answer; type "help" for the commands.',
].join('\n');

function parseArgs(args: string[]): { roleSlug: string } | null {
  let roleSlug = 'backend-mid';
  for (let i = 0; i < args.length; i += 1) {
    const value = args[i + 1];
    if (args[i] !== '--role' || !value) return null;
    roleSlug = value;
    i += 1;
  }
  return { roleSlug };
}

function printMessage(io: CliIo, message: OutboundMessage): void {
  // The recruiter's notices are part of the demo too, labelled as such.
  const who = message.recipient.to === 'candidate' ? 'screener>' : `screener -> ${message.recipient.to}>`;
  const [first = '', ...rest] = message.text.split('\n');
  const indented = rest.map((line) => (line ? `  ${line}` : ''));
  io.out(`\n${[`${who} ${first}`, ...indented].join('\n')}`);
}

async function printReport(io: CliIo, db: Db, interviewId: string): Promise<number> {
  const row = await db.report.findUnique({ where: { interviewId } });
  if (!row) {
    io.err(`The report for interview ${interviewId} is not ready; see the outbox for a failed job.`);
    return 1;
  }
  io.out(`\n${renderText(ReportSchema.parse(row.data))}`);
  io.out(`Interview ${interviewId}. Print the report again with: npm run cli -- report ${interviewId}`);
  return 0;
}

async function interview(io: CliIo, db: Db, roleSlug: string): Promise<number> {
  const session = await LocalSession.create({
    db,
    clock: systemClock,
    platform: 'cli',
    roleSlug,
    quietWindowMs: 0,
    workspaceExternalId: 'cli-demo',
    recruiterId: 'cli-recruiter',
    onMessage: (message) => printMessage(io, message),
  });
  io.out(BANNER);
  let outcome: RunOutcome = await session.start();
  io.out(YOUR_TURN);
  for await (const line of io.lines()) {
    outcome = await session.send(line);
    const { phase, status } = outcome.state;
    if (phase === 'closed') return printReport(io, db, session.interviewId);
    if (phase === 'ended') {
      io.out(`\nThe interview ended (${status}).`);
      return 0;
    }
    io.out(YOUR_TURN);
  }
  io.err(`\nInput ended before the interview finished; interview ${session.interviewId} stays ${outcome.state.status}.`);
  return 1;
}

export async function run(args: string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(args);
  if (!parsed) {
    io.err(USAGE);
    return 2;
  }
  const env = loadConfigOrExit();
  const db = createPrisma(env.DATABASE_URL);
  try {
    return await interview(io, db, parsed.roleSlug);
  } catch (error) {
    if (!isAppError(error)) throw error;
    io.err(error.userMessage);
    return error.code === 'not_found' ? 2 : 1;
  } finally {
    await db.$disconnect();
  }
}
