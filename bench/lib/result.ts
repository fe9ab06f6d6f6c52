/**
 * The shape of one benchmark figure, as printed and as written to bench/results.json. Every figure is compared with
 * a baseline measured in the same run on the same machine, so the ratio means something on a noisy shared host.
 */
export interface BenchResult {
  /** Stable identifier, e.g. "turn_overhead.p99". */
  name: string;
  /** What was measured, in `unit`. */
  value: number;
  unit: string;
  /** The same-run baseline in the same unit; null where the measurement has no meaningful baseline (a count). */
  baseline: number | null;
  /** value / baseline; null without a baseline. */
  ratio: number | null;
  /** The target in words, e.g. "ratio <= 1.5". */
  target: string;
  /** Whether the target holds; null where there is no target for this figure. */
  met: boolean | null;
  /** What the figure is and, where a target is missed, what the profile showed. */
  note?: string;
}

export interface BenchContext {
  /** The short CI variant: fewer iterations and shorter loads, same code paths. */
  quick: boolean;
  /** A freshly migrated database of this run's own. */
  databaseUrl: string;
  redisUrl: string;
  /** Prefix for every Redis key and queue this run makes, so it shares Redis with nothing. */
  redisPrefix: string;
  log(message: string): void;
}

export interface BenchSuite {
  name: string;
  /** One line on what it measures, printed before it runs. */
  description: string;
  run(ctx: BenchContext): Promise<BenchResult[]>;
}

export function ratioOf(value: number, baseline: number | null): number | null {
  if (baseline === null || baseline === 0) return null;
  return value / baseline;
}

/** A result whose target is "value <= limit" (lower is better) or ">= limit". */
export function result(fields: Omit<BenchResult, 'ratio'> & { ratio?: number | null }): BenchResult {
  return { ...fields, ratio: fields.ratio === undefined ? ratioOf(fields.value, fields.baseline) : fields.ratio };
}
