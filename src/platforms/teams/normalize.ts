/**
 * Teams activities sorted into what Screener does with them. Pure: an activity in, a decision out, so each case
 * (own messages, edits, card submits, HTML, mentions) is deliberate and testable without the SDK's pipeline.
 */
import type { DecisionKind } from '../../engine/index.js';
import { DECISIONS } from '../../engine/index.js';
import { htmlToPlainText } from './text.js';

/** The fields of a Teams activity Screener reads (a subset of the Bot Framework Activity). */
export interface TeamsActivityFields {
  type?: string;
  id?: string;
  text?: string;
  serviceUrl?: string;
  replyToId?: string;
  from?: { id?: string; aadObjectId?: string; name?: string };
  recipient?: { id?: string };
  conversation?: { id?: string; conversationType?: string; tenantId?: string };
  channelData?: { tenant?: { id?: string }; eventType?: string };
  entities?: Array<{ type?: string; mentioned?: { id?: string; name?: string }; text?: string }>;
  value?: unknown;
}

export interface Sender {
  tenantId: string;
  serviceUrl: string;
  conversationId: string;
  conversationType: 'personal' | 'channel' | 'groupChat';
  activityId: string;
  userId: string;
  aadObjectId: string | null;
}

export interface Mention {
  id: string;
  name: string | null;
}

export type TeamsInbound =
  | { kind: 'ignored'; reason: 'own' | 'unsupported' | 'malformed' }
  | (Sender & { kind: 'text'; text: string; mentions: Mention[] })
  | (Sender & { kind: 'edit'; text: string })
  | (Sender & { kind: 'decision'; decision: DecisionKind; interviewId: string; cardActivityId: string });

/** The engine's message id: Teams activity ids are unique only within a conversation. */
export function teamsMessageId(tenantId: string, conversationId: string, activityId: string): string {
  return `${tenantId}:${conversationId}:${activityId}`;
}

/** A channel post's conversation id carries `;messageid=` of its thread; the channel itself is what is left. */
export function channelOf(conversationId: string): string {
  return conversationId.split(';')[0] ?? conversationId;
}

function senderOf(activity: TeamsActivityFields): Sender | null {
  const tenantId = activity.conversation?.tenantId ?? activity.channelData?.tenant?.id;
  const type = activity.conversation?.conversationType ?? 'personal';
  const { serviceUrl, id: activityId } = activity;
  const conversationId = activity.conversation?.id;
  const userId = activity.from?.id;
  if (!tenantId || !serviceUrl || !activityId || !conversationId || !userId) return null;
  if (type !== 'personal' && type !== 'channel' && type !== 'groupChat') return null;
  return {
    tenantId,
    serviceUrl,
    conversationId,
    conversationType: type,
    activityId,
    userId,
    aadObjectId: activity.from?.aadObjectId ?? null,
  };
}

/**
 * The text with the bot's own mention removed and every other mention replaced by `@@<n>`, where n indexes the
 * returned `mentions` (the mentioned users' ids), so a command parser never has to read HTML or display names.
 */
export function textWithMentions(activity: TeamsActivityFields): { text: string; mentions: Mention[] } {
  let html = activity.text ?? '';
  const mentions: Mention[] = [];
  for (const entity of activity.entities ?? []) {
    if (entity.type !== 'mention' || !entity.mentioned?.id || !entity.text) continue;
    const isBot = entity.mentioned.id === activity.recipient?.id;
    const token = isBot ? ' ' : ` @@${mentions.length} `;
    if (!isBot) mentions.push({ id: entity.mentioned.id, name: entity.mentioned.name ?? null });
    html = html.replace(entity.text, token);
  }
  return { text: htmlToPlainText(html), mentions };
}

function decisionOf(value: unknown): { decision: DecisionKind; interviewId: string } | null {
  if (typeof value !== 'object' || value === null) return null;
  const { screener, decision, interviewId } = value as Record<string, unknown>;
  if (screener !== 'decide' || typeof interviewId !== 'string') return null;
  return DECISIONS.includes(decision as DecisionKind) ? { decision: decision as DecisionKind, interviewId } : null;
}

export function classifyActivity(activity: TeamsActivityFields): TeamsInbound {
  if (activity.type !== 'message' && activity.type !== 'messageUpdate')
    return { kind: 'ignored', reason: 'unsupported' };
  if (activity.from?.id && activity.from.id === activity.recipient?.id) return { kind: 'ignored', reason: 'own' };
  const sender = senderOf(activity);
  if (!sender) return { kind: 'ignored', reason: 'malformed' };
  if (activity.type === 'messageUpdate') {
    if (activity.channelData?.eventType !== 'editMessage') return { kind: 'ignored', reason: 'unsupported' };
    return { ...sender, kind: 'edit', text: textWithMentions(activity).text };
  }
  const submitted = decisionOf(activity.value);
  if (submitted) return { ...sender, kind: 'decision', ...submitted, cardActivityId: activity.replyToId ?? '' };
  if (activity.value !== undefined && !activity.text) return { kind: 'ignored', reason: 'unsupported' };
  return { ...sender, kind: 'text', ...textWithMentions(activity) };
}
