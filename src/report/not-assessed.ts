/**
 * A dimension the scorer chose not to judge on a scored answer (the offline scorer without a reference answer does
 * not judge technical accuracy) is "not assessed", with the scorer's reason: never a number, never "not scored" or
 * "failed", and never counted in an average.
 */
import type { Dimension } from '../scoring/types.js';
import { DIMENSION_LABELS, describeQuestions } from './labels.js';
import { formatScore } from './numbers.js';
import type { Report, ReportQuestion } from './schema.js';

export const NOT_ASSESSED = 'not assessed';

function withoutFinalStop(text: string): string {
  return text.trim().replace(/[.\s]+$/, '');
}

/** "not assessed offline: no reference answer" from the reason "Not assessed offline: no reference answer." */
export function notAssessedText(reason: string | null): string {
  if (!reason) return NOT_ASSESSED;
  const plain = withoutFinalStop(reason);
  if (/^not assessed\b/i.test(plain)) return `${plain.charAt(0).toLowerCase()}${plain.slice(1)}`;
  return `${NOT_ASSESSED}: ${plain}`;
}

/** "technical accuracy not assessed offline: no reference answer" */
export function notAssessedPhrase(dimension: Dimension, reason: string | null): string {
  return `${DIMENSION_LABELS[dimension]} ${notAssessedText(reason)}`;
}

/** The questions that have a score but no value for the dimension because the scorer did not judge it. */
export function notAssessedQuestions(questions: readonly ReportQuestion[], dimension: Dimension): ReportQuestion[] {
  return questions.filter((q) => q.status === 'scored' && q.notAssessed.includes(dimension));
}

/** The reason the first of those questions gives. */
export function notAssessedReason(questions: readonly ReportQuestion[], dimension: Dimension): string | null {
  return notAssessedQuestions(questions, dimension)[0]?.dimensionEvidence[dimension] ?? null;
}

/**
 * How a report-level dimension value reads when it is null: "not assessed ..." when no scored answer was judged on
 * it by choice, null when it is simply missing (the caller then prints "not scored").
 */
export function dimensionNotAssessedText(
  report: Pick<Report, 'dimensions' | 'questions'>,
  dimension: Dimension,
): string | null {
  if (report.dimensions[dimension] !== null) return null;
  const skipped = notAssessedQuestions(report.questions, dimension);
  return skipped.length > 0 ? notAssessedText(notAssessedReason(report.questions, dimension)) : null;
}

/** "on questions 1 and 3" */
export function notAssessedWhere(questions: readonly ReportQuestion[], dimension: Dimension): string {
  return `on ${describeQuestions(notAssessedQuestions(questions, dimension).map((q) => q.index))}`;
}

/** A report-level dimension as a card shows it: one decimal, "not assessed ..." or "not scored". */
export function dimensionValueText(report: Pick<Report, 'dimensions' | 'questions'>, dimension: Dimension): string {
  return dimensionNotAssessedText(report, dimension) ?? formatScore(report.dimensions[dimension]);
}
