/** Writing the interview summary with the model. It must not state scores: those are shown next to their evidence. */
import type { InterviewSummary, SummaryInput } from '../types.js';
import type { ModelGateway } from './gateway.js';
import { SUMMARY_SYSTEM_PROMPT, summaryUserMessage } from './prompts/interviewing.js';
import { summaryReplySchema, type SummaryReply } from './schemas.js';
import type { StructuredOutcome } from './structured-call.js';

/** "7/10", "8 out of 10", "scored 6", "a 9" after a verb of rating. */
const STATED_SCORE =
  /\b\d+(?:\.\d+)?\s*(?:\/|out\s+of)\s*10\b|\b(?:scored?|rated|graded|earned|got)\s+(?:an?\s+|only\s+)?\d/iu;

export function summarizeWithModel(
  gateway: ModelGateway,
  input: SummaryInput,
  signal?: AbortSignal,
): Promise<StructuredOutcome<InterviewSummary>> {
  return gateway.call({
    schemaName: 'interview_summary',
    schema: summaryReplySchema,
    messages: [
      { role: 'system', content: SUMMARY_SYSTEM_PROMPT },
      { role: 'user', content: summaryUserMessage(input.role, input.items) },
    ],
    check: checkSummaryReply,
    signal,
  });
}

export function checkSummaryReply(reply: SummaryReply): string[] {
  const texts = [reply.overview, ...reply.strengths, ...reply.concerns];
  return texts.some((text) => STATED_SCORE.test(text)) ? ['the summary must not state scores or points'] : [];
}
