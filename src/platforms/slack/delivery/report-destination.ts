import type { WebClient } from '@slack/web-api';
import type { PostedCard, ReportDestination } from '../../../outbound/destination.js';
import type { Report } from '../../../report/schema.js';
import type { RecordedDecision } from '../cards/card-actions.js';
import { cardMessage } from '../cards/card-message.js';
import { slackCall } from '../errors.js';
import type { Pace } from './pace.js';

/** The metadata event type that marks Screener's report cards in a channel. */
export const REPORT_EVENT_TYPE = 'screener_report_card';

interface HistoryMessage {
  ts?: string;
  metadata?: { event_type?: string; event_payload?: Record<string, unknown> };
}

export interface DestinationOptions {
  /** @defaultValue no pacing */
  pace?: Pace;
  /** The decision already recorded for an interview, shown when a card is re-rendered. @defaultValue none */
  decisionOf?: (interviewId: string) => Promise<RecordedDecision | null>;
}

function reportKeyOf(message: HistoryMessage | undefined): string | null {
  const key = message?.metadata?.event_type === REPORT_EVENT_TYPE ? message.metadata.event_payload?.report_key : null;
  return typeof key === 'string' ? key : null;
}

/**
 * A Slack channel as a report destination. Each card carries `{ report_key }` (the interview id) in its message
 * metadata; `findPosted` pages through the channel history since the report was built and matches on it. Slack
 * stores the message and its metadata together, so a card Slack accepted is visible to the look-up of any retry.
 */
export function slackReportDestination(
  client: WebClient,
  teamId: string,
  channelId: string,
  options: DestinationOptions = {},
): ReportDestination {
  const pace = options.pace ?? (async () => {});
  const decisionOf = options.decisionOf ?? (async () => null);
  return {
    id: `slack:${teamId}:${channelId}`,
    async findPosted(reportKey, since): Promise<PostedCard | null> {
      let cursor: string | undefined;
      do {
        const page = await slackCall('conversations.history', () =>
          client.conversations.history({
            channel: channelId,
            oldest: String(Math.floor(since.getTime() / 1000) - 60),
            include_all_metadata: true,
            limit: 200,
            ...(cursor ? { cursor } : {}),
          }),
        );
        const found = (page.messages as HistoryMessage[] | undefined)?.find((m) => reportKeyOf(m) === reportKey);
        if (found?.ts) return { messageId: found.ts };
        cursor = page.response_metadata?.next_cursor || undefined;
      } while (cursor);
      return null;
    },
    async post(report: Report, reportKey: string): Promise<PostedCard> {
      const card = cardMessage(report, reportKey, await decisionOf(reportKey));
      await pace(channelId);
      const result = await slackCall('chat.postMessage', () =>
        client.chat.postMessage({
          channel: channelId,
          text: card.text,
          blocks: card.blocks as never,
          unfurl_links: false,
          metadata: { event_type: REPORT_EVENT_TYPE, event_payload: { report_key: reportKey } },
        }),
      );
      if (!result.ts) throw new Error('Slack accepted the report card but returned no message timestamp');
      return { messageId: result.ts };
    },
    async update(messageId: string, report: Report): Promise<void> {
      // The card's own metadata names its interview, so an update needs nothing but the message.
      const page = await slackCall('conversations.history', () =>
        client.conversations.history({
          channel: channelId,
          latest: messageId,
          inclusive: true,
          limit: 1,
          include_all_metadata: true,
        }),
      );
      const interviewId = reportKeyOf((page.messages as HistoryMessage[] | undefined)?.[0]);
      if (!interviewId) throw new Error(`message ${messageId} in ${channelId} is not a Screener report card`);
      const card = cardMessage(report, interviewId, await decisionOf(interviewId));
      await slackCall('chat.update', () =>
        client.chat.update({ channel: channelId, ts: messageId, text: card.text, blocks: card.blocks as never }),
      );
    },
  };
}
