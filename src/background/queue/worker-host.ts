/**
 * Runs job definitions on BullMQ workers: one Worker per queue, dispatching by job name. Bad input and retries are
 * handled as ./run-job.ts says, the same as in the in-process host.
 */
import { DelayedError, UnrecoverableError, Worker, type ConnectionOptions, type Job } from 'bullmq';
import type { Logger } from '../../shared/logger.js';
import { isConnectionError } from '../../shared/redis.js';
import type { AnyJobDefinition, QueueName } from './definition.js';
import { isFinalFailure, runDefinition } from './run-job.js';

export type { AnyJobDefinition } from './definition.js';

export interface WorkerHostOptions<Deps> {
  connection: ConnectionOptions;
  /** Key prefix in Redis; tests give each run its own. @defaultValue 'screener' */
  prefix?: string;
  definitions: Array<AnyJobDefinition<Deps>>;
  deps: Deps;
  logger: Logger;
  /** Jobs run at once per queue in this process. @defaultValue 8 */
  concurrency?: number;
  /** How long a job is held; a job whose holder died is taken over as stalled after this. @defaultValue 30000 */
  lockMs?: number;
  onJobFinished?: (queue: QueueName, name: string, outcome: 'completed' | 'failed', seconds: number) => void;
  /** A job failed and will not be retried (attempts used up, or a permanent error). */
  onFinalFailure?: (job: Job, error: Error) => Promise<void>;
  /**
   * A worker lost Redis (each reconnect attempt fails again). @defaultValue logged like any other worker error
   */
  onConnectionError?: (error: Error) => void;
}

export interface WorkerHost {
  workers: Worker[];
  /** Waits for active jobs to finish, then closes the connections. */
  close(): Promise<void>;
}

async function runJob<Deps>(
  job: Job,
  token: string | undefined,
  byName: Map<string, AnyJobDefinition<Deps>>,
  options: WorkerHostOptions<Deps>,
) {
  const definition = byName.get(job.name);
  if (!definition) throw new UnrecoverableError(`no job definition named ${job.name}`);
  const logger = options.logger.child({ jobId: job.id, job: job.name, queue: definition.queue });
  const postpone = async (ms: number): Promise<never> => {
    await job.moveToDelayed(Date.now() + ms, token);
    throw new DelayedError();
  };
  await runDefinition(definition, job.data, options.deps, {
    jobId: job.id ?? '',
    attemptsMade: job.attemptsMade,
    logger,
    postpone,
  });
}

export function startWorkerHost<Deps>(options: WorkerHostOptions<Deps>): WorkerHost {
  const queues = new Map<QueueName, Map<string, AnyJobDefinition<Deps>>>();
  for (const definition of options.definitions) {
    const byName = queues.get(definition.queue) ?? new Map<string, AnyJobDefinition<Deps>>();
    byName.set(definition.name, definition);
    queues.set(definition.queue, byName);
  }
  const workers = [...queues.entries()].map(([queue, byName]) => {
    const worker = new Worker(
      queue,
      (job, token) => timed(queue, job, () => runJob(job, token, byName, options), options),
      {
        connection: options.connection,
        prefix: options.prefix ?? 'screener',
        concurrency: options.concurrency ?? 8,
        lockDuration: options.lockMs ?? 30_000,
        stalledInterval: options.lockMs ?? 30_000,
        // Handlers are idempotent, so a job whose workers keep dying is run again rather than failed.
        maxStalledCount: 5,
      },
    );
    worker.on('failed', (job, error) => {
      options.logger.warn(
        { jobId: job?.id, job: job?.name, queue, attemptsMade: job?.attemptsMade, err: { message: error.message } },
        'job failed',
      );
      const final = job && isFinalFailure(error, job.attemptsMade, job.opts.attempts ?? 1);
      if (final && options.onFinalFailure) {
        options
          .onFinalFailure(job, error)
          .catch((hookError: unknown) =>
            options.logger.error({ jobId: job.id, err: hookError }, 'recording a final job failure failed'),
          );
      }
    });
    worker.on('error', (error) => {
      if (options.onConnectionError && isConnectionError(error)) return options.onConnectionError(error);
      options.logger.warn({ queue, err: { message: error.message } }, 'worker error');
    });
    return worker;
  });
  return {
    workers,
    async close() {
      await Promise.all(workers.map((worker) => worker.close()));
    },
  };
}

async function timed<Deps>(queue: QueueName, job: Job, run: () => Promise<void>, options: WorkerHostOptions<Deps>) {
  const started = performance.now();
  try {
    await run();
    options.onJobFinished?.(queue, job.name, 'completed', (performance.now() - started) / 1000);
  } catch (error) {
    if (!(error instanceof DelayedError))
      options.onJobFinished?.(queue, job.name, 'failed', (performance.now() - started) / 1000);
    throw error;
  }
}
