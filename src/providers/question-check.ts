/**
 * The checks a written question must pass before a candidate sees it; a question that fails any of them is replaced
 * by the bank question it was based on. Each problem is phrased so it can be sent back to the model as is.
 */
import type { BankQuestion } from '../scoring/index.js';
import { questionSimilarity } from './text/similarity.js';

export const QUESTION_MIN_CHARS = 25;
export const QUESTION_MAX_CHARS = 320;
/** At or above this similarity to an earlier question, a new one counts as a repeat. */
export const REPEAT_SIMILARITY = 0.6;

export interface QuestionCheckInput {
  text: string;
  bankQuestion: BankQuestion;
  askedQuestions: readonly string[];
}

/** Problems with a generated question; empty when it may be asked. */
export function checkGeneratedQuestion({ text, bankQuestion, askedQuestions }: QuestionCheckInput): string[] {
  const question = text.trim();
  const problems: string[] = [];
  if (question.length < QUESTION_MIN_CHARS || question.length > QUESTION_MAX_CHARS) {
    problems.push(
      `the question must be ${QUESTION_MIN_CHARS} to ${QUESTION_MAX_CHARS} characters long (it is ${question.length})`,
    );
  }
  if (!question.endsWith('?')) problems.push('the question must end with a question mark');
  if ((question.match(/\?/g) ?? []).length > 2) problems.push('ask one question (at most two question marks)');
  if (/<<<|>>>|\n\s*\n/.test(question)) problems.push('the question must be one short paragraph without markers');
  if (!mentionsTopic(question, bankQuestion)) {
    problems.push(
      `the question must stay on the topic: mention at least one of ${bankQuestion.concepts.map((c) => c.name).join(', ')}`,
    );
  }
  const repeated = askedQuestions.some((asked) => questionSimilarity(asked, question) >= REPEAT_SIMILARITY);
  if (repeated) problems.push('the question repeats one already asked in this interview');
  return problems;
}

function mentionsTopic(question: string, bankQuestion: BankQuestion): boolean {
  const line = wordLine(question);
  const phrases = bankQuestion.concepts.flatMap((c) => [c.name, ...c.synonyms]).map(wordLine);
  // A trailing "s" is the one inflection worth allowing ("cache" / "caches"); stemming would be overkill here.
  return phrases.some(
    (phrase) => phrase.trim().length > 0 && (line.includes(phrase) || line.includes(`${phrase.slice(0, -1)}s `)),
  );
}

function wordLine(text: string): string {
  return ` ${text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}+#]+/gu, ' ')
    .trim()} `;
}
