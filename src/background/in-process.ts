/**
 * The worker's part run inside this process, for the CLI demo and tests: the same outbox relay and the same job
 * definitions as `npm run worker`, on an in-process queue (./queue/in-process.ts) instead of BullMQ. Nothing runs
 * on its own: `runUntilQuiet` relays what is due, runs the jobs that causes, and repeats until nothing more is due
 * at the clock's now (a ManualClock moves only when the test moves it).
 */
import { createLogger } from '../shared/logger.js';
import { memoryLocks } from '../shared/lock.js';
import type { JobDeps } from './deps.js';
import { relayOnce } from './outbox-relay.js';
import { failHandedRow } from './outbox-state.js';
import { postReportJob } from './jobs/index.js';
import { InProcessQueue } from './queue/in-process.js';

export type InProcessDeps = Omit<JobDeps, 'queue' | 'locks' | 'logger' | 'keyPrefix' | 'lockTtlMs'> &
  Partial<Pick<JobDeps, 'locks' | 'logger' | 'keyPrefix' | 'lockTtlMs'>>;

export interface InProcessBackground {
  queue: InProcessQueue;
  deps: JobDeps;
  /** Relays the due outbox rows (of one interview, or all) and runs what they cause until nothing more is due. */
  runUntilQuiet(scope?: { interviewId?: string }): Promise<void>;
  /** Makes sure the report of an interview is posted to one destination, as the reconciler would, and runs it. */
  post(interviewId: string, destinationId: string): Promise<void>;
}

/**
 * @param parts what the jobs need; locks default to this process's memory (the CLI demo needs no Redis), the
 * logger to a silent one.
 */
export function inProcessBackground(parts: InProcessDeps): InProcessBackground {
  const queue = new InProcessQueue(parts.clock);
  const deps: JobDeps = {
    locks: memoryLocks(() => parts.clock.now().getTime()),
    logger: createLogger({ level: 'silent', service: 'in-process' }),
    keyPrefix: 'screener',
    lockTtlMs: 30_000,
    ...parts,
    queue,
  };
  const host = {
    deps,
    logger: deps.logger,
    onFinalFailure: (job: { name: string; data: unknown }, error: Error) => failHandedRow(deps.db, job, error),
  };
  const runUntilQuiet = async (scope: { interviewId?: string } = {}) => {
    for (;;) {
      const handed = await relayOnce(deps, scope.interviewId ? { interviewId: scope.interviewId } : {});
      const ran = await queue.runDue(host);
      if (handed === 0 && ran === 0) return;
    }
  };
  return {
    queue,
    deps,
    runUntilQuiet,
    async post(interviewId, destinationId) {
      await queue.ensure(postReportJob, { interviewId, destinationId });
      await runUntilQuiet({ interviewId });
    },
  };
}
