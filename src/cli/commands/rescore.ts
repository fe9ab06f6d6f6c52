/**
 * `npm run cli -- rescore <interviewId>`: scores every answered question of a stored interview again with the scorer
 * this deployment is configured with (built as the worker builds it), keeps the older scores beside the new ones,
 * rebuilds the stored report and prints each question's overall before and after. With the same scorer version a
 * second run is a no-op. The database comes from the environment, like `cli report`.
 */
import { loadConfigOrExit } from '../../config/load.js';
import { createInterviewing } from '../../process/interviewing.js';
import { rescoreInterview, type RescoreDeps, type RescoreResult } from '../../background/rescore-interview.js';
import { KIND_LABELS } from '../../report/labels.js';
import { formatScore } from '../../report/numbers.js';
import { rescoredSentence, scorerName } from '../../report/rescored.js';
import { systemClock } from '../../shared/clock.js';
import { createLogger } from '../../shared/logger.js';
import { createPrisma } from '../../store/prisma.js';
import type { CliIo } from '../io.js';
import { findStoredInterview } from '../stored-interview.js';

export const summary =
  'rescore <interviewId>: score a stored interview again with the configured scorer and rebuild its report';

const USAGE = 'Usage: npm run cli -- rescore <interviewId>';

/** Prints what happened; returns the exit status. */
export function printRescore(
  io: CliIo,
  interviewId: string,
  deps: Pick<RescoreDeps, 'scorer'>,
  result: RescoreResult,
): number {
  const { scorer } = deps;
  const key = `${scorer.id} v${scorer.version}`;
  switch (result.outcome) {
    case 'already_scored':
      io.out(`Interview ${interviewId} is already scored with ${key}; nothing to do.`);
      return 0;
    case 'not_finished':
      io.err(
        `Interview ${interviewId} is not finished (status ${result.status}); only a finished interview can be re-scored.`,
      );
      return 1;
    case 'report_not_built':
      io.err(`Interview ${interviewId} was re-scored with ${key}, but its report was not rebuilt (${result.reason}).`);
      return 1;
    case 'rescored': {
      const lines = result.changes.map(
        (c) => `  Question ${c.index} (${KIND_LABELS[c.kind]}): ${formatScore(c.before)} → ${formatScore(c.after)}`,
      );
      const rescored = result.report.metadata.rescored;
      io.out(
        [
          `Re-scored interview ${interviewId} with ${scorerName(scorer)} (${key}); overall per question, before → after:`,
          ...lines,
          ...(rescored ? [rescoredSentence(rescored)] : []),
        ].join('\n'),
      );
      return 0;
    }
  }
}

export async function run(args: string[], io: CliIo): Promise<number> {
  const [interviewId] = args;
  if (!interviewId || args.length > 1 || interviewId.startsWith('-')) {
    io.err(USAGE);
    return 2;
  }
  const env = loadConfigOrExit();
  const db = createPrisma(env.DATABASE_URL);
  try {
    const found = await findStoredInterview(db, interviewId);
    if (!found.ok) {
      io.err(found.message);
      return found.exitCode;
    }
    // Logs go to standard error: standard output is the command's answer.
    const logger = createLogger({ level: env.LOG_LEVEL, service: 'cli', destination: process.stderr });
    const interviewing = createInterviewing({ db, clock: systemClock, logger, env });
    const deps: RescoreDeps = {
      db,
      clock: systemClock,
      scorer: interviewing.scorer,
      bank: interviewing.bank,
      interviewerLabel: interviewing.interviewer.label,
    };
    return printRescore(io, interviewId, deps, await rescoreInterview(deps, interviewId));
  } finally {
    await db.$disconnect();
  }
}
