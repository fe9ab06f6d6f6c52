/**
 * The one place where numbers are combined. Every aggregate is computed from the per-question values exactly as
 * they are stored in the report (already rounded by `round2`), so anyone holding the report JSON can recompute
 * every aggregate with the weights below and get the same numbers.
 */
import { DIMENSIONS, type Dimension } from '../scoring/types.js';
import { mean, round2, weightedMean } from './numbers.js';
import type { DimensionValues, ReportQuestion } from './schema.js';

/**
 * Weights of the dimensions within one answer's overall score (they sum to 1). Accuracy weighs most because a
 * fluent but wrong answer is the costliest mistake to let through a screen; completeness and depth next, because
 * they separate knowing a term from knowing the topic; clarity and practicality least, because a chat answer
 * typed under time pressure understates both.
 */
export const DIMENSION_WEIGHTS: Readonly<Record<Dimension, number>> = {
  technicalAccuracy: 0.3,
  completeness: 0.2,
  clarity: 0.15,
  depth: 0.2,
  practicality: 0.15,
};

/**
 * Weight of the STAR structure in a behavioral answer's overall, on the same scale as the dimension weights:
 * 0.25 against their 1.0, i.e. one fifth of the overall. Enough that a story with no result shows, not so much
 * that a well-structured story with thin content scores well.
 */
export const STAR_WEIGHT = 0.25;

/**
 * Weights of the two parts of the final score (they sum to 1). Technical weighs more: a first-round screen is mainly
 * about the skill, and a usual interview asks about five technical questions against two behavioral ones, so
 * 0.7 / 0.3 also roughly matches how much evidence each part rests on. A follow-up counts in the part of the question
 * it follows (see `componentOf`). When one part has no score the other carries the whole final score; when neither
 * has, there is no final score.
 */
export const COMPONENT_WEIGHTS = { technical: 0.7, behavioral: 0.3 } as const;

export type Component = keyof typeof COMPONENT_WEIGHTS;

/**
 * The part of the final score a question counts in: its own kind, or a follow-up's parent's kind. A follow-up whose
 * parent is not recorded (reports from before it was) counts as technical, as every follow-up did then.
 */
export function componentOf(question: Pick<ReportQuestion, 'kind' | 'parent'>): Component {
  return question.kind === 'follow_up' ? (question.parent?.kind ?? 'technical') : question.kind;
}

export interface Aggregates {
  dimensions: DimensionValues;
  technicalScore: number | null;
  behavioralScore: number | null;
  finalScore: number | null;
}

/** Weighted mean of an answer's dimension values (and STAR for behavioral answers); null when none exists. */
export function questionOverall(dimensions: DimensionValues, starValue: number | null): number | null {
  const entries = DIMENSIONS.map((d) => ({ value: dimensions[d], weight: DIMENSION_WEIGHTS[d] }));
  entries.push({ value: starValue, weight: STAR_WEIGHT });
  const overall = weightedMean(entries);
  return overall === null ? null : round2(overall);
}

function roundedMean(values: readonly number[]): number | null {
  const m = mean(values);
  return m === null ? null : round2(m);
}

function present(values: readonly (number | null)[]): number[] {
  return values.filter((v): v is number => v !== null);
}

/** Each dimension: the mean of that dimension's values over the questions that have one. */
export function dimensionAggregates(questions: readonly ReportQuestion[]): DimensionValues {
  const result = {} as DimensionValues;
  for (const d of DIMENSIONS) result[d] = roundedMean(present(questions.map((q) => q.dimensions[d])));
  return result;
}

/** Mean of the overall scores of the questions that count in the given part and have one. */
export function componentScore(questions: readonly ReportQuestion[], component: Component): number | null {
  return roundedMean(present(questions.filter((q) => componentOf(q) === component).map((q) => q.overall)));
}

/** The declared blend of the two parts, renormalized over the parts that exist. */
export function finalScore(technicalScore: number | null, behavioralScore: number | null): number | null {
  const blended = weightedMean([
    { value: technicalScore, weight: COMPONENT_WEIGHTS.technical },
    { value: behavioralScore, weight: COMPONENT_WEIGHTS.behavioral },
  ]);
  return blended === null ? null : round2(blended);
}

export function aggregate(questions: readonly ReportQuestion[]): Aggregates {
  const technicalScore = componentScore(questions, 'technical');
  const behavioralScore = componentScore(questions, 'behavioral');
  return {
    dimensions: dimensionAggregates(questions),
    technicalScore,
    behavioralScore,
    finalScore: finalScore(technicalScore, behavioralScore),
  };
}
