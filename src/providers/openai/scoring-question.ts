import { toScoringQuestion, type BankQuestion, type ScoringQuestion } from '../../scoring/index.js';

/** A written question keeps its bank question's rubric (the checks make it stay on that topic). */
export function toScoringQuestionWithText(bankQuestion: BankQuestion, text: string): ScoringQuestion {
  return { ...toScoringQuestion(bankQuestion), text };
}
