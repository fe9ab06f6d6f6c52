/**
 * The candidate's side: messages and edits in the 1:1 conversation of an open interview feed the engine. The
 * engine's own message-id check drops a redelivered activity, so a retry from Teams never becomes two answers.
 */
import type { InboundEvent } from '../../../engine/index.js';
import type { TeamsContext } from '../context.js';
import { teamsMessageId, type Sender } from '../normalize.js';
import type { TeamsInterviewRef } from '../store/interviews.js';

export function candidateEvent(
  interview: TeamsInterviewRef,
  sender: Sender,
  change: { kind: 'message' | 'message_edited'; text: string },
  raw: unknown,
): InboundEvent {
  return {
    kind: change.kind,
    text: change.text,
    platform: 'teams',
    workspaceId: interview.workspaceId,
    conversationId: sender.conversationId,
    threadId: null,
    userId: sender.userId,
    messageId: teamsMessageId(sender.tenantId, sender.conversationId, sender.activityId),
    raw,
  };
}

export async function handleCandidateActivity(
  ctx: TeamsContext,
  interview: TeamsInterviewRef,
  event: InboundEvent,
): Promise<void> {
  if ('text' in event && !event.text.trim()) return;
  const outcome = await ctx.runner.handle(interview.id, event);
  ctx.logger.debug(
    { platform: 'teams', interviewId: interview.id, event: event.kind, committed: outcome.committed },
    'Teams candidate activity handled',
  );
}
