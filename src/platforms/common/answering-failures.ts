/** Answering the person who wrote, typed a command or clicked, when the work behind it fails: the same on every platform. */
import { isAppError } from '../../shared/errors.js';
import type { Logger } from '../../shared/logger.js';

/** A reply only the person who asked sees (Slack: ephemeral; Teams: the same conversation). */
export type Reply = (text: string) => Promise<void>;

const GENERIC = 'Something went wrong on our side. Please try again in a moment.';

/**
 * Runs work after the ack. A failure becomes the error's safe userMessage (ours) or a generic line, and is logged
 * without the payload (it can hold candidate text). Our refusals (a candidate already in a screen, a missing
 * installation) are answers, not faults, and are logged at info.
 */
export async function answeringFailures(
  logger: Logger,
  platform: string,
  what: string,
  reply: Reply,
  work: () => Promise<void>,
): Promise<void> {
  try {
    await work();
  } catch (error) {
    const expected = isAppError(error) && !['internal', 'unavailable'].includes(error.code);
    if (expected) logger.info({ code: error.code, what }, `a ${platform} request was refused`);
    else logger.error({ err: error, what }, `a ${platform} request failed`);
    await reply(isAppError(error) ? error.userMessage : GENERIC).catch((replyError: unknown) =>
      logger.warn({ err: replyError, what }, 'could not tell the user about a failure'),
    );
  }
}
