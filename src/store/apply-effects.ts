/** Persistence effects from the interview step, written inside the runner's transaction. */
import { ENDED_STATUSES, type InterviewStatus, type PersistenceEffect, type Platform } from '../engine/index.js';
import { erasePersonalData } from './erase-personal-data.js';
import { toJson } from './json.js';
import type { Prisma } from './prisma.js';

type Tx = Prisma.TransactionClient;

export interface EffectScope {
  interviewId: string;
  platform: Platform;
}

const ENDING: ReadonlySet<InterviewStatus> = new Set(['completed', ...ENDED_STATUSES]);

async function setStatus(tx: Tx, { interviewId }: EffectScope, status: InterviewStatus, at: Date): Promise<void> {
  await tx.interview.update({
    where: { id: interviewId },
    data: {
      status,
      ...(status === 'consented' ? { consentedAt: at } : {}),
      ...(status === 'completed' ? { completedAt: at } : {}),
      ...(ENDING.has(status) ? { endedAt: at } : {}),
    },
  });
  // Resuming also sets in_progress; only the first time is the start.
  if (status === 'in_progress')
    await tx.interview.updateMany({ where: { id: interviewId, startedAt: null }, data: { startedAt: at } });
}

type EditEffect = Extract<PersistenceEffect, { type: 'edit_answer' }>;

/**
 * A re-scored answer loses its scores in the same transaction as its text changes, so no moment shows the new text
 * with the old scores; the score job stores a score only for the text it scored (src/background/jobs/score-answer.ts).
 */
async function editAnswer(tx: Tx, effect: EditEffect): Promise<void> {
  const answer = await tx.answer.findUnique({
    where: { id: effect.answerId },
    select: { text: true, flags: true, editHistory: true },
  });
  if (!answer) return;
  if (effect.rescore) await tx.score.deleteMany({ where: { answerId: effect.answerId } });
  const history = Array.isArray(answer.editHistory) ? answer.editHistory : [];
  await tx.answer.update({
    where: { id: effect.answerId },
    data: {
      text: effect.text,
      wordCount: effect.wordCount,
      editHistory: toJson([...history, { text: answer.text, editedAt: effect.editedAt }]),
      flags: effect.flags ?? [...new Set([...answer.flags, 'edited'])],
    },
  });
}

export async function applyPersistenceEffect(tx: Tx, scope: EffectScope, effect: PersistenceEffect): Promise<void> {
  const { interviewId, platform } = scope;
  switch (effect.type) {
    case 'set_status':
      return setStatus(tx, scope, effect.status, effect.at);
    case 'audit':
      await tx.auditEvent.create({
        data: { actor: effect.actor, action: effect.action, subject: `interview:${interviewId}`, data: effect.data },
      });
      return;
    case 'record_turn': {
      const { turnId, ...turn } = effect.turn;
      await tx.turn.create({ data: { id: turnId, interviewId, ...turn } });
      return;
    }
    case 'mark_turn_skipped':
      await tx.turn.update({ where: { id: effect.turnId }, data: { skipped: true } });
      return;
    // The message row is its own create, not a nested one: a nested write makes Prisma read the answer back.
    case 'record_answer': {
      const { answerId, messageId, ...answer } = effect.answer;
      await tx.answer.create({
        data: { id: answerId, ...answer, platformMessageIds: [messageId] },
        select: { id: true },
      });
      await tx.answerMessage.create({
        data: { answerId, platform, platformMessageId: messageId, receivedAt: answer.receivedAt },
        select: { id: true },
      });
      return;
    }
    case 'extend_answer': {
      await tx.answer.update({
        where: { id: effect.answerId },
        data: { text: effect.text, wordCount: effect.wordCount, platformMessageIds: { push: effect.messageId } },
        select: { id: true },
      });
      await tx.answerMessage.create({
        data: {
          answerId: effect.answerId,
          platform,
          platformMessageId: effect.messageId,
          receivedAt: effect.receivedAt,
        },
        select: { id: true },
      });
      return;
    }
    case 'edit_answer':
      return editAnswer(tx, effect);
    case 'finalize_answer':
      await tx.answer.update({
        where: { id: effect.answerId },
        data: { flags: effect.flags, finalizedAt: effect.finalizedAt },
      });
      return;
    case 'discard_answer':
      await tx.answer.deleteMany({ where: { id: effect.answerId } });
      return;
    case 'record_decision':
      await tx.decision.create({
        data: { interviewId, deciderId: effect.deciderId, decision: effect.decision, note: effect.note },
      });
      return;
    case 'erase_personal_data':
      return erasePersonalData(tx, interviewId, effect.at);
  }
}
