/** The question-by-question part of the text report. */
import { DIMENSIONS, STAR_PARTS } from '../scoring/types.js';
import { DIMENSION_LABELS, FLAG_LABELS, KIND_LABELS, capitalize } from './labels.js';
import { notAssessedText } from './not-assessed.js';
import { olderName } from './rescored.js';
import type { ReportQuestion } from './schema.js';
import { UNDERLINE, bulletList, indentedText, inline, scoreOutOf10 } from './text-layout.js';

const STATUS_LABELS: Readonly<Record<ReportQuestion['status'], string>> = {
  scored: 'scored',
  skipped: 'skipped by the candidate; not scored',
  not_scored: 'not scored; left out of every average',
};

function dimensionLines(q: ReportQuestion): string[] {
  return DIMENSIONS.flatMap((d) => {
    // The scorer's reason is the value here, so it is not repeated as evidence below.
    if (q.notAssessed.includes(d))
      return [`  ${capitalize(DIMENSION_LABELS[d])}: ${notAssessedText(q.dimensionEvidence[d])}`];
    const line = `  ${capitalize(DIMENSION_LABELS[d])}: ${scoreOutOf10(q.dimensions[d])}`;
    const evidence = q.dimensionEvidence[d];
    return evidence ? [line, `    ${inline(evidence)}`] : [line];
  });
}

function starLines(q: ReportQuestion): string[] {
  if (q.kind !== 'behavioral' || q.status !== 'scored') return [];
  if (!q.star) return ['STAR structure: not scored'];
  const star = q.star;
  const parts = STAR_PARTS.map((part) => `${part} ${star[part] ? 'yes' : 'no'}`).join(', ');
  const lines = [`STAR structure: ${scoreOutOf10(star.value)} (${parts})`];
  return star.evidence ? [...lines, `  ${inline(star.evidence)}`] : lines;
}

/** "  v1.0.0 (older): 6.2 / 10": what earlier scorer versions gave the same answer. */
function olderLines(q: ReportQuestion): string[] {
  return q.olderScores.map((o) => `  ${inline(olderName(o, q.scoredWith?.id))} (older): ${scoreOutOf10(o.overall)}`);
}

function scoreLines(q: ReportQuestion): string[] {
  if (q.status !== 'scored') return olderLines(q).length > 0 ? ['Older scores:', ...olderLines(q)] : [];
  return [
    `Overall: ${scoreOutOf10(q.overall)}${q.scoredWith && q.olderScores.length > 0 ? ` (v${q.scoredWith.version})` : ''}`,
    ...olderLines(q),
    'Dimensions:',
    ...dimensionLines(q),
    ...starLines(q),
    'Strengths:',
    ...bulletList(q.strengths),
    'Improvements:',
    ...bulletList(q.improvements),
  ];
}

export function renderQuestion(q: ReportQuestion): string[] {
  const flags = q.flags.map((f) => FLAG_LABELS[f]);
  return [
    `QUESTION ${q.index} (${KIND_LABELS[q.kind].toUpperCase()}${q.parent ? ` TO ${q.parent.index}` : ''})`,
    UNDERLINE,
    `Question: ${inline(q.question)}`,
    ...(q.questionId ? [`Bank question: ${q.questionId}`] : []),
    'Answer:',
    ...indentedText(q.answer),
    `Words: ${q.wordCount}`,
    `Status: ${STATUS_LABELS[q.status]}`,
    ...scoreLines(q),
    `Flags: ${flags.length > 0 ? flags.join('; ') : 'none'}`,
    `Scored by: ${q.scorer ?? 'no scorer'}`,
    '',
  ];
}
