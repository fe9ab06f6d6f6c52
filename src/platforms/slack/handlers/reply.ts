/** Answers to the person who typed a command or clicked a button, seen only by them. */
import { isAppError } from '../../../shared/errors.js';
import type { Logger } from '../../../shared/logger.js';

export type Reply = (text: string) => Promise<void>;

export interface CommandInput {
  teamId: string;
  userId: string;
  text: string;
}

/**
 * Runs listener work after the ack. A failure becomes the error's safe userMessage (ours) or a generic line,
 * and is logged without the payload (it can hold candidate text).
 */
export async function answeringFailures(logger: Logger, what: string, reply: Reply, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    // Our refusals (a candidate already in a screen, a missing installation) are answers, not faults.
    const expected = isAppError(error) && !['internal', 'unavailable'].includes(error.code);
    if (expected) logger.info({ code: error.code, what }, 'a Slack request was refused');
    else logger.error({ err: error, what }, 'a Slack listener failed');
    const text = isAppError(error) ? error.userMessage : 'Something went wrong on our side. Please try again in a moment.';
    await reply(text).catch((replyError: unknown) => logger.warn({ err: replyError, what }, 'could not tell the user about a failure'));
  }
}
