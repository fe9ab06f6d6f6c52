/**
 * Running one job, the same in both hosts (BullMQ's ./worker-host.ts and ./in-process.ts).
 *
 * What happens to bad input: a payload that fails its schema, or a handler error marked permanent (AppError with
 * code invalid_input or not_found), becomes BullMQ's UnrecoverableError, so the job fails at once and stays visible
 * as failed instead of being retried. Any other error is retried with exponential backoff up to the definition's
 * attempts.
 */
import { UnrecoverableError } from 'bullmq';
import { AppError, isAppError } from '../../shared/errors.js';
import type { AnyJobDefinition, JobContext, JobDefinition } from './definition.js';

const PERMANENT_CODES = new Set(['invalid_input', 'not_found']);

/** Attempts and first backoff when a definition names none. */
export const DEFAULT_ATTEMPTS = 5;
export const DEFAULT_BACKOFF_MS = 1_000;

export async function runDefinition<Deps>(
  definition: AnyJobDefinition<Deps>,
  data: unknown,
  deps: Deps,
  context: JobContext,
): Promise<void> {
  const parsed = definition.schema.safeParse(data);
  if (!parsed.success) {
    const where = parsed.error.issues.map((i) => `${i.path.join('.') || '(payload)'}: ${i.message}`).join('; ');
    throw new UnrecoverableError(`invalid ${definition.name} payload: ${where}`);
  }
  try {
    await definition.handle(parsed.data, deps, context);
  } catch (error) {
    if (isAppError(error) && PERMANENT_CODES.has(error.code))
      throw new UnrecoverableError(`${error.code}: ${error.message}`);
    throw error;
  }
}

/** Whether a failed run is the last: a permanent error, or the attempts are used up. */
export function isFinalFailure(error: Error, attemptsMade: number, attempts: number): boolean {
  return error.name === 'UnrecoverableError' || attemptsMade >= attempts;
}

/** A payload checked against its job's schema before it is added, by either queue: a bad one is the caller's bug. */
export function parsePayload<Payload, Deps>(definition: JobDefinition<Payload, Deps>, payload: Payload): Payload {
  const parsed = definition.schema.safeParse(payload);
  if (!parsed.success)
    throw new AppError(
      'invalid_input',
      `invalid ${definition.name} payload: ${parsed.error.issues.map((i) => i.message).join('; ')}`,
    );
  return parsed.data;
}
