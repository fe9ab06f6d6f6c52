/**
 * The `questions=N` option of the recruiter's start command, the same on every platform: how many technical
 * questions this one screen asks instead of the role's default.
 */
import type { StoredRole } from '../../store/roles.js';

export const MAX_QUESTIONS = 15;

const QUESTIONS = /^questions=(\d+)$/i;

export function questionsOf(tokens: string[]): { questions: number | null } | { problem: string } {
  let questions: number | null = null;
  for (const token of tokens) {
    const match = QUESTIONS.exec(token);
    if (!match?.[1]) return { problem: `I do not understand "${token}". The only option is questions=N.` };
    const count = Number(match[1]);
    if (count < 1 || count > MAX_QUESTIONS) return { problem: `questions must be between 1 and ${MAX_QUESTIONS}.` };
    questions = count;
  }
  return { questions };
}

/** N questions in all: up to a third behavioral (never more than the role plans), the rest technical. */
export function withQuestionCount(role: StoredRole, questions: number | null): StoredRole {
  if (questions === null) return role;
  const behavioral = Math.min(role.config.behavioralCount, Math.floor(questions / 3));
  return { ...role, config: { ...role.config, technicalCount: questions - behavioral, behavioralCount: behavioral } };
}
