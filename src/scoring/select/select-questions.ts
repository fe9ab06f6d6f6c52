import { AppError } from '../../shared/errors.js';
import type { BankQuestion, QuestionBank, SelectQuestionsOptions } from '../types.js';

export function selectQuestions(bank: QuestionBank, options: SelectQuestionsOptions): BankQuestion[] {
  throw new AppError('internal', `selectQuestions is not finished yet (${bank.questions.length}, ${options.seed})`);
}
