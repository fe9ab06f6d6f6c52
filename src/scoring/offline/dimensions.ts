import type { Dimension, DimensionScore, StarScore } from '../types.js';
import { clamp01, type Components } from './components.js';
import { count, joinList, plain, round2 } from './format.js';
import type { QuestionModel } from './question-model.js';
import type { AnswerSignals } from './signals.js';

/** Caps for answers that cannot earn a high mark whatever they contain, as a share of 10. */
const KEYWORD_CAPS: Record<Dimension, number> = {
  technicalAccuracy: 0.4, completeness: 0.4, clarity: 0.3, depth: 0.2, practicality: 0.2,
};
const OFF_TOPIC_CAPS: Record<Dimension, number> = {
  technicalAccuracy: 0.1, completeness: 0.15, clarity: 0.3, depth: 0.15, practicality: 0.15,
};
const VERY_SHORT_CLARITY_CAP = 0.5;

interface Raw {
  value: number;
  evidence: string;
}

export function scoreDimensions(s: AnswerSignals, c: Components, model: QuestionModel): Record<Dimension, DimensionScore> {
  const raw: Record<Dimension, Raw> = {
    technicalAccuracy: accuracy(s, c, model),
    completeness: completeness(s, c, model),
    clarity: clarity(s, c),
    depth: depth(s, c, model),
    practicality: practicality(s, c, model),
  };
  const out = {} as Record<Dimension, DimensionScore>;
  for (const dim of Object.keys(raw) as Dimension[]) out[dim] = capped(dim, raw[dim], c);
  return out;
}

function capped(dim: Dimension, raw: Raw, c: Components): DimensionScore {
  let value = clamp01(raw.value);
  let evidence = raw.evidence;
  if (c.keywordList && value > KEYWORD_CAPS[dim]) {
    value = KEYWORD_CAPS[dim];
    evidence += ' The answer is a list of terms without sentences, so this is capped.';
  }
  if (c.offTopic && value > OFF_TOPIC_CAPS[dim]) {
    value = OFF_TOPIC_CAPS[dim];
    evidence += ' The answer does not address the question, so this is capped.';
  }
  if (dim === 'clarity' && c.veryShort && value > VERY_SHORT_CLARITY_CAP) value = VERY_SHORT_CLARITY_CAP;
  return { value: round2(value * 10), evidence: plain(evidence) };
}

function accuracy(s: AnswerSignals, c: Components, model: QuestionModel): Raw {
  const total = s.conceptsFound.length + s.conceptsMissing.length;
  const what = model.conceptsFromBank ? 'key concepts' : 'key terms of the question';
  let evidence = `Mentions ${s.conceptsFound.length} of ${total} ${what}`;
  if (s.conceptsFound.length > 0) evidence += ` (${joinList(s.conceptsFound)})`;
  evidence += '.';
  if (s.conceptsMissing.length > 0 && model.conceptsFromBank) evidence += ` Not mentioned: ${joinList(s.conceptsMissing)}.`;
  if (s.referenceOverlap !== null) {
    evidence += ` Shares ${Math.round(s.referenceOverlap * 100)} percent of the reference answer's key words.`;
    return { value: 0.6 * c.concepts + 0.4 * c.reference, evidence };
  }
  // Without a reference, explained reasoning is the best available sign that the terms are used correctly.
  evidence += s.reasoning > 0 ? ' Gives reasons for its statements.' : ' Gives no reasons for its statements.';
  return { value: 0.75 * c.concepts + 0.25 * clamp01(s.reasoning), evidence };
}

function completeness(s: AnswerSignals, c: Components, model: QuestionModel): Raw {
  const total = s.partsFound.length + s.partsMissing.length;
  const label = model.behavioral ? 'STAR parts' : model.partsFromBank ? 'expected parts' : 'parts of a full answer';
  let evidence = `Covers ${s.partsFound.length} of ${total} ${label}`;
  if (s.partsFound.length > 0) evidence += ` (${joinList(s.partsFound)})`;
  evidence += '.';
  if (s.partsMissing.length > 0) evidence += ` Missing: ${joinList(s.partsMissing)}.`;
  evidence += ` ${count(s.words, 'word')} in total.`;
  return { value: 0.6 * c.parts + 0.25 * c.concepts + 0.15 * c.length, evidence };
}

/** Full marks for sentences of 8 to 28 words; fragments and run-ons both read worse. */
function sentenceShape(avgWords: number): number {
  if (avgWords === 0) return 0;
  if (avgWords < 5) return 0.3;
  if (avgWords < 8) return 0.3 + ((avgWords - 5) / 3) * 0.7;
  if (avgWords <= 28) return 1;
  if (avgWords <= 45) return 1 - ((avgWords - 28) / 17) * 0.6;
  return 0.4;
}

function clarity(s: AnswerSignals, c: Components): Raw {
  const markers = [s.reasoning > 0, s.steps > 0, s.examples > 0, s.tradeOffs > 0].filter(Boolean).length;
  const value =
    0.35 * sentenceShape(s.avgSentenceWords) +
    0.25 * s.sentenceShare +
    0.2 * clamp01(markers / 2) +
    0.2 * clamp01(s.properSentences / 3);
  let evidence =
    s.properSentences === 0
      ? 'Has no complete sentences.'
      : `Written in ${count(s.properSentences, 'complete sentence')} averaging ${Math.round(s.avgSentenceWords)} words.`;
  evidence +=
    markers > 0
      ? ` Uses ${count(markers, 'kind')} of linking words (reasons, steps, examples, contrasts).`
      : ' Uses no linking words.';
  if (c.veryShort) evidence += ' The answer is very short.';
  return { value, evidence };
}

function depth(s: AnswerSignals, c: Components, model: QuestionModel): Raw {
  const nuance = model.behavioral ? clamp01(s.reflection) : clamp01(s.tradeOffs / 2);
  const value =
    0.25 * c.concepts +
    0.15 * c.reference +
    0.25 * clamp01(s.reasoning / 2) +
    0.2 * nuance +
    0.15 * clamp01(s.contentWords / 50);
  const nuanceText = model.behavioral
    ? s.reflection > 0 ? 'reflects on what was learned' : 'does not reflect on what was learned'
    : s.tradeOffs > 0 ? `weighs trade-offs or limits ${count(s.tradeOffs, 'time')}` : 'does not discuss trade-offs or limits';
  const reasons = s.reasoning > 0 ? `Explains why ${count(s.reasoning, 'time')}` : 'Does not explain why';
  return { value, evidence: `${reasons}, ${nuanceText}, and uses ${count(s.contentWords, 'content word')}.` };
}

function practicality(s: AnswerSignals, c: Components, model: QuestionModel): Raw {
  const specifics = s.numbers + s.namedTerms;
  const specificText = `${count(s.numbers, 'number')} and ${count(s.namedTerms, 'named tool or term', 'named tools or terms')}`;
  if (model.behavioral && s.star !== null) {
    const value =
      0.3 * Number(s.star.action) + 0.3 * Number(s.star.result) + 0.2 * clamp01(specifics / 2) + 0.2 * clamp01(s.actions / 3);
    const actions = `Describes ${count(s.actions, 'concrete action')} taken by the candidate`;
    const result = s.star.result ? 'states a result' : 'states no result';
    return { value, evidence: `${actions}, ${result}, and gives ${specificText}.` };
  }
  // A worked example is the strongest sign of practice; saying what one would do is the next best.
  const grounding = s.examples > 0 ? 1 : s.applied > 0 ? 0.7 : 0;
  const value = 0.3 * grounding + 0.2 * clamp01(s.steps / 2) + 0.25 * clamp01(specifics / 2) + 0.25 * c.concepts;
  const example =
    s.examples > 0
      ? 'Gives a concrete example'
      : s.applied > 0
        ? 'Says how it would be applied but gives no example'
        : 'Gives no concrete example';
  const steps = s.steps > 0 ? 'describes steps' : 'describes no steps';
  return { value, evidence: `${example}, ${steps}, and gives ${specificText}.` };
}

export function scoreStar(s: AnswerSignals): StarScore | undefined {
  if (s.star === null) return undefined;
  const present = (['situation', 'task', 'action', 'result'] as const).filter((p) => s.star?.[p]);
  const missing = (['situation', 'task', 'action', 'result'] as const).filter((p) => !s.star?.[p]);
  let evidence = present.length > 0 ? `Describes the ${joinList(present)}.` : 'Follows none of the STAR structure.';
  if (missing.length > 0 && present.length > 0) evidence += ` Missing: the ${joinList(missing)}.`;
  return { ...s.star, value: round2(present.length * 2.5), evidence };
}
