/** The pure parts of the Teams adapter: activity sorting, HTML, commands, card size and connector retries. */
import { describe, expect, it } from 'vitest';
import { followUpMessages } from '../../../src/platforms/teams/cards/follow-ups.js';
import {
  activityBytes,
  CARD_BYTE_BUDGET,
  renderTeamsCard,
  renderTeamsCardParts,
} from '../../../src/platforms/teams/cards/report-card.js';
import { parseTeamsCommand } from '../../../src/platforms/teams/commands/args.js';
import { channelOf, classifyActivity } from '../../../src/platforms/teams/normalize.js';
import { htmlToPlainText } from '../../../src/platforms/teams/text.js';
import { withConnectorRetries } from '../../../src/platforms/teams/transport/retry.js';
import { sampleReport } from '../../support/fixtures.js';
import { teamsFixture } from '../../support/teams-driver.js';

const values = {
  appId: 'app',
  tenantId: 'tenant',
  serviceUrl: 'http://127.0.0.1:1/',
  userId: '29:u',
  userName: 'U',
  aadObjectId: 'aad',
  activityId: '17',
  conversationId: 'a:c',
  channelId: '19:c@thread.tacv2',
};

describe('Teams activities', () => {
  it('turns Teams HTML into the words typed', () => {
    expect(htmlToPlainText('<p>I use <b>Node</b> &amp; SQL&nbsp;daily</p><div>second&#39;s line<br/>third</div>')).toBe(
      "I use Node & SQL daily\nsecond's line\nthird",
    );
  });

  it('removes the bot mention and numbers the others', () => {
    const activity = teamsFixture('channel-command', { ...values, command: 'interview <at>Ada</at> backend-mid' });
    (activity.entities as unknown[]).push({
      type: 'mention',
      text: '<at>Ada</at>',
      mentioned: { id: '29:ada', name: 'Ada' },
    });
    const inbound = classifyActivity(activity);
    expect(inbound).toMatchObject({
      kind: 'text',
      text: 'interview @@0 backend-mid',
      mentions: [{ id: '29:ada', name: 'Ada' }],
      conversationType: 'channel',
    });
  });

  it('sorts edits, card submits and its own messages', () => {
    expect(classifyActivity(teamsFixture('message-update', { ...values, text: 'new' }))).toMatchObject({
      kind: 'edit',
      text: 'new',
    });
    expect(
      classifyActivity(
        teamsFixture('card-submit', { ...values, cardActivityId: '1:9', interviewId: 'i', decision: 'hold' }),
      ),
    ).toMatchObject({ kind: 'decision', decision: 'hold', cardActivityId: '1:9' });
    expect(
      classifyActivity(
        teamsFixture('card-submit', { ...values, cardActivityId: '1:9', interviewId: 'i', decision: 'hire' }),
      ).kind,
    ).toBe('ignored');
    expect(
      classifyActivity({ ...teamsFixture('personal-message', { ...values, text: 'x' }), from: { id: '28:app' } }).kind,
    ).toBe('ignored');
    expect(channelOf('19:c@thread.tacv2;messageid=17')).toBe('19:c@thread.tacv2');
  });
});

describe('Teams commands', () => {
  const ada = [{ id: '29:ada', name: 'Ada' }];
  it('parses a start, and says what is wrong otherwise', () => {
    expect(parseTeamsCommand('interview @@0 Backend-Mid questions=3', ada)).toEqual({
      kind: 'start',
      candidateId: '29:ada',
      roleSlug: 'backend-mid',
      questions: 3,
    });
    expect(parseTeamsCommand('interview @@0', ada)).toMatchObject({
      kind: 'invalid',
      problem: 'Say which role the screen is for.',
    });
    expect(parseTeamsCommand('interview @@0 x questions=99', ada)).toMatchObject({
      kind: 'invalid',
      problem: 'questions must be between 1 and 15.',
    });
    expect(parseTeamsCommand('admin managers add @@0', ada)).toEqual({
      kind: 'admin_people',
      list: 'managers',
      change: 'add',
      userIds: ['29:ada'],
    });
    expect(parseTeamsCommand('admin recruiters drop @@0', ada)).toMatchObject({ kind: 'invalid', admin: true });
  });
});

describe('the Teams report card', () => {
  it('stays under the message size limit with a huge report', () => {
    const report = sampleReport('A'.repeat(5_000));
    const question = report.questions[0]!;
    report.questions = Array.from({ length: 60 }, (_, i) => ({
      ...question,
      index: i + 1,
      question: 'Q'.repeat(40_000),
    }));
    report.summary = 'S'.repeat(40_000);
    const card = renderTeamsCard(report, 'interview-1', null);
    expect(activityBytes(card)).toBeLessThanOrEqual(CARD_BYTE_BUDGET);
    expect(JSON.stringify(card)).toContain('more questions in the replies to this card');

    // The questions the card leaves out go to its thread, each message under the limit.
    const { shownQuestions } = renderTeamsCardParts(report, 'interview-1', null);
    expect(shownQuestions).toBeLessThan(60);
    const messages = followUpMessages(report, shownQuestions);
    for (const message of messages) expect(activityBytes(message)).toBeLessThanOrEqual(CARD_BYTE_BUDGET);
    const left = messages
      .filter((m) => m.text?.startsWith('Questions not on the card'))
      .map((m) => m.text)
      .join('\n');
    for (let n = shownQuestions + 1; n <= 60; n += 1) expect(left).toContain(`\n${n}. Technical`);
  });
});

describe('connector retries', () => {
  const failing = (statuses: number[]) => {
    let calls = 0;
    return {
      work: async () => {
        const status = statuses[calls++];
        if (status) throw Object.assign(new Error(`status ${status}`), { statusCode: status });
        return 'done';
      },
      calls: () => calls,
    };
  };
  const noSleep = { sleep: () => Promise.resolve() };

  it('retries 429, 412, 502 and 504, and not 403', async () => {
    const transient = failing([429, 412, 502, 504]);
    await expect(withConnectorRetries(transient.work, noSleep)).resolves.toBe('done');
    expect(transient.calls()).toBe(5);
    const refused = failing([403]);
    await expect(withConnectorRetries(refused.work, noSleep)).rejects.toThrow('status 403');
    expect(refused.calls()).toBe(1);
  });

  it('backs off with jitter, growing, and gives up after the attempts', async () => {
    const waits: number[] = [];
    const always = failing([429, 429, 429]);
    await expect(
      withConnectorRetries(always.work, {
        attempts: 3,
        baseDelayMs: 100,
        random: () => 0.99,
        sleep: async (ms) => void waits.push(ms),
      }),
    ).rejects.toThrow('status 429');
    expect(waits).toEqual([99, 198]);
  });
});
