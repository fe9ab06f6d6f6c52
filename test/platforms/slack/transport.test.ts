/**
 * The edge: every request verified before anything reads it, Slack's redeliveries dropped, and each kind of DM
 * event handled on purpose (bots, edits, deletions, files, messages outside the interview thread).
 */
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FILES_NOTE } from '../../../src/platforms/slack/handlers/dm-messages.js';
import { dmMessage, slackSignature } from '../../support/slack-driver.js';
import { slackFixture } from '../../support/slack-fixture.js';
import { SIGNING_SECRET } from '../../support/slack-harness.js';

const users = [
  { id: 'UREC', name: 'rita', is_admin: true },
  { id: 'UCAND', name: 'cal', real_name: 'Cal Candidate' },
];
const { db, slack, harness, clock } = await slackFixture('slack-edge', { users });
let interviewId = '';
let dm = '';
let root = '';

beforeAll(async () => {
  await harness.driver.command('/interview', 'UREC', '<@UCAND> frontend-mid questions=1', slack.responseUrl('start'));
  await harness.platform.idle();
  const interview = await db.interview.findFirstOrThrow({
    where: { recruiterId: 'UREC', workspace: { externalId: harness.bot.teamId } },
  });
  interviewId = interview.id;
  dm = interview.platformConversationId ?? '';
  root = interview.platformThreadId ?? '';
  await harness.deliver(interviewId);
});

let seq = 0;
const nextTs = () => `1800000000.${String(++seq).padStart(6, '0')}`;
const inThread = () => slack.messages.filter((m) => m.channel === dm && m.thread_ts === root).map((m) => m.text);
const answerCount = () => db.answerMessage.count({ where: { answer: { turn: { interviewId } } } });

describe('request verification', () => {
  const body = () => harness.driver.commandBody('/interview', 'UREC', 'status', slack.responseUrl('forged'));
  let callsBefore = 0;
  beforeEach(() => {
    callsBefore = slack.calls.length;
  });

  it('answers a forged signature with 401 and calls nothing', async () => {
    const text = body();
    const timestamp = Math.floor(clock.now().getTime() / 1000);
    const headers = {
      'content-type': 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': slackSignature('not-the-secret', timestamp, text),
    };
    expect((await harness.driver.raw(text, headers)).status).toBe(401);
    // A body changed after signing is a forgery too.
    const signed = harness.driver.signedHeaders(text, 'application/x-www-form-urlencoded');
    expect((await harness.driver.raw(text.replace('status', 'help'), signed)).status).toBe(401);
    await harness.platform.idle();
    expect(slack.calls.length).toBe(callsBefore);
  });

  it('answers a timestamp more than five minutes away with 401, either way', async () => {
    const text = body();
    for (const skewSeconds of [-301, 301]) {
      const timestamp = Math.floor(clock.now().getTime() / 1000) + skewSeconds;
      const headers = {
        'content-type': 'application/x-www-form-urlencoded',
        'x-slack-request-timestamp': String(timestamp),
        'x-slack-signature': slackSignature(SIGNING_SECRET, timestamp, text),
      };
      expect((await harness.driver.raw(text, headers)).status).toBe(401);
    }
    const atEdge = Math.floor(clock.now().getTime() / 1000) - 290;
    const fresh = {
      'content-type': 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': String(atEdge),
      'x-slack-signature': slackSignature(SIGNING_SECRET, atEdge, text),
    };
    expect((await harness.driver.raw(text, fresh)).status).toBe(200);
    await harness.platform.idle();
    expect(slack.calls.length).toBe(callsBefore + 2); // the accepted one: users.info and its response_url answer
  });

  it('answers missing headers with 401 and calls nothing', async () => {
    const text = body();
    const signed = harness.driver.signedHeaders(text, 'application/x-www-form-urlencoded');
    const { 'x-slack-signature': _signature, ...noSignature } = signed;
    const { 'x-slack-request-timestamp': _timestamp, ...noTimestamp } = signed;
    expect((await harness.driver.raw(text, noSignature)).status).toBe(401);
    expect((await harness.driver.raw(text, noTimestamp)).status).toBe(401);
    expect((await harness.driver.raw(text, { 'content-type': 'application/x-www-form-urlencoded' })).status).toBe(401);
    await harness.platform.idle();
    expect(slack.calls.length).toBe(callsBefore);
  });

  it("answers Slack's URL verification only when it is signed", async () => {
    const text = JSON.stringify({ type: 'url_verification', challenge: 'abc123' });
    expect(JSON.parse((await harness.driver.send(text, 'application/json')).body)).toEqual({ challenge: 'abc123' });
    expect((await harness.driver.raw(text, { 'content-type': 'application/json' })).status).toBe(401);
  });
});

describe('redeliveries', () => {
  it('answers a message once when Slack retries it and redelivers its event id', async () => {
    const event = dmMessage({ channel: dm, user: 'UCAND', text: 'yes', ts: nextTs(), threadTs: root });
    const before = inThread().length;
    const results = await Promise.all([
      harness.driver.event(event, { eventId: 'EvSAME1' }),
      harness.driver.event(event, { eventId: 'EvSAME1', retryNum: 1 }),
      harness.driver.event(event, { eventId: 'EvSAME1', retryNum: 2 }),
    ]);
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    await harness.deliver(interviewId);
    const replies = inThread().slice(before);
    expect(replies.filter((t) => /^Thank you\./.test(t))).toHaveLength(1);
    expect(replies.at(-1)).toMatch(/^Introduction: /);
  });

  it("stores one answer when the same message comes under a new event id (the engine's message-id check)", async () => {
    const event = dmMessage({
      channel: dm,
      user: 'UCAND',
      text: 'I build React apps with TypeScript and test them with Playwright.',
      ts: nextTs(),
      threadTs: root,
    });
    const before = await answerCount();
    await harness.driver.event(event, { eventId: 'EvFIRST' });
    await harness.driver.event(event, { eventId: 'EvSECOND' });
    await harness.platform.idle();
    expect(await answerCount()).toBe(before + 1);
  });
});

describe('DM events handled on purpose', () => {
  it("ignores the bot's own messages and other bots' messages", async () => {
    const before = {
      answers: await answerCount(),
      posts: slack.callsTo('chat.postMessage').length,
      version: (await db.interview.findUniqueOrThrow({ where: { id: interviewId } })).version,
    };
    await harness.driver.event({
      ...dmMessage({ channel: dm, user: harness.bot.botUserId, text: 'Question 9 of 9', ts: nextTs(), threadTs: root }),
      bot_id: harness.bot.botId,
    });
    await harness.driver.event({
      ...dmMessage({ channel: dm, user: 'UOTHERBOT', text: 'I am a bot too', ts: nextTs(), threadTs: root }),
      bot_id: 'BOTHER',
      subtype: 'bot_message',
    });
    await harness.deliver(interviewId);
    expect(await answerCount()).toBe(before.answers);
    expect(slack.callsTo('chat.postMessage').length).toBe(before.posts);
    expect((await db.interview.findUniqueOrThrow({ where: { id: interviewId } })).version).toBe(before.version);
  });

  it('forwards an edit of an answer as an edit', async () => {
    const ts = nextTs();
    await harness.driver.event(
      dmMessage({ channel: dm, user: 'UCAND', text: 'I mostly write CSS.', ts, threadTs: root }),
    );
    await harness.platform.idle();
    await harness.driver.event({
      type: 'message',
      subtype: 'message_changed',
      channel: dm,
      channel_type: 'im',
      ts: nextTs(),
      message: { type: 'message', user: 'UCAND', text: 'I mostly write CSS and accessible HTML.', ts, thread_ts: root },
      previous_message: { type: 'message', user: 'UCAND', text: 'I mostly write CSS.', ts, thread_ts: root },
    });
    await harness.platform.idle();
    const answers = await db.answer.findMany({ where: { turn: { interviewId } }, orderBy: { receivedAt: 'desc' } });
    expect(answers.some((a) => a.text.includes('accessible HTML'))).toBe(true);
  });

  it('ignores a deleted message', async () => {
    const version = (await db.interview.findUniqueOrThrow({ where: { id: interviewId } })).version;
    await harness.driver.event({
      type: 'message',
      subtype: 'message_deleted',
      channel: dm,
      channel_type: 'im',
      ts: nextTs(),
      deleted_ts: '1800000000.000004',
      previous_message: { user: 'UCAND', text: 'x', ts: '1800000000.000004' },
    });
    await harness.platform.idle();
    expect((await db.interview.findUniqueOrThrow({ where: { id: interviewId } })).version).toBe(version);
  });

  it('says that files are not part of an answer', async () => {
    await harness.driver.event(
      dmMessage({
        channel: dm,
        user: 'UCAND',
        text: '',
        ts: nextTs(),
        threadTs: root,
        extra: { subtype: 'file_share', files: [{ id: 'F1', name: 'cv.pdf' }] },
      }),
    );
    await harness.platform.idle();
    expect(inThread().at(-1)).toBe(FILES_NOTE);
  });

  it('points a message outside the interview thread to the thread', async () => {
    const before = await answerCount();
    await harness.driver.event(
      dmMessage({ channel: dm, user: 'UCAND', text: 'hello? where do I answer?', ts: nextTs() }),
    );
    await harness.platform.idle();
    const pointer = slack.messages.filter((m) => m.channel === dm && !m.thread_ts).at(-1);
    expect(pointer?.text).toMatch(/continues <https:\/\/fake\.slack\.test\/archives\/.*\|in its thread>/);
    expect(await answerCount()).toBe(before);
  });

  it('takes a typed command in the thread', async () => {
    await harness.driver.event(dmMessage({ channel: dm, user: 'UCAND', text: 'help', ts: nextTs(), threadTs: root }));
    await harness.deliver(interviewId);
    expect(inThread().at(-1)).toMatch(/"repeat" shows the current question again/);
  });

  it('sent nothing Slack would refuse', () => {
    expect(slack.violations).toEqual([]);
  });
});
