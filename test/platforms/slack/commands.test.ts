/**
 * The recruiter's side: acknowledgement before any slow work, bad usage answered with what was wrong and the
 * usage, who may recruit and who may administer.
 */
import { describe, expect, it } from 'vitest';
import { slackFixture } from '../../support/slack-fixture.js';

const users = [
  { id: 'UADMIN', name: 'ann', is_admin: true },
  { id: 'UOWNER', name: 'olga', is_owner: true },
  { id: 'UREC', name: 'rob' },
  { id: 'UNOBODY', name: 'nick' },
  { id: 'UBOTUSER', name: 'helper', is_bot: true },
  { id: 'UGONE', name: 'gone', deleted: true },
];
const { db, slack, harness } = await slackFixture('slack-commands', { users });
let keySeq = 0;

async function run(name: string, userId: string, text: string): Promise<string> {
  const key = `r${++keySeq}`;
  const sent = await harness.driver.command(name, userId, text, slack.responseUrl(key));
  expect(sent.status).toBe(200);
  await harness.platform.idle();
  const reply = slack.responses.filter((r) => r.key === key).at(-1);
  expect(reply?.body.response_type).toBe('ephemeral');
  return String(reply?.body.text ?? '');
}

describe('acknowledging in time', () => {
  it('answers a slash command at once even when every Web API call takes 5 s, and does the work after', async () => {
    slack.delayMs = 5_000;
    const key = 'slow';
    const sent = await harness.driver.command('/interview', 'UADMIN', '<@UCAND1> backend-mid', slack.responseUrl(key));
    expect(sent.status).toBe(200);
    expect(sent.elapsedMs).toBeLessThan(1_000);
    const click = await harness.driver.click({
      userId: 'UADMIN',
      actionId: 'screener_full_report',
      value: '00000000-0000-0000-0000-000000000000',
      channelId: 'CX',
      messageTs: '1.2',
      responseUrl: slack.responseUrl('slow-click'),
    });
    expect(click.status).toBe(200);
    expect(click.elapsedMs).toBeLessThan(1_000);
    // Slack is slow, not down: once it answers, the screen starts.
    slack.delayMs = 0;
    slack.releaseDelays();
    await harness.platform.idle();
    expect(String(slack.responses.find((r) => r.key === key)?.body.text)).toContain('Started a screen of <@UCAND1>');
  });
});

describe('bad usage', () => {
  it('shows the usage with the role slugs for help and for an empty command', async () => {
    for (const text of ['', 'help']) {
      const reply = await run('/interview', 'UADMIN', text);
      expect(reply).toContain('/interview @candidate <role> [questions=N]');
      expect(reply).toContain('`backend-mid`');
    }
  });

  it.each([
    ['no candidate', 'backend-mid', /is not a person/],
    ['a name typed by hand', '@dana backend-mid', /Pick the person from the list/],
    ['no role', '<@UCAND2>', /Say which role/],
    ['an unknown role', '<@UCAND2> astronaut-senior', /There is no role "astronaut-senior"/],
    ['a bot', '<@UBOTUSER> backend-mid', /is a bot/],
    ['a deactivated user', '<@UGONE> backend-mid', /deactivated/],
    ['the recruiter themselves', '<@UADMIN> backend-mid', /cannot screen yourself/],
    ['too many questions', '<@UCAND2> backend-mid questions=99', /between 1 and 15/],
    ['an unknown option', '<@UCAND2> backend-mid level=9', /only option is questions=N/],
  ])('says what is wrong with %s, then the usage', async (_label, text, problem) => {
    const reply = await run('/interview', 'UADMIN', text);
    expect(reply).toMatch(problem);
    expect(reply).toContain('*Usage*');
    expect(reply).toContain('`frontend-senior`');
  });

  it('refuses a second screen for a candidate who has one open', async () => {
    expect(await run('/interview', 'UADMIN', '<@UCAND3> frontend-mid')).toContain('Started a screen');
    expect(await run('/interview', 'UOWNER', '<@UCAND3> data-mid')).toMatch(
      /already has a screen in progress \(started by <@UADMIN>\)/,
    );
    expect(
      await db.interview.count({
        where: { candidate: { platformUserId: 'UCAND3' }, workspace: { externalId: harness.bot.teamId } },
      }),
    ).toBe(1);
  });

  it('asks for the number of questions it was given', async () => {
    await run('/interview', 'UADMIN', '<@UCAND4> devops-senior questions=4');
    const interview = await db.interview.findFirstOrThrow({
      where: { candidate: { platformUserId: 'UCAND4' }, workspace: { externalId: harness.bot.teamId } },
    });
    const state = interview.state as { role: { technicalCount: number; behavioralCount: number } };
    expect(state.role.technicalCount + state.role.behavioralCount).toBe(4);
  });
});

describe('who may do what', () => {
  it('lets only admins and listed recruiters start screens', async () => {
    expect(await run('/interview', 'UNOBODY', '<@UCAND5> backend-mid')).toMatch(/Only recruiters and workspace admins/);
    expect(await run('/interview', 'UREC', '<@UCAND5> backend-mid')).toMatch(/Only recruiters/);
    expect(await run('/interview-admin', 'UADMIN', 'recruiters add <@UREC>')).toContain('Recruiters: <@UREC>');
    expect(await run('/interview', 'UREC', '<@UCAND5> backend-mid')).toContain('Started a screen');
    expect(await run('/interview', 'UREC', 'status')).toMatch(/Your open screens\* \(1\)[\s\S]*<@UCAND5>/);
    expect(await run('/interview-admin', 'UOWNER', 'recruiters remove <@UREC>')).toContain('Recruiters: nobody yet');
    expect(await run('/interview', 'UREC', '<@UCAND6> backend-mid')).toMatch(/Only recruiters/);
  });

  it('lets only admins and owners change the settings, and shows them', async () => {
    expect(await run('/interview-admin', 'UREC', 'channel <#CHIRE|hire>')).toMatch(/Only workspace admins and owners/);
    expect(await run('/interview-admin', 'UADMIN', 'channel <#CHIRE|hire>')).toContain('<#CHIRE>');
    expect(await run('/interview-admin', 'UADMIN', 'managers add <@UM1> <@UM2>')).toContain(
      'Hiring managers: <@UM1>, <@UM2>',
    );
    const shown = await run('/interview-admin', 'UADMIN', 'show');
    expect(shown).toContain('*Hiring channel*: <#CHIRE>');
    expect(shown).toContain('<@UM1>, <@UM2>');
    expect(await run('/interview-admin', 'UADMIN', 'managers fire <@UM1>')).toMatch(/Say "add" or "remove"/);
  });

  it('sent nothing Slack would refuse', () => {
    expect(slack.violations).toEqual([]);
  });
});
