/**
 * A graded evaluation set (eval/graded.json, or a deployment's own in the same shape) and the figures `npm run eval`
 * reports for it: how well a scorer's overall scores agree with grades an experienced interviewer gave blind.
 */
import { z } from 'zod';
import { QUESTION_FAMILIES } from '../../scoring/index.js';
import { meanAbsoluteDifference, spearman } from './rank-agreement.js';

export const gradedItemSchema = z.object({
  id: z.string().min(1),
  question: z.string().min(10),
  answer: z.string(),
  /** 0-10, given by a grader who had not seen any score. */
  grade: z.number().min(0).max(10),
  /** The bank question the answer is to: its rubric is used. Without one the question is ad hoc. */
  bankQuestionId: z.string().optional(),
  kind: z.enum(['technical', 'behavioral']).optional(),
  family: z.enum(QUESTION_FAMILIES).optional(),
  /** What kind of answer it was written to be (excellent, fluent_wrong, ...): reported per category. */
  category: z.string().optional(),
});
export const gradedSetSchema = z.object({ items: z.array(gradedItemSchema).min(2) });
export type GradedItem = z.infer<typeof gradedItemSchema>;

/** Two answers to one question whose grades differ by at least this much must be put in the same order. */
export const PAIR_GRADE_GAP = 2;

/** The targets of the offline scorer on the shipped set (issue: scores that track expert judgement). */
export const TARGETS = {
  spearman: { min: 0.8 },
  pairwise: { min: 0.9 },
  categories: {
    restates_question: { max: 2.5 },
    fluent_wrong: { max: 3.5 },
    names_concepts: { max: 3.5 },
    excellent: { min: 8.0 },
  },
} as const;

export interface ScoredItem {
  item: GradedItem;
  /** The answer's overall score as the report computes it; null when it could not be scored. */
  overall: number | null;
}

export interface CategoryFigure {
  category: string;
  n: number;
  meanScore: number | null;
  meanGrade: number;
}

export interface GradedFigures {
  n: number;
  unscored: number;
  spearman: number | null;
  /** Share of same-question pairs (grades PAIR_GRADE_GAP or more apart) whose scores are in the grades' order. */
  pairwise: number | null;
  pairs: number;
  meanAbsoluteError: number | null;
  categories: CategoryFigure[];
  families: Array<{ family: string; n: number; spearman: number | null }>;
}

const mean = (values: readonly number[]): number | null =>
  values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;

export function gradedFigures(rows: readonly ScoredItem[]): GradedFigures {
  const scored = rows.filter((r): r is ScoredItem & { overall: number } => r.overall !== null);
  const pairs = orderedPairs(scored);
  const byCategory = groupBy(rows, (r) => r.item.category ?? 'uncategorised');
  const byFamily = groupBy(scored, (r) => r.item.family ?? 'unknown');
  return {
    n: rows.length,
    unscored: rows.length - scored.length,
    spearman: spearman(
      scored.map((r) => r.item.grade),
      scored.map((r) => r.overall),
    ),
    pairwise: pairs.total === 0 ? null : pairs.right / pairs.total,
    pairs: pairs.total,
    meanAbsoluteError: meanAbsoluteDifference(
      scored.map((r) => r.overall),
      scored.map((r) => r.item.grade),
    ),
    categories: [...byCategory].map(([category, group]) => ({
      category,
      n: group.length,
      meanScore: mean(group.flatMap((r) => (r.overall === null ? [] : [r.overall]))),
      meanGrade: mean(group.map((r) => r.item.grade)) ?? 0,
    })),
    families: [...byFamily].map(([family, group]) => ({
      family,
      n: group.length,
      spearman: spearman(
        group.map((r) => r.item.grade),
        group.map((r) => r.overall),
      ),
    })),
  };
}

/** Pairs within one question whose grades differ enough; a tie in scores counts as half right. */
function orderedPairs(rows: ReadonlyArray<ScoredItem & { overall: number }>): { right: number; total: number } {
  let right = 0;
  let total = 0;
  for (const group of groupBy(rows, (r) => r.item.bankQuestionId ?? r.item.question).values()) {
    for (let i = 0; i < group.length; i++) {
      for (let j = i + 1; j < group.length; j++) {
        const a = group[i]!;
        const b = group[j]!;
        if (Math.abs(a.item.grade - b.item.grade) < PAIR_GRADE_GAP) continue;
        total++;
        const sign = Math.sign(a.item.grade - b.item.grade) * Math.sign(a.overall - b.overall);
        right += sign > 0 ? 1 : sign === 0 ? 0.5 : 0;
      }
    }
  }
  return { right, total };
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) groups.set(key(row), [...(groups.get(key(row)) ?? []), row]);
  return groups;
}

export interface TargetCheck {
  name: string;
  value: number | null;
  target: string;
  met: boolean;
}

/** Each target against the figures; a category the set does not have is not checked. */
export function checkTargets(figures: GradedFigures): TargetCheck[] {
  const checks: TargetCheck[] = [
    {
      name: 'Spearman',
      value: figures.spearman,
      target: `>= ${TARGETS.spearman.min}`,
      met: (figures.spearman ?? -1) >= TARGETS.spearman.min,
    },
    {
      name: 'pairwise order',
      value: figures.pairwise,
      target: `>= ${TARGETS.pairwise.min}`,
      met: (figures.pairwise ?? -1) >= TARGETS.pairwise.min,
    },
  ];
  for (const [category, bound] of Object.entries(TARGETS.categories)) {
    const figure = figures.categories.find((c) => c.category === category);
    if (figure === undefined) continue;
    const value = figure.meanScore;
    const met = value !== null && ('max' in bound ? value <= bound.max : value >= bound.min);
    checks.push({
      name: `mean of ${category}`,
      value,
      target: 'max' in bound ? `<= ${bound.max}` : `>= ${bound.min}`,
      met,
    });
  }
  return checks;
}
