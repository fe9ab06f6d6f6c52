import type { Dimension, DimensionScore, StarScore } from '../types.js';
import { clamp01, type Components } from './components.js';
import { count, joinList, plain, round2 } from './format.js';
import type { QuestionModel } from './question-model.js';
import type { AnswerSignals } from './signals.js';

/** Caps, as a share of 10, for answers that cannot earn a high mark whatever else they contain. */
type Caps = Partial<Record<Dimension, number>>;
const CAPS: Record<
  'keywordList' | 'offTopic' | 'restates' | 'misconception' | 'dismissive',
  { caps: Caps; why: string }
> = {
  keywordList: {
    caps: { technicalAccuracy: 0.35, completeness: 0.35, clarity: 0.25, depth: 0.2, practicality: 0.2 },
    why: 'The answer is a list of terms without sentences, so this is capped.',
  },
  offTopic: {
    caps: { technicalAccuracy: 0.05, completeness: 0.05, clarity: 0, depth: 0.05, practicality: 0.05 },
    why: 'The answer does not address the question, so this is capped.',
  },
  restates: {
    caps: { technicalAccuracy: 0, completeness: 0.1, clarity: 0.2, depth: 0.1, practicality: 0.1 },
    why: 'The answer mostly restates the question, and words taken from the question earn nothing.',
  },
  misconception: {
    // A fluent answer built on a wrong claim is worse than a short right one: the interviewer has to un-teach it.
    caps: { technicalAccuracy: 0.15, completeness: 0.25, clarity: 0.35, depth: 0.2, practicality: 0.25 },
    why: 'The answer states a common misconception, so this is capped.',
  },
  dismissive: {
    caps: { technicalAccuracy: 0, completeness: 0.1, depth: 0.1, practicality: 0.1 },
    why: 'The answer names the key concepts only to dismiss them, so this is capped.',
  },
};
const VERY_SHORT_CLARITY_CAP = 0.5;

interface Raw {
  value: number | null;
  evidence: string;
}

export const NOT_ASSESSED = 'Not assessed offline: no reference answer.';

export function scoreDimensions(
  s: AnswerSignals,
  c: Components,
  model: QuestionModel,
): Record<Dimension, DimensionScore> {
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
  if (raw.value === null) return { value: null, evidence: plain(raw.evidence) };
  let value = clamp01(raw.value);
  let evidence = raw.evidence;
  for (const key of Object.keys(CAPS) as Array<keyof typeof CAPS>) {
    const cap = CAPS[key].caps[dim];
    if (!c[key] || cap === undefined || value <= cap) continue;
    value = cap;
    evidence += ` ${CAPS[key].why}`;
  }
  if (dim === 'clarity' && c.veryShort && value > VERY_SHORT_CLARITY_CAP) value = VERY_SHORT_CLARITY_CAP;
  return { value: round2(value * 10), evidence: plain(evidence) };
}

/** A candidate's sentence, in quotes, as evidence. */
function quoted(s: AnswerSignals, index: number | undefined): string {
  const quote = index === undefined ? undefined : s.sentences[index]?.quote;
  return quote ? ` "${quote}"` : '';
}

function firstSentence(s: AnswerSignals, test: (i: number) => boolean): number | undefined {
  const index = s.sentences.findIndex((_, i) => test(i));
  return index >= 0 ? index : undefined;
}

function accuracy(s: AnswerSignals, c: Components, model: QuestionModel): Raw {
  if (c.reference === null) return { value: null, evidence: NOT_ASSESSED };
  const what = model.conceptsFromBank ? 'key concepts' : 'key terms of the question';
  const parts: string[] = [];
  if (s.conceptsExplained.length > 0) {
    const where = firstSentence(s, (i) => (s.sentences[i]?.explained.length ?? 0) > 0);
    parts.push(`Explains ${joinList(s.conceptsExplained)} in its own words:${quoted(s, where)}.`);
  }
  if (s.conceptsNamed.length > 0)
    parts.push(
      `Names ${joinList(s.conceptsNamed)} without saying anything about ${s.conceptsNamed.length === 1 ? 'it' : 'them'}.`,
    );
  if (s.conceptsDismissed.length > 0) {
    const where = firstSentence(s, (i) => (s.sentences[i]?.dismissed.length ?? 0) > 0);
    parts.push(`Negates or dismisses ${joinList(s.conceptsDismissed)}:${quoted(s, where)}.`);
  }
  if (parts.length === 0) parts.push(`Says nothing about the ${what}.`);
  if (model.conceptsFromBank && s.conceptsMissing.length > 0)
    parts.push(`Not mentioned: ${joinList(s.conceptsMissing)}.`);
  parts.push(`Shares ${count(s.referenceHits, 'key idea')} with the reference answer beyond the question's own words.`);
  for (const m of s.misconceptions) parts.push(`States a common misconception (${m.claim}): "${m.quote}".`);
  // Correct points spread thin over padding are only partly credited: a reader cannot tell what the candidate
  // would say on their own from what they happened to mention on the way.
  // Staying on the question is worth something only in an answer that says something about it.
  const saysSomething = s.conceptsExplained.length > 0 || s.referenceHits >= 2;
  const value =
    (0.45 * c.accuracyConcepts + 0.35 * c.reference + (saysSomething ? 0.2 * c.focus : 0)) *
    (0.75 + 0.25 * c.concision);
  return { value, evidence: parts.join(' ') };
}

function completeness(s: AnswerSignals, c: Components, model: QuestionModel): Raw {
  const total = s.partsFound.length + s.partsMissing.length;
  const label = model.behavioral ? 'STAR parts' : model.partsFromBank ? 'expected parts' : 'parts of a full answer';
  const asked = model.followUp ? ' the follow-up asked about' : '';
  let evidence = `Covers ${s.partsFound.length} of ${total} ${label}${asked}`;
  if (s.partsFound.length > 0) evidence += ` (${joinList(s.partsFound)})`;
  evidence += '.';
  if (s.partsMissing.length > 0) evidence += ` Missing: ${joinList(s.partsMissing)}.`;
  if (!model.conceptsFromBank) {
    const total = s.conceptsFound.length + s.conceptsMissing.length + s.conceptsDismissed.length;
    evidence += ` Uses ${s.conceptsFound.length} of ${total} key terms of the question`;
    evidence += s.conceptsFound.length > 0 ? ` (${joinList(s.conceptsFound)}).` : '.';
  }
  const reference = c.reference ?? c.coverage;
  const value = (0.55 * c.parts + 0.3 * c.coverage + 0.15 * reference) * (0.75 + 0.25 * c.concision);
  return { value, evidence };
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
  const repetition = s.sentences.length === 0 ? 0 : s.repeats / s.sentences.length;
  const value =
    (0.3 * sentenceShape(s.avgSentenceWords) + 0.2 * s.sentenceShare + 0.15 * clamp01(markers / 2) + 0.35 * c.focus) *
    (1 - repetition) *
    (0.4 + 0.6 * c.concision);
  let evidence =
    s.properSentences === 0
      ? 'Has no complete sentences.'
      : `Written in ${count(s.properSentences, 'complete sentence')} averaging ${Math.round(s.avgSentenceWords)} words.`;
  evidence +=
    markers > 0
      ? ` Uses ${count(markers, 'kind')} of linking words (reasons, steps, examples, contrasts).`
      : ' Uses no linking words.';
  const offQuestion = Math.round((1 - c.focus) * 100);
  if (offQuestion >= 20) {
    const tangent = firstSentence(s, (i) => s.sentences[i]?.topical === false);
    evidence += ` About ${offQuestion} percent of it is not about the question:${quoted(s, tangent)}.`;
  }
  if (s.repeats > 0) evidence += ` Repeats itself ${count(s.repeats, 'time')}.`;
  if (c.concision < 0.6) evidence += ' Says little for its length: the points are spread thin over padding and asides.';
  if (c.veryShort) evidence += ' The answer is very short.';
  return { value, evidence };
}

function depth(s: AnswerSignals, c: Components, model: QuestionModel): Raw {
  const nuance = model.behavioral ? clamp01(s.reflection) : clamp01(s.tradeOffs / 2);
  const reference = c.reference ?? c.coverage;
  const value =
    (0.3 * c.coverage +
      0.2 * reference +
      0.25 * clamp01(s.reasoning / 2) +
      0.15 * nuance +
      0.1 * clamp01(s.novelStems / 30)) *
    (0.5 + 0.5 * c.focus) *
    (0.4 + 0.6 * c.concision);
  const nuanceText = model.behavioral
    ? s.reflection > 0
      ? 'reflects on what was learned'
      : 'does not reflect on what was learned'
    : s.tradeOffs > 0
      ? `weighs trade-offs or limits ${count(s.tradeOffs, 'time')}`
      : 'does not discuss trade-offs or limits';
  const reasons = s.reasoning > 0 ? `Explains why ${count(s.reasoning, 'time')}` : 'Does not explain why';
  return { value, evidence: `${reasons}, ${nuanceText}, and adds ${count(s.novelStems, 'idea word')} of its own.` };
}

function practicality(s: AnswerSignals, c: Components, model: QuestionModel): Raw {
  const specifics = s.numbers + s.namedTerms;
  const specificText = `${count(s.numbers, 'number')} and ${count(s.namedTerms, 'named tool or term', 'named tools or terms')}`;
  if (model.behavioral && s.star !== null) {
    const value =
      (0.3 * Number(s.star.action) +
        0.3 * Number(s.star.result) +
        0.2 * clamp01(specifics / 2) +
        0.2 * clamp01(s.actions / 3)) *
      (0.6 + 0.4 * c.focus);
    const actions = `Describes ${count(s.actions, 'concrete action')} taken by the candidate`;
    const result = s.star.result ? 'states a result' : 'states no result';
    return { value, evidence: `${actions}, ${result}, and gives ${specificText}.` };
  }
  // A worked example is the strongest sign of practice; saying what one would do is the next best.
  const grounding = s.examples > 0 ? 1 : s.applied > 0 ? 0.7 : 0;
  const value =
    (0.3 * grounding + 0.15 * clamp01(s.steps / 2) + 0.25 * clamp01(specifics / 2) + 0.3 * c.accuracyConcepts) *
    (0.6 + 0.4 * c.focus) *
    (0.7 + 0.3 * c.concision);
  const example =
    s.examples > 0
      ? 'Gives a concrete example'
      : s.applied > 0
        ? 'Says how it would be applied but gives no example'
        : 'Gives no concrete example';
  const steps = s.steps > 0 ? 'describes steps' : 'describes no steps';
  return { value, evidence: `${example}, ${steps}, and gives ${specificText}.` };
}

/** STAR parts present, of all four (a follow-up: of those it asked about). Off topic or restating earns none. */
export function scoreStar(s: AnswerSignals, c: Components, model: QuestionModel): StarScore | undefined {
  if (s.star === null) return undefined;
  const all = ['situation', 'task', 'action', 'result'] as const;
  const asked = model.followUp ? all.filter((p) => model.parts.some((part) => part.name === p)) : [...all];
  const counted = asked.length > 0 ? asked : [...all];
  const present = c.offTopic || c.restates ? [] : counted.filter((p) => s.star?.[p]);
  const missing = counted.filter((p) => !present.includes(p));
  let evidence = present.length > 0 ? `Describes the ${joinList(present)}.` : 'Follows none of the STAR structure.';
  if (missing.length > 0 && present.length > 0) evidence += ` Missing: the ${joinList(missing)}.`;
  const flags = Object.fromEntries(all.map((p) => [p, present.includes(p)])) as Record<(typeof all)[number], boolean>;
  return { ...flags, value: round2((present.length / counted.length) * 10), evidence };
}
