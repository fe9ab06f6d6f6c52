/** The contract driver for Slack: signed requests to the real Bolt app, the fake Web API's recordings read back. */
import type { Redis } from 'ioredis';
import { DECISION_ACTION_PREFIX } from '../../../src/platforms/slack/cards/card-actions.js';
import { REPORT_EVENT_TYPE } from '../../../src/platforms/slack/delivery/report-destination.js';
import type { Db } from '../../../src/store/prisma.js';
import { dmMessage } from '../../support/slack-driver.js';
import { startSlackFixture } from '../../support/slack-fixture.js';
import type { PlatformDriver } from './driver.js';

export async function slackContractDriver(db: Db, redis: Redis, keyPrefix: string): Promise<PlatformDriver> {
  const users = [
    { id: 'UADMIN', name: 'alice', real_name: 'Alice Admin', is_admin: true },
    { id: 'UMGR', name: 'morgan', real_name: 'Morgan Manager' },
    { id: 'UCAND', name: 'ada', real_name: 'Ada Lovelace' },
  ];
  const fixture = await startSlackFixture({ label: 'contract-slack', db, redis, prefix: keyPrefix, users });
  const { slack, harness, clock } = fixture;
  let interviewId = '';
  let seq = 0;
  const where = async () => {
    const row = await db.interview.findUniqueOrThrow({ where: { id: interviewId } });
    return { channel: row.platformConversationId ?? '', thread: row.platformThreadId ?? '' };
  };
  const command = async (name: string, userId: string, text: string) => {
    await harness.driver.command(name, userId, text, slack.responseUrl(`contract-${++seq}`));
    await harness.platform.idle();
  };
  const cardMessages = () => slack.messages.filter((m) => m.metadata?.event_type === REPORT_EVENT_TYPE);
  const message = async (text: string, ts: string) => {
    const { channel, thread } = await where();
    await harness.driver.event(dmMessage({ channel, user: 'UCAND', text, ts, threadTs: thread }));
    await harness.platform.idle();
  };
  return {
    platform: 'slack',
    db,
    async setUp() {
      await command('/interview-admin', 'UADMIN', 'channel <#CHIRING|hiring>');
      await command('/interview-admin', 'UADMIN', 'managers add <@UMGR>');
    },
    async start(roleSlug, questions) {
      await command('/interview', 'UADMIN', `<@UCAND|ada> ${roleSlug} questions=${questions}`);
      interviewId = (
        await db.interview.findFirstOrThrow({
          where: { workspace: { externalId: harness.bot.teamId }, candidate: { platformUserId: 'UCAND' } },
        })
      ).id;
      return interviewId;
    },
    async candidateSays(text) {
      const ts = `1800000000.${String(++seq).padStart(6, '0')}`;
      await message(text, ts);
      return { ref: ts };
    },
    redeliver: (sent, text) => message(text, sent.ref),
    async edit(sent, text) {
      const { channel, thread } = await where();
      const ts = `1800000001.${String(++seq).padStart(6, '0')}`;
      await harness.driver.event({
        type: 'message',
        subtype: 'message_changed',
        channel,
        channel_type: 'im',
        ts,
        event_ts: ts,
        message: { type: 'message', user: 'UCAND', text, ts: sent.ref, thread_ts: thread },
        previous_message: { type: 'message', user: 'UCAND', text: '(before)', ts: sent.ref, thread_ts: thread },
      });
      await harness.platform.idle();
    },
    candidateReceived: () => slack.messages.filter((m) => m.channel === 'DCAND' && m.thread_ts).map((m) => m.text),
    deliver: () => harness.deliver(interviewId),
    advanceClock: (ms) => void clock.advance(ms),
    postCard: async () => void (await harness.postCard(interviewId)),
    cards: () => cardMessages().map((m) => JSON.stringify(m.blocks)),
    async decide(decision) {
      const card = cardMessages()[0];
      if (!card) throw new Error('no card to decide on');
      await harness.driver.click({
        userId: 'UMGR',
        actionId: `${DECISION_ACTION_PREFIX}${decision}`,
        value: interviewId,
        channelId: 'CHIRING',
        messageTs: card.ts,
        responseUrl: slack.responseUrl(`decide-${++seq}`),
      });
      await harness.platform.idle();
    },
    close: () => fixture.close(),
  };
}
