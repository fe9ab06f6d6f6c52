/**
 * A whole screen through the real Teams bot over authenticated HTTP: admin settings, the start command with a
 * mention, the candidate's 1:1 conversation from consent to the close, an edit, the report card as an Adaptive
 * Card in the hiring channel, a decision that updates the card in place and a second one that is refused.
 */
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADAPTIVE_CARD_TYPE } from '../../../src/platforms/teams/cards/report-card.js';
import { ManualClock } from '../../../src/shared/clock.js';
import type { Db } from '../../../src/store/prisma.js';
import { createTestDb } from '../../support/db.js';
import { startFakeBotConnector, type FakeBotConnector, type PostedActivity } from '../../support/fake-bot-connector.js';
import { deleteKeys, TEST_REDIS_URL, uniquePrefix } from '../../support/redis.js';
import type { TeamsPerson } from '../../support/teams-driver.js';
import { startTeamsHarness, type TeamsHarness } from '../../support/teams-harness.js';
import { startSigningKeys, type SigningKeys } from '../../support/teams-signing.js';

let db: Db;
let redis: Redis;
let connector: FakeBotConnector;
let keys: SigningKeys;
let harness: TeamsHarness;
const clock = new ManualClock();
const prefix = uniquePrefix('teams-e2e');
const HIRING = '19:hiring-channel@thread.tacv2';
const candidate: TeamsPerson = {
  id: '29:candidate-ada',
  name: 'Ada Lovelace',
  aadObjectId: '00000000-0000-4000-8000-0000000000ad',
};
const manager: TeamsPerson = {
  id: '29:manager-morgan',
  name: 'Morgan Manager',
  aadObjectId: '00000000-0000-4000-8000-00000000000b',
};
const outsider: TeamsPerson = {
  id: '29:someone-else',
  name: 'Sam Someone',
  aadObjectId: '00000000-0000-4000-8000-00000000000c',
};

const ANSWER =
  'I design REST APIs in Node with PostgreSQL: I add indexes for the slow queries I find with EXPLAIN ANALYZE, wrap multi-step writes in ' +
  'transactions, cache hot reads in Redis with a TTL, and retry idempotent calls with backoff. For example, I cut checkout latency from ' +
  '800 ms to 120 ms by adding a composite index and batching the inventory look-ups, and I measured it before and after.';

beforeAll(async () => {
  db = createTestDb();
  redis = new Redis(TEST_REDIS_URL);
  connector = await startFakeBotConnector();
  keys = await startSigningKeys();
  harness = await startTeamsHarness({ db, redis, connector, keys, clock, keyPrefix: prefix });
});

afterAll(async () => {
  await harness.close();
  await connector.close();
  await keys.close();
  await deleteKeys(prefix);
  redis.disconnect();
  await db.$disconnect();
});

const lastText = (conversationId: string) => connector.inConversation(conversationId).at(-1)?.text ?? '';
const personal = (person: TeamsPerson) => `a:personal-${person.id}`;

async function command(person: TeamsPerson, text: string, mentions: TeamsPerson[] = []): Promise<string> {
  const sent = await harness.driver.command(person, HIRING, text, mentions);
  expect(sent.status).toBe(200);
  await harness.platform.idle();
  return lastText(HIRING);
}

async function candidateSays(text: string): Promise<string> {
  const activityId = harness.driver.nextActivityId();
  const sent = await harness.driver.say(candidate, personal(candidate), text, activityId);
  expect(sent.status).toBe(200);
  await harness.platform.idle();
  return activityId;
}

function card(): PostedActivity | undefined {
  return connector.inConversation(HIRING).find((a) => a.attachments[0]?.contentType === ADAPTIVE_CARD_TYPE);
}

describe('a Teams screen from the start command to a decision', () => {
  let interviewId = '';

  it('sets up the tenant: hiring channel and a hiring manager, by an admin', async () => {
    expect(await command(harness.admin, 'admin channel')).toBe('Report cards will be posted in this channel.');
    expect(await command(harness.admin, 'admin managers add @@Morgan Manager', [manager])).toBe(
      'Hiring managers: 1 person.',
    );
    expect(await command(outsider, 'admin recruiters add @@Sam Someone', [outsider])).toMatch(/Only the admins/);
    const workspace = await db.workspace.findFirstOrThrow({
      where: { platform: 'teams', externalId: harness.tenantId },
    });
    expect(workspace.hiringManagerIds).toEqual([manager.id]);
    expect(workspace.hiringChannelId).toBe(HIRING);
  });

  it('refuses a start from someone who is not a recruiter, and explains bad usage', async () => {
    expect(await command(outsider, 'interview @@Ada Lovelace backend-mid', [candidate])).toMatch(/Only recruiters/);
    expect(await command(harness.admin, 'interview Ada backend-mid')).toMatch(/"Ada" is not a person[\s\S]*Usage/);
    expect(await command(harness.admin, 'interview @@Ada Lovelace nope', [candidate])).toMatch(
      /There is no role "nope"/,
    );
  });

  it('tells the recruiter how to install the app when Teams refuses the 1:1 chat', async () => {
    connector.notInstalled.add(candidate.id);
    const reply = await command(harness.admin, 'interview @@Ada Lovelace backend-mid questions=2', [candidate]);
    connector.notInstalled.delete(candidate.id);
    expect(reply).toMatch(/not installed for them/);
    expect(reply).toMatch(/teamwork\/installedApps/);
    expect(await db.interview.count({ where: { workspace: { externalId: harness.tenantId } } })).toBe(0);
  });

  it('starts the screen in a proactive 1:1 conversation with the candidate', async () => {
    const reply = await command(harness.admin, 'interview @@Ada Lovelace backend-mid questions=2', [candidate]);
    expect(reply).toMatch(/Started a screen of Ada Lovelace for \*\*Back-end engineer/);
    const create = connector.calls.filter((c) => c.path === '/v3/conversations').at(-1);
    expect(create?.body).toMatchObject({ isGroup: false, tenantId: harness.tenantId, members: [{ id: candidate.id }] });
    expect(create?.authorization).toMatch(/^Bearer fake-access-token-/);
    const interview = await db.interview.findFirstOrThrow({
      where: {
        platform: 'teams',
        candidate: { platformUserId: candidate.id },
        workspace: { externalId: harness.tenantId },
      },
      include: { candidate: true },
    });
    interviewId = interview.id;
    expect(interview.platformConversationId).toBe(personal(candidate));
    expect(interview.candidate?.displayName).toBe('Ada Lovelace');
  });

  it('runs the interview in the 1:1 conversation, with HTML normalized and an edit forwarded', async () => {
    await harness.deliver(interviewId);
    expect(
      connector
        .inConversation(personal(candidate))
        .map((a) => a.text)
        .join('\n'),
    ).toMatch(/reply "yes" or "no"/);
    await candidateSays('<p>yes</p>');
    await harness.deliver(interviewId);
    expect(lastText(personal(candidate))).toMatch(/^Introduction: /);
    const intro = await candidateSays('I am a back-end developer &amp; I like <b>PostgreSQL</b>');
    const edit = await harness.driver.edit(
      candidate,
      personal(candidate),
      intro,
      'I am a back-end developer who builds APIs in Node and PostgreSQL',
    );
    expect(edit.status).toBe(200);
    await harness.platform.idle();
    for (let guard = 0; guard < 12 && !/That was the last question/.test(lastText(personal(candidate))); guard += 1) {
      clock.advance(16_000);
      await harness.deliver(interviewId);
      if (/That was the last question/.test(lastText(personal(candidate)))) break;
      await candidateSays(ANSWER);
    }
    const said = connector.inConversation(personal(candidate)).map((a) => a.text);
    expect(said.at(-1)).toMatch(/That was the last question/);
    expect(said.filter((t) => /^Question \d+ \(\w+, \d of 2 planned\)/.test(t))).toHaveLength(2);
    const introduction = await db.answer.findFirstOrThrow({ where: { turn: { interviewId, kind: 'introduction' } } });
    // The edit replaced the words; the first text, with its HTML normalized, is kept in the edit history.
    expect(introduction.text).toBe('I am a back-end developer who builds APIs in Node and PostgreSQL');
    expect(JSON.stringify(introduction.editHistory)).toContain('I am a back-end developer & I like PostgreSQL');
    expect(introduction.platformMessageIds).toEqual([`${harness.tenantId}:${personal(candidate)}:${intro}`]);
  });

  it('posts the report card as an Adaptive Card with the whole content and the decision actions', async () => {
    for (let guard = 0; guard < 10 && !(await db.report.findUnique({ where: { interviewId } })); guard += 1) {
      clock.advance(30_000);
      await harness.deliver(interviewId);
    }
    await harness.postCard(interviewId);
    await harness.postCard(interviewId);
    const posted = connector.inConversation(HIRING).filter((a) => a.attachments[0]?.contentType === ADAPTIVE_CARD_TYPE);
    expect(posted).toHaveLength(1);
    const content = posted[0]!.attachments[0]!.content;
    expect(content).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
    const all = JSON.stringify(content.body);
    for (const words of [
      'Ada Lovelace',
      'Back-end engineer',
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
    expect(all).toMatch(/1\. Technical: \*\*\d/);
    const actions = content.actions as Array<{ type: string; data: { decision: string; interviewId: string } }>;
    expect(actions.map((a) => [a.type, a.data.decision])).toEqual([
      ['Action.Submit', 'advance'],
      ['Action.Submit', 'hold'],
      ['Action.Submit', 'reject'],
    ]);
    expect(actions.every((a) => a.data.interviewId === interviewId)).toBe(true);
  });

  it('refuses a decision from someone who is neither manager nor recruiter', async () => {
    await harness.driver.decide(outsider, HIRING, card()!.id, interviewId, 'reject');
    await harness.platform.idle();
    expect(lastText(HIRING)).toMatch(/Only hiring managers and recruiters/);
    expect(await db.decision.count({ where: { interviewId } })).toBe(0);
  });

  it("records a hiring manager's decision and updates the card in place", async () => {
    const sent = await harness.driver.decide(manager, HIRING, card()!.id, interviewId, 'advance');
    expect(sent.status).toBe(200);
    await harness.deliver(interviewId);
    expect(await db.decision.findUniqueOrThrow({ where: { interviewId } })).toMatchObject({
      decision: 'advance',
      deciderId: manager.id,
    });
    const updated = card()!;
    expect(updated.updates).toBe(1);
    expect(
      connector.calls.some(
        (c) => c.method === 'PUT' && c.path.endsWith(`/activities/${encodeURIComponent(updated.id)}`),
      ),
    ).toBe(true);
    expect(JSON.stringify(updated.attachments[0]!.content.body)).toContain('Decision: **Advance**');
    expect(updated.attachments[0]!.content.actions).toEqual([]);
    expect(connector.inConversation(personal(manager)).some((a) => /Decision recorded: advance/.test(a.text))).toBe(
      true,
    );
  });

  it('answers a second decision politely and changes nothing', async () => {
    await harness.driver.decide(harness.admin, HIRING, card()!.id, interviewId, 'reject');
    await harness.platform.idle();
    expect(lastText(HIRING)).toMatch(/already decided.*Advance/);
    expect((await db.decision.findUniqueOrThrow({ where: { interviewId } })).decision).toBe('advance');
  });
});
