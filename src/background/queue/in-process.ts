/**
 * A job queue in this process, for the CLI demo, the sandbox-free tests and every platform's contract suite: the
 * same job definitions as the BullMQ worker, run through the same code (./run-job.ts), on the injected clock.
 *
 * What it keeps of BullMQ's semantics: a job id already known (waiting, delayed, completed or failed) makes an add
 * a no-op; an error is retried after an exponential backoff (without jitter, so tests can step the clock to it)
 * until the attempts are used up; an UnrecoverableError fails the job at once; `postpone` delays it without
 * spending an attempt; `ensure` adds, promotes or retries as it does on BullMQ. Jobs run one at a time, in the
 * order they became due, and only when `runDue` is called: never inside the transaction that added them.
 */
import { DelayedError } from 'bullmq';
import type { Clock } from '../../shared/clock.js';
import type { Logger } from '../../shared/logger.js';
import type { AnyJobDefinition, EnqueueOptions, EnsureOutcome, JobDefinition, JobQueue } from './definition.js';
import { DEFAULT_ATTEMPTS, DEFAULT_BACKOFF_MS, isFinalFailure, parsePayload, runDefinition } from './run-job.js';

type State = 'waiting' | 'delayed' | 'completed' | 'failed';

export interface InProcessJob {
  id: string;
  name: string;
  data: unknown;
  state: State;
  attemptsMade: number;
  failedReason?: string;
}

interface Entry<Deps> extends InProcessJob {
  definition: AnyJobDefinition<Deps>;
  runAt: number;
  order: number;
}

export interface InProcessHost<Deps> {
  deps: Deps;
  logger: Logger;
  /** A job failed and will not be retried (attempts used up, or a permanent error). */
  onFinalFailure?: (job: InProcessJob, error: Error) => Promise<void>;
}

export class InProcessQueue implements JobQueue {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  private readonly jobs = new Map<string, Entry<any>>();
  private added = 0;

  constructor(private readonly clock: Clock) {}

  /** As BullMQ's add, a bad payload rejects (the method is async for that). */
  async enqueue<Payload, Deps>(
    definition: JobDefinition<Payload, Deps>,
    payload: Payload,
    options: EnqueueOptions = {},
  ): Promise<string> {
    const data = parsePayload(definition, payload);
    const id = definition.jobId(data);
    const key = `${definition.queue}:${id}`;
    if (!this.jobs.has(key)) {
      const delayMs = options.delayMs ?? 0;
      this.added += 1;
      this.jobs.set(key, {
        id,
        name: definition.name,
        data,
        definition,
        state: delayMs > 0 ? 'delayed' : 'waiting',
        attemptsMade: 0,
        runAt: this.now() + delayMs,
        order: this.added,
      });
    }
    return id;
  }

  async ensure<Payload, Deps>(
    definition: JobDefinition<Payload, Deps>,
    payload: Payload,
    options: EnqueueOptions = {},
  ): Promise<EnsureOutcome> {
    const existing = this.jobs.get(`${definition.queue}:${definition.jobId(payload)}`);
    if (!existing) {
      await this.enqueue(definition, payload, options);
      return 'added';
    }
    if (existing.state === 'completed') return 'completed';
    if (existing.state === 'failed') {
      // As BullMQ's job.retry: the attempts made are kept.
      Object.assign(existing, { state: 'waiting', runAt: this.now() });
      return 'retried';
    }
    if (existing.state === 'delayed' && !options.delayMs)
      Object.assign(existing, { state: 'waiting', runAt: this.now() });
    return 'pending';
  }

  /** Every job this queue knows, in the order they were added (tests read states and attempts). */
  list(): InProcessJob[] {
    return [...this.jobs.values()]
      .sort((a, b) => a.order - b.order)
      .map(({ id, name, data, state, attemptsMade, failedReason }) => ({
        id,
        name,
        data,
        state,
        attemptsMade,
        ...(failedReason ? { failedReason } : {}),
      }));
  }

  /** Runs the jobs due now, one at a time, including those that running them adds; returns how many ran. */
  async runDue<Deps>(host: InProcessHost<Deps>): Promise<number> {
    let ran = 0;
    for (let next = this.nextDue(); next; next = this.nextDue()) {
      await this.run(next, host);
      ran += 1;
    }
    return ran;
  }

  private now(): number {
    return this.clock.now().getTime();
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  private nextDue(): Entry<any> | undefined {
    const now = this.now();
    let next: Entry<unknown> | undefined;
    for (const entry of this.jobs.values()) {
      if ((entry.state !== 'waiting' && entry.state !== 'delayed') || entry.runAt > now) continue;
      if (!next || entry.runAt < next.runAt || (entry.runAt === next.runAt && entry.order < next.order)) next = entry;
    }
    return next;
  }

  private async run<Deps>(entry: Entry<Deps>, host: InProcessHost<Deps>): Promise<void> {
    const definition = entry.definition;
    const logger = host.logger.child({ jobId: entry.id, job: entry.name, queue: definition.queue });
    const postpone = (ms: number): Promise<never> => {
      Object.assign(entry, { state: 'delayed', runAt: this.now() + ms });
      return Promise.reject(new DelayedError());
    };
    try {
      entry.state = 'waiting';
      await runDefinition(definition, entry.data, host.deps, {
        jobId: entry.id,
        attemptsMade: entry.attemptsMade,
        logger,
        postpone,
      });
      entry.state = 'completed';
    } catch (caught) {
      if (caught instanceof DelayedError) return;
      const error = caught instanceof Error ? caught : new Error(String(caught));
      entry.attemptsMade += 1;
      entry.failedReason = error.message;
      logger.warn({ attemptsMade: entry.attemptsMade, err: { message: error.message } }, 'job failed');
      if (!isFinalFailure(error, entry.attemptsMade, definition.attempts ?? DEFAULT_ATTEMPTS)) {
        Object.assign(entry, {
          state: 'delayed',
          runAt: this.now() + (definition.backoffMs ?? DEFAULT_BACKOFF_MS) * 2 ** (entry.attemptsMade - 1),
        });
        return;
      }
      entry.state = 'failed';
      await host.onFinalFailure?.(entry, error);
    }
  }
}
