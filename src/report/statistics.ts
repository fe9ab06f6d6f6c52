import { round2 } from './numbers.js';
import type { Report, ReportQuestion } from './schema.js';

export { countWords } from '../shared/words.js';

export function computeStatistics(
  questions: readonly ReportQuestion[],
  introductionWords: number,
): Report['statistics'] {
  const answered = questions.filter((q) => q.status !== 'skipped' && q.wordCount > 0);
  const totalWords = answered.reduce((sum, q) => sum + q.wordCount, 0);
  return {
    questionsAsked: questions.length,
    technical: questions.filter((q) => q.kind === 'technical').length,
    behavioral: questions.filter((q) => q.kind === 'behavioral').length,
    followUps: questions.filter((q) => q.kind === 'follow_up').length,
    skipped: questions.filter((q) => q.status === 'skipped').length,
    answered: answered.length,
    scored: questions.filter((q) => q.overall !== null).length,
    totalWords,
    averageWords: answered.length > 0 ? round2(totalWords / answered.length) : null,
    introductionWords,
  };
}
