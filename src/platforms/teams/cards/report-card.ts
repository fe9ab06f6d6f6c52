/**
 * The report card as an Adaptive Card 1.5: the same content as Slack's card (header, final score and level, the
 * five dimensions, technical and behavioral, profile, summary, per-question lines, recommendation and rationale,
 * scorer label) and Advance / Hold / Reject as Action.Submit, which every Teams client renders. The whole activity
 * is kept under the Bot Connector's message size limit by clipping the per-question lines until it fits; the
 * questions that no longer fit are named on the card and posted in its thread (see follow-ups.ts), never dropped.
 */
import { DECISIONS, type DecisionKind } from '../../../engine/index.js';
import {
  capitalize,
  DIMENSION_LABELS,
  FLAG_LABELS,
  KIND_LABELS,
  LEVEL_LABELS,
  PERFORMANCE_LEVEL_LABELS,
  SKILL_AREA_LABELS,
} from '../../../report/labels.js';
import { dimensionValueText } from '../../../report/not-assessed.js';
import { cardWarnings } from '../../../report/flags.js';
import { formatScore } from '../../../report/numbers.js';
import { questionNotes } from '../../../report/question-notes.js';
import { rescoredSentence } from '../../../report/rescored.js';
import type { Report } from '../../../report/schema.js';
import { writtenSummaryText } from '../../../report/written-summary.js';
import { DIMENSIONS } from '../../../scoring/types.js';
import type { OutgoingActivity } from '../connector.js';
import type { RecordedDecision } from '../store/interviews.js';
import { DECISION_WORDS, decisionLine } from './decision-line.js';

export const ADAPTIVE_CARD_TYPE = 'application/vnd.microsoft.card.adaptive';
/** Teams refuses bot messages over about 28 KB; the margin covers the envelope the SDK adds. */
export const CARD_BYTE_BUDGET = 26_000;

type Element = Record<string, unknown>;

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

const textBlock = (text: string, extra: Element = {}): Element => ({ type: 'TextBlock', text, wrap: true, ...extra });

function roleLine(report: Report): string {
  const role = report.role;
  if (!role) return 'no role given';
  return [
    role.title,
    role.level ? LEVEL_LABELS[role.level] : null,
    role.skillArea ? SKILL_AREA_LABELS[role.skillArea] : null,
  ]
    .filter(Boolean)
    .join(', ');
}

function scoreFacts(report: Report): Element {
  const facts = DIMENSIONS.map((d) => ({
    title: capitalize(DIMENSION_LABELS[d]),
    value: dimensionValueText(report, d),
  }));
  facts.push(
    { title: 'Technical', value: formatScore(report.technicalScore) },
    { title: 'Behavioral', value: formatScore(report.behavioralScore) },
  );
  return { type: 'FactSet', facts };
}

function profileLine(report: Report): string {
  const p = report.profile;
  const area = p.primarySkillArea ? SKILL_AREA_LABELS[p.primarySkillArea] : 'not stated';
  const level = p.experienceLevel ? LEVEL_LABELS[p.experienceLevel] : 'not stated';
  const skills = p.skills.length ? p.skills.join(', ') : 'none named';
  return `**Profile (as the candidate described it)**: ${area}, ${level}. Skills: ${clip(skills, 300)}. Projects mentioned: ${p.projectsMentioned}.`;
}

/** One question's line: number, kind, score, flags and the question, clipped to `questionChars` (Infinity: whole). */
export function questionLine(q: Report['questions'][number], questionChars: number, bold = true): string {
  const score = q.status === 'skipped' ? 'skipped' : formatScore(q.overall);
  const notes = [...q.flags.map((f) => FLAG_LABELS[f]), ...questionNotes(q)];
  const flags = notes.length ? ` (${notes.join('; ')})` : '';
  const shown = bold ? `**${score}**` : score;
  return `${q.index}. ${capitalize(KIND_LABELS[q.kind])}: ${shown}${flags}. ${clip(q.question, questionChars)}`;
}

/** How many of the report's questions the card shows in full lines for a line budget. */
function shownCount(total: number, budget: number): number {
  return total <= budget ? total : Math.max(0, budget - 1);
}

function questionLines(report: Report, budget: number, questionChars: number): string[] {
  const lines = report.questions.map((q) => questionLine(q, questionChars));
  const shown = shownCount(lines.length, budget);
  if (shown === lines.length) return lines;
  return [
    ...lines.slice(0, shown),
    `…and ${lines.length - shown} more questions in the replies to this card, with the full report.`,
  ];
}

function decisionActions(interviewId: string): Element[] {
  return DECISIONS.map((decision: DecisionKind) => ({
    type: 'Action.Submit',
    title: DECISION_WORDS[decision],
    ...(decision === 'advance' ? { style: 'positive' } : decision === 'reject' ? { style: 'destructive' } : {}),
    data: { screener: 'decide', decision, interviewId },
  }));
}

/** Answers that addressed the scorer, above the question lines: a reviewer should not have to spot it in a line. */
function warningBlocks(report: Report): Element[] {
  const warnings = cardWarnings(report);
  if (warnings.length === 0) return [];
  return [
    textBlock(`**Instructions to the scorer**\n\n${warnings.map((w) => `- ${w}`).join('\n')}`, {
      color: 'Warning',
      separator: true,
    }),
  ];
}

function cardBody(report: Report, decision: RecordedDecision | null, questions: string[]): Element[] {
  const recommended = DECISION_WORDS[report.recommendation.decision];
  const scorers = report.metadata.scorers.map((s) => s.label).join('; ');
  return [
    textBlock(clip(`${report.candidate.name}: ${roleLine(report)}`, 200), {
      size: 'Large',
      weight: 'Bolder',
      style: 'heading',
    }),
    textBlock(
      `**Final score ${formatScore(report.finalScore)}/10, ${PERFORMANCE_LEVEL_LABELS[report.performanceLevel]}. Recommendation: ${recommended}.** A person decides; Screener only recommends.`,
    ),
    ...(report.metadata.rescored ? [textBlock(rescoredSentence(report.metadata.rescored))] : []),
    scoreFacts(report),
    textBlock(profileLine(report)),
    textBlock(clip(report.summary, 1200)),
    ...(report.writtenSummary ? [textBlock(clip(writtenSummaryText(report.writtenSummary), 1200))] : []),
    ...warningBlocks(report),
    textBlock(questions.join('\n\n'), { separator: true }),
    textBlock(
      `**Recommendation: ${recommended}**\n\n${report.recommendation.rationale
        .slice(0, 10)
        .map((r) => `- ${clip(r, 400)}`)
        .join('\n')}`,
      { separator: true },
    ),
    ...(decision ? [textBlock(decisionLine(decision), { color: 'Accent' })] : []),
    textBlock(clip(`Scored by ${scorers}. Interviewer: ${report.metadata.interviewer}.`, 500), {
      size: 'Small',
      isSubtle: true,
    }),
  ];
}

function activityFor(
  report: Report,
  interviewId: string,
  decision: RecordedDecision | null,
  questions: string[],
): OutgoingActivity {
  const card = {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    fallbackText: `Screening report: ${report.candidate.name}, ${roleLine(report)}. Final score ${formatScore(report.finalScore)}/10.`,
    body: cardBody(report, decision, questions),
    actions: decision ? [] : decisionActions(interviewId),
  };
  return {
    type: 'message',
    summary: clip(`Screening report: ${report.candidate.name}`, 200),
    attachments: [{ contentType: ADAPTIVE_CARD_TYPE, content: card }],
  };
}

export function activityBytes(activity: OutgoingActivity): number {
  return Buffer.byteLength(JSON.stringify(activity), 'utf8');
}

export interface RenderedCard {
  activity: OutgoingActivity;
  /** Index in `report.questions` of the first question the card does not show (= questions.length when none). */
  shownQuestions: number;
}

/** The card activity, with fewer and shorter question lines until it fits the size budget, and how many it shows. */
export function renderTeamsCardParts(
  report: Report,
  interviewId: string,
  decision: RecordedDecision | null,
): RenderedCard {
  let budget = 40;
  let questionChars = 200;
  for (;;) {
    const activity = activityFor(report, interviewId, decision, questionLines(report, budget, questionChars));
    if (activityBytes(activity) <= CARD_BYTE_BUDGET || budget <= 1)
      return { activity, shownQuestions: shownCount(report.questions.length, budget) };
    if (questionChars > 60) questionChars -= 40;
    else budget = Math.floor(budget / 2);
  }
}

export function renderTeamsCard(
  report: Report,
  interviewId: string,
  decision: RecordedDecision | null,
): OutgoingActivity {
  return renderTeamsCardParts(report, interviewId, decision).activity;
}
