/**
 * Multi-workspace install: the OAuth routes on the main server, two workspaces each with its own bot token,
 * tokens sealed at rest, and uninstall (or a revoked bot token) deleting them.
 */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { seal, unseal } from '../../../src/platforms/slack/install/seal.js';
import { BOT_SCOPES } from '../../../src/platforms/slack/scopes.js';
import type { FakeBot } from '../../support/fake-slack.js';
import { SlackDriver } from '../../support/slack-driver.js';
import { slackFixture } from '../../support/slack-fixture.js';
import { SIGNING_SECRET, uniqueBot } from '../../support/slack-harness.js';

const ENCRYPTION_KEY = randomBytes(32).toString('base64');
const teamA: FakeBot = uniqueBot();
const teamB: FakeBot = uniqueBot();

const { db, slack, harness, clock } = await slackFixture('slack-oauth', {
  users: [{ id: 'UADMIN', name: 'ann', is_admin: true }],
  prepare(slack) {
    for (const [code, bot] of [
      ['code-a', teamA],
      ['code-b', teamB],
    ] as const) {
      slack.installCodes.set(code, bot);
      slack.bots.set(bot.token, bot);
    }
  },
  env: {
    SLACK_BOT_TOKEN: '',
    SLACK_CLIENT_ID: '111.222',
    SLACK_CLIENT_SECRET: 'client-secret',
    SLACK_STATE_SECRET: 's'.repeat(40),
    SLACK_TOKEN_ENCRYPTION_KEY: ENCRYPTION_KEY,
  },
});

async function install(code: string): Promise<Response> {
  const start = await fetch(`${harness.baseUrl}/slack/install`, { redirect: 'manual' });
  expect(start.status).toBe(302);
  const consent = new URL(start.headers.get('location') ?? '');
  expect(consent.searchParams.get('scope')?.split(',').sort()).toEqual([...BOT_SCOPES].sort());
  const state = consent.searchParams.get('state') ?? '';
  const cookie = (start.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return fetch(`${harness.baseUrl}/slack/oauth_redirect?code=${code}&state=${encodeURIComponent(state)}`, {
    headers: { cookie },
    redirect: 'manual',
  });
}

const drivers = new Map<string, SlackDriver>();
/** One driver per workspace: its event ids must not repeat, or the dedupe rightly drops them. */
function driverFor(bot: FakeBot): SlackDriver {
  const driver = drivers.get(bot.teamId) ?? new SlackDriver(harness.baseUrl, SIGNING_SECRET, clock, bot.teamId);
  drivers.set(bot.teamId, driver);
  return driver;
}
const installationOf = async (bot: FakeBot) =>
  (await db.workspace.findUnique({ where: { platform_externalId: { platform: 'slack', externalId: bot.teamId } } }))
    ?.installation;

describe('OAuth install for several workspaces', () => {
  it('refuses a callback without the state it issued', async () => {
    const res = await fetch(`${harness.baseUrl}/slack/oauth_redirect?code=code-a&state=forged`, { redirect: 'manual' });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(await installationOf(teamA)).toBeFalsy();
  });

  it('stores an installation per workspace, with the tokens encrypted', async () => {
    expect((await install('code-a')).status).toBe(200);
    expect((await install('code-b')).status).toBe(200);
    for (const bot of [teamA, teamB]) {
      const stored = JSON.stringify(await installationOf(bot));
      expect(stored).toContain(bot.botUserId);
      expect(stored).not.toContain(bot.token);
      expect(await harness.platform.tokens.forTeam(bot.teamId)).toMatchObject({
        botToken: bot.token,
        botUserId: bot.botUserId,
      });
    }
  });

  it('answers each workspace with its own token', async () => {
    for (const bot of [teamA, teamB]) {
      const before = slack.calls.length;
      await driverFor(bot).command(
        '/interview',
        'UADMIN',
        `<@UC${bot.teamId}> backend-mid`,
        slack.responseUrl(`start-${bot.teamId}`),
      );
      await harness.platform.idle();
      const calls = slack.calls.slice(before).filter((c) => c.method !== 'respond');
      expect(calls.map((c) => c.method)).toEqual(
        expect.arrayContaining(['users.info', 'conversations.open', 'chat.postMessage']),
      );
      expect(new Set(calls.map((c) => c.token))).toEqual(new Set([bot.token]));
      expect(String(slack.responses.find((r) => r.key === `start-${bot.teamId}`)?.body.text)).toContain(
        'Started a screen',
      );
    }
  });

  it('deletes the tokens on app_uninstalled, and the workspace is answered no more', async () => {
    await driverFor(teamA).event({ type: 'app_uninstalled', event_ts: '1800000000.000001' });
    await harness.platform.idle();
    expect(await installationOf(teamA)).toBeNull();
    expect(await harness.platform.tokens.forTeam(teamA.teamId)).toBeNull();
    // Its interviews and settings stay; only the secrets go.
    expect(await db.interview.count({ where: { workspace: { externalId: teamA.teamId } } })).toBe(1);
    const before = slack.calls.length;
    expect((await driverFor(teamA).command('/interview', 'UADMIN', 'status', slack.responseUrl('after'))).status).toBe(
      200,
    );
    await harness.platform.idle();
    expect(slack.calls.slice(before)).toEqual([]);
    expect(await harness.platform.tokens.forTeam(teamB.teamId)).toMatchObject({ botToken: teamB.token });
  });

  it('deletes the tokens when the bot token is revoked, not when only user tokens are', async () => {
    await driverFor(teamB).event({
      type: 'tokens_revoked',
      tokens: { oauth: ['UINSTALLER'] },
      event_ts: '1800000000.000002',
    });
    await harness.platform.idle();
    expect(await harness.platform.tokens.forTeam(teamB.teamId)).not.toBeNull();
    await driverFor(teamB).event({
      type: 'tokens_revoked',
      tokens: { bot: [teamB.botUserId] },
      event_ts: '1800000000.000003',
    });
    await harness.platform.idle();
    expect(await installationOf(teamB)).toBeNull();
  });
});

describe('sealing', () => {
  const key = randomBytes(32);

  it('opens only with the same key and for the same workspace', () => {
    const sealed = seal(key, '{"bot":{"token":"xoxb-secret"}}', 'T1');
    expect(sealed).not.toContain('xoxb-secret');
    expect(unseal(key, sealed, 'T1')).toBe('{"bot":{"token":"xoxb-secret"}}');
    expect(() => unseal(key, sealed, 'T2')).toThrow(/could not be decrypted/);
    expect(() => unseal(randomBytes(32), sealed, 'T1')).toThrow(/could not be decrypted/);
    expect(seal(key, 'same', 'T1')).not.toBe(seal(key, 'same', 'T1'));
  });
});
