import type { AnswerFlag } from '../types.js';
import { GENERIC_WORDS } from './generic-words.js';
import type { QuestionModel } from './question-model.js';
import type { AnswerSignals } from './signals.js';

/**
 * How many concepts an answer must explain for full credit on each measure. A first-round chat answer that explains
 * two key ideas correctly is accurate; covering the topic takes three. Bank questions list four or five, and no
 * candidate is expected to recite all of them.
 */
const CONCEPTS_FOR_ACCURACY = 2;
const CONCEPTS_FOR_COVERAGE = 3;
/** A concept only named counts this much of an explained one, and all named-only concepts together at most one. */
const NAMED_ONLY_CREDIT = 0.25;
const NAMED_ONLY_MAX = 1;
/** Reference stems an answer must share for full agreement: a share of the reference, within these bounds. */
const REFERENCE_SHARE_FOR_FULL = 0.22;
const REFERENCE_HITS_MIN = 4;
const REFERENCE_HITS_MAX = 12;
/** Specific words per hundred from which an answer says something, however much of the question it repeats. */
const RESTATE_SPECIFIC_PER_100_WORDS = 12;
/** An answer whose content words are this much the question's own restates it below this many specific words. */
const RESTATING = [
  { echo: 0.3, specificWords: 7 },
  { echo: 0.4, specificWords: 9 },
] as const;
/** Fewer novel stems than this, whatever the echo, is an answer that adds nothing. */
const NOTHING_ADDED_NOVEL = 3;
/** Words from which an answer is long enough to judge as off topic rather than just short. */
const OFF_TOPIC_MIN_WORDS = 5;
/** Reference ideas that keep an answer naming no concept on topic. */
const OFF_TOPIC_REFERENCE_HITS = 3;
/** Share of topical content below which an answer is off topic. */
const OFF_TOPIC_SHARE = 0.2;

export const clamp01 = (x: number): number => Math.min(1, Math.max(0, x));

/** The 0-1 building blocks of the five dimensions and the judgements that cap them. */
export interface Components {
  /** Concepts explained (named-only ones count a quarter), against what accuracy needs. */
  accuracyConcepts: number;
  /** The same against what coverage needs. */
  coverage: number;
  /** Agreement with the reference answer; null without one. */
  reference: number | null;
  /** Expected parts covered. */
  parts: number;
  /** Share of the answer that is about the question. */
  focus: number;
  /**
   * How much the answer says per word: reference ideas and explained concepts per hundred words, and little chat
   * filler. A short dense answer is 1; correct content spread thin over tangents and asides is low.
   */
  concision: number;
  offTopic: boolean;
  restates: boolean;
  keywordList: boolean;
  veryShort: boolean;
  /** Every concept it names is negated or dismissed, and it explains none. */
  dismissive: boolean;
  misconception: boolean;
}

export function computeComponents(s: AnswerSignals, model: QuestionModel, flags: readonly AnswerFlag[]): Components {
  const total =
    s.conceptsExplained.length + s.conceptsNamed.length + s.conceptsDismissed.length + s.conceptsMissing.length;
  const credited = s.conceptsExplained.length + Math.min(NAMED_ONLY_MAX, NAMED_ONLY_CREDIT * s.conceptsNamed.length);
  const partTotal = s.partsFound.length + s.partsMissing.length;
  const referenceSize = model.referenceStems?.size ?? 0;
  const referenceNeeded = Math.min(
    REFERENCE_HITS_MAX,
    Math.max(REFERENCE_HITS_MIN, referenceSize * REFERENCE_SHARE_FOR_FULL),
  );
  const restates = restatesQuestion(s);
  return {
    accuracyConcepts: total === 0 ? 0 : clamp01(credited / Math.min(total, CONCEPTS_FOR_ACCURACY)),
    coverage: total === 0 ? 0 : clamp01(credited / Math.min(total, CONCEPTS_FOR_COVERAGE)),
    reference: model.referenceStems === null ? null : clamp01(s.referenceHits / referenceNeeded),
    parts: partTotal === 0 ? 0 : s.partsFound.length / partTotal,
    focus: s.topicalShare,
    concision: concisionOf(s),
    offTopic:
      !restates && s.words >= OFF_TOPIC_MIN_WORDS && (s.topicalShare < OFF_TOPIC_SHARE || missesTheTopic(s, model)),
    restates,
    keywordList: flags.includes('keyword_list'),
    veryShort: flags.includes('very_short'),
    dismissive: s.conceptsDismissed.length > 0 && s.conceptsExplained.length === 0 && s.conceptsNamed.length === 0,
    misconception: s.misconceptions.length > 0,
  };
}

/** Ideas per hundred words from which an answer counts as dense, and below which it counts as padded. */
const DENSE_IDEAS_PER_100_WORDS = 9;
const PADDED_IDEAS_PER_100_WORDS = 3;
/** Chat filler per hundred words that is still natural, and the rate at which it halves concision. */
const NATURAL_CHATTER_PER_100_WORDS = 1;
const HEAVY_CHATTER_PER_100_WORDS = 4;
/** Below this many words an answer is too short to be padded. */
const PADDING_MIN_WORDS = 60;

function concisionOf(s: AnswerSignals): number {
  if (s.words < PADDING_MIN_WORDS) return 1;
  const hundreds = s.words / 100;
  const ideas = (s.referenceHits + 2 * s.conceptsExplained.length) / hundreds;
  const density = clamp01(
    (ideas - PADDED_IDEAS_PER_100_WORDS) / (DENSE_IDEAS_PER_100_WORDS - PADDED_IDEAS_PER_100_WORDS),
  );
  const chatter = clamp01(
    (s.chatter / hundreds - NATURAL_CHATTER_PER_100_WORDS) /
      (HEAVY_CHATTER_PER_100_WORDS - NATURAL_CHATTER_PER_100_WORDS),
  );
  return density * (1 - 0.5 * chatter);
}

/**
 * With a rubric, an answer about the question names at least one of its concepts or shares a few of the reference
 * answer's ideas; topic words picked up by chance ("React", "errors") are not enough.
 */
function missesTheTopic(s: AnswerSignals, model: QuestionModel): boolean {
  const named = s.conceptsFound.length + s.conceptsDismissed.length;
  if (!model.conceptsFromBank) return named === 0 && s.questionTermsFound === 0;
  return named === 0 && s.referenceHits < OFF_TOPIC_REFERENCE_HITS;
}

/**
 * An answer restates the question when it adds almost nothing of its own; or when it leans on the question's words
 * and the few words it adds are everyday ones ("they give you different results in different situations") rather
 * than anything specific. The more of the question it repeats, the more specific words it needs to escape.
 */
function restatesQuestion(s: AnswerSignals): boolean {
  if (s.totalWords < OFF_TOPIC_MIN_WORDS) return false;
  if (s.novelStems < NOTHING_ADDED_NOVEL && s.echoShare > 0) return true;
  const specific = new Set(s.sentences.flatMap((x) => [...x.novel].filter((stem) => !GENERIC_WORDS.has(stem)))).size;
  // A short thin answer ("I would put Redis in front with an expiry") is dense with what little it says: not a restatement.
  const perHundredWords = (100 * specific) / Math.max(1, s.totalWords);
  return (
    perHundredWords < RESTATE_SPECIFIC_PER_100_WORDS &&
    RESTATING.some((rule) => s.echoShare >= rule.echo && specific < rule.specificWords)
  );
}
