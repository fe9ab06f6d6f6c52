/**
 * The report as plain text for people: the sections a hiring manager knows from the old reports, one decimal for
 * every score, "not scored" where a value is missing, no markup. It only formats the report's data; it combines no
 * numbers, so what it prints is what the JSON holds.
 */
import { DIMENSIONS } from '../scoring/types.js';
import { COMPONENT_WEIGHTS, DIMENSION_WEIGHTS, STAR_WEIGHT, componentOf, type Component } from './aggregate.js';
import {
  DIMENSION_LABELS,
  LEVEL_LABELS,
  PERFORMANCE_LEVEL_LABELS,
  SKILL_AREA_LABELS,
  capitalize,
  plural,
} from './labels.js';
import { formatScore } from './numbers.js';
import { toPlainText } from './plain-text.js';
import { dimensionNotAssessedText, notAssessedQuestions, notAssessedWhere } from './not-assessed.js';
import { renderQuestion } from './render-questions.js';
import { rescoredSentence } from './rescored.js';
import { bandOf, bandRange } from './recommend.js';
import type { DecisionBasis, Report, ReportQuestion } from './schema.js';
import { RULE, banner, bulletList, formatTime, inline, scoreOutOf10, section } from './text-layout.js';

const NOT_STATED = 'not stated';

function metadataSection(report: Report): string[] {
  const { metadata: m, role } = report;
  const roleText = role
    ? [
        role.title ? inline(role.title) : 'untitled role',
        role.skillArea ? SKILL_AREA_LABELS[role.skillArea] : null,
        role.level ? LEVEL_LABELS[role.level] : null,
      ]
        .filter((s): s is string => s !== null)
        .join(', ')
    : 'not specified';
  return section('INTERVIEW METADATA', [
    `Candidate: ${inline(report.candidate.name)}`,
    `Role: ${roleText}`,
    `Started: ${formatTime(m.startedAt)}`,
    `Ended: ${formatTime(m.endedAt)}`,
    `Duration: ${formatScore(m.durationMinutes)} minutes`,
    `Report generated: ${formatTime(m.generatedAt)}`,
    `Interviewer: ${inline(m.interviewer)}`,
    ...(m.rescored ? [inline(rescoredSentence(m.rescored))] : []),
    ...(m.tokens
      ? [
          `Model tokens: ${m.tokens.promptTokens} prompt (${m.tokens.cachedPromptTokens} from the prompt cache), ${m.tokens.completionTokens} completion, in ${m.tokens.calls} calls`,
        ]
      : []),
  ]);
}

function withEvidence(line: string, evidence: string | null): string[] {
  return evidence ? [line, `  In their words: "${inline(evidence)}"`] : [line];
}

function profileSection({ profile: p }: Report): string[] {
  return section('CANDIDATE PROFILE (as the candidate stated it in the introduction)', [
    ...withEvidence(
      `Primary skill area: ${p.primarySkillArea ? SKILL_AREA_LABELS[p.primarySkillArea] : NOT_STATED}`,
      p.evidence.primarySkillArea,
    ),
    ...withEvidence(
      `Experience level: ${p.experienceLevel ? LEVEL_LABELS[p.experienceLevel] : NOT_STATED}`,
      p.evidence.experienceLevel,
    ),
    ...withEvidence(`Skills named: ${p.skills.length > 0 ? p.skills.join(', ') : 'none'}`, p.evidence.skills),
    ...withEvidence(`Projects mentioned: ${p.projectsMentioned}`, p.evidence.projectsMentioned),
  ]);
}

function statisticsSection({ statistics: s }: Report): string[] {
  const average =
    s.averageWords === null ? 'no answered questions' : `${formatScore(s.averageWords)} per answered question`;
  return section('INTERVIEW STATISTICS', [
    `Questions asked: ${s.questionsAsked} (${s.technical} technical, ${s.behavioral} behavioral, ${s.followUps} follow-up)`,
    `Answered: ${s.answered}`,
    `Skipped: ${s.skipped}`,
    `Scored: ${s.scored}`,
    `Words in answers: ${s.totalWords} (${average})`,
    `Words in the introduction: ${s.introductionWords}`,
  ]);
}

function performanceSection(report: Report): string[] {
  const band = report.finalScore === null ? null : bandOf(report.finalScore);
  const level = PERFORMANCE_LEVEL_LABELS[report.performanceLevel];
  return section('OVERALL PERFORMANCE SUMMARY', [
    `Final score: ${scoreOutOf10(report.finalScore)}`,
    `Performance level: ${band ? `${level} (final score ${bandRange(band)})` : level}`,
    '',
    toPlainText(report.summary),
    ...writtenSummaryLines(report),
  ]);
}

/** The model's notes, set apart and attributed, so nobody takes them for the rubric's findings. */
function writtenSummaryLines({ writtenSummary: w }: Report): string[] {
  if (!w) return [];
  return [
    '',
    `Notes written by ${inline(w.author)} (they state no scores; the scores above come from the rubric):`,
    toPlainText(w.overview),
    ...w.strengths.map((s) => `  + ${inline(s)}`),
    ...w.concerns.map((c) => `  - ${inline(c)}`),
  ];
}

function counted(questions: readonly ReportQuestion[], has: (q: ReportQuestion) => boolean): string {
  return plural(questions.filter(has).length, 'question');
}

function weightsLines(): string[] {
  const dims = DIMENSIONS.map((d) => `${DIMENSION_LABELS[d]} ${Math.round(DIMENSION_WEIGHTS[d] * 100)}%`).join(', ');
  const tech = Math.round(COMPONENT_WEIGHTS.technical * 100);
  const dimensionTotal = DIMENSIONS.reduce((sum, d) => sum + DIMENSION_WEIGHTS[d], 0);
  const star = Math.round((STAR_WEIGHT / (dimensionTotal + STAR_WEIGHT)) * 100);
  return [
    `How the numbers combine: each answer's overall weighs ${dims}. In a behavioral answer the STAR structure takes ${star}% and the five dimensions share the rest in the same proportions.`,
    `A dimension's score is the mean of its values over the answers that have one. The final score is ${tech}% technical, ${100 - tech}% behavioral (the other part alone when one has no score); a follow-up counts with the question it follows. Missing values are left out, never counted as zero.`,
  ];
}

function breakdownSection(report: Report): string[] {
  const q = report.questions;
  const dims = DIMENSIONS.map((d) => {
    const value = report.dimensions[d];
    const label = capitalize(DIMENSION_LABELS[d]);
    const notAssessed = dimensionNotAssessedText(report, d);
    if (notAssessed) return `${label}: ${inline(notAssessed)} (${notAssessedWhere(q, d)})`;
    const skipped = notAssessedQuestions(q, d).length > 0 ? `; not assessed ${notAssessedWhere(q, d)}` : '';
    const basis = value === null ? '' : ` (mean over ${counted(q, (x) => x.dimensions[d] !== null)}${skipped})`;
    return `${label}: ${scoreOutOf10(value)}${basis}`;
  });
  const part = (component: Component) =>
    ` (mean over ${counted(q, (x) => componentOf(x) === component && x.overall !== null)})`;
  return section('DETAILED SCORE BREAKDOWN', [
    ...dims,
    '',
    `Technical questions and their follow-ups: ${scoreOutOf10(report.technicalScore)}${report.technicalScore === null ? '' : part('technical')}`,
    `Behavioral questions and their follow-ups: ${scoreOutOf10(report.behavioralScore)}${report.behavioralScore === null ? '' : part('behavioral')}`,
    '',
    ...weightsLines(),
  ]);
}

function flagsSection(report: Report): string[] {
  return section(
    'REPORT FLAGS',
    bulletList(
      report.flags.map((f) => f.message),
      '',
    ),
  );
}

/** The scorer's notes from the best answers (strengths) and the weakest (improvements), first note of each. */
function digestSection(report: Report): string[] {
  const scored = report.questions.filter((q) => q.overall !== null);
  const byBest = [...scored].sort((a, b) => (b.overall ?? 0) - (a.overall ?? 0));
  const note = (items: string[], q: ReportQuestion) =>
    items[0] ? [`Question ${q.index} (${formatScore(q.overall)}): ${items[0]}`] : [];
  const strengths = byBest.flatMap((q) => note(q.strengths, q)).slice(0, 3);
  const improvements = [...byBest]
    .reverse()
    .flatMap((q) => note(q.improvements, q))
    .slice(0, 3);
  return section("STRENGTHS AND IMPROVEMENTS (the scorer's notes on the highest and lowest scoring answers)", [
    'Strengths:',
    ...bulletList(strengths),
    'Improvements:',
    ...bulletList(improvements),
  ]);
}

const BASIS_LABELS: Readonly<Record<DecisionBasis, string>> = {
  score_band: 'the band of the final score',
  not_enough_evidence: 'not enough evidence for a decision either way',
  incomplete_evidence: 'the score band, held back because evidence is missing',
};

function recommendationSection({ recommendation: r }: Report): string[] {
  return [
    ...banner('FINAL RECOMMENDATION'),
    `Recommendation: ${r.decision.toUpperCase()}`,
    `Basis: ${BASIS_LABELS[r.basis]}`,
    '',
    'Rationale:',
    ...bulletList(r.rationale),
    '',
    'Development plan:',
    ...bulletList(r.developmentPlan),
    '',
    'This is a recommendation. A person makes the hiring decision.',
    '',
  ];
}

function footer(report: Report): string[] {
  const scorers = report.metadata.scorers.map((s) => inline(s.label));
  return [RULE, `Scored by: ${scorers.length > 0 ? scorers.join('; ') : 'no scorer'}`, 'END OF REPORT', RULE];
}

export function renderText(report: Report): string {
  const lines = [
    ...banner('SCREENING INTERVIEW REPORT'),
    ...metadataSection(report),
    ...profileSection(report),
    ...statisticsSection(report),
    ...performanceSection(report),
    ...breakdownSection(report),
    ...flagsSection(report),
    ...banner('QUESTION-BY-QUESTION ANALYSIS'),
    ...report.questions.flatMap(renderQuestion),
    ...digestSection(report),
    ...recommendationSection(report),
    ...footer(report),
  ];
  return `${lines.join('\n')}\n`;
}
export { renderJson } from './render-json.js';
