/**
 * Advance / Hold / Reject submitted from a report card. The decision goes through the engine's `decision` event
 * (the Decision row is unique per interview, so a second decision is refused by the database too); the card is
 * then re-rendered in place to say who decided what, without the buttons.
 */
import type { DecisionKind } from '../../../engine/index.js';
import { ReportSchema } from '../../../report/schema.js';
import { renderTeamsCard } from '../cards/report-card.js';
import { decisionLine } from '../cards/decision-line.js';
import type { TeamsContext } from '../context.js';
import { channelOf, teamsMessageId, type Sender } from '../normalize.js';
import { canDecide } from '../permissions.js';
import type { Reply } from './reply.js';
import { decisionOf, interviewInWorkspace, type RecordedDecision } from '../store/interviews.js';
import { workspaceForTenant } from '../store/workspaces.js';

export interface DecisionSubmit {
  sender: Sender;
  decision: DecisionKind;
  interviewId: string;
  cardActivityId: string;
}

const NOT_A_DECIDER =
  'Only hiring managers and recruiters can decide. An admin can add you with `@Screener admin managers add @you`.';

async function refreshCard(ctx: TeamsContext, submit: DecisionSubmit, decision: RecordedDecision): Promise<void> {
  if (!submit.cardActivityId) return;
  const row = await ctx.db.report.findUnique({ where: { interviewId: submit.interviewId } });
  const report = ReportSchema.safeParse(row?.data);
  if (!report.success) return;
  const { sender } = submit;
  const card = renderTeamsCard(report.data, submit.interviewId, decision);
  await ctx.connector.update(
    { serviceUrl: sender.serviceUrl, tenantId: sender.tenantId, conversationId: channelOf(sender.conversationId) },
    submit.cardActivityId,
    card,
  );
}

export async function handleDecisionSubmit(ctx: TeamsContext, submit: DecisionSubmit, reply: Reply): Promise<void> {
  const workspace = await workspaceForTenant(ctx.db, submit.sender.tenantId, submit.sender.serviceUrl);
  const interview = await interviewInWorkspace(ctx.db, workspace.id, submit.interviewId);
  if (!interview) return reply('This screen no longer exists.');
  if (!canDecide(ctx.settings, workspace, submit.sender)) return reply(NOT_A_DECIDER);
  const earlier = await decisionOf(ctx.db, submit.interviewId);
  if (earlier) {
    await refreshCard(ctx, submit, earlier);
    return reply(`This screen is already decided. ${decisionLine(earlier)}`);
  }
  const { sender } = submit;
  const outcome = await ctx.runner.handle(submit.interviewId, {
    kind: 'decision',
    decision: submit.decision,
    note: null,
    platform: 'teams',
    workspaceId: workspace.id,
    conversationId: sender.conversationId,
    threadId: submit.cardActivityId || null,
    userId: sender.userId,
    messageId: teamsMessageId(sender.tenantId, sender.conversationId, sender.activityId),
    raw: null,
  });
  const recorded = await decisionOf(ctx.db, submit.interviewId);
  if (recorded) await refreshCard(ctx, submit, recorded);
  if (outcome.effects.some((e) => e.type === 'record_decision')) {
    ctx.logger.info(
      { interviewId: submit.interviewId, decision: submit.decision },
      'hiring decision recorded from Teams',
    );
    return;
  }
  await reply(
    recorded
      ? `This screen is already decided. ${decisionLine(recorded)}`
      : 'A decision can be recorded once the interview is complete.',
  );
}
