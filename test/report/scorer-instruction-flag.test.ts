/**
 * An answer that addressed the scorer shows on its question and at card level, in the text report, on the Slack
 * card and on the Teams card; answers stored with the older `prompt_injection` flag show the same way.
 */
import { describe, expect, it } from 'vitest';
import { renderReportCard } from '../../src/platforms/slack/cards/report-card.js';
import { renderTeamsCard } from '../../src/platforms/teams/cards/report-card.js';
import { FLAG_LABELS } from '../../src/report/labels.js';
import { buildReport, renderText, type Report } from '../../src/report/index.js';
import { summarizeOffline } from '../../src/providers/offline-summary.js';
import type { AnswerFlag } from '../../src/scoring/types.js';
import { input, score, turn, values } from './fixtures.js';

const WARNING = /Question 2 contains instructions to the scorer or an AI; that text was cut out and not scored\./;

function reportWith(flags: AnswerFlag[]): Report {
  const plain = turn('technical', score(values(6, 6, 6, 6, 6)), { index: 1 });
  const flagged = turn('technical', score(values(5, 5, 5, 5, 5), { flags }), { index: 2 });
  return buildReport(input([plain, flagged]));
}

function slackText(report: Report): string {
  return JSON.stringify(renderReportCard(report).blocks);
}

function teamsText(report: Report): string {
  return JSON.stringify(renderTeamsCard(report, 'interview-1', null));
}

describe('the instruction_to_scorer flag in reports', () => {
  it.each<[string, AnswerFlag]>([
    ['instruction_to_scorer', 'instruction_to_scorer'],
    ['prompt_injection, as stored before', 'prompt_injection'],
  ])('%s: on the question, in the report flags, the text report and both cards', (_name, flag) => {
    const report = reportWith([flag]);
    expect(report.questions[1]?.flags).toEqual([flag]);
    expect(report.flags).toEqual([expect.objectContaining({ code: 'instruction_to_scorer', question: 2 })]);
    const text = renderText(report);
    expect(text).toContain(FLAG_LABELS[flag]);
    expect(text).toMatch(WARNING);
    for (const card of [slackText(report), teamsText(report)]) {
      expect(card).toContain(FLAG_LABELS[flag]);
      expect(card).toContain('Instructions to the scorer');
      expect(card).toMatch(WARNING);
    }
  });

  it('is absent when no answer addressed the scorer', () => {
    const report = reportWith([]);
    expect(report.flags).toEqual([]);
    for (const shown of [renderText(report), slackText(report), teamsText(report)])
      expect(shown).not.toMatch(/instructions to the scorer/i);
  });

  it('caps the card warnings and points to the full report', () => {
    const turns = Array.from({ length: 8 }, (_, i) =>
      turn('technical', score(values(5, 5, 5, 5, 5), { flags: ['instruction_to_scorer'] }), { index: i + 1 }),
    );
    const card = slackText(buildReport(input(turns)));
    expect(card.match(/Question \d contains instructions to the scorer/g)).toHaveLength(4);
    expect(card).toContain('…and 4 more in the full report.');
  });

  it('counts both flags as text addressed to the scorer in the offline summary', () => {
    const item = (flags: AnswerFlag[]) => ({
      question: { kind: 'technical' as const, text: 'Q?' },
      score: { ...score(values(5, 5, 5, 5, 5)), flags },
    });
    const summary = summarizeOffline({
      role: { title: 'Backend engineer', skillArea: 'backend', level: 'mid' },
      items: [item(['instruction_to_scorer']), item(['prompt_injection']), item([])],
    });
    expect(summary.concerns).toContain(
      '2 answer(s) contained text addressed to the scorer; it was removed before scoring.',
    );
  });
});
