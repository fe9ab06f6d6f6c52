/** Whether a web interview still takes answers: the candidate's page hides its message box and commands once not. */
import type { InterviewStatus } from '../../engine/index.js';
import type { Db } from '../../store/prisma.js';

const OPEN: ReadonlySet<InterviewStatus> = new Set(['invited', 'consented', 'in_progress', 'paused']);

export function isOpen(status: InterviewStatus): boolean {
  return OPEN.has(status);
}

/** True once the interview has ended (finished, withdrawn, declined, expired, erased) or is gone. */
export async function interviewEnded(db: Db, interviewId: string): Promise<boolean> {
  const row = await db.interview.findUnique({ where: { id: interviewId }, select: { status: true } });
  return !row || !isOpen(row.status);
}
