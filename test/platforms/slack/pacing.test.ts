/** Posting respects Slack's one limiter per channel, shared through Redis by every process. */
import { describe, expect, it } from 'vitest';
import { slackFixture } from '../../support/slack-fixture.js';

const INTERVAL_MS = 250;
const { db, slack, harness } = await slackFixture('slack-pace', {
  users: [{ id: 'UREC', name: 'rita', is_admin: true }],
  postIntervalMs: INTERVAL_MS,
});

describe('pacing', () => {
  it('spaces posts to one channel by the interval, however many senders there are', async () => {
    await harness.driver.command('/interview', 'UREC', '<@UPACE> backend-mid', slack.responseUrl('start'));
    await harness.platform.idle();
    const interview = await db.interview.findFirstOrThrow({ where: { workspace: { externalId: harness.bot.teamId } } });
    const message = (text: string) => ({
      interviewId: interview.id,
      recipient: { to: 'candidate' as const },
      text,
      platform: 'slack' as const,
      conversationId: interview.platformConversationId,
      threadId: interview.platformThreadId,
      recruiterId: 'UREC',
    });
    const before = slack.callsTo('chat.postMessage').length;
    await Promise.all(['one', 'two', 'three'].map((t) => harness.platform.messenger.send(message(t))));
    const calls = slack.callsTo('chat.postMessage').slice(before);
    expect(calls).toHaveLength(3);
    const times = calls.map((c) => c.at);
    for (let i = 1; i < times.length; i += 1)
      expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(INTERVAL_MS - 30);
    expect(
      slack.messages
        .filter((m) => m.thread_ts === interview.platformThreadId)
        .map((m) => m.text)
        .sort(),
    ).toEqual(['one', 'three', 'two']);
  });
});
