/**
 * Clicks on a report card: Advance / Hold / Reject (after Slack's confirmation dialog) and "Full report".
 * A decision goes through the engine's `decision` event, which records the Decision row and its audit event;
 * the card is then re-rendered to say who decided what and when, without the decision buttons.
 */
import type { WebClient } from '@slack/web-api';
import type { DecisionKind } from '../../../engine/index.js';
import { ReportSchema } from '../../../report/schema.js';
import { AppError } from '../../../shared/errors.js';
import { decisionLine, type RecordedDecision } from '../cards/card-actions.js';
import { cardMessage } from '../cards/card-message.js';
import type { SlackContext } from '../context.js';
import { fullReportMessages } from '../cards/full-report.js';
import { canDecide } from '../permissions.js';
import { decisionOf, interviewInWorkspace, type InterviewRef } from '../store/interviews.js';
import { workspaceForTeam, type WorkspaceSettings } from '../store/workspaces.js';
import type { Reply } from './reply.js';

export interface CardClick {
  teamId: string;
  userId: string;
  interviewId: string;
  /** The card: its channel and message ts. */
  channelId: string;
  messageTs: string;
  actionTs: string;
  raw: unknown;
}

const NOT_A_DECIDER =
  'Only hiring managers, recruiters and workspace admins can do that. A workspace admin can add you with `/interview-admin managers add @you`.';

interface Resolved {
  workspace: WorkspaceSettings;
  interview: InterviewRef;
  client: WebClient;
}

/** The interview behind a card, checked to belong to the workspace the click came from, and the clicker's rights. */
async function resolve(ctx: SlackContext, click: CardClick): Promise<Resolved | string> {
  const workspace = await workspaceForTeam(ctx.db, click.teamId);
  const interview = await interviewInWorkspace(ctx.db, workspace.id, click.interviewId);
  if (!interview) return 'This screen no longer exists.';
  const client = await ctx.tokens.clientFor(click.teamId);
  if (!(await canDecide(workspace, client, click.userId))) return NOT_A_DECIDER;
  return { workspace, interview, client };
}

async function refreshCard(
  ctx: SlackContext,
  client: WebClient,
  click: CardClick,
  decision: RecordedDecision | null,
): Promise<void> {
  const row = await ctx.db.report.findUnique({ where: { interviewId: click.interviewId } });
  const report = ReportSchema.safeParse(row?.data);
  if (!report.success) throw new AppError('not_found', `no readable report for interview ${click.interviewId}`);
  const card = cardMessage(report.data, click.interviewId, decision);
  await client.chat.update({
    channel: click.channelId,
    ts: click.messageTs,
    text: card.text,
    blocks: card.blocks as never,
  });
}

function alreadyDecided(decision: RecordedDecision): string {
  return `This screen is already decided. ${decisionLine(decision)}`;
}

export async function handleDecisionClick(
  ctx: SlackContext,
  click: CardClick,
  decision: DecisionKind,
  reply: Reply,
): Promise<void> {
  const resolved = await resolve(ctx, click);
  if (typeof resolved === 'string') return reply(resolved);
  const earlier = await decisionOf(ctx.db, click.interviewId);
  if (earlier) {
    await refreshCard(ctx, resolved.client, click, earlier);
    return reply(alreadyDecided(earlier));
  }
  const outcome = await ctx.runner.handle(click.interviewId, {
    kind: 'decision',
    decision,
    note: null,
    platform: 'slack',
    workspaceId: resolved.workspace.id,
    conversationId: click.channelId,
    threadId: click.messageTs,
    userId: click.userId,
    messageId: `action:${click.teamId}:${click.channelId}:${click.actionTs}`,
    raw: click.raw,
  });
  const recorded = await decisionOf(ctx.db, click.interviewId);
  if (recorded) await refreshCard(ctx, resolved.client, click, recorded);
  // The engine tells the decider itself ("Decision recorded") through the outbox; the updated card tells everyone.
  if (outcome.effects.some((e) => e.type === 'record_decision')) {
    ctx.logger.info(
      { interviewId: click.interviewId, decision, by: click.userId },
      'hiring decision recorded from Slack',
    );
    return;
  }
  await reply(recorded ? alreadyDecided(recorded) : 'A decision can be recorded once the interview is complete.');
}

export async function handleFullReportClick(ctx: SlackContext, click: CardClick, reply: Reply): Promise<void> {
  const resolved = await resolve(ctx, click);
  if (typeof resolved === 'string') return reply(resolved);
  const key = `${ctx.keyPrefix}:slack:full-report:${click.channelId}:${click.messageTs}`;
  // One copy per card: a second click points at the thread instead of posting the report again.
  if ((await ctx.redis.set(key, '1', 'EX', 7 * 24 * 3600, 'NX')) !== 'OK')
    return reply("The full report is already in this card's thread.");
  try {
    const row = await ctx.db.report.findUnique({ where: { interviewId: click.interviewId } });
    const report = ReportSchema.safeParse(row?.data);
    if (!report.success)
      throw new AppError('not_found', `no readable report for ${click.interviewId}`, {
        userMessage: 'The report for this screen is not available.',
      });
    for (const message of fullReportMessages(report.data)) {
      await ctx.pace(click.channelId);
      await resolved.client.chat.postMessage({
        channel: click.channelId,
        thread_ts: click.messageTs,
        text: message.text,
        blocks: message.blocks as never,
        unfurl_links: false,
      });
    }
  } catch (error) {
    await ctx.redis.del(key);
    throw error;
  }
}
