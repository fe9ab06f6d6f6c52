/** Writing the next question with the model; it must pass the same checks as any question a candidate sees. */
import { checkGeneratedQuestion } from '../question-check.js';
import { normalizeForMatch } from '../text/quotes.js';
import type { NextQuestionInput } from '../types.js';
import type { ModelGateway } from './gateway.js';
import { mapOutcome } from './outcome.js';
import { QUESTION_SYSTEM_PROMPT, profileSummary, questionUserMessage } from './prompts/interviewing.js';
import { questionReplySchema } from './schemas.js';
import type { StructuredOutcome } from './structured-call.js';

export async function writeQuestionWithModel(
  gateway: ModelGateway,
  input: NextQuestionInput,
  signal?: AbortSignal,
): Promise<StructuredOutcome<string>> {
  const profileText = normalizeForMatch(profileSummary(input.profile));
  const outcome = await gateway.call({
    schemaName: 'next_question',
    schema: questionReplySchema,
    messages: [
      { role: 'system', content: QUESTION_SYSTEM_PROMPT },
      {
        role: 'user',
        content: questionUserMessage(input.role, input.profile, input.bankQuestion, input.askedQuestions),
      },
    ],
    check: (reply) => {
      const problems = checkGeneratedQuestion({
        text: reply.question,
        bankQuestion: input.bankQuestion,
        askedQuestions: input.askedQuestions,
      });
      // Profile details are short ("Go"), so this is a plain containment test, not the quote check for answers.
      const detail = reply.profileDetail === null ? null : normalizeForMatch(reply.profileDetail);
      if (detail !== null && (detail.length === 0 || !profileText.includes(detail))) {
        problems.push('profileDetail must be copied from the profile block (or null)');
      }
      return problems;
    },
    signal,
  });
  return mapOutcome(outcome, (reply) => reply.question.trim());
}
