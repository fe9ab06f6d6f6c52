/**
 * docs/slack-setup.md, step by step, against the fake Slack and the real processes: the server started with the
 * signing secret alone passes Slack's request URL check (step 1, before the app is installed, so before any bot
 * token exists); after the install the server and the worker run with the bot token (step 3), an admin sets the
 * hiring channel (step 4), and a recruiter's first screen reaches the candidate's DM (step 5).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../../src/shared/clock.js';
import { createScratchDatabase } from '../../support/db.js';
import { startFakeSlack, type FakeSlack } from '../../support/fake-slack.js';
import { spawnTs, type Spawned } from '../../support/processes.js';
import { uniquePrefix } from '../../support/redis.js';
import { SlackDriver } from '../../support/slack-driver.js';

const SECRET = 'walk-through-signing-secret';
const BOT_TOKEN = 'xoxb-walk-through-0001';
const running: Spawned[] = [];
afterEach(() => {
  for (const proc of running.splice(0)) if (proc.child.exitCode === null) proc.child.kill('SIGKILL');
});

describe('docs/slack-setup.md, in its order', () => {
  let slack: FakeSlack;
  let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
  const prefix = uniquePrefix('walk');
  beforeAll(async () => {
    // Its own database: the worker's relay would otherwise take other test files' outbox rows.
    scratch = await createScratchDatabase('slack_walk');
    slack = await startFakeSlack();
    slack.bots.set(BOT_TOKEN, { teamId: 'T1', teamName: 'Walk', token: BOT_TOKEN, botUserId: 'UBOT', botId: 'BBOT' });
    slack.users.set('UADMIN', {
      id: 'UADMIN',
      name: 'rita',
      real_name: 'Rita Admin',
      is_admin: true,
      tz: 'Europe/London',
    });
    slack.users.set('UCAND', { id: 'UCAND', name: 'ada', real_name: 'Ada Lovelace', tz: 'Europe/London' });
  });
  afterAll(async () => {
    await slack?.close();
    await scratch?.drop();
  });

  function start(entry: string, env: Record<string, string>): Spawned {
    const proc = spawnTs(entry, [], {
      PORT: '0',
      WORKER_PORT: '0',
      LOG_LEVEL: 'info',
      DATABASE_URL: scratch.url,
      QUEUE_PREFIX: prefix,
      SLACK_SIGNING_SECRET: SECRET,
      ...env,
    });
    running.push(proc);
    return proc;
  }

  async function serverAt(proc: Spawned): Promise<SlackDriver> {
    const line = await proc.waitFor(/"msg":"Screener server listening"/);
    return new SlackDriver(`http://127.0.0.1:${(JSON.parse(line) as { port: number }).port}`, SECRET, systemClock);
  }

  it('1.3: with only SLACK_SIGNING_SECRET the server starts and answers the request URL check', async () => {
    const server = start('src/process/server.ts', {});
    const driver = await serverAt(server);
    expect(server.stdout()).toMatch(
      /only SLACK_SIGNING_SECRET is set, so \/slack\/events answers Slack's URL verification and ignores everything else/,
    );
    const check = JSON.stringify({ token: 'legacy', challenge: 'challenge-from-slack-3f9', type: 'url_verification' });
    const answered = await driver.send(check, 'application/json');
    expect(answered.status).toBe(200);
    expect(JSON.parse(answered.body)).toEqual({ challenge: 'challenge-from-slack-3f9' });
    // Signed like everything else: a forged check is refused.
    expect((await driver.raw(check, { 'content-type': 'application/json' })).status).toBe(401);
    // Anything else is acknowledged and ignored, and the log says what would handle it.
    const early = await driver.command('/interview', 'UADMIN', 'help', slack.responseUrl('too-early'));
    expect(early.status).toBe(200);
    expect(slack.calls).toEqual([]);
    await server.waitFor(/Slack request ignored: set SLACK_BOT_TOKEN/);
    server.child.kill('SIGTERM');
    expect((await server.exited()).code).toBe(0);
  });

  it('2-5: after the install, with the bot token, an admin sets the hiring channel and a first screen reaches the DM', async () => {
    const env = { SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_API_URL: slack.url };
    const server = start('src/process/server.ts', env);
    const worker = start('src/process/worker.ts', env);
    const driver = await serverAt(server);
    await worker.waitFor(/"msg":"Screener worker started"/);
    const reply = async (key: string) => {
      for (let i = 0; i < 100 && !slack.responses.some((r) => r.key === key); i += 1)
        await new Promise((resolve) => setTimeout(resolve, 50));
      return String(slack.responses.find((r) => r.key === key)?.body.text ?? '');
    };

    expect(
      (await driver.command('/interview-admin', 'UADMIN', 'channel <#CHIRING|hiring>', slack.responseUrl('channel')))
        .status,
    ).toBe(200);
    expect(await reply('channel')).toContain('<#CHIRING>');
    expect(
      (await driver.command('/interview', 'UADMIN', '<@UCAND|ada> backend-mid questions=2', slack.responseUrl('start')))
        .status,
    ).toBe(200);
    expect(await reply('start')).toContain('Started a screen of <@UCAND>');

    // The worker delivers the notice and the consent question into the DM's thread.
    const inDm = () => slack.messages.filter((m) => m.channel === 'DCAND').map((m) => m.text);
    for (let i = 0; i < 200 && !inDm().some((t) => /reply "yes" or "no"/.test(t)); i += 1)
      await new Promise((resolve) => setTimeout(resolve, 50));
    expect(inDm()[0]).toContain('Back-end engineer (mid-level)');
    expect(inDm().some((t) => /reply "yes" or "no"/.test(t))).toBe(true);
    for (const proc of [server, worker]) proc.child.kill('SIGTERM');
    expect((await server.exited()).code).toBe(0);
    expect((await worker.exited()).code).toBe(0);
  }, 60_000);
});
