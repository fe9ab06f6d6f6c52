/** `/interview` arguments, parsed without I/O so a typo is answered the same way whatever Slack is doing. */
import { questionsOf } from '../../common/question-count.js';

export type InterviewArgs =
  | { kind: 'help' }
  | { kind: 'status' }
  | { kind: 'start'; candidateId: string; roleSlug: string; questions: number | null }
  | { kind: 'invalid'; problem: string };

export { MAX_QUESTIONS } from '../../common/question-count.js';

/** Slack sends a picked user as `<@U123>` or `<@U123|name>` when the command escapes users (the manifest says so). */
const USER_MENTION = /^<@([UW][A-Z0-9]+)(?:\|[^>]*)?>$/;

export function userIdOf(token: string): string | null {
  return USER_MENTION.exec(token)?.[1] ?? null;
}

function candidateProblem(token: string | undefined): string {
  if (!token) return 'Say who to interview: pick them with @ so Slack fills in their name.';
  if (token.startsWith('@'))
    return `I could not tell who "${token}" is. Pick the person from the list Slack shows after @, so it sends their id.`;
  return `"${token}" is not a person. Start with the candidate, picked with @.`;
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
