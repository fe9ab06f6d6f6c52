/** What `npm run cli -- jobs` shows and does: counts per queue, the latest failures, retrying one job. */
import { AppError } from '../../shared/errors.js';
import type { Queues } from './queues.js';

export interface QueueOverview {
  queue: string;
  counts: { waiting: number; active: number; delayed: number; failed: number; completed: number };
  lastFailures: Array<{ id: string; name: string; attemptsMade: number; failedAt: string | null; reason: string }>;
}

export async function overview(queues: Queues, failuresPerQueue = 5): Promise<QueueOverview[]> {
  return Promise.all(
    queues.all().map(async (queue) => {
      const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'failed', 'completed');
      const failed = await queue.getFailed(0, failuresPerQueue - 1);
      return {
        queue: queue.name,
        counts: {
          waiting: counts.waiting ?? 0,
          active: counts.active ?? 0,
          delayed: counts.delayed ?? 0,
          failed: counts.failed ?? 0,
          completed: counts.completed ?? 0,
        },
        lastFailures: failed.map((job) => ({
          id: job.id ?? '',
          name: job.name,
          attemptsMade: job.attemptsMade,
          failedAt: job.finishedOn ? new Date(job.finishedOn).toISOString() : null,
          reason: job.failedReason ?? '',
        })),
      };
    }),
  );
}

export function formatOverview(rows: QueueOverview[]): string {
  const header = 'queue       waiting  active  delayed  failed  completed';
  const lines = rows.map(
    (r) =>
      `${r.queue.padEnd(11)} ${String(r.counts.waiting).padStart(7)} ${String(r.counts.active).padStart(7)} ${String(r.counts.delayed).padStart(8)} ${String(r.counts.failed).padStart(7)} ${String(r.counts.completed).padStart(10)}`,
  );
  const failures = rows.flatMap((r) =>
    r.lastFailures.map(
      (f) =>
        `  ${r.queue} ${f.id} (${f.name}, ${f.attemptsMade} attempt(s), ${f.failedAt ?? 'unknown time'}): ${f.reason}`,
    ),
  );
  return [header, ...lines, '', failures.length ? 'Latest failures:' : 'No failed jobs.', ...failures].join('\n');
}

/** Moves one failed job back to waiting. Errors name the job and say why nothing was retried. */
export async function retryFailedJob(queues: Queues, jobId: string): Promise<{ queue: string; name: string }> {
  for (const queue of queues.all()) {
    const job = await queue.getJob(jobId);
    if (!job) continue;
    const state = await job.getState();
    if (state !== 'failed')
      throw new AppError('conflict', `job ${jobId} in ${queue.name} is ${state}, not failed; nothing to retry`);
    await job.retry('failed');
    return { queue: queue.name, name: job.name };
  }
  throw new AppError('not_found', `no job with id ${jobId} in any queue`);
}
