/**
 * Inbound authentication by the SDK, for real: unsigned, wrongly signed, wrong-audience, expired and wrong-issuer
 * tokens each get 401 and reach neither the engine nor the Bot Connector; a correct token is answered 200 at once
 * with the work done after the ack. And outbound calls retried on 429/502, not on 403.
 */
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEnv } from '../../../src/config/env.js';
import { ManualClock } from '../../../src/shared/clock.js';
import type { Db } from '../../../src/store/prisma.js';
import { createTestDb } from '../../support/db.js';
import { startFakeBotConnector, type FakeBotConnector } from '../../support/fake-bot-connector.js';
import { deleteKeys, TEST_REDIS_URL, uniquePrefix } from '../../support/redis.js';
import { startTeamsHarness, type TeamsHarness } from '../../support/teams-harness.js';
import { startSigningKeys, type SigningKeys } from '../../support/teams-signing.js';

let db: Db;
let redis: Redis;
let connector: FakeBotConnector;
let keys: SigningKeys;
let harness: TeamsHarness;
const prefix = uniquePrefix('teams-auth');

beforeAll(async () => {
  db = createTestDb();
  redis = new Redis(TEST_REDIS_URL);
  connector = await startFakeBotConnector();
  keys = await startSigningKeys();
  harness = await startTeamsHarness({ db, redis, connector, keys, clock: new ManualClock(), keyPrefix: prefix });
});

afterAll(async () => {
  await harness.close();
  await connector.close();
  await keys.close();
  await deleteKeys(prefix);
  redis.disconnect();
  await db.$disconnect();
});

const HIRING = '19:auth-channel@thread.tacv2';

async function expectRefused(send: (activity: Record<string, unknown>) => Promise<{ status: number }>): Promise<void> {
  const before = connector.calls.length;
  const activity = harness.driver.commandActivity(harness.admin, HIRING, 'admin channel');
  expect((await send(activity)).status).toBe(401);
  await harness.platform.idle();
  expect(connector.calls.slice(before)).toEqual([]);
  expect(await db.workspace.count({ where: { platform: 'teams', externalId: harness.tenantId } })).toBe(0);
}

describe('Teams inbound authentication', () => {
  it('refuses a request without a token', async () => {
    await expectRefused((activity) => harness.driver.post(activity, {}));
  });

  it('refuses a token signed with a key the metadata does not publish', async () => {
    await expectRefused((activity) => harness.driver.signed(activity, { unpublishedKey: true }));
  });

  it('refuses a token for another audience', async () => {
    await expectRefused((activity) =>
      harness.driver.signed(activity, { audience: '11111111-2222-4333-8444-555555555555' }),
    );
  });

  it('refuses an expired token (beyond the five minutes of clock skew the SDK allows)', async () => {
    await expectRefused((activity) => harness.driver.signed(activity, { expiresIn: -600 }));
  });

  it('refuses a token from another issuer', async () => {
    await expectRefused((activity) => harness.driver.signed(activity, { issuer: 'https://sts.example.com/' }));
  });

  it("refuses a token whose service URL claim is not the activity's", async () => {
    await expectRefused((activity) =>
      harness.driver.signed(activity, { serviceUrl: 'https://smba.trafficmanager.net/evil/' }),
    );
  });

  it('accepts a correctly signed activity, acknowledges it and then does the work', async () => {
    const sent = await harness.driver.command(harness.admin, HIRING, 'admin channel');
    expect(sent.status).toBe(200);
    await harness.platform.idle();
    expect(connector.inConversation(HIRING).at(-1)?.text).toBe('Report cards will be posted in this channel.');
    expect(keys.fetches).toEqual(expect.arrayContaining(['/openid', '/keys']));
  });
});

describe('Teams outbound retries', () => {
  it('retries 429 and 502 from the connector and then delivers', async () => {
    connector.failNext('/activities', 429, 502);
    const sent = await harness.driver.command(harness.admin, HIRING, 'admin show');
    expect(sent.status).toBe(200);
    await harness.platform.idle();
    const statuses = connector.calls
      .filter((c) => c.path.includes('/activities'))
      .slice(-3)
      .map((c) => c.status);
    expect(statuses).toEqual([429, 502, 201]);
    expect(connector.inConversation(HIRING).at(-1)?.text).toMatch(/Hiring channel/);
  });
});

describe('Teams configuration', () => {
  it('refuses unauthenticated mode in production', () => {
    const parsed = parseEnv({
      NODE_ENV: 'production',
      DATABASE_URL: 'postgresql://db/x',
      REDIS_URL: 'redis://r:6379',
      TEAMS_ALLOW_UNAUTHENTICATED: 'true',
      TEAMS_APP_ID: 'a',
      TEAMS_APP_PASSWORD: 'b',
      TEAMS_TENANT_ID: 'c',
    });
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? [] : parsed.problems.map((p) => p.variable)).toEqual(['TEAMS_ALLOW_UNAUTHENTICATED']);
  });

  it('requires the credentials when any Teams variable is set', () => {
    const parsed = parseEnv({ TEAMS_ADMIN_IDS: '00000000-0000-4000-8000-00000000a0a0' });
    expect(parsed.ok ? [] : parsed.problems.map((p) => p.variable).sort()).toEqual([
      'TEAMS_APP_ID',
      'TEAMS_APP_PASSWORD',
      'TEAMS_TENANT_ID',
    ]);
  });
});
