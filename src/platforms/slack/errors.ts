/**
 * The one translator from Slack Web API failures to AppError. What Slack answers decides whether trying again
 * can help: a channel that is gone, archived or closed to the bot, or a deactivated account, answers the same
 * on every retry, so those become codes the job code fails for good at once (not_found, invalid_input); a
 * Slack outage, a timeout or an unknown answer stays retryable (unavailable, internal).
 */
import { AppError, isAppError, type AppErrorCode } from '../../shared/errors.js';

const GONE_USER_MESSAGE =
  'Screener cannot reach that person or channel in Slack (it is gone, archived, or the bot is not in it).';

/** Slack error codes that no retry can change, and what each becomes. */
const PERMANENT: Record<string, AppErrorCode> = {
  channel_not_found: 'not_found',
  not_in_channel: 'not_found',
  is_archived: 'not_found',
  account_inactive: 'not_found',
  user_not_found: 'not_found',
  message_not_found: 'not_found',
  cannot_dm_bot: 'not_found',
  invalid_blocks: 'invalid_input',
  invalid_arguments: 'invalid_input',
  msg_too_long: 'invalid_input',
  no_text: 'invalid_input',
};

/** Slack saying it is having trouble: worth another try later. */
const TRANSIENT = new Set(['internal_error', 'fatal_error', 'service_unavailable', 'request_timeout', 'ratelimited']);

interface SlackLikeError {
  code?: unknown;
  data?: { error?: unknown };
}

function slackErrorCode(error: unknown): string | null {
  const data = (error as SlackLikeError | null)?.data;
  return typeof data?.error === 'string' ? data.error : null;
}

/** A thrown value from a Web API call, as the one error type; `operation` names the call, e.g. `chat.postMessage`. */
export function toAppError(error: unknown, operation: string): AppError {
  if (isAppError(error)) return error;
  const code = (error as SlackLikeError | null)?.code;
  const slackCode = code === 'slack_webapi_platform_error' ? slackErrorCode(error) : null;
  if (slackCode) {
    const permanent = PERMANENT[slackCode];
    if (permanent)
      return new AppError(permanent, `Slack ${operation}: ${slackCode}`, {
        cause: error,
        ...(permanent === 'not_found' ? { userMessage: GONE_USER_MESSAGE } : {}),
      });
    return new AppError(TRANSIENT.has(slackCode) ? 'unavailable' : 'internal', `Slack ${operation}: ${slackCode}`, {
      cause: error,
    });
  }
  // Could not reach Slack, an HTTP error status, or 429s past the client's own retries.
  if (typeof code === 'string' && code.startsWith('slack_webapi_'))
    return new AppError('unavailable', `Slack ${operation}: ${code}`, { cause: error });
  return new AppError('internal', `Slack ${operation}: ${error instanceof Error ? error.message : String(error)}`, {
    cause: error,
  });
}

/** Runs one Web API call and throws what it throws as an AppError. */
export async function slackCall<T>(operation: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw toAppError(error, operation);
  }
}
