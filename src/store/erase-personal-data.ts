/**
 * The candidate's right to erasure, for one interview: the transcript (turns, answers, the messages they came
 * from, scores), the report, the web page's conversation, decision notes, the candidate's name and time zone, and every outbox payload that
 * may quote them. What stays: the interview row with status `erased` and audit events, which carry no personal data.
 */
import type { Prisma } from './prisma.js';

export async function erasePersonalData(tx: Prisma.TransactionClient, interviewId: string, at: Date): Promise<void> {
  const interview = await tx.interview.findUnique({ where: { id: interviewId }, select: { candidateId: true } });
  // Answers, their messages and scores go with the turns (onDelete: Cascade).
  await tx.turn.deleteMany({ where: { interviewId } });
  await tx.report.deleteMany({ where: { interviewId } });
  // The web page's copy of the conversation, and the candidate's links: nothing to open any more.
  await tx.webMessage.deleteMany({ where: { interviewId } });
  await tx.candidateLink.updateMany({ where: { interviewId, revokedAt: null }, data: { revokedAt: at } });
  await tx.decision.updateMany({ where: { interviewId }, data: { note: null } });
  if (interview?.candidateId) {
    await tx.candidate.update({ where: { id: interview.candidateId }, data: { displayName: null, timeZone: null } });
  }
  await tx.outboxEvent.updateMany({
    where: { interviewId, status: 'pending' },
    data: { status: 'failed', lastError: 'interview erased' },
  });
  await tx.outboxEvent.updateMany({ where: { interviewId }, data: { payload: { erased: true } } });
}
