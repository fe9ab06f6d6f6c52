/**
 * Slack refuses a whole message when one block breaks a limit. These tests build the largest payloads the app
 * sends (a report of 7 questions with 40,000-character answers, a long engine message) and check them against
 * Slack's limits, written down independently in test/support/slack-blocks.ts; the fake Web API applies the same
 * check to every call the app makes.
 */
import { describe, expect, it } from 'vitest';
import { FULL_REPORT_ACTION } from '../../../src/platforms/slack/cards/card-actions.js';
import { cardMessage } from '../../../src/platforms/slack/cards/card-message.js';
import { fullReportMessages } from '../../../src/platforms/slack/cards/full-report.js';
import { REPORT_EVENT_TYPE } from '../../../src/platforms/slack/delivery/report-destination.js';
import { ReportSchema, type Report, type ReportQuestion } from '../../../src/report/schema.js';
import { sampleReport } from '../../support/fixtures.js';
import { slackPayloadProblems } from '../../support/slack-blocks.js';
import { slackFixture } from '../../support/slack-fixture.js';

const { db, slack, harness } = await slackFixture('slack-limits', {
  users: [{ id: 'UREC', name: 'rita', is_admin: true }],
});

/** A 40,000-character answer with markup Slack would otherwise interpret, and a marker at its very end. */
function hugeAnswer(n: number): string {
  const unit = `Step ${n}: if a < b && b > c then <script>x</script> & retry; `;
  return `${unit.repeat(Math.ceil(40_000 / unit.length))}`.slice(0, 39_980) + ` END-OF-ANSWER-${n}`;
}

function hugeReport(): Report {
  const base = sampleReport(
    'Maximilian Alexander Bartholomew Featherstonehaugh-Wolfeschlegelsteinhausenbergerdorff the Third of Somewhere Quite Long',
  );
  const template = base.questions[0] as ReportQuestion;
  const questions = Array.from({ length: 7 }, (_, i) => ({
    ...template,
    index: i + 1,
    kind: i < 5 ? ('technical' as const) : ('behavioral' as const),
    question: `${'Explain in detail how you would design a system that '.repeat(8)}(${i + 1})`,
    answer: hugeAnswer(i + 1),
    wordCount: 6000,
    flags: ['truncated_for_scoring', 'prompt_injection', 'edited'] as ReportQuestion['flags'],
    strengths: Array.from({ length: 6 }, (_, k) => `Strength ${k}: ${'clear reasoning about trade-offs, '.repeat(10)}`),
    improvements: Array.from({ length: 6 }, (_, k) => `Improvement ${k}: ${'name the failure modes, '.repeat(10)}`),
  }));
  return {
    ...base,
    questions,
    statistics: { ...base.statistics, questionsAsked: 7, technical: 5, behavioral: 2, answered: 7, scored: 7 },
    summary: 'A long summary. '.repeat(400),
    profile: { ...base.profile, skills: Array.from({ length: 200 }, (_, i) => `skill-${i}`) },
    recommendation: {
      ...base.recommendation,
      rationale: Array.from({ length: 40 }, (_, i) => `Reason ${i}: ${'the evidence is strong, '.repeat(8)}`),
    },
  };
}

describe('Block Kit limits, computed', () => {
  const report = hugeReport();

  it('the report card fits one message, before and after a decision', () => {
    expect(ReportSchema.safeParse(report).success).toBe(true);
    const undecided = cardMessage(report, 'interview-1', null);
    const decided = cardMessage(report, 'interview-1', {
      kind: 'reject',
      deciderId: 'UMGR',
      at: new Date('2026-01-05T10:00:00Z'),
    });
    expect(slackPayloadProblems(undecided)).toEqual([]);
    expect(slackPayloadProblems(decided)).toEqual([]);
    // Clipped, not dropped: the card still has every part, and the buttons.
    expect(JSON.stringify(undecided.blocks)).toContain(FULL_REPORT_ACTION);
    expect(JSON.stringify(decided.blocks)).toContain('Decision: Reject');
    expect(undecided.blocks[0]).toMatchObject({ type: 'header' });
  });

  it('the full report is split into messages within the limits and loses no answer', () => {
    const messages = fullReportMessages(report);
    expect(messages.length).toBeGreaterThan(1);
    for (const message of messages) expect(slackPayloadProblems(message)).toEqual([]);
    const shown = messages.flatMap((m) => m.blocks.map((b) => (b as { text: { text: string } }).text.text)).join('');
    for (let n = 1; n <= 7; n += 1) expect(shown).toContain(`END-OF-ANSWER-${n}`);
    // Markup is escaped, never cut in half.
    expect(shown).not.toMatch(/<script>/);
    expect(shown).not.toMatch(/&(?!amp;|lt;|gt;)/);
  });

  it('the checker itself refuses what Slack refuses', () => {
    const tooMany = { text: 'x', blocks: Array.from({ length: 51 }, () => ({ type: 'divider' })) };
    const longSection = { blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'x'.repeat(3001) } }] };
    const longHeader = { blocks: [{ type: 'header', text: { type: 'plain_text', text: 'x'.repeat(151) } }] };
    expect(slackPayloadProblems(tooMany)).toHaveLength(1);
    expect(slackPayloadProblems(longSection)[0]).toMatch(/over 3000/);
    expect(slackPayloadProblems(longHeader)[0]).toMatch(/over 150/);
  });
});

describe('Block Kit limits, through the app and the fake Web API', () => {
  it("posts the huge report's card and full report, and splits a long engine message, all accepted", async () => {
    await harness.driver.command('/interview-admin', 'UREC', 'channel <#CBIG|big>', slack.responseUrl('channel'));
    await harness.driver.command('/interview', 'UREC', '<@UCAND> data-senior', slack.responseUrl('start'));
    await harness.platform.idle();
    const interview = await db.interview.findFirstOrThrow({ where: { workspace: { externalId: harness.bot.teamId } } });
    await db.interview.update({ where: { id: interview.id }, data: { status: 'scored' } });
    await db.report.create({ data: { interviewId: interview.id, data: hugeReport() } });
    await harness.postCard(interview.id);
    const card = slack.messages.find((m) => m.channel === 'CBIG' && m.metadata?.event_type === REPORT_EVENT_TYPE);
    expect(card).toBeDefined();
    await harness.driver.click({
      userId: 'UREC',
      actionId: FULL_REPORT_ACTION,
      value: interview.id,
      channelId: 'CBIG',
      messageTs: card!.ts,
      responseUrl: slack.responseUrl('full'),
    });
    await harness.platform.idle();
    expect(slack.messages.filter((m) => m.channel === 'CBIG' && m.thread_ts === card!.ts).length).toBe(
      fullReportMessages(hugeReport()).length,
    );

    const long = `${'word '.repeat(9_000)}LAST-WORD`;
    const before = slack.messages.length;
    await harness.platform.messenger.send({
      interviewId: interview.id,
      recipient: { to: 'candidate' },
      text: long,
      platform: 'slack',
      conversationId: interview.platformConversationId,
      threadId: interview.platformThreadId,
      recruiterId: 'UREC',
    });
    const pieces = slack.messages.slice(before);
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.every((p) => p.text.length <= 4000 && p.thread_ts === interview.platformThreadId)).toBe(true);
    expect(pieces.at(-1)?.text).toContain('LAST-WORD');
    expect(slack.violations).toEqual([]);
  });
});
