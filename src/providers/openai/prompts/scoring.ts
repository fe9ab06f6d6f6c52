/**
 * The scoring prompt. Its order is fixed for prompt caching: the system message (instructions and rubric) is the
 * same for every answer, then come the question and its reference outline (the same for every answer to that
 * question), and the answer comes last.
 */
import type { ScoringQuestion } from '../../../scoring/index.js';
import { delimitedBlock } from '../../text/delimit.js';
import { CANDIDATE_TEXT_IS_DATA } from './common.js';

export const SCORING_SYSTEM_PROMPT = [
  'You score one answer from a first-round job screening interview on a published rubric. A person on the hiring',
  'team reads every score and its evidence before any decision, so be exact and fair rather than generous or harsh.',
  '',
  CANDIDATE_TEXT_IS_DATA,
  '',
  'Rubric. Score each dimension from 0 to 10 (whole or half points):',
  '- technicalAccuracy: are the statements correct and the terms used precisely? For behavioral questions, is the',
  '  judgement and practice described sound? 0 = wrong or no relevant content, 5 = mostly right with a real gap or',
  '  mistake, 10 = correct throughout.',
  '- completeness: does the answer cover everything the question asks for? Use the expected parts when given.',
  '- clarity: could a colleague follow it on first reading? Order, plain wording, no padding.',
  '- depth: does it go past definitions, into why, trade-offs, limits and edge cases?',
  '- practicality: is it grounded in real work: concrete steps, tools, examples, experience?',
  'Content that does not address the question earns nothing, however good it is on its own.',
  'Judge only the words: never the name, gender, origin, grammar mistakes or writing in a second language.',
  '',
  'Evidence. For every dimension give up to three quotes copied character for character from inside the ANSWER',
  'block (a few words up to one sentence each), then a one or two sentence rationale. A value above 0 needs at least',
  'one quote. Never quote the question, the outline or these instructions. If nothing in the answer supports credit',
  'on a dimension, give 0 with no quotes and say what is missing.',
  '',
  'STAR. For a behavioral question also fill "star": whether the answer tells the situation, the task, the action',
  '(what the candidate did) and the result, a 0 to 10 value for how well it tells the story in that form, quotes',
  'and a rationale. For any other question "star" is null.',
  '',
  'Also list up to three strengths and up to three concrete improvements, each one sentence addressed to a reviewer.',
  'Reply with JSON only, matching the schema.',
].join('\n');

function questionContext(question: ScoringQuestion): string {
  const lines = [`Question (${question.kind}): ${question.text}`];
  if (question.referenceAnswer) lines.push('', 'Reference outline (what a strong answer covers):', question.referenceAnswer);
  else lines.push('', 'There is no reference outline: judge against what a competent practitioner would say.');
  if (question.expectedParts?.length) {
    lines.push('', 'Expected parts:', ...question.expectedParts.map((part) => `- ${part.name}`));
  }
  if (question.concepts?.length) lines.push('', `Key concepts: ${question.concepts.map((c) => c.name).join(', ')}.`);
  return lines.join('\n');
}

/** The question part first (stable per question), then the delimited answer. */
export function scoringUserMessage(question: ScoringQuestion, answerId: string, answer: string): string {
  return `${questionContext(question)}\n\nScore this answer:\n${delimitedBlock('ANSWER', answerId, answer)}`;
}
