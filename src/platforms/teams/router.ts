/**
 * Where a classified activity goes: decisions to the card handler, a 1:1 conversation of an open interview to the
 * engine, everything else addressed to the bot to the command handler. Runs after the ack.
 */
import type { TeamsContext } from './context.js';
import { handleCandidateActivity, candidateEvent } from './handlers/candidate.js';
import { runTeamsCommand } from './handlers/commands.js';
import { handleDecisionSubmit } from './handlers/decision.js';
import type { TeamsInbound } from './normalize.js';
import { answeringFailures } from '../common/answering-failures.js';
import { replyTo } from './handlers/reply.js';
import { interviewInConversation } from './store/interviews.js';
import { workspaceForTenant } from './store/workspaces.js';

type Routed = Exclude<TeamsInbound, { kind: 'ignored' }>;

async function routePersonal(
  ctx: TeamsContext,
  inbound: Extract<Routed, { kind: 'text' | 'edit' }>,
  raw: unknown,
): Promise<boolean> {
  if (inbound.conversationType !== 'personal') return false;
  const workspace = await workspaceForTenant(ctx.db, inbound.tenantId, inbound.serviceUrl);
  const interview = await interviewInConversation(
    ctx.db,
    workspace.id,
    inbound.conversationId,
    inbound.kind === 'text',
  );
  if (!interview) return false;
  const kind = inbound.kind === 'edit' ? 'message_edited' : 'message';
  await handleCandidateActivity(ctx, interview, candidateEvent(interview, inbound, { kind, text: inbound.text }, raw));
  return true;
}

export async function routeActivity(ctx: TeamsContext, inbound: Routed, raw: unknown): Promise<void> {
  const reply = replyTo(ctx, inbound);
  await answeringFailures(ctx.logger, 'Teams', inbound.kind, reply, async () => {
    if (inbound.kind === 'decision')
      return handleDecisionSubmit(
        ctx,
        {
          sender: inbound,
          decision: inbound.decision,
          interviewId: inbound.interviewId,
          cardActivityId: inbound.cardActivityId,
        },
        reply,
      );
    if (await routePersonal(ctx, inbound, raw)) return;
    // An edit outside an interview changes nothing: commands run once, when first sent.
    if (inbound.kind === 'edit') return;
    await runTeamsCommand(ctx, { sender: inbound, text: inbound.text, mentions: inbound.mentions }, reply);
  });
}
