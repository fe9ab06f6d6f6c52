import { boundForScoring } from '../answer/bound.js';
import { classifyAnalyzed } from '../answer/classify.js';
import { toScoringQuestion } from '../bank/to-scoring-question.js';
import { buildQuestionModel } from '../offline/question-model.js';
import { measureAnswer } from '../offline/signals.js';
import { joinList } from '../offline/format.js';
import { analyzeText } from '../text/analyze.js';
import type { BankQuestion, FollowUpDecision } from '../types.js';

/** Below this many words an answer is short for the kind of question. Stories need more room than definitions. */
export const SHORT_ANSWER_WORDS = { technical: 25, behavioral: 40 } as const;

/** How a missing STAR part reads inside a question to the candidate. */
const STAR_PHRASES: Readonly<Record<string, string>> = {
  situation: 'the situation',
  task: 'what you were responsible for',
  action: 'what you did yourself',
  result: 'the result',
};

/**
 * Whether to ask one follow-up: when the answer is short or misses expected parts. The prompt names what is
 * missing. Null when the answer is complete enough.
 */
export function decideFollowUp(question: BankQuestion, answer: string): FollowUpDecision | null {
  const model = buildQuestionModel(toScoringQuestion(question));
  const bounded = boundForScoring(typeof answer === 'string' ? answer : '').text;
  const analyzed = analyzeText(bounded, model.vocabulary);
  const flags = classifyAnalyzed(bounded, analyzed);
  const missing = measureAnswer(analyzed, model).partsMissing;
  const noAnswer = flags.includes('empty') || flags.includes('emoji_only');
  const short = noAnswer || analyzed.tokens.length < SHORT_ANSWER_WORDS[question.kind];
  if (!short && missing.length === 0) return null;
  return { prompt: promptFor(question, missing), reason: short ? 'short' : 'missing_parts', missing };
}

function promptFor(question: BankQuestion, missing: readonly string[]): string {
  const withSlot = question.followUps.find((f) => f.includes('{missing}'));
  const withoutSlot = question.followUps.find((f) => !f.includes('{missing}'));
  if (missing.length === 0) return withoutSlot ?? 'Could you expand on your answer a little?';
  const named = joinList(missing.map((m) => (question.kind === 'behavioral' ? (STAR_PHRASES[m] ?? m) : m)));
  if (withSlot !== undefined) return withSlot.replaceAll('{missing}', named);
  return `${withoutSlot ?? 'Could you expand on your answer?'} In particular, could you cover ${named}?`;
}
