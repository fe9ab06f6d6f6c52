/**
 * Delivers the engine's `send_message` effects to Slack: candidate messages go in the interview's DM thread,
 * recruiter and other-user messages in a DM with that person. Text is sent as plain text (escaped, so a
 * candidate's `<` or `&` shows as typed) and split when it is longer than a message should be. A Slack refusal
 * comes out as an AppError (./errors.ts), so a channel that is gone fails the delivery job for good.
 */
import type { Messenger, OutboundMessage } from '../../../outbound/messenger.js';
import { AppError } from '../../../shared/errors.js';
import type { Db } from '../../../store/prisma.js';
import type { DmOpener } from './dm.js';
import { slackCall } from '../errors.js';
import { escapeMrkdwn, SLACK_LIMITS, splitText } from '../limits.js';
import type { Pace } from './pace.js';
import type { SlackTokens } from '../tokens.js';

export interface SlackMessengerDeps {
  db: Db;
  tokens: SlackTokens;
  pace: Pace;
  openDm: DmOpener;
}

async function teamOfInterview(db: Db, interviewId: string): Promise<string> {
  const row = await db.interview.findUnique({
    where: { id: interviewId },
    select: { workspace: { select: { externalId: true, platform: true } } },
  });
  if (!row || row.workspace.platform !== 'slack')
    throw new AppError('not_found', `interview ${interviewId} is not a Slack interview`);
  return row.workspace.externalId;
}

export function slackMessenger(deps: SlackMessengerDeps): Messenger {
  return {
    async send(message: OutboundMessage): Promise<void> {
      if (message.platform !== 'slack')
        throw new AppError('invalid_input', `the Slack messenger cannot deliver a ${message.platform} message`);
      const teamId = await teamOfInterview(deps.db, message.interviewId);
      const client = await deps.tokens.clientFor(teamId);
      const target = await targetOf(message, (userId) => deps.openDm(client, teamId, userId));
      // Split before escaping so a cut never lands inside an entity; escaping grows a piece by far less than the margin.
      for (const piece of splitText(message.text, SLACK_LIMITS.messageText - 500).map(escapeMrkdwn)) {
        await deps.pace(target.channel);
        const thread = target.threadTs ? { thread_ts: target.threadTs } : {};
        await slackCall('chat.postMessage', () =>
          client.chat.postMessage({
            channel: target.channel,
            ...thread,
            text: piece,
            unfurl_links: false,
            unfurl_media: false,
          }),
        );
      }
    },
  };
}

async function targetOf(
  message: OutboundMessage,
  openDm: (userId: string) => Promise<string>,
): Promise<{ channel: string; threadTs: string | null }> {
  switch (message.recipient.to) {
    case 'candidate':
      if (!message.conversationId)
        throw new AppError('invalid_input', `interview ${message.interviewId} has no Slack conversation yet`);
      return { channel: message.conversationId, threadTs: message.threadId };
    case 'recruiter':
      return { channel: await openDm(message.recruiterId), threadTs: null };
    case 'user':
      return { channel: await openDm(message.recipient.userId), threadTs: null };
  }
}
