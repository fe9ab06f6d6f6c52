/** An interview with everything a report or a check needs: candidate, role, turns in order, answers, scores. */
import type { Db } from './prisma.js';

export function loadInterviewWithTranscript(db: Db, interviewId: string) {
  return db.interview.findUnique({
    where: { id: interviewId },
    include: {
      candidate: true,
      role: true,
      turns: { orderBy: { order: 'asc' }, include: { answer: { include: { scores: true } } } },
      report: true,
    },
  });
}

export type InterviewWithTranscript = NonNullable<Awaited<ReturnType<typeof loadInterviewWithTranscript>>>;
export type TranscriptTurn = InterviewWithTranscript['turns'][number];
