import { analyzeText, type AnalyzedText } from '../text/analyze.js';
import { SENTENCE_GLUE, isStopword } from '../text/stopwords.js';
import type { AnswerFlag } from '../types.js';
import { boundForScoring } from './bound.js';

/** Fewer words than this is a very short answer for any interview question. */
export const VERY_SHORT_WORDS = 12;

const PICTOGRAPH = /\p{Extended_Pictographic}/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/**
 * Shape flags of an answer, independent of the question: `empty`, `emoji_only`, `very_short`, `keyword_list`.
 * Only the scored prefix is looked at, so a huge answer costs no more than a long one.
 */
export function classifyAnswer(text: string): AnswerFlag[] {
  const bounded = boundForScoring(text).text;
  return classifyAnalyzed(bounded, analyzeText(bounded));
}

/** The same as classifyAnswer for a text the caller has already analysed (with its own vocabulary). */
export function classifyAnalyzed(text: string, analyzed: AnalyzedText): AnswerFlag[] {
  if (!LETTER_OR_DIGIT.test(text)) return PICTOGRAPH.test(text) ? ['emoji_only'] : ['empty'];
  const flags: AnswerFlag[] = [];
  if (analyzed.tokens.length < VERY_SHORT_WORDS) flags.push('very_short');
  if (looksLikeKeywordList(text, analyzed)) flags.push('keyword_list');
  return flags;
}

/**
 * A sentence has at least four words, and function words ("the", "I", "because") make up a fair share of them;
 * a run of technical terms with one stray "through" is still a list.
 */
export function isProperSentence(sentence: AnalyzedText['tokens']): boolean {
  if (sentence.length < 4) return false;
  return sentence.filter((t) => isStopword(t.lower)).length / sentence.length >= 0.15;
}

function looksLikeKeywordList(text: string, analyzed: AnalyzedText): boolean {
  const words = analyzed.tokens.length;
  if (words < 3) return false;
  const functionRatio = analyzed.tokens.filter((t) => isStopword(t.lower)).length / words;
  const glueRatio = analyzed.tokens.filter((t) => SENTENCE_GLUE.has(t.lower)).length / words;
  const items = text.split(/[,;|\n•·]+|\s[-–—/]\s/u).filter((item) => LETTER_OR_DIGIT.test(item));
  // Short items and no pronoun or auxiliary verb: "ROW_NUMBER, PARTITION BY, ORDER BY DESC" is a list, while
  // "I used Redis, Kafka and S3" is a sentence that contains one.
  if (items.length >= 3 && words / items.length <= 3 && glueRatio < 0.1) return true;
  const hasSentence = analyzed.sentences.some(isProperSentence);
  return !hasSentence && words >= 5 && functionRatio < 0.15;
}
