/** Socket Mode: with SLACK_APP_TOKEN the app connects out over a WebSocket instead of listening for HTTP. */
import { afterAll, describe, expect, it } from 'vitest';
import { slackFixture } from '../../support/slack-fixture.js';
import { startFakeSocketMode } from '../../support/slack-socket.js';

const APP_TOKEN = 'xapp-1-AFAKE-1234567890-abcdef';
const socket = await startFakeSocketMode();
// Registered before the fixture's, so it runs after the app has stopped (after-hooks run in reverse).
afterAll(() => socket.close());
const { db, slack, harness } = await slackFixture('slack-socket', {
  users: [{ id: 'UADMIN', name: 'ann', is_admin: true }],
  prepare: (slack) => void (slack.socketUrl = socket.url),
  env: { SLACK_APP_TOKEN: APP_TOKEN },
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
    const interview = await db.interview.findFirstOrThrow({
      where: { candidate: { platformUserId: 'USOCKET' }, workspace: { externalId: harness.bot.teamId } },
    });
    expect(interview.platformConversationId).toBe('DSOCKET');
    const root = slack.messages.find((m) => m.channel === 'DSOCKET' && m.ts === interview.platformThreadId);
    expect(root?.text).toContain('Back-end engineer (senior)');
    expect(root?.token).toBe(harness.bot.token);
    expect(String(slack.responses.find((r) => r.key === 'socket')?.body.text)).toContain(
      'Started a screen of <@USOCKET>',
    );
  });
});
