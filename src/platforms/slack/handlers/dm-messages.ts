/**
 * The candidate's side: `message.im` events. Messages in an interview's thread feed the engine; edits there are
 * forwarded as edits; a message outside the thread gets a pointer to it; files get a note that only text counts.
 */
import type { WebClient } from '@slack/web-api';
import type { InboundEvent } from '../../../engine/index.js';
import type { SlackContext } from '../context.js';
import { classifyDmEvent, slackMessageId, type BotIds } from '../normalize.js';
import { interviewTurnByThread, openInterviewInDm, type InterviewRef } from '../store/interviews.js';
import { workspaceForTeam } from '../store/workspaces.js';

export const FILES_NOTE =
  'I can only read text, so files and images are not part of your answer. Please type your answer here in the thread.';

export interface DmEventInput {
  teamId: string;
  event: unknown;
  bot: BotIds;
}

async function say(
  ctx: SlackContext,
  client: WebClient,
  channel: string,
  text: string,
  threadTs: string | null,
): Promise<void> {
  await ctx.pace(channel);
  await client.chat.postMessage({ channel, text, ...(threadTs ? { thread_ts: threadTs } : {}), unfurl_links: false });
}

async function pointToThread(ctx: SlackContext, client: WebClient, interview: InterviewRef): Promise<void> {
  const { conversationId: channel, threadId } = interview;
  if (!channel || !threadId) return;
  const link = await client.chat.getPermalink({ channel, message_ts: threadId }).catch(() => null);
  const where = link?.permalink ? `<${link.permalink}|in its thread>` : 'in its thread (under my first message)';
  await say(ctx, client, channel, `Our interview continues ${where}. Please reply there, so your answer counts.`, null);
}

function engineEvent(
  interview: InterviewRef,
  fields: { teamId: string; channel: string; threadTs: string; userId: string; ts: string },
  raw: unknown,
) {
  return {
    platform: 'slack',
    workspaceId: interview.workspaceId,
    conversationId: fields.channel,
    threadId: fields.threadTs,
    userId: fields.userId,
    messageId: slackMessageId(fields.teamId, fields.channel, fields.ts),
    raw,
  } as const;
}

/** A message outside any interview thread: point to the open interview's thread, if this DM holds one. */
async function outsideThread(
  ctx: SlackContext,
  input: DmEventInput,
  delivery: { kind: 'message' | 'edit'; channel: string },
): Promise<boolean> {
  // Here, not on the thread path: Screener first hearing from a workspace creates its row and default roles.
  const workspace = await workspaceForTeam(ctx.db, input.teamId);
  const open = delivery.kind === 'message' ? await openInterviewInDm(ctx.db, workspace.id, delivery.channel) : null;
  if (open) await pointToThread(ctx, await ctx.tokens.clientFor(input.teamId), open);
  return Boolean(open);
}

export async function handleDmEvent(ctx: SlackContext, input: DmEventInput): Promise<void> {
  const delivery = classifyDmEvent(input.event, input.bot);
  const log = ctx.logger.child({ platform: 'slack', teamId: input.teamId });
  if (delivery.kind === 'ignored') return log.debug({ reason: delivery.reason }, 'Slack DM event ignored');
  const found = delivery.threadTs
    ? await interviewTurnByThread(ctx.db, input.teamId, delivery.channel, delivery.threadTs)
    : null;
  if (!found || !delivery.threadTs) {
    const pointed = await outsideThread(ctx, input, delivery);
    return log.debug({ pointed }, 'Slack DM message outside an interview thread');
  }
  const interview = found.ref;
  const base = engineEvent(interview, { ...delivery, teamId: input.teamId, threadTs: delivery.threadTs }, input.event);
  const event: InboundEvent | null =
    delivery.kind === 'edit'
      ? { ...base, kind: 'message_edited', text: delivery.text }
      : delivery.text.trim()
        ? { ...base, kind: 'message', text: delivery.text }
        : null;
  // The Web API client only when something is said: in OAuth mode it costs a read of the installation.
  if (delivery.kind === 'message' && delivery.hasFiles)
    await say(ctx, await ctx.tokens.clientFor(input.teamId), delivery.channel, FILES_NOTE, delivery.threadTs);
  if (!event) return;
  const outcome = await ctx.runner.handle(interview.id, event, found.loaded);
  log.debug({ interviewId: interview.id, event: event.kind, committed: outcome.committed }, 'Slack DM event handled');
}
