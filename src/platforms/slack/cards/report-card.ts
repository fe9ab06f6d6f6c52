/**
 * The report card in Block Kit. Everything a hiring manager needs at a glance fits one message within Slack's
 * limits whatever the report holds (long answers and many questions are clipped, never rejected); the full
 * report goes in the card's thread.
 */
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
import { clip, escapeMrkdwn, packLines, SLACK_LIMITS } from '../limits.js';

export type Block = Record<string, unknown>;
export interface SlackMessage {
  text: string;
  blocks: Block[];
}

const DECISION_WORDS = { advance: 'Advance', hold: 'Hold', reject: 'Reject' } as const;

function section(text: string): Block {
  return { type: 'section', text: { type: 'mrkdwn', text: clip(text, SLACK_LIMITS.sectionText) } };
}

function roleLine(report: Report): string {
  const role = report.role;
  if (!role) return 'no role given';
  const parts = [
    role.title,
    role.level ? LEVEL_LABELS[role.level] : null,
    role.skillArea ? SKILL_AREA_LABELS[role.skillArea] : null,
  ];
  return parts.filter(Boolean).join(', ');
}

function scoreFields(report: Report): Block {
  const fields = DIMENSIONS.map((d) => `*${capitalize(DIMENSION_LABELS[d])}*\n${dimensionValueText(report, d)}`);
  fields.push(
    `*Technical*\n${formatScore(report.technicalScore)}`,
    `*Behavioral*\n${formatScore(report.behavioralScore)}`,
  );
  return {
    type: 'section',
    fields: fields.slice(0, SLACK_LIMITS.fieldsPerSection).map((text) => ({ type: 'mrkdwn', text })),
  };
}

function profileLine(report: Report): string {
  const p = report.profile;
  const area = p.primarySkillArea ? SKILL_AREA_LABELS[p.primarySkillArea] : 'not stated';
  const level = p.experienceLevel ? LEVEL_LABELS[p.experienceLevel] : 'not stated';
  const skills = p.skills.length ? p.skills.join(', ') : 'none named';
  return `*Profile (as the candidate described it)*: ${area}, ${level}. Skills: ${escapeMrkdwn(skills)}. Projects mentioned: ${p.projectsMentioned}.`;
}

function questionLines(report: Report, budget: number): string[] {
  const lines = report.questions.map((q) => {
    const score = q.status === 'skipped' ? 'skipped' : formatScore(q.overall);
    const notes = [...q.flags.map((f) => FLAG_LABELS[f]), ...questionNotes(q)];
    const flags = notes.length ? ` (${notes.join('; ')})` : '';
    return `${q.index}. ${capitalize(KIND_LABELS[q.kind])}: *${score}*${flags}. ${escapeMrkdwn(clip(q.question, 140))}`;
  });
  if (lines.length <= budget) return lines;
  return [...lines.slice(0, budget - 1), `…and ${lines.length - budget + 1} more questions in the full report.`];
}

/** Answers that addressed the scorer, above the question lines: a reviewer should not have to spot it in a line. */
function warningSection(report: Report): Block[] {
  const warnings = cardWarnings(report);
  if (warnings.length === 0) return [];
  return [section(`:warning: *Instructions to the scorer*\n${warnings.map((w) => `• ${escapeMrkdwn(w)}`).join('\n')}`)];
}

/** Lines packed into as few sections as the text limit allows. */
function packed(lines: string[]): Block[] {
  return packLines(lines, SLACK_LIMITS.sectionText).map(section);
}

export function renderReportCard(report: Report, extra: { decisionLine?: string; actions?: Block } = {}): SlackMessage {
  const name = report.candidate.name;
  const decision = DECISION_WORDS[report.recommendation.decision];
  const headline = `Final score ${formatScore(report.finalScore)}/10, ${PERFORMANCE_LEVEL_LABELS[report.performanceLevel]}. Recommendation: ${decision}.`;
  const blocks: Block[] = [
    {
      type: 'header',
      text: { type: 'plain_text', text: clip(`${name}: ${roleLine(report)}`, SLACK_LIMITS.headerText) },
    },
    section(`*${headline}*\nA person decides; Screener only recommends.`),
    ...(report.metadata.rescored ? [section(escapeMrkdwn(rescoredSentence(report.metadata.rescored)))] : []),
    scoreFields(report),
    section(profileLine(report)),
    section(escapeMrkdwn(clip(report.summary, 1200))),
    ...(report.writtenSummary ? [section(escapeMrkdwn(clip(writtenSummaryText(report.writtenSummary), 1200)))] : []),
    { type: 'divider' },
    ...warningSection(report),
    ...packed(questionLines(report, 40)).slice(0, 4),
    { type: 'divider' },
    section(
      `*Recommendation: ${decision}*\n${report.recommendation.rationale.map((r) => `• ${escapeMrkdwn(r)}`).join('\n')}`,
    ),
  ];
  if (extra.decisionLine) blocks.push(section(extra.decisionLine));
  if (extra.actions) blocks.push(extra.actions);
  const scorers = report.metadata.scorers.map((s) => s.label).join('; ');
  blocks.push({
    type: 'context',
    elements: [
      {
        type: 'mrkdwn',
        text: clip(`Scored by ${scorers}. Interviewer: ${report.metadata.interviewer}.`, SLACK_LIMITS.fieldText),
      },
    ],
  });
  const text = clip(`Screening report: ${name}, ${roleLine(report)}. ${headline}`, SLACK_LIMITS.messageText);
  return { text, blocks: blocks.slice(0, SLACK_LIMITS.blocksPerMessage) };
}
