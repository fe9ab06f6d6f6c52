import {
  DIMENSIONS,
  defaultQuestionBank,
  findBankQuestion,
  toScoringQuestion,
  type AnswerScore,
  type BankQuestion,
  type ScoringQuestion,
} from '../../src/scoring/index.js';

export function bankQuestion(id: string): BankQuestion {
  const question = findBankQuestion(defaultQuestionBank(), id);
  if (question === undefined) throw new Error(`no bank question ${id}`);
  return question;
}

export function scoringQuestion(id: string): ScoringQuestion {
  return toScoringQuestion(bankQuestion(id));
}

/** Mean of the five dimensions; fails the test if any of them is missing. */
export function meanScore(score: AnswerScore): number {
  const values = DIMENSIONS.map((d) => score.dimensions[d].value);
  if (values.some((v) => v === null)) throw new Error(`score has null dimensions: ${JSON.stringify(score)}`);
  return (values as number[]).reduce((a, b) => a + b, 0) / values.length;
}

/** Mean of the dimensions the scorer assessed: an ad-hoc question's accuracy is not assessed offline (null). */
export function meanAssessed(score: AnswerScore): number {
  const values = DIMENSIONS.map((d) => score.dimensions[d].value).filter((v): v is number => v !== null);
  if (values.length === 0) throw new Error(`score has no values: ${JSON.stringify(score)}`);
  return values.reduce((a, b) => a + b, 0) / values.length;
}
