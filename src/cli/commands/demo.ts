/**
 * `npm run cli -- demo [--role <slug>]`: a whole screening interview in the terminal, run by the offline
 * interviewer against the local database (DATABASE_URL), ending with the printed report. One line is one answer
 * (no quiet window), so it works the same when answers are piped in.
 */
import { loadConfigOrExit } from '../../config/load.js';
import { normalizeText, OFFLINE_INTERVIEWER_LABEL, parseCommand, type RunOutcome } from '../../engine/index.js';
import { LocalSession } from '../../background/local-session.js';
import type { OutboundMessage } from '../../outbound/messenger.js';
import { renderText } from '../../report/render-text.js';
import { ReportSchema } from '../../report/schema.js';
import { systemClock } from '../../shared/clock.js';
import { isAppError } from '../../shared/errors.js';
import { checkDatabase, databaseAppError, describeDatabaseStatus } from '../../store/database-status.js';
import { createPrisma, type Db } from '../../store/prisma.js';
import type { CliIo } from '../io.js';

export const summary = 'run a screening interview in the terminal with the offline interviewer, then print its report';

const USAGE = 'Usage: npm run cli -- demo [--role <slug>]   (e.g. --role frontend-mid; default backend-mid)';
export const YOUR_TURN = 'you>';
export const ERASE_OFFER =
  'The interview is over. Type "erase" to delete its answers and personal data now, or press Enter to quit.';

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

/** Nothing of the interview is left to delete: it was erased, or declined before anything was stored. */
const NOTHING_TO_ERASE = new Set(['erased', 'declined']);

/**
 * The bot's last words offer "erase"; the demo keeps that offer open for one more line instead of leaving the
 * candidate at a prompt nobody reads. Anything else (or the end of input) quits.
 */
async function offerErasure(
  io: CliIo,
  session: LocalSession,
  input: AsyncIterator<string>,
  outcome: RunOutcome,
): Promise<void> {
  if (NOTHING_TO_ERASE.has(outcome.state.status)) return;
  io.out(`\n${ERASE_OFFER}`);
  io.out(YOUR_TURN);
  const next = await input.next();
  if (next.done || parseCommand(normalizeText(next.value)) !== 'erase') return;
  await session.send(next.value);
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
  const input = io.lines()[Symbol.asyncIterator]();
  try {
    let outcome: RunOutcome = await session.start();
    while (outcome.state.phase !== 'closed' && outcome.state.phase !== 'ended') {
      io.out(YOUR_TURN);
      const next = await input.next();
      if (next.done) {
        io.err(
          `\nInput ended before the interview finished; interview ${session.interviewId} stays ${outcome.state.status}.`,
        );
        return 1;
      }
      outcome = await session.send(next.value);
    }
    if (outcome.state.phase === 'closed') {
      const printed = await printReport(io, db, session.interviewId);
      if (printed !== 0) return printed;
    } else {
      io.out(`\nThe interview ended (${outcome.state.status}).`);
    }
    await offerErasure(io, session, input, outcome);
    return 0;
  } finally {
    // Stops reading standard input, so an open terminal does not keep the demo waiting for Ctrl-D.
    await input.return?.();
  }
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
    // One line that says what to do, rather than the stack trace of the first query that fails.
    const status = await checkDatabase(db, env.DATABASE_URL);
    if (status.state !== 'ready') {
      io.err(describeDatabaseStatus(status));
      return 1;
    }
    return await interview(io, db, parsed.roleSlug);
  } catch (error) {
    const appError = isAppError(error) ? error : databaseAppError(error, env.DATABASE_URL);
    if (!appError) throw error;
    io.err(appError.userMessage);
    return appError.code === 'not_found' ? 2 : 1;
  } finally {
    await db.$disconnect();
  }
}
