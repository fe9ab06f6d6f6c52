/**
 * The one error type of Screener. `code` is stable and machine-readable, `userMessage` is safe to show in chat
 * (it never carries personal data or internals), and `cause` keeps the original error for logs.
 */
export type AppErrorCode =
  | 'config_invalid'
  | 'not_found'
  | 'conflict'
  | 'invalid_input'
  | 'forbidden'
  | 'unavailable'
  | 'scoring_failed'
  | 'internal';

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly userMessage: string;

  constructor(code: AppErrorCode, message: string, options: { userMessage?: string; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.userMessage = options.userMessage ?? 'Something went wrong on our side. Please try again in a moment.';
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}
