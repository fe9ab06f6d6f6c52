import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import type { Queues } from './queues.js';

const STATES = ['waiting', 'active', 'delayed', 'failed', 'completed'] as const;

export interface JobMetrics {
  observeJob(queue: string, name: string, outcome: 'completed' | 'failed', seconds: number): void;
  reportsPosted: Counter<'destination'>;
  /** Language-model tokens spent on scoring, by kind: prompt, cached_prompt, completion. */
  modelTokens: Counter<'kind'>;
}

/**
 * Queue depth is read from Redis when Prometheus scrapes (a gauge with a collect callback), so the numbers are
 * the queues' real state, not a count this process kept.
 */
export function registerQueueMetrics(registry: Registry, queues: Queues): void {
  new Gauge({
    name: 'screener_queue_jobs',
    help: 'Jobs per queue and state',
    labelNames: ['queue', 'state'],
    registers: [registry],
    async collect() {
      await Promise.all(
        queues.all().map(async (queue) => {
          const counts = await queue.getJobCounts(...STATES).catch(() => null);
          if (!counts) return; // Redis unreachable: leave the series out rather than report zeros
          for (const state of STATES) this.set({ queue: queue.name, state }, counts[state] ?? 0);
        }),
      );
    },
  });
}

export function registerJobMetrics(registry: Registry): JobMetrics {
  const duration = new Histogram({
    name: 'screener_job_duration_seconds',
    help: 'Time a job handler ran, by queue, job name and outcome',
    labelNames: ['queue', 'name', 'outcome'],
    buckets: [0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  const reportsPosted = new Counter({
    name: 'screener_reports_posted_total',
    help: 'Report cards posted to hiring channels',
    labelNames: ['destination'],
    registers: [registry],
  });
  const modelTokens = new Counter({
    name: 'screener_model_tokens_total',
    help: 'Language-model tokens spent on interviews (questions, follow-ups, scores, notes), by kind (prompt, cached_prompt, completion)',
    labelNames: ['kind'],
    registers: [registry],
  });
  return {
    observeJob: (queue, name, outcome, seconds) => duration.observe({ queue, name, outcome }, seconds),
    reportsPosted,
    modelTokens,
  };
}
