/** Deciding a follow-up with the model. A follow-up must be about words the candidate actually wrote. */
import { guardAnswer } from '../answer-guard.js';
import { normalizeForMatch, quoteIsInText } from '../text/quotes.js';
import type { FollowUp, FollowUpInput } from '../types.js';
import type { ModelGateway } from './gateway.js';
import { mapOutcome } from './outcome.js';
import { FOLLOW_UP_SYSTEM_PROMPT, followUpUserMessage } from './prompts/interviewing.js';
import { followUpReplySchema, type FollowUpReply } from './schemas.js';
import type { StructuredOutcome } from './structured-call.js';

const PROMPT_MIN_CHARS = 15;
const PROMPT_MAX_CHARS = 300;

export async function decideFollowUpWithModel(
  gateway: ModelGateway,
  input: FollowUpInput,
  signal?: AbortSignal,
): Promise<StructuredOutcome<FollowUp | null>> {
  const cleaned = guardAnswer(input.answer).cleaned;
  const normalized = normalizeForMatch(cleaned);
  const partNames = input.bankQuestion.expectedParts.map((p) => p.name.toLowerCase());
  const outcome = await gateway.call({
    schemaName: 'follow_up',
    schema: followUpReplySchema,
    messages: [
      { role: 'system', content: FOLLOW_UP_SYSTEM_PROMPT },
      { role: 'user', content: followUpUserMessage(input.bankQuestion, input.askedText, cleaned) },
    ],
    check: (reply) => checkFollowUpReply(reply, normalized, partNames, input.askedQuestions),
    signal,
  });
  return mapOutcome(outcome, (reply) =>
    reply.needed && reply.prompt && reply.reason
      ? { prompt: reply.prompt.trim(), reason: reply.reason, missing: reply.missing, refersTo: reply.refersTo }
      : null,
  );
}

/** Lower case, words only, so a repeat that differs in punctuation or case is still a repeat. */
function wordsOf(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export function checkFollowUpReply(
  reply: FollowUpReply,
  normalizedAnswer: string,
  partNames: string[],
  asked: readonly string[] = [],
): string[] {
  if (!reply.needed) return [];
  const problems: string[] = [];
  const prompt = reply.prompt?.trim() ?? '';
  if (reply.reason === null) problems.push('reason is required when a follow-up is needed');
  if (prompt.length < PROMPT_MIN_CHARS || prompt.length > PROMPT_MAX_CHARS) {
    problems.push(`the prompt must be ${PROMPT_MIN_CHARS} to ${PROMPT_MAX_CHARS} characters long`);
  }
  if (!prompt.endsWith('?')) problems.push('the prompt must end with a question mark');
  if (asked.some((text) => wordsOf(text) === wordsOf(prompt)))
    problems.push('the prompt repeats a question already asked in this interview');
  if (reply.refersTo === null || !quoteIsInText(reply.refersTo, normalizedAnswer)) {
    problems.push('refersTo must be words copied from the answer');
  }
  const unknown = reply.missing.filter((name) => !partNames.includes(name.trim().toLowerCase()));
  if (unknown.length > 0) problems.push('missing may only name the expected parts as listed');
  if (reply.reason === 'missing_parts' && reply.missing.length === 0)
    problems.push('missing_parts needs at least one missing part');
  return problems;
}
