/**
 * What the work inside a job reports (scoring one answer, building one report), for the job and for the CLI that
 * runs the same work. `retry` is for "not yet" (the report waits for scores), not for errors: an error is thrown,
 * and the queue retries it with backoff.
 */
export type JobOutcome = {
  status: 'done' | 'skipped' | 'retry';
  reason?: string;
  /** The interview whose report this job made possible (its last score is in): build it now, not on a retry. */
  reportReady?: string;
};

export const done = (reason?: string): JobOutcome => (reason ? { status: 'done', reason } : { status: 'done' });
export const skipped = (reason: string): JobOutcome => ({ status: 'skipped', reason });
export const retryLater = (reason: string): JobOutcome => ({ status: 'retry', reason });
