/**
 * The `questions=N` option of the recruiter's start command, the same on every platform: how many technical
 * questions this one screen asks instead of the role's default.
 */
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
