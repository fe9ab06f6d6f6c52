import {
  toScoringQuestion,
  type BankQuestion,
  type QuestionRubric,
  type ScoringQuestion,
} from '../../scoring/index.js';

/** A written question keeps its bank question's rubric (the checks make it stay on that topic). */
export function toScoringQuestionWithText(bankQuestion: BankQuestion, text: string): ScoringQuestion {
  return { ...toScoringQuestion(bankQuestion), text };
}

/** What the scoring prompt tells the model about a question: the rubric to judge by, and what was asked. */
export interface PromptQuestion {
  /** The question the answer replies to. */
  asked: { kind: ScoringQuestion['kind']; text: string };
  /**
   * Set for a follow-up: the question it follows, or null when only that question's rubric is known (the older
   * shape, where the parent's rubric was spread onto the follow-up itself).
   */
  parent?: { kind: 'technical' | 'behavioral'; text: string } | null;
  /** The parent's rubric for a follow-up, the question's own otherwise; empty for an ad-hoc question. */
  rubric: QuestionRubric;
}

/**
 * Reads both shapes of a follow-up: `parent` with the parent's text and rubric, or (older) the parent's rubric
 * spread onto the follow-up. A field the parent lacks falls back to the follow-up's own, so a mixed shape loses
 * nothing.
 */
export function promptQuestionOf(question: ScoringQuestion): PromptQuestion {
  const asked = { kind: question.kind, text: question.text };
  if (question.kind !== 'follow_up' && !question.parent) return { asked, rubric: rubricOf(question) };
  const parent = question.parent ? { kind: question.parent.kind, text: question.parent.text } : null;
  return { asked, parent, rubric: rubricOf(question.parent ?? {}, question) };
}

function rubricOf(primary: QuestionRubric, fallback: QuestionRubric = {}): QuestionRubric {
  const referenceAnswer = primary.referenceAnswer?.trim() || fallback.referenceAnswer?.trim();
  return {
    ...(referenceAnswer ? { referenceAnswer } : {}),
    ...nonEmpty('expectedParts', primary.expectedParts, fallback.expectedParts),
    ...nonEmpty('concepts', primary.concepts, fallback.concepts),
    ...nonEmpty('misconceptions', primary.misconceptions, fallback.misconceptions),
  };
}

function nonEmpty<K extends keyof QuestionRubric>(
  key: K,
  primary: QuestionRubric[K],
  fallback: QuestionRubric[K],
): Partial<QuestionRubric> {
  const value = primary?.length ? primary : fallback?.length ? fallback : undefined;
  return value ? { [key]: value } : {};
}
