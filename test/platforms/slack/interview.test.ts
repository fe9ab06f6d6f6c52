/**
 * A whole screen through the real Slack app over signed HTTP: workspace setup, /interview, the candidate's DM
 * thread from consent to the close, scoring, the report card in the hiring channel, a decision click and a second
 * click after it. Every Web API call lands in the fake, whose recordings are what is asserted.
 */
import { describe, expect, it } from 'vitest';
import { DECISION_ACTION_PREFIX, FULL_REPORT_ACTION } from '../../../src/platforms/slack/cards/card-actions.js';
import { REPORT_EVENT_TYPE } from '../../../src/platforms/slack/delivery/report-destination.js';
import type { FakeMessage } from '../../support/fake-slack.js';
import { createInterviewRows } from '../../support/fixtures.js';
import { dmMessage } from '../../support/slack-driver.js';
import { slackFixture } from '../../support/slack-fixture.js';

const ANSWER =
  'I design REST APIs in Node with PostgreSQL: I add indexes for the slow queries I find with EXPLAIN ANALYZE, wrap multi-step writes in ' +
  'transactions, cache hot reads in Redis with a TTL, and retry idempotent calls with backoff. For example, I cut checkout latency from ' +
  '800 ms to 120 ms by adding a composite index and batching the inventory look-ups, and I measured it before and after.';

const users = [
  { id: 'UADMIN', name: 'alice', real_name: 'Alice Admin', is_admin: true },
  { id: 'UMGR', name: 'morgan', real_name: 'Morgan Manager' },
  { id: 'UCAND', name: 'ada', real_name: 'Ada Lovelace', tz: 'Europe/London' },
];
const { db, slack, harness, clock } = await slackFixture('slack-e2e', { users });

const thread = (channel: string, ts: string) =>
  slack.messages.filter((m) => m.channel === channel && m.thread_ts === ts);
const responseTexts = (key: string) => slack.responses.filter((r) => r.key === key).map((r) => String(r.body.text));

async function command(name: string, userId: string, text: string, key: string): Promise<string> {
  const sent = await harness.driver.command(name, userId, text, slack.responseUrl(key));
  expect(sent.status).toBe(200);
  await harness.platform.idle();
  return responseTexts(key).at(-1) ?? '';
}

let tsSeq = 0;
async function candidateSays(channel: string, threadTs: string, text: string): Promise<void> {
  tsSeq += 1;
  const sent = await harness.driver.event(
    dmMessage({ channel, user: 'UCAND', text, ts: `1800000000.${String(tsSeq).padStart(6, '0')}`, threadTs }),
  );
  expect(sent.status).toBe(200);
  // The work happens after the ack: wait for it before the clock moves on.
  await harness.platform.idle();
}

function cardIn(channel: string): FakeMessage | undefined {
  return slack.messages.find((m) => m.channel === channel && m.metadata?.event_type === REPORT_EVENT_TYPE);
}

function blockTexts(message: FakeMessage): string {
  return JSON.stringify(message.blocks);
}

describe('a screen from /interview to a decision', () => {
  let interviewId = '';
  let dm = '';
  let root = '';

  it('sets up the workspace: hiring channel and a hiring manager, by an admin', async () => {
    expect(await command('/interview-admin', 'UADMIN', 'channel <#CHIRING|hiring>', 'setup-1')).toContain('<#CHIRING>');
    expect(await command('/interview-admin', 'UADMIN', 'managers add <@UMGR>', 'setup-2')).toContain('<@UMGR>');
  });

  it('starts the screen: a DM with a root message naming the role and the recruiter', async () => {
    const reply = await command('/interview', 'UADMIN', '<@UCAND|ada> backend-mid questions=2', 'start');
    expect(reply).toContain('Started a screen of <@UCAND>');
    const interview = await db.interview.findFirstOrThrow({
      where: {
        recruiterId: 'UADMIN',
        candidate: { platformUserId: 'UCAND' },
        workspace: { externalId: harness.bot.teamId },
      },
      include: { candidate: true },
    });
    interviewId = interview.id;
    dm = interview.platformConversationId ?? '';
    root = interview.platformThreadId ?? '';
    expect(slack.callsTo('conversations.open').at(-1)?.body.users).toBe('UCAND');
    expect(dm).toBe('DCAND');
    const rootMessage = slack.messages.find((m) => m.channel === dm && m.ts === root);
    expect(rootMessage?.text).toContain('Back-end engineer (mid-level)');
    expect(rootMessage?.text).toContain('<@UADMIN>');
    expect(interview.candidate?.displayName).toBe('Ada Lovelace');
    expect(interview.candidate?.timeZone).toBe('Europe/London');
  });

  it('runs the interview in the root message thread, from consent to the close', async () => {
    await harness.deliver(interviewId);
    expect(
      thread(dm, root)
        .map((m) => m.text)
        .join('\n'),
    ).toMatch(/reply "yes" or "no"/);
    await candidateSays(dm, root, 'yes');
    await harness.deliver(interviewId);
    expect(thread(dm, root).at(-1)?.text).toMatch(/^Introduction: /);
    for (
      let guard = 0;
      guard < 12 && !/That was the last question/.test(thread(dm, root).at(-1)?.text ?? '');
      guard += 1
    ) {
      await candidateSays(dm, root, ANSWER);
      clock.advance(16_000);
      await harness.deliver(interviewId);
    }
    const said = thread(dm, root).map((m) => m.text);
    expect(said.at(-1)).toMatch(/That was the last question/);
    expect(said.filter((t) => /^Question \d+ \(\w+, \d of 2 planned\)/.test(t))).toHaveLength(2);
    // Everything the candidate is told goes in the thread, nothing at the top of the DM but the root message.
    expect(slack.messages.filter((m) => m.channel === dm && !m.thread_ts).map((m) => m.ts)).toEqual([root]);
  });

  it('posts the report card with its contents and buttons in the hiring channel', async () => {
    for (let guard = 0; guard < 10 && !(await db.report.findUnique({ where: { interviewId } })); guard += 1) {
      clock.advance(30_000);
      await harness.deliver(interviewId);
    }
    await harness.postCard(interviewId);
    const card = cardIn('CHIRING');
    expect(card).toBeDefined();
    const blocks = card!.blocks as Array<{
      type: string;
      text?: { text: string };
      elements?: Array<{ action_id?: string; value?: string }>;
    }>;
    expect(blocks[0]?.type).toBe('header');
    expect(blocks[0]?.text?.text).toContain('Ada Lovelace');
    expect(blocks[0]?.text?.text).toContain('Back-end engineer (mid-level)');
    const all = blockTexts(card!);
    for (const words of [
      'Final score',
      'Technical accuracy',
      'Completeness',
      'Clarity',
      'Depth',
      'Practicality',
      'Technical',
      'Behavioral',
      'Profile',
      'Recommendation',
      'Scored by',
    ]) {
      expect(all).toContain(words);
    }
    expect(all).toMatch(/1\. Technical: \*\d/);
    const actions = blocks.find((b) => b.type === 'actions')?.elements ?? [];
    expect(actions.map((a) => a.action_id)).toEqual([
      `${DECISION_ACTION_PREFIX}advance`,
      `${DECISION_ACTION_PREFIX}hold`,
      `${DECISION_ACTION_PREFIX}reject`,
      FULL_REPORT_ACTION,
    ]);
    expect(actions.every((a) => a.value === interviewId)).toBe(true);
  });

  it('refuses a decision from someone who is neither manager, recruiter nor admin', async () => {
    const card = cardIn('CHIRING')!;
    await harness.driver.click({
      userId: 'UOTHER',
      actionId: `${DECISION_ACTION_PREFIX}reject`,
      value: interviewId,
      channelId: 'CHIRING',
      messageTs: card.ts,
      responseUrl: slack.responseUrl('other'),
    });
    await harness.platform.idle();
    expect(responseTexts('other').at(-1)).toMatch(/Only hiring managers/);
    expect(await db.decision.count({ where: { interviewId } })).toBe(0);
  });

  it("refuses a click naming another workspace's interview", async () => {
    const foreign = await createInterviewRows(db, { status: 'scored' });
    const card = cardIn('CHIRING')!;
    await harness.driver.click({
      userId: 'UMGR',
      actionId: `${DECISION_ACTION_PREFIX}reject`,
      value: foreign.interview.id,
      channelId: 'CHIRING',
      messageTs: card.ts,
      responseUrl: slack.responseUrl('foreign'),
    });
    await harness.platform.idle();
    expect(responseTexts('foreign').at(-1)).toBe('This screen no longer exists.');
    expect(await db.decision.count({ where: { interviewId: foreign.interview.id } })).toBe(0);
  });

  it("records a hiring manager's decision and shows it on the card", async () => {
    const card = cardIn('CHIRING')!;
    const sent = await harness.driver.click({
      userId: 'UMGR',
      actionId: `${DECISION_ACTION_PREFIX}advance`,
      value: interviewId,
      channelId: 'CHIRING',
      messageTs: card.ts,
      responseUrl: slack.responseUrl('decide'),
    });
    expect(sent.status).toBe(200);
    await harness.deliver(interviewId);
    const decision = await db.decision.findUniqueOrThrow({ where: { interviewId } });
    expect(decision).toMatchObject({ decision: 'advance', deciderId: 'UMGR' });
    expect(
      await db.auditEvent.count({ where: { subject: `interview:${interviewId}`, action: 'decision.recorded' } }),
    ).toBe(1);
    const updated = JSON.stringify(cardIn('CHIRING')!.blocks);
    expect(updated).toContain('Decision: Advance*, by <@UMGR>');
    expect(updated).not.toContain(`${DECISION_ACTION_PREFIX}reject`);
    expect(updated).toContain(FULL_REPORT_ACTION);
    // The engine's own word to the decider arrives by DM.
    expect(slack.messages.some((m) => m.channel === 'DMGR' && /Decision recorded: advance/.test(m.text))).toBe(true);
  });

  it('answers a second click that the screen is already decided, and changes nothing', async () => {
    const card = cardIn('CHIRING')!;
    await harness.driver.click({
      userId: 'UADMIN',
      actionId: `${DECISION_ACTION_PREFIX}reject`,
      value: interviewId,
      channelId: 'CHIRING',
      messageTs: card.ts,
      responseUrl: slack.responseUrl('again'),
    });
    await harness.platform.idle();
    expect(responseTexts('again').at(-1)).toMatch(/already decided.*Advance/);
    expect((await db.decision.findUniqueOrThrow({ where: { interviewId } })).decision).toBe('advance');
  });

  it('posts the full report in the card thread once', async () => {
    const card = cardIn('CHIRING')!;
    for (const key of ['full-1', 'full-2']) {
      await harness.driver.click({
        userId: 'UMGR',
        actionId: FULL_REPORT_ACTION,
        value: interviewId,
        channelId: 'CHIRING',
        messageTs: card.ts,
        responseUrl: slack.responseUrl(key),
      });
      await harness.platform.idle();
    }
    const parts = thread('CHIRING', card.ts);
    expect(parts.length).toBeGreaterThan(0);
    expect(JSON.stringify(parts.map((p) => p.blocks))).toContain('Ada Lovelace');
    expect(responseTexts('full-2').at(-1)).toMatch(/already in this card's thread/);
  });

  it("lists the recruiter's screens with /interview status and on the App Home tab", async () => {
    expect(await command('/interview', 'UADMIN', 'status', 'status')).toMatch(/no open screens/);
    await harness.driver.event({
      type: 'app_home_opened',
      user: 'UADMIN',
      channel: 'DADMIN',
      tab: 'home',
      event_ts: '1800000100.000001',
    });
    await harness.platform.idle();
    const view = slack.callsTo('views.publish').at(-1)?.body.view as { blocks: unknown[] };
    expect(JSON.stringify(view.blocks)).toContain('<@UCAND>');
    expect(JSON.stringify(view.blocks)).toContain('decided: *Advance* by <@UMGR>');
  });

  it('sent nothing Slack would refuse', () => {
    expect(slack.violations).toEqual([]);
  });
});
