/** Reading the candidate's introduction with the model. Every field it fills must be backed by the candidate's words. */
import type { Profile } from '../../scoring/index.js';
import { guardAnswer } from '../answer-guard.js';
import { normalizeForMatch, quoteIsInText } from '../text/quotes.js';
import type { ModelGateway } from './gateway.js';
import { PROFILE_SYSTEM_PROMPT, profileUserMessage } from './prompts/interviewing.js';
import { profileReplySchema, type ProfileReply } from './schemas.js';
import type { StructuredOutcome } from './structured-call.js';

export function extractProfileWithModel(
  gateway: ModelGateway,
  introduction: string,
  signal?: AbortSignal,
): Promise<StructuredOutcome<Profile>> {
  // An introduction can carry an injection attempt as well as an answer can; the model reads it without one.
  const cleaned = guardAnswer(introduction).cleaned;
  const normalized = normalizeForMatch(cleaned);
  return gateway.call({
    schemaName: 'candidate_profile',
    schema: profileReplySchema,
    messages: [
      { role: 'system', content: PROFILE_SYSTEM_PROMPT },
      { role: 'user', content: profileUserMessage(cleaned) },
    ],
    check: (reply) => checkProfileReply(reply, normalized),
    signal,
  });
}

export function checkProfileReply(reply: ProfileReply, normalizedIntroduction: string): string[] {
  const claims: Array<[keyof ProfileReply['evidence'], boolean]> = [
    ['primarySkillArea', reply.primarySkillArea !== null],
    ['experienceLevel', reply.experienceLevel !== null],
    ['skills', reply.skills.length > 0],
    ['projectsMentioned', reply.projectsMentioned > 0],
  ];
  const problems: string[] = [];
  for (const [field, claimed] of claims) {
    const evidence = reply.evidence[field];
    if (claimed && evidence === null) problems.push(`evidence.${field} is required when ${field} is set`);
    if (evidence !== null && !quoteIsInText(evidence, normalizedIntroduction))
      problems.push(`evidence.${field} is not copied from the introduction`);
  }
  const unnamed = reply.skills.flatMap((skill, i) =>
    normalizedIntroduction.includes(normalizeForMatch(skill)) ? [] : [i + 1],
  );
  if (unnamed.length > 0) problems.push(`skills ${unnamed.join(', ')} are not named in the introduction`);
  return problems;
}
