/** The contract driver for Teams: authenticated activities to the real CloudAdapter, the fake connector read back. */
import type { Redis } from 'ioredis';
import { ADAPTIVE_CARD_TYPE } from '../../../src/platforms/teams/cards/report-card.js';
import { ManualClock } from '../../../src/shared/clock.js';
import type { Db } from '../../../src/store/prisma.js';
import { startFakeBotConnector } from '../../support/fake-bot-connector.js';
import type { TeamsPerson } from '../../support/teams-driver.js';
import { startTeamsHarness } from '../../support/teams-harness.js';
import { startSigningKeys } from '../../support/teams-signing.js';
import type { PlatformDriver } from './driver.js';

const HIRING = '19:contract-hiring@thread.tacv2';
const candidate: TeamsPerson = {
  id: '29:contract-ada',
  name: 'Ada Lovelace',
  aadObjectId: '00000000-0000-4000-8000-0000000000ad',
};
const manager: TeamsPerson = {
  id: '29:contract-morgan',
  name: 'Morgan Manager',
  aadObjectId: '00000000-0000-4000-8000-00000000000b',
};

export async function teamsContractDriver(db: Db, redis: Redis, keyPrefix: string): Promise<PlatformDriver> {
  const connector = await startFakeBotConnector();
  const keys = await startSigningKeys();
  const clock = new ManualClock();
  const harness = await startTeamsHarness({ db, redis, connector, keys, clock, keyPrefix });
  const chat = `a:personal-${candidate.id}`;
  let interviewId = '';
  const settle = () => harness.platform.idle();
  const cardActivities = () =>
    connector.inConversation(HIRING).filter((a) => a.attachments[0]?.contentType === ADAPTIVE_CARD_TYPE);
  return {
    platform: 'teams',
    db,
    async setUp() {
      await harness.driver.command(harness.admin, HIRING, 'admin channel');
      await harness.driver.command(harness.admin, HIRING, 'admin managers add @@Morgan Manager', [manager]);
      await settle();
    },
    async start(roleSlug, questions) {
      await harness.driver.command(
        harness.admin,
        HIRING,
        `interview @@Ada Lovelace ${roleSlug} questions=${questions}`,
        [candidate],
      );
      await settle();
      interviewId = (
        await db.interview.findFirstOrThrow({
          where: { workspace: { externalId: harness.tenantId }, candidate: { platformUserId: candidate.id } },
        })
      ).id;
      return interviewId;
    },
    async candidateSays(text) {
      const ref = harness.driver.nextActivityId();
      await harness.driver.say(candidate, chat, text, ref);
      await settle();
      return { ref };
    },
    async redeliver(sent, text) {
      await harness.driver.say(candidate, chat, text, sent.ref);
      await settle();
    },
    async edit(sent, text) {
      await harness.driver.edit(candidate, chat, sent.ref, text);
      await settle();
    },
    candidateReceived: () => connector.inConversation(chat).map((a) => a.text),
    deliver: () => harness.deliver(interviewId),
    advanceClock: (ms) => void clock.advance(ms),
    postCard: async () => void (await harness.postCard(interviewId)),
    cards: () => cardActivities().map((a) => JSON.stringify(a.attachments[0]?.content)),
    async decide(decision) {
      const card = cardActivities()[0];
      if (!card) throw new Error('no card to decide on');
      await harness.driver.decide(manager, HIRING, card.id, interviewId, decision);
      await settle();
    },
    async close() {
      await harness.close();
      await connector.close();
      await keys.close();
    },
  };
}
