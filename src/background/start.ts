/**
 * The worker's moving parts: BullMQ workers for every background job, the outbox relay loop and the reconciler.
 * `stop()` ends the loops first, then lets active jobs finish (BullMQ's close waits for them).
 */
import { startWorkerHost, type WorkerHost } from './queue/worker-host.js';
import type { JobDeps } from './deps.js';
import { BACKGROUND_JOBS } from './jobs/index.js';
import { failHandedRow } from './outbox-state.js';
import { reconcile } from './reconcile.js';
import { relayOnce, type RelayOptions } from './outbox-relay.js';
import type { ConnectionOptions } from 'bullmq';
import { isConnectionError } from '../shared/redis.js';

export interface WorkerOptions {
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

export interface RunningWorker {
  host: WorkerHost;
  stop(): Promise<void>;
}

/** Runs `pass` again and again until stopped; a failing pass is logged and retried after a pause. */
function loop(
  deps: JobDeps,
  name: string,
  pass: () => Promise<number>,
  idleMs: number,
  onConnectionError?: (error: Error) => void,
) {
  let stopped = false;
  let wake: (() => void) | null = null;
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  const done = (async () => {
    while (!stopped) {
      try {
        const worked = await pass();
        if (worked === 0) await sleep(idleMs);
      } catch (error) {
        if (onConnectionError && error instanceof Error && isConnectionError(error)) onConnectionError(error);
        else
          deps.logger.warn(
            { loop: name, err: { message: error instanceof Error ? error.message : String(error) } },
            'background loop pass failed',
          );
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

export function startWorkerLoops(deps: JobDeps, options: WorkerOptions): RunningWorker {
  const host = startWorkerHost({
    connection: options.connection,
    prefix: deps.keyPrefix,
    definitions: BACKGROUND_JOBS,
    deps,
    logger: deps.logger,
    concurrency: options.concurrency ?? 8,
    lockMs: deps.lockTtlMs,
    onJobFinished: (queue, name, outcome, seconds) => deps.metrics?.observeJob(queue, name, outcome, seconds),
    onFinalFailure: (job, error) => failHandedRow(deps.db, job, error),
    ...(options.onConnectionError ? { onConnectionError: options.onConnectionError } : {}),
  });
  const relay = loop(
    deps,
    'relay',
    () => relayOnce(deps, options.relay),
    options.relayIdleMs ?? 200,
    options.onConnectionError,
  );
  const reconcileEvery = options.reconcileEveryMs ?? 60_000;
  const reconciler = loop(
    deps,
    'reconcile',
    async () => {
      // One reconciler at a time across workers; the others skip this round.
      const lock = await deps.locks.tryLock(`${deps.keyPrefix}:lock:reconcile`, reconcileEvery);
      if (lock) {
        const summary = await reconcile(deps);
        if (summary.scores + summary.reports + summary.posts > 0)
          deps.logger.info(summary, 'reconciler re-enqueued unfinished work');
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
