/**
 * The rationale is written from the decision outcome and the aggregates it was made from, never from anything
 * else, so every sentence restates a number or a rule that produced the decision.
 */
import { componentOf, type Aggregates } from './aggregate.js';
import { strongestFirst, weakestFirst } from './dimensions.js';
import { DIMENSION_LABELS, capitalize, describeQuestions, plural } from './labels.js';
import { formatScore } from './numbers.js';
import { EVIDENCE_RULES, bandRange, type DecisionOutcome, type EvidenceCounts } from './recommend.js';
import type { ReportQuestion } from './schema.js';

function scoreSentence(outcome: DecisionOutcome, finalScore: number | null): string {
  if (finalScore === null || !outcome.band)
    return 'No question has a score, so there is no final score and no score band.';
  return `The final score is ${formatScore(finalScore)} out of 10, in the ${outcome.band.decision} band (${bandRange(outcome.band)}).`;
}

interface PartNames {
  answers: string;
  none: string;
}

const PART_NAMES = {
  technical: { answers: 'Technical answers', none: 'No technical answer has a score.' },
  behavioral: { answers: 'Behavioral answers', none: 'No behavioral answer has a score.' },
} as const satisfies Record<string, PartNames>;

/** `questions` are the part's own, follow-ups to its questions included (they count with their parent). */
function partSentence(names: PartNames, questions: readonly ReportQuestion[], value: number | null): string | null {
  if (questions.length === 0) return null;
  if (value === null) return names.none;
  const scored = questions.filter((q) => q.overall !== null).length;
  const withFollowUps = questions.some((q) => q.kind === 'follow_up') ? ' and their follow-ups' : '';
  return `${names.answers}${withFollowUps} average ${formatScore(value)} over ${plural(scored, 'scored question')}.`;
}

export function partSentences(questions: readonly ReportQuestion[], aggregates: Aggregates): string[] {
  const technical = questions.filter((q) => componentOf(q) === 'technical');
  const behavioral = questions.filter((q) => componentOf(q) === 'behavioral');
  return [
    partSentence(PART_NAMES.technical, technical, aggregates.technicalScore),
    partSentence(PART_NAMES.behavioral, behavioral, aggregates.behavioralScore),
  ].filter((s): s is string => s !== null);
}

/** Names the strongest and weakest dimension with their values; null when no dimension has a value. */
export function dimensionSentence(aggregates: Aggregates): string | null {
  const strongest = strongestFirst(aggregates.dimensions)[0];
  const weakest = weakestFirst(aggregates.dimensions)[0];
  if (!strongest || !weakest) return null;
  if (strongest.value === weakest.value) return `Every scored dimension is at ${formatScore(strongest.value)}.`;
  const high = `${DIMENSION_LABELS[strongest.dimension]} at ${formatScore(strongest.value)}`;
  const low = `${DIMENSION_LABELS[weakest.dimension]} at ${formatScore(weakest.value)}`;
  return `The strongest dimension is ${high}; the weakest is ${low}.`;
}

/** The gaps in the evidence as one clause, e.g. "question 4 has no score and question 6 was skipped". */
export function describeGaps(evidence: EvidenceCounts): string | null {
  const parts: string[] = [];
  if (evidence.missing.length > 0) {
    parts.push(`${describeQuestions(evidence.missing)} ${evidence.missing.length === 1 ? 'has' : 'have'} no score`);
  }
  if (evidence.skipped.length > 0) {
    parts.push(`${describeQuestions(evidence.skipped)} ${evidence.skipped.length === 1 ? 'was' : 'were'} skipped`);
  }
  for (const part of evidence.unscoredParts) parts.push(`the ${part} part has no score`);
  return parts.length > 0 ? parts.join(' and ') : null;
}

function ruleSentence(outcome: DecisionOutcome): string {
  const { asked, scored, missing, skipped } = outcome.evidence;
  switch (outcome.failedRule) {
    case 'maxMissingShare':
      return `${missing.length} of ${plural(asked, 'question')} have no score, more than ${EVIDENCE_RULES.maxMissingShare * 100}% of the interview.`;
    case 'maxSkippedShare':
      return `The candidate skipped ${skipped.length} of ${plural(asked, 'question')}, more than ${EVIDENCE_RULES.maxSkippedShare * 100}% of the interview.`;
    default:
      if (asked === 0) return 'The interview has no questions with answers to score.';
      return `Only ${scored} of ${plural(asked, 'question')} have a score; a recommendation needs at least ${EVIDENCE_RULES.minScoredQuestions}.`;
  }
}

function decisionSentences(outcome: DecisionOutcome): string[] {
  const gaps = describeGaps(outcome.evidence);
  if (outcome.basis === 'not_enough_evidence') {
    return [
      ruleSentence(outcome),
      'There is not enough evidence to recommend advancing or rejecting, so the recommendation is hold.',
    ];
  }
  if (outcome.basis === 'incomplete_evidence') {
    return [
      `The score is in the advance band, but ${gaps ?? 'the evidence is incomplete'}.`,
      'The recommendation is hold until a person has looked at that gap: the bot never recommends advancing on missing evidence.',
    ];
  }
  const gapNote = gaps ? [`${capitalize(gaps)}; the averages leave out what has no score.`] : [];
  return [...gapNote, `The recommendation is ${outcome.decision}, as the band says.`];
}

export function writeRationale(
  outcome: DecisionOutcome,
  questions: readonly ReportQuestion[],
  aggregates: Aggregates,
): string[] {
  const dimensions = dimensionSentence(aggregates);
  return [
    scoreSentence(outcome, aggregates.finalScore),
    ...partSentences(questions, aggregates),
    ...(dimensions ? [dimensions] : []),
    ...decisionSentences(outcome),
  ];
}
