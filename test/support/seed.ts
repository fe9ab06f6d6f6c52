/**
 * Interviews that have just finished: every answer final, and the outbox holding what the engine emits at that
 * point (a score job per answer and the report job). The pipeline takes it from there.
 */
import { randomUUID } from 'node:crypto';
import { defaultQuestionBank } from '../../src/scoring/index.js';
import { createInterview, ensureCandidate, findRoleBySlug } from '../../src/store/index.js';
import type { Db } from '../../src/store/prisma.js';

const INTRO =
  'I am a back-end developer with four years of experience building APIs in Node.js and PostgreSQL. I built a payments service and a search indexer.';

/** The six questions the n-th seeded interview asks (technical first), each answered with its reference answer. */
export function seededQuestions(n: number) {
  return defaultQuestionBank()
    .questions.filter((q) => q.family === 'backend' || q.family === 'behavioral')
    .slice(n % 5, (n % 5) + 6);
}

export async function seedFinishedInterview(
  db: Db,
  workspaceId: string,
  n: number,
): Promise<{ interviewId: string; answerIds: string[] }> {
  const role = await findRoleBySlug(db, workspaceId, 'backend-mid');
  if (!role) throw new Error('no backend-mid role');
  const userId = `USEED${n}-${randomUUID().slice(0, 6)}`;
  const candidate = await ensureCandidate(db, {
    workspaceId,
    platformUserId: userId,
    displayName: `Seeded ${n}`,
    timeZone: null,
  });
  const { id: interviewId } = await createInterview(db, {
    workspaceId,
    candidateId: candidate.id,
    candidateUserId: userId,
    role,
    recruiterId: 'URECRUITER',
    platform: 'slack',
    conversationId: `D${userId}`,
  });
  const questions = seededQuestions(n);
  const started = new Date('2026-02-02T10:00:00Z');
  const answerIds: string[] = [];
  await db.$transaction(async (tx) => {
    await tx.interview.update({
      where: { id: interviewId },
      data: { status: 'completed', startedAt: started, completedAt: new Date(started.getTime() + 20 * 60_000) },
    });
    const turns = [
      { kind: 'introduction' as const, questionId: null, text: 'Tell me about yourself.', answer: INTRO },
      ...questions.map((q) => ({ kind: q.kind, questionId: q.id, text: q.text, answer: q.referenceAnswer })),
    ];
    for (const [order, turn] of turns.entries()) {
      const created = await tx.turn.create({
        data: {
          interviewId,
          order,
          kind: turn.kind,
          questionId: turn.questionId,
          questionText: turn.text,
          askedAt: started,
        },
      });
      const answer = await tx.answer.create({
        data: {
          turnId: created.id,
          text: turn.answer,
          wordCount: turn.answer.split(/\s+/).length,
          receivedAt: started,
          finalizedAt: started,
          platformMessageIds: [`${interviewId}-${order}`],
        },
      });
      if (turn.kind !== 'introduction') answerIds.push(answer.id);
    }
    const jobs = [
      ...answerIds.map((answerId) => ({ name: 'score_answer', payload: { answerId } })),
      { name: 'build_report', payload: { interviewId } },
    ];
    await tx.outboxEvent.createMany({
      data: jobs.map((job, i) => ({
        interviewId,
        kind: 'enqueue_job',
        payload: job,
        dedupeKey: `${interviewId}:seed:${i}`,
      })),
    });
  });
  return { interviewId, answerIds };
}
