/**
 * A short plain-text summary written only from the report's own data: counts, scores, the profile as the candidate
 * stated it, and the scorer's own notes on the best and weakest answers. It states nothing the data does not hold.
 */
import { componentOf } from './aggregate.js';
import { KIND_LABELS, LEVEL_LABELS, SKILL_AREA_LABELS, plural } from './labels.js';
import { formatScore } from './numbers.js';
import { dimensionSentence } from './rationale.js';
import type { Report, ReportQuestion } from './schema.js';

export type SummaryInput = Pick<
  Report,
  | 'candidate'
  | 'role'
  | 'profile'
  | 'statistics'
  | 'dimensions'
  | 'technicalScore'
  | 'behavioralScore'
  | 'finalScore'
  | 'questions'
>;

/** "a, b and c" */
function joinList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function countSentence({ candidate, statistics: s }: SummaryInput): string {
  if (s.questionsAsked === 0) return `${candidate.name} was asked no questions.`;
  const kinds = `${s.technical} technical, ${s.behavioral} behavioral, ${s.followUps} follow-up`;
  const skipped = s.skipped > 0 ? ` and skipped ${s.skipped}` : '';
  return `${candidate.name} answered ${s.answered} of ${plural(s.questionsAsked, 'question')} (${kinds})${skipped}.`;
}

function profileSentences({ profile, role, statistics }: SummaryInput): string[] {
  if (statistics.introductionWords === 0) return ['There was no introduction to read a profile from.'];
  const described = [
    profile.primarySkillArea ? `a ${SKILL_AREA_LABELS[profile.primarySkillArea]} focus` : null,
    profile.experienceLevel ? `${LEVEL_LABELS[profile.experienceLevel]} experience` : null,
  ].filter((s): s is string => s !== null);
  const clauses = [
    described.length > 0 ? `described ${joinList(described)}` : null,
    profile.projectsMentioned > 0 ? `mentioned ${plural(profile.projectsMentioned, 'project')}` : null,
    profile.skills.length > 0 ? `named ${joinList(profile.skills)} among their skills` : null,
  ].filter((s): s is string => s !== null);
  if (clauses.length === 0) return ['The introduction named no skill area, experience level, skills or projects.'];
  const sentences = [`In the introduction the candidate ${joinList(clauses)}.`];
  if (role?.skillArea && profile.primarySkillArea && role.skillArea !== profile.primarySkillArea) {
    sentences.push(
      `The role is ${SKILL_AREA_LABELS[role.skillArea]}; the stated focus is ${SKILL_AREA_LABELS[profile.primarySkillArea]}.`,
    );
  }
  if (role?.level && profile.experienceLevel && role.level !== profile.experienceLevel) {
    sentences.push(
      `The role is ${LEVEL_LABELS[role.level]}; the stated experience is ${LEVEL_LABELS[profile.experienceLevel]}.`,
    );
  }
  return sentences;
}

function scoreSentence(input: SummaryInput): string {
  if (input.finalScore === null) return 'No answer has a score, so there is no final score.';
  const parts = [
    input.questions.some((q) => componentOf(q) === 'technical')
      ? `technical ${formatScore(input.technicalScore)}`
      : null,
    input.questions.some((q) => componentOf(q) === 'behavioral')
      ? `behavioral ${formatScore(input.behavioralScore)}`
      : null,
  ].filter((s): s is string => s !== null);
  return `The final score is ${formatScore(input.finalScore)} out of 10 (${parts.join(', ')}).`;
}

function asSentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

function describe(q: ReportQuestion): string {
  return `question ${q.index} (${KIND_LABELS[q.kind]}, ${formatScore(q.overall)})`;
}

function highlightSentences(questions: readonly ReportQuestion[]): string[] {
  const scored = questions.filter((q) => q.overall !== null);
  const best = [...scored].sort((a, b) => (b.overall ?? 0) - (a.overall ?? 0))[0];
  const worst = [...scored].sort((a, b) => (a.overall ?? 0) - (b.overall ?? 0))[0];
  if (!best || !worst) return [];
  if (best.overall === worst.overall) {
    return scored.length === 1
      ? [`Only ${describe(best)} has a score.`]
      : [`Every scored answer is at ${formatScore(best.overall)}.`];
  }
  const sentences = [`The highest-scoring answer is ${describe(best)}; the lowest is ${describe(worst)}.`];
  const strength = best.strengths[0];
  const improvement = worst.improvements[0];
  if (strength) sentences.push(`On question ${best.index} the scorer noted: "${asSentence(strength)}"`);
  if (improvement) sentences.push(`On question ${worst.index} the scorer suggested: "${asSentence(improvement)}"`);
  return sentences;
}

function gapSentence(questions: readonly ReportQuestion[]): string | null {
  const missing = questions.filter((q) => q.status !== 'skipped' && q.overall === null).length;
  const skipped = questions.filter((q) => q.status === 'skipped').length;
  if (missing === 0 && skipped === 0) return null;
  const parts = [
    missing > 0 ? `${plural(missing, 'question')} without a score` : null,
    skipped > 0 ? `${plural(skipped, 'skipped question')}` : null,
  ].filter((s): s is string => s !== null);
  return `The averages leave out ${joinList(parts)}.`;
}

export function writeSummary(input: SummaryInput): string {
  const dimensions = dimensionSentence(input);
  const gaps = gapSentence(input.questions);
  return [
    countSentence(input),
    ...profileSentences(input),
    scoreSentence(input),
    ...(dimensions ? [dimensions] : []),
    ...highlightSentences(input.questions),
    ...(gaps ? [gaps] : []),
  ].join(' ');
}
