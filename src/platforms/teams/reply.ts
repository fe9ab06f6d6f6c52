/** Answers to whoever wrote to the bot, in the same conversation (a channel thread stays a thread). */
import { isAppError } from '../../shared/errors.js';
import type { TeamsContext } from './context.js';
import type { Sender } from './normalize.js';

export type Reply = (text: string) => Promise<void>;

export function replyTo(ctx: TeamsContext, sender: Sender): Reply {
  return async (text) => {
    await ctx.connector.send({ serviceUrl: sender.serviceUrl, tenantId: sender.tenantId, conversationId: sender.conversationId }, { type: 'message', text, textFormat: 'markdown' });
  };
}

/**
 * Runs work after the ack. A failure becomes the error's safe userMessage (ours) or a generic line, logged
 * without the activity (it can hold candidate text).
 */
export async function answeringFailures(ctx: TeamsContext, what: string, reply: Reply, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    const expected = isAppError(error) && !['internal', 'unavailable'].includes(error.code);
    if (expected) ctx.logger.info({ code: error.code, what }, 'a Teams request was refused');
    else ctx.logger.error({ err: error, what }, 'a Teams handler failed');
    const text = isAppError(error) ? error.userMessage : 'Something went wrong on our side. Please try again in a moment.';
    await reply(text).catch((replyError: unknown) => ctx.logger.warn({ err: replyError, what }, 'could not tell the user about a failure'));
  }
}
