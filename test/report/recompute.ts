/**
 * Recomputes every aggregate of a report from its JSON alone, written independently of src/report/aggregate.ts: only
 * the declared weights and round2 (tested on its own) are shared. Used to prove the report is reproducible.
 */
import { COMPONENT_WEIGHTS, DIMENSION_WEIGHTS, STAR_WEIGHT, round2 } from '../../src/report/index.js';

type Nullable = number | null;
type Dims = Record<keyof typeof DIMENSION_WEIGHTS, Nullable>;

export interface JsonQuestion {
  index: number;
  kind: string;
  /** A follow-up's parent question, by its `index`. */
  parent?: { index: number } | null;
  dimensions: Dims;
  star: { value: Nullable } | null;
  overall: Nullable;
}

export interface JsonReport {
  questions: JsonQuestion[];
  dimensions: Dims;
  technicalScore: Nullable;
  behavioralScore: Nullable;
  finalScore: Nullable;
}

const DIMENSION_NAMES = Object.keys(DIMENSION_WEIGHTS) as (keyof typeof DIMENSION_WEIGHTS)[];

function meanOf(values: Nullable[]): Nullable {
  const present = values.filter((v): v is number => v !== null);
  return present.length === 0 ? null : round2(present.reduce((a, b) => a + b, 0) / present.length);
}

export function recomputeOverall(q: JsonQuestion): Nullable {
  const pairs: [Nullable, number][] = DIMENSION_NAMES.map((d) => [q.dimensions[d], DIMENSION_WEIGHTS[d]]);
  pairs.push([q.star?.value ?? null, STAR_WEIGHT]);
  const present = pairs.filter((p): p is [number, number] => p[0] !== null);
  if (present.length === 0) return null;
  const weight = present.reduce((sum, [, w]) => sum + w, 0);
  return round2(present.reduce((sum, [v, w]) => sum + v * w, 0) / weight);
}

/** A follow-up counts with the question its `parent.index` names (looked up, not read from the follow-up); without a parent, technical. */
function partOf(report: JsonReport, q: JsonQuestion): string {
  if (q.kind !== 'follow_up') return q.kind;
  const parent = report.questions.find((p) => p.index === q.parent?.index);
  return parent?.kind ?? 'technical';
}

export function recompute(report: JsonReport): Omit<JsonReport, 'questions'> & { overalls: Nullable[] } {
  const scored = report.questions;
  const dimensions = Object.fromEntries(
    DIMENSION_NAMES.map((d) => [d, meanOf(scored.map((q) => q.dimensions[d]))]),
  ) as Dims;
  const technicalScore = meanOf(scored.filter((q) => partOf(report, q) === 'technical').map((q) => q.overall));
  const behavioralScore = meanOf(scored.filter((q) => partOf(report, q) === 'behavioral').map((q) => q.overall));
  let finalScore: Nullable = null;
  if (technicalScore !== null && behavioralScore !== null) {
    finalScore = round2(technicalScore * COMPONENT_WEIGHTS.technical + behavioralScore * COMPONENT_WEIGHTS.behavioral);
  } else {
    finalScore = technicalScore ?? behavioralScore;
  }
  return { overalls: scored.map(recomputeOverall), dimensions, technicalScore, behavioralScore, finalScore };
}
