/** Socket Mode: with SLACK_APP_TOKEN the app connects out over a WebSocket instead of listening for HTTP. */
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/shared/clock.js';
import type { Db } from '../../../src/store/prisma.js';
import { createTestDb } from '../../support/db.js';
import { startFakeSlack, type FakeSlack } from '../../support/fake-slack.js';
import { deleteKeys, TEST_REDIS_URL, uniquePrefix } from '../../support/redis.js';
import { startHarness, type Harness } from '../../support/slack-harness.js';
import { startFakeSocketMode, type FakeSocketMode } from '../../support/slack-socket.js';

const APP_TOKEN = 'xapp-1-AFAKE-1234567890-abcdef';
let db: Db;
let redis: Redis;
let slack: FakeSlack;
let socket: FakeSocketMode;
let harness: Harness;
const prefix = uniquePrefix('slack-socket');

beforeAll(async () => {
  db = createTestDb();
  redis = new Redis(TEST_REDIS_URL);
  [slack, socket] = await Promise.all([startFakeSlack(), startFakeSocketMode()]);
  slack.socketUrl = socket.url;
  slack.users.set('UADMIN', { id: 'UADMIN', name: 'ann', is_admin: true });
  harness = await startHarness({ db, redis, slack, clock: new ManualClock(), keyPrefix: prefix, env: { SLACK_APP_TOKEN: APP_TOKEN } });
});

afterAll(async () => {
  await harness.close();
  await socket.close();
  await slack.close();
  await deleteKeys(prefix);
  redis.disconnect();
  await db.$disconnect();
});

describe('Socket Mode', () => {
  it('connects with the app-level token and takes no HTTP deliveries', async () => {
    await socket.connected();
    expect(harness.platform.transport).toBe('socket');
    expect(slack.callsTo('apps.connections.open').map((c) => c.token)).toContain(APP_TOKEN);
    const res = await fetch(`${harness.baseUrl}/slack/events`, { method: 'POST', body: '{}' });
    expect(res.status).toBe(404);
  });

  it('handles a slash command end to end: acknowledged over the socket, screen started', async () => {
    const ack = await socket.send('slash_commands', {
      token: 'legacy',
      team_id: harness.bot.teamId,
      team_domain: 'test',
      channel_id: 'CGENERAL',
      user_id: 'UADMIN',
      command: '/interview',
      text: '<@USOCKET> backend-senior',
      api_app_id: 'AFAKE',
      response_url: slack.responseUrl('socket'),
      trigger_id: 'trigger.socket',
    });
    expect(ack.envelope_id).toBeTruthy();
    await harness.platform.idle();
    const interview = await db.interview.findFirstOrThrow({ where: { candidate: { platformUserId: 'USOCKET' }, workspace: { externalId: harness.bot.teamId } } });
    expect(interview.platformConversationId).toBe('DSOCKET');
    const root = slack.messages.find((m) => m.channel === 'DSOCKET' && m.ts === interview.platformThreadId);
    expect(root?.text).toContain('Back-end engineer (senior)');
    expect(root?.token).toBe(harness.bot.token);
    expect(String(slack.responses.find((r) => r.key === 'socket')?.body.text)).toContain('Started a screen of <@USOCKET>');
  });
});
