/** Short notes beside a question's overall on the hiring cards: what was not assessed, and what older versions gave. */
import { DIMENSION_LABELS } from './labels.js';
import { NOT_ASSESSED } from './not-assessed.js';
import { formatScore } from './numbers.js';
import { olderName } from './rescored.js';
import type { ReportQuestion } from './schema.js';

/** ["technical accuracy not assessed", "v1.0.0 (older): 6.2"] */
export function questionNotes(q: ReportQuestion): string[] {
  if (q.status !== 'scored') return [];
  return [
    ...q.notAssessed.map((d) => `${DIMENSION_LABELS[d]} ${NOT_ASSESSED}`),
    ...q.olderScores.map((o) => `${olderName(o, q.scoredWith?.id)} (older): ${formatScore(o.overall)}`),
  ];
}
