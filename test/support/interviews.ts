/** Interviews for pipeline tests: created with the real store functions and driven through the real runner. */
import type { InboundEvent, InterviewRunner } from '../../src/engine/index.js';
import type { MemoryMessenger } from '../../src/outbound/messenger.js';
import {
  createInterview,
  ensureCandidate,
  ensureDefaultRoles,
  ensureWorkspace,
  findRoleBySlug,
} from '../../src/store/index.js';
import type { Db } from '../../src/store/prisma.js';
import { until } from './pipeline.js';

export async function slackWorkspace(db: Db, teamId: string, hiringChannelId: string | null = 'CHIRING') {
  const ws = await ensureWorkspace(db, { platform: 'slack', externalId: teamId, name: teamId });
  await db.workspace.update({ where: { id: ws.id }, data: { hiringChannelId } });
  await ensureDefaultRoles(db, ws.id);
  return ws;
}

export async function newSlackInterview(db: Db, workspaceId: string, userId: string, roleSlug = 'backend-mid') {
  const role = await findRoleBySlug(db, workspaceId, roleSlug);
  if (!role) throw new Error(`no role ${roleSlug}`);
  const candidate = await ensureCandidate(db, {
    workspaceId,
    platformUserId: userId,
    displayName: `Candidate ${userId}`,
    timeZone: null,
  });
  const interview = await createInterview(db, {
    workspaceId,
    candidateId: candidate.id,
    candidateUserId: userId,
    role,
    recruiterId: 'URECRUITER',
    platform: 'slack',
    conversationId: `D${userId}`,
    threadId: '1700000000.000100',
    quietWindowMs: 0,
  });
  return interview.id;
}

/** Plays the candidate through the runner: waits for each question to be delivered before answering it. */
export async function playCandidate(
  runner: InterviewRunner,
  messenger: MemoryMessenger,
  interviewId: string,
  workspaceId: string,
  userId: string,
  answerFor: (question: string) => string,
) {
  let n = 0;
  const base = {
    platform: 'slack' as const,
    workspaceId,
    conversationId: `D${userId}`,
    threadId: '1700000000.000100',
    userId,
    raw: null,
  };
  const say = (text: string) =>
    runner.handle(interviewId, { ...base, kind: 'message', text, messageId: `D${userId}:${++n}` } as InboundEvent);
  const delivered = () =>
    messenger.messages
      .filter((m) => m.interviewId === interviewId && m.recipient.to === 'candidate')
      .map((m) => m.text);
  await runner.handle(interviewId, { ...base, kind: 'start', messageId: `start:${interviewId}` } as InboundEvent);
  await until(async () => delivered().some((t) => /reply "yes" or "no"/.test(t)), 20_000, 'the consent question');
  await say('yes');
  for (let guard = 0; guard < 30; guard++) {
    const count = delivered().length;
    const last = await until(
      async () => {
        const all = delivered();
        const tail = all.at(-1) ?? '';
        return /^(Introduction|Question \d+ \([\w-]+(,| to) [^)]*\)): /.test(tail) ||
          /That was the last question/.test(tail)
          ? { tail, all }
          : null;
      },
      20_000,
      'the next question',
    );
    if (/That was the last question/.test(last.tail)) return delivered();
    await say(answerFor(last.tail));
    await until(async () => delivered().length > count, 20_000, 'a reply to the answer');
  }
  throw new Error('the interview did not close');
}
