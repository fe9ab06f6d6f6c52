/** `/interview` arguments, parsed without I/O so a typo is answered the same way whatever Slack is doing. */

export type InterviewArgs =
  | { kind: 'help' }
  | { kind: 'status' }
  | { kind: 'start'; candidateId: string; roleSlug: string; questions: number | null }
  | { kind: 'invalid'; problem: string };

export const MAX_QUESTIONS = 15;

/** Slack sends a picked user as `<@U123>` or `<@U123|name>` when the command escapes users (the manifest says so). */
const USER_MENTION = /^<@([UW][A-Z0-9]+)(?:\|[^>]*)?>$/;
const QUESTIONS = /^questions=(\d+)$/i;

export function userIdOf(token: string): string | null {
  return USER_MENTION.exec(token)?.[1] ?? null;
}

function candidateProblem(token: string | undefined): string {
  if (!token) return 'Say who to interview: pick them with @ so Slack fills in their name.';
  if (token.startsWith('@')) return `I could not tell who "${token}" is. Pick the person from the list Slack shows after @, so it sends their id.`;
  return `"${token}" is not a person. Start with the candidate, picked with @.`;
}

function questionsOf(tokens: string[]): { questions: number | null } | { problem: string } {
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

export function parseInterviewArgs(text: string): InterviewArgs {
  const tokens = text.trim().split(/\s+/).filter(Boolean);
  const [first, second, ...rest] = tokens;
  if (!first || first.toLowerCase() === 'help') return { kind: 'help' };
  if (first.toLowerCase() === 'status' && tokens.length === 1) return { kind: 'status' };
  const candidateId = userIdOf(first);
  if (!candidateId) return { kind: 'invalid', problem: candidateProblem(first) };
  if (!second) return { kind: 'invalid', problem: 'Say which role the screen is for.' };
  const options = questionsOf(rest);
  if ('problem' in options) return { kind: 'invalid', problem: options.problem };
  return { kind: 'start', candidateId, roleSlug: second.toLowerCase(), questions: options.questions };
}
