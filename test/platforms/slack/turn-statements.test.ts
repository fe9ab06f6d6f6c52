/**
 * What one candidate message in an interview thread costs in PostgreSQL statements, so the count cannot silently
 * grow again. Today a turn is: one SELECT of the interview with its state (matched by team id), then one
 * transaction: BEGIN, the versioned UPDATE of the interview, the answer write, its AnswerMessage, the outbox row,
 * COMMIT. OAuth mode adds authorize's read of the installation.
 */
import { randomBytes } from 'node:crypto';
import type { Installation } from '@slack/oauth';
import { afterAll, describe, expect, it } from 'vitest';
import { prismaInstallationStore } from '../../../src/platforms/slack/install/installation-store.js';
import type { FakeBot, FakeSlack } from '../../support/fake-slack.js';
import { dmMessage } from '../../support/slack-driver.js';
import { startSlackFixture } from '../../support/slack-fixture.js';
import { uniqueBot, type Harness } from '../../support/slack-harness.js';
import { loggingTestDb, type StatementLog } from '../../support/statement-log.js';

const ENCRYPTION_KEY = randomBytes(32).toString('base64');
const OAUTH_ENV = {
  SLACK_BOT_TOKEN: '',
  SLACK_CLIENT_ID: '111.222',
  SLACK_CLIENT_SECRET: 'client-secret',
  SLACK_STATE_SECRET: 's'.repeat(40),
  SLACK_TOKEN_ENCRYPTION_KEY: ENCRYPTION_KEY,
};

const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/** Counts BEGIN too: Prisma reports a transaction's COMMIT but not its BEGIN. */
const countOf = (statements: string[]) => statements.length + statements.filter((s) => s === 'COMMIT').length;

function installationOf(bot: FakeBot): Installation<'v2', false> {
  return {
    team: { id: bot.teamId, name: bot.teamName },
    enterprise: undefined,
    user: { id: 'UADMIN', token: undefined, scopes: undefined },
    bot: { token: bot.token, userId: bot.botUserId, id: bot.botId, scopes: ['chat:write'] },
    isEnterpriseInstall: false,
  };
}

async function setUp(mode: 'single' | 'oauth'): Promise<{ log: StatementLog; slack: FakeSlack; harness: Harness }> {
  const log = loggingTestDb();
  const bot = uniqueBot();
  const users = [
    { id: 'UADMIN', name: 'ann', real_name: 'Ann Admin', is_admin: true },
    { id: 'UCAND', name: 'ada', real_name: 'Ada Lovelace', tz: 'Europe/London' },
  ];
  const fixture = await startSlackFixture({
    label: `slack-turn-sql-${mode}`,
    db: log.db,
    bot,
    users,
    ...(mode === 'oauth' ? { env: OAUTH_ENV } : {}),
  });
  const { slack, harness, clock } = fixture;
  if (mode === 'oauth')
    await prismaInstallationStore(log.db, Buffer.from(ENCRYPTION_KEY, 'base64'), () => clock.now()).storeInstallation(
      installationOf(bot),
    );
  cleanups.push(async () => {
    await fixture.close();
    await log.db.$disconnect();
  });
  return { log, slack, harness };
}

describe.each([
  { mode: 'single' as const, bound: 7 },
  { mode: 'oauth' as const, bound: 8 },
])('statements per candidate message ($mode workspace mode)', ({ mode, bound }) => {
  it(`answers a turn in at most ${bound} statements`, async () => {
    const { log, slack, harness } = await setUp(mode);
    const started = await harness.driver.command(
      '/interview',
      'UADMIN',
      '<@UCAND> backend-mid',
      slack.responseUrl('start'),
    );
    expect(started.status).toBe(200);
    await harness.platform.idle();
    const interview = await log.db.interview.findFirstOrThrow({
      where: { workspace: { externalId: harness.bot.teamId } },
    });
    const channel = interview.platformConversationId ?? '';
    const threadTs = interview.platformThreadId ?? '';
    await harness.deliver(interview.id);
    await harness.driver.event(dmMessage({ channel, user: 'UCAND', text: 'yes', ts: '1800000000.000001', threadTs }));
    await harness.deliver(interview.id);

    // The first part records the answer, the next ones extend it: both kinds of turn are bounded.
    for (let part = 1; part <= 3; part += 1) {
      log.reset();
      const sent = await harness.driver.event(
        dmMessage({
          channel,
          user: 'UCAND',
          text: `I built the orders API, part ${part}.`,
          ts: `1800000001.00000${part}`,
          threadTs,
        }),
      );
      expect(sent.status).toBe(200);
      await harness.platform.idle();
      const statements = log.statements();
      expect(countOf(statements), statements.join('\n')).toBeLessThanOrEqual(bound);
    }
    // Not vacuous: every part reached the answer.
    const answer = await log.db.answer.findFirstOrThrow({
      where: { turn: { interviewId: interview.id } },
      orderBy: { receivedAt: 'desc' },
    });
    expect(answer.text).toContain('part 1');
    expect(answer.text).toContain('part 3');
  });
});
