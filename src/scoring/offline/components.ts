import type { AnswerFlag } from '../types.js';
import type { QuestionModel } from './question-model.js';
import type { AnswerSignals } from './signals.js';

/** A reference overlap this high already counts as full agreement: a good answer says it in its own words. */
const REFERENCE_FULL_AT = 0.45;
/** An ad-hoc answer that uses this share of the question's key terms, or this many of them, covers its topic. */
const QUESTION_TERMS_FULL_AT = 0.6;
const QUESTION_TERMS_ENOUGH = 5;
/** An answer that uses at least this share of the question's own words is about the question, however thin. */
const ON_TOPIC_TERM_SHARE = 0.25;
/** Sharing this much of the reference answer's key words is more than chance. */
const ON_TOPIC_REFERENCE_OVERLAP = 0.15;
/** Words from which an answer is long enough to judge as off topic rather than just short. */
const OFF_TOPIC_MIN_WORDS = 5;

export const clamp01 = (x: number): number => Math.min(1, Math.max(0, x));

/** The 0-1 building blocks of the five dimensions. */
export interface Components {
  /** Key concepts covered. */
  concepts: number;
  /** Agreement with the reference answer (falls back to `concepts` without a reference). */
  reference: number;
  /** Expected parts covered. */
  parts: number;
  /** Enough words to make the case. */
  length: number;
  offTopic: boolean;
  keywordList: boolean;
  veryShort: boolean;
}

export function computeComponents(s: AnswerSignals, model: QuestionModel, flags: readonly AnswerFlag[]): Components {
  const conceptTotal = s.conceptsFound.length + s.conceptsMissing.length;
  const conceptShare = conceptTotal === 0 ? 0 : s.conceptsFound.length / conceptTotal;
  const concepts = model.conceptsFromBank
    ? conceptShare
    : clamp01(s.conceptsFound.length / Math.max(1, Math.min(QUESTION_TERMS_ENOUGH, Math.ceil(conceptTotal * QUESTION_TERMS_FULL_AT))));
  const partTotal = s.partsFound.length + s.partsMissing.length;
  return {
    concepts,
    reference: s.referenceOverlap === null ? concepts : clamp01(s.referenceOverlap / REFERENCE_FULL_AT),
    parts: partTotal === 0 ? 0 : s.partsFound.length / partTotal,
    length: clamp01(s.words / 80),
    offTopic: s.words >= OFF_TOPIC_MIN_WORDS && !isAboutTheQuestion(s, model),
    keywordList: flags.includes('keyword_list'),
    veryShort: flags.includes('very_short'),
  };
}

/**
 * Whether the answer is about the question at all. A bank question has concepts and a reference to compare with,
 * and one concept can appear by chance; an ad-hoc question has only its own words, so one of them must appear.
 */
function isAboutTheQuestion(s: AnswerSignals, model: QuestionModel): boolean {
  const termShare = s.questionTermsTotal === 0 ? 0 : s.questionTermsFound / s.questionTermsTotal;
  if (!model.conceptsFromBank) return s.questionTermsFound > 0;
  return (
    s.conceptsFound.length > 1 ||
    (s.referenceOverlap ?? 0) >= ON_TOPIC_REFERENCE_OVERLAP ||
    termShare >= ON_TOPIC_TERM_SHARE
  );
}
