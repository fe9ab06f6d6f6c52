/**
 * Development plan items come from the weakest dimensions and, for behavioral answers, the STAR part most often
 * missing. Each item names the number it rests on, so a reader can see why it is there.
 */
import { STAR_PARTS, type Dimension, type StarPart } from '../scoring/types.js';
import { weakestFirst } from './dimensions.js';
import { DIMENSION_LABELS, capitalize } from './labels.js';
import { formatScore } from './numbers.js';
import { SCORE_BANDS } from './recommend.js';
import type { DimensionValues, ReportQuestion } from './schema.js';

/** What to practise for each dimension: one plain instruction a candidate can act on. */
export const DEVELOPMENT_ADVICE: Readonly<Record<Dimension, string>> = {
  technicalAccuracy: 'check the facts and terms an answer relies on, and say plainly when unsure instead of guessing',
  completeness: 'cover every part of the question before going deep on one, and end with a one-line recap',
  clarity: 'lead with the answer in one sentence, then give the reasons in order',
  depth: 'explain why a choice was made and what it trades off, not only what was done',
  practicality: 'tie each answer to a concrete case: a system worked on, a number measured, a tool used',
};

/** Dimensions below the advance band's lower edge count as development areas; at most this many are listed. */
export const PLAN_MAX_DIMENSIONS = 2;

function advanceThreshold(): number {
  const advance = SCORE_BANDS.find((b) => b.decision === 'advance');
  if (!advance) throw new Error('SCORE_BANDS has no advance band');
  return advance.min;
}

function dimensionItems(dimensions: DimensionValues): string[] {
  const weakest = weakestFirst(dimensions);
  const first = weakest[0];
  if (!first) return ['No dimension has a score, so this interview gives no basis for a development plan.'];
  if (first.value >= advanceThreshold()) {
    const label = capitalize(DIMENSION_LABELS[first.dimension]);
    return [
      `${label} is the weakest dimension at ${formatScore(first.value)}, already at the advance level; the next round can probe it further.`,
    ];
  }
  return weakest
    .filter((d) => d.value < advanceThreshold())
    .slice(0, PLAN_MAX_DIMENSIONS)
    .map((d, i) => {
      const label = capitalize(DIMENSION_LABELS[d.dimension]);
      const rank = i === 0 ? 'the weakest dimension' : 'the next weakest';
      return `${label} (${formatScore(d.value)}, ${rank}): ${DEVELOPMENT_ADVICE[d.dimension]}.`;
    });
}

/** The STAR part missing from at least half of the scored behavioral stories, most often missing first. */
function starItem(questions: readonly ReportQuestion[]): string | null {
  const stars = questions.flatMap((q) => (q.kind === 'behavioral' && q.star ? [q.star] : []));
  if (stars.length === 0) return null;
  let worst: { part: StarPart; missing: number } | null = null;
  for (const part of STAR_PARTS) {
    const missing = stars.filter((s) => !s[part]).length;
    if (missing > (worst?.missing ?? 0)) worst = { part, missing };
  }
  if (!worst || worst.missing * 2 < stars.length) return null;
  const stories = stars.length === 1 ? '1 story' : `${stars.length} stories`;
  return `Behavioral answers: state the ${worst.part} explicitly; it was missing in ${worst.missing} of ${stories}.`;
}

export function developmentPlan(dimensions: DimensionValues, questions: readonly ReportQuestion[]): string[] {
  const star = starItem(questions);
  return [...dimensionItems(dimensions), ...(star ? [star] : [])];
}
