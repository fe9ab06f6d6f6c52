/**
 * The worker's moving parts: BullMQ workers for every pipeline job, the outbox relay loop and the reconciler.
 * `stop()` ends the loops first, then lets active jobs finish (BullMQ's close waits for them).
 */
import type { Job } from 'bullmq';
import { startWorkerHost, type WorkerHost } from '../queue/worker-host.js';
import type { PipelineDeps } from './deps.js';
import { PIPELINE_JOBS } from './jobs.js';
import { tryLock } from '../shared/lock.js';
import { markFailed } from './outbox-state.js';
import { reconcile } from './reconcile.js';
import { relayOnce, type RelayOptions } from './outbox-relay.js';
import type { ConnectionOptions } from 'bullmq';
import { isConnectionError } from '../shared/redis.js';

export interface PipelineOptions {
  connection: ConnectionOptions;
  /** Jobs at once per queue. @defaultValue 8 */
  concurrency?: number;
  /** Pause between relay passes when there was nothing to do. @defaultValue 200 ms */
  relayIdleMs?: number;
  /** @defaultValue 60 s */
  reconcileEveryMs?: number;
  relay?: RelayOptions;
  /** Lost Redis connections (workers, loop passes), reported once and counted. @defaultValue logged each time */
  onConnectionError?: (error: Error) => void;
}

export interface RunningPipeline {
  host: WorkerHost;
  stop(): Promise<void>;
}

/** Runs `pass` again and again until stopped; a failing pass is logged and retried after a pause. */
function loop(deps: PipelineDeps, name: string, pass: () => Promise<number>, idleMs: number, onConnectionError?: (error: Error) => void) {
  let stopped = false;
  let wake: (() => void) | null = null;
  const sleep = (ms: number) => new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    wake = () => { clearTimeout(timer); resolve(); };
  });
  const done = (async () => {
    while (!stopped) {
      try {
        const worked = await pass();
        if (worked === 0) await sleep(idleMs);
      } catch (error) {
        if (onConnectionError && error instanceof Error && isConnectionError(error)) onConnectionError(error);
        else deps.logger.warn({ loop: name, err: { message: error instanceof Error ? error.message : String(error) } }, 'pipeline loop pass failed');
        await sleep(Math.max(idleMs, 1_000));
      }
    }
  })();
  return {
    async stop() {
      stopped = true;
      wake?.();
      await done;
    },
  };
}

async function recordFinalFailure(deps: PipelineDeps, job: Job, error: Error): Promise<void> {
  const outboxId = (job.data as { outboxId?: unknown }).outboxId;
  if (typeof outboxId === 'string') await markFailed(deps.db, outboxId, `${job.name}: ${error.message}`);
}

export function startPipeline(deps: PipelineDeps, options: PipelineOptions): RunningPipeline {
  const host = startWorkerHost({
    connection: options.connection,
    prefix: deps.keyPrefix,
    definitions: PIPELINE_JOBS,
    deps,
    logger: deps.logger,
    concurrency: options.concurrency ?? 8,
    lockMs: deps.lockTtlMs,
    onJobFinished: (queue, name, outcome, seconds) => deps.metrics?.observeJob(queue, name, outcome, seconds),
    onFinalFailure: (job, error) => recordFinalFailure(deps, job, error),
    ...(options.onConnectionError ? { onConnectionError: options.onConnectionError } : {}),
  });
  const relay = loop(deps, 'relay', () => relayOnce(deps, options.relay), options.relayIdleMs ?? 200, options.onConnectionError);
  const reconcileEvery = options.reconcileEveryMs ?? 60_000;
  const reconciler = loop(
    deps,
    'reconcile',
    async () => {
      // One reconciler at a time across workers; the others skip this round.
      const lock = await tryLock(deps.redis, `${deps.keyPrefix}:lock:reconcile`, reconcileEvery);
      if (lock) {
        const summary = await reconcile(deps);
        if (summary.scores + summary.reports + summary.posts > 0) deps.logger.info(summary, 'reconciler re-enqueued unfinished work');
      }
      return 0;
    },
    reconcileEvery,
    options.onConnectionError,
  );
  return {
    host,
    async stop() {
      await Promise.all([relay.stop(), reconciler.stop()]);
      await host.close();
    },
  };
}
