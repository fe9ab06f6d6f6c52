import { AppError } from '../../shared/errors.js';
import type { BankQuestion, FollowUpDecision } from '../types.js';

export function decideFollowUp(question: BankQuestion, answer: string): FollowUpDecision | null {
  throw new AppError('internal', `decideFollowUp is not finished yet (${question.id}, ${answer.length})`);
}
