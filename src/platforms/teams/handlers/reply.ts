/** Answers to whoever wrote to the bot, in the same conversation (a channel thread stays a thread). */
import type { Reply } from '../../common/answering-failures.js';
import type { TeamsContext } from '../context.js';
import type { Sender } from '../normalize.js';

export type { Reply };

export function replyTo(ctx: TeamsContext, sender: Sender): Reply {
  return async (text) => {
    await ctx.connector.send(
      { serviceUrl: sender.serviceUrl, tenantId: sender.tenantId, conversationId: sender.conversationId },
      { type: 'message', text, textFormat: 'markdown' },
    );
  };
}
