/**
 * Slack `message` events in a DM, sorted into what Screener does with them. Pure: the payload and the bot's own
 * ids in, a decision out, so every case (own bot, other bots, edits, deletions, files, stray messages) is
 * deliberate and testable.
 */

export interface BotIds {
  botUserId?: string | undefined;
  botId?: string | undefined;
}

interface SlackMessageFields {
  type?: string;
  subtype?: string;
  channel?: string;
  channel_type?: string;
  user?: string;
  bot_id?: string;
  text?: string;
  ts?: string;
  thread_ts?: string;
  files?: unknown[];
  message?: SlackMessageFields;
  previous_message?: SlackMessageFields;
}

export type IgnoreReason =
  'not_a_dm' | 'own_bot' | 'other_bot' | 'deleted' | 'unchanged_edit' | 'unsupported_subtype' | 'malformed';

export type DmDelivery =
  | { kind: 'ignored'; reason: IgnoreReason }
  | {
      kind: 'message';
      channel: string;
      ts: string;
      threadTs: string | null;
      userId: string;
      text: string;
      hasFiles: boolean;
    }
  | { kind: 'edit'; channel: string; ts: string; threadTs: string | null; userId: string; text: string };

/** Kinds of message a person writes; the rest (joins, topic changes, huddles...) are not answers. */
const PERSON_SUBTYPES = new Set([undefined, 'file_share', 'thread_broadcast', 'me_message']);

function botReason(fields: SlackMessageFields, bot: BotIds): IgnoreReason | null {
  const fromOwn =
    (fields.bot_id !== undefined && fields.bot_id === bot.botId) ||
    (fields.user !== undefined && fields.user === bot.botUserId);
  if (fromOwn) return 'own_bot';
  if (fields.bot_id !== undefined || fields.subtype === 'bot_message') return 'other_bot';
  return null;
}

function classifyEdit(event: SlackMessageFields, channel: string, bot: BotIds): DmDelivery {
  const edited = event.message;
  if (!edited?.ts || !edited.user) return { kind: 'ignored', reason: 'malformed' };
  const fromBot = botReason(edited, bot);
  if (fromBot) return { kind: 'ignored', reason: fromBot };
  // Slack also sends message_changed when it adds a link preview; the words are what matter.
  if (edited.text === event.previous_message?.text) return { kind: 'ignored', reason: 'unchanged_edit' };
  return {
    kind: 'edit',
    channel,
    ts: edited.ts,
    threadTs: edited.thread_ts ?? null,
    userId: edited.user,
    text: edited.text ?? '',
  };
}

export function classifyDmEvent(payload: unknown, bot: BotIds): DmDelivery {
  if (typeof payload !== 'object' || payload === null) return { kind: 'ignored', reason: 'malformed' };
  const event = payload as SlackMessageFields;
  if (event.channel_type !== 'im') return { kind: 'ignored', reason: 'not_a_dm' };
  if (!event.channel) return { kind: 'ignored', reason: 'malformed' };
  if (event.subtype === 'message_changed') return classifyEdit(event, event.channel, bot);
  // A deleted message is not taken back out of an answer: "stop" or "erase" are how a candidate withdraws.
  if (event.subtype === 'message_deleted') return { kind: 'ignored', reason: 'deleted' };
  const fromBot = botReason(event, bot);
  if (fromBot) return { kind: 'ignored', reason: fromBot };
  if (!PERSON_SUBTYPES.has(event.subtype)) return { kind: 'ignored', reason: 'unsupported_subtype' };
  if (!event.user || !event.ts) return { kind: 'ignored', reason: 'malformed' };
  const hasFiles = Array.isArray(event.files) && event.files.length > 0;
  return {
    kind: 'message',
    channel: event.channel,
    ts: event.ts,
    threadTs: event.thread_ts ?? null,
    userId: event.user,
    text: event.text ?? '',
    hasFiles,
  };
}

/**
 * The engine's message id. Slack's `ts` is unique only within a channel, and the database keeps message ids
 * unique per platform across every workspace, so the workspace goes in too.
 */
export function slackMessageId(teamId: string, channel: string, ts: string): string {
  return `${teamId}:${channel}:${ts}`;
}
