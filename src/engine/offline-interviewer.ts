/** The offline interviewer: the Interviewer filled from the shipped question banks and src/scoring's rules. */
import {
  boundForScoring,
  classifyAnswer,
  decideFollowUp,
  defaultQuestionBank,
  extractProfile,
  findBankQuestion,
  selectQuestions,
  type QuestionBank,
} from '../scoring/index.js';
import { guardAnswer } from '../providers/answer-guard.js';
import type { Interviewer } from './interviewer.js';

export const OFFLINE_INTERVIEWER_LABEL = 'Screener (offline interviewer)';

export function createOfflineInterviewer(bank: QuestionBank = defaultQuestionBank()): Interviewer {
  return {
    label: OFFLINE_INTERVIEWER_LABEL,
    extractProfile,
    planQuestions: ({ role, profile, seed }) =>
      selectQuestions(bank, {
        skillArea: role.skillArea,
        level: role.level,
        technicalCount: role.technicalCount,
        behavioralCount: role.behavioralCount,
        ...(profile ? { profile } : {}),
        seed,
      }).map((q) => ({ questionId: q.id, kind: q.kind, text: q.text })),
    classifyAnswer,
    isTruncatedForScoring: (text) => boundForScoring(text).truncated,
    decideFollowUp: (questionId, answer, asked) => {
      const question = findBankQuestion(bank, questionId);
      // Decided, and quoted from, the answer without any text addressed to the scorer, as every provider scores it.
      return question ? decideFollowUp(question, guardAnswer(answer).cleaned, { asked, original: answer }) : null;
    },
  };
}
