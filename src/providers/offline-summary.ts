/**
 * A summary written from the scores alone, with no model: which rubric dimensions were strongest and weakest, the
 * scorers' own strengths and improvement notes, and anything a reviewer must know (failed or flagged answers).
 * Like every summary it names no score: the report shows the numbers next to their evidence.
 */
import { DIMENSIONS, type Dimension } from '../scoring/index.js';
import { addressesScorer } from './answer-guard.js';
import type { InterviewSummary, SummaryInput } from './types.js';

const DIMENSION_NAMES: Record<Dimension, string> = {
  technicalAccuracy: 'technical accuracy',
  completeness: 'completeness',
  clarity: 'clarity',
  depth: 'depth',
  practicality: 'practicality',
};
const MAX_POINTS = 3;

export function summarizeOffline(input: SummaryInput): InterviewSummary {
  const scored = input.items.filter((item) => item.score.status === 'ok');
  const ranked = rankDimensions(input);
  const parts = [`${scored.length} of ${input.items.length} answers for the ${input.role.title} role were scored.`];
  const best = ranked[0];
  const worst = ranked[ranked.length - 1];
  if (best && worst && best !== worst) {
    parts.push(
      `Across them the answers were strongest in ${DIMENSION_NAMES[best]} and weakest in ${DIMENSION_NAMES[worst]}.`,
    );
  }
  if (scored.length === 0)
    parts.push('No answer could be scored, so there is nothing to compare; read the answers themselves.');
  return {
    overview: parts.join(' '),
    strengths: firstUnique(input.items.flatMap((i) => i.score.strengths)),
    concerns: concerns(input),
  };
}

/** Dimensions by their mean over scored answers, best first; dimensions no answer has a value for are left out. */
function rankDimensions(input: SummaryInput): Dimension[] {
  const means = DIMENSIONS.map((dimension) => {
    const values = input.items
      .filter((item) => item.score.status === 'ok')
      .map((item) => item.score.dimensions[dimension].value)
      .filter((value): value is number => value !== null);
    return { dimension, mean: values.length ? values.reduce((a, b) => a + b, 0) / values.length : null };
  });
  return means
    .filter((m): m is { dimension: Dimension; mean: number } => m.mean !== null)
    .sort((a, b) => b.mean - a.mean)
    .map((m) => m.dimension);
}

function concerns(input: SummaryInput): string[] {
  const notes = firstUnique(input.items.flatMap((i) => i.score.improvements));
  const failed = input.items.filter((i) => i.score.status === 'failed').length;
  const flagged = input.items.filter((i) => addressesScorer(i.score.flags)).length;
  if (failed > 0) notes.push(`${failed} answer(s) could not be scored and are shown without scores.`);
  if (flagged > 0)
    notes.push(`${flagged} answer(s) contained text addressed to the scorer; it was removed before scoring.`);
  return notes;
}

function firstUnique(texts: string[]): string[] {
  return [...new Set(texts.map((t) => t.trim()).filter((t) => t.length > 0))].slice(0, MAX_POINTS);
}
