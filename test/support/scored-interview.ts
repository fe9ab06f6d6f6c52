/**
 * A finished interview (six bank questions answered, see ./seed.ts) scored and reported by the job handlers
 * production wires: createInterviewing's, or, with `scorer`, the same handlers around another scorer (a stub
 * standing for another version).
 */
import { createInterviewing } from '../../src/process/interviewing.js';
import { buildInterviewReport } from '../../src/background/jobs/build-report.js';
import { scoreAnswer } from '../../src/background/jobs/score-answer.js';
import type { AnswerScorer } from '../../src/scoring/types.js';
import { systemClock } from '../../src/shared/clock.js';
import { createLogger } from '../../src/shared/logger.js';
import type { Db } from '../../src/store/prisma.js';
import { slackWorkspace } from './interviews.js';
import { seedFinishedInterview } from './seed.js';

export const silentLogger = createLogger({ level: 'silent', service: 'test' });

/** The interviewing an offline deployment builds (no OPENAI_API_KEY). */
export function offlineInterviewing(db: Db) {
  return createInterviewing({ db, clock: systemClock, logger: silentLogger, env: {} });
}

export interface ScoredInterviewOptions {
  /** Scores with these handlers' scorer instead of the configured one. */
  scorer?: AnswerScorer;
  /** Turns (by order; 0 is the introduction) the candidate skipped. */
  skipped?: number[];
}

export async function scoredInterview(
  db: Db,
  teamId: string,
  n: number,
  options: ScoredInterviewOptions = {},
): Promise<{ interviewId: string; answerIds: string[] }> {
  const { scorer, skipped = [] } = options;
  const ws = await slackWorkspace(db, teamId);
  const seeded = await seedFinishedInterview(db, ws.id, n);
  // The seed leaves its jobs in the outbox; they are run here instead, so no other test file's relay takes them.
  await db.outboxEvent.deleteMany({ where: { interviewId: seeded.interviewId } });
  await db.turn.updateMany({
    where: { interviewId: seeded.interviewId, order: { in: skipped } },
    data: { skipped: true },
  });
  const interviewing = offlineInterviewing(db);
  const work = { ...interviewing.work, ...(scorer ? { scorer } : {}) };
  for (const answerId of seeded.answerIds) await scoreAnswer({ db, clock: systemClock, ...work }, { answerId });
  const built = await buildInterviewReport({ db, clock: systemClock, ...work }, { interviewId: seeded.interviewId });
  if (built.status !== 'done') throw new Error(`the report was not built: ${built.status} ${built.reason ?? ''}`);
  return seeded;
}
