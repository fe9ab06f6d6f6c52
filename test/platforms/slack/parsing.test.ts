/** The pure edges: command arguments and the sorting of DM events. */
import { describe, expect, it } from 'vitest';
import { parseAdminArgs } from '../../../src/platforms/slack/commands/admin-args.js';
import { parseInterviewArgs } from '../../../src/platforms/slack/commands/interview-args.js';
import { withQuestionCount } from '../../../src/platforms/common/question-count.js';
import { splitText } from '../../../src/platforms/slack/limits.js';
import { classifyDmEvent } from '../../../src/platforms/slack/normalize.js';

const bot = { botUserId: 'UBOT', botId: 'BBOT' };
const dm = { type: 'message', channel: 'D1', channel_type: 'im', user: 'UCAND', text: 'hi', ts: '1.000001' };

describe('/interview arguments', () => {
  it('reads a candidate, a role and a question count', () => {
    expect(parseInterviewArgs('<@U123ABC|ada>  Backend-Mid  questions=3')).toEqual({
      kind: 'start',
      candidateId: 'U123ABC',
      roleSlug: 'backend-mid',
      questions: 3,
    });
    expect(parseInterviewArgs('<@W999>  data-senior')).toEqual({
      kind: 'start',
      candidateId: 'W999',
      roleSlug: 'data-senior',
      questions: null,
    });
    expect(parseInterviewArgs(' status ')).toEqual({ kind: 'status' });
    expect(parseInterviewArgs('status <@U1> x').kind).toBe('invalid');
  });

  it('splits N questions into technical and at most a third behavioral, within the role plan', () => {
    const role = {
      id: 'r',
      slug: 'backend-mid',
      config: { title: 'B', skillArea: 'backend', level: 'mid', technicalCount: 5, behavioralCount: 2 },
    } as const;
    expect(withQuestionCount(role, 1).config).toMatchObject({ technicalCount: 1, behavioralCount: 0 });
    expect(withQuestionCount(role, 6).config).toMatchObject({ technicalCount: 4, behavioralCount: 2 });
    expect(withQuestionCount(role, 15).config).toMatchObject({ technicalCount: 13, behavioralCount: 2 });
    expect(withQuestionCount(role, null)).toBe(role);
  });
});

describe('/interview-admin arguments', () => {
  it('reads people lists and the channel', () => {
    expect(parseAdminArgs('recruiters add <@U1> <@U2|bo>')).toEqual({
      kind: 'people',
      list: 'recruiters',
      change: 'add',
      userIds: ['U1', 'U2'],
    });
    expect(parseAdminArgs('managers remove <@U3>')).toEqual({
      kind: 'people',
      list: 'managers',
      change: 'remove',
      userIds: ['U3'],
    });
    expect(parseAdminArgs('channel <#C123|hiring>')).toEqual({ kind: 'channel', channelId: 'C123' });
    expect(parseAdminArgs('channel #hiring').kind).toBe('invalid');
    expect(parseAdminArgs('recruiters add @bob').kind).toBe('invalid');
    expect(parseAdminArgs('')).toEqual({ kind: 'show' });
  });
});

describe('DM events', () => {
  it("takes a person's message, in or out of a thread, with or without files", () => {
    expect(classifyDmEvent({ ...dm, thread_ts: '0.1' }, bot)).toEqual({
      kind: 'message',
      channel: 'D1',
      ts: '1.000001',
      threadTs: '0.1',
      userId: 'UCAND',
      text: 'hi',
      hasFiles: false,
    });
    expect(classifyDmEvent({ ...dm, subtype: 'file_share', files: [{}] }, bot)).toMatchObject({
      kind: 'message',
      threadTs: null,
      hasFiles: true,
    });
  });

  it('ignores its own bot, other bots, deletions, other subtypes and channels', () => {
    expect(classifyDmEvent({ ...dm, user: 'UBOT', bot_id: 'BBOT' }, bot)).toEqual({
      kind: 'ignored',
      reason: 'own_bot',
    });
    expect(classifyDmEvent({ ...dm, user: undefined, bot_id: 'BOTHER', subtype: 'bot_message' }, bot)).toEqual({
      kind: 'ignored',
      reason: 'other_bot',
    });
    expect(classifyDmEvent({ ...dm, subtype: 'message_deleted' }, bot)).toEqual({ kind: 'ignored', reason: 'deleted' });
    expect(classifyDmEvent({ ...dm, subtype: 'channel_join' }, bot)).toEqual({
      kind: 'ignored',
      reason: 'unsupported_subtype',
    });
    expect(classifyDmEvent({ ...dm, channel_type: 'channel' }, bot)).toEqual({ kind: 'ignored', reason: 'not_a_dm' });
  });

  it("forwards an edit with its new words, but not a preview Slack added or a bot's own edit", () => {
    const edit = (text: string, user = 'UCAND') => ({
      ...dm,
      subtype: 'message_changed',
      message: { user, text, ts: '1.000001', thread_ts: '0.1' },
      previous_message: { user, text: 'old', ts: '1.000001' },
    });
    expect(classifyDmEvent(edit('new words'), bot)).toEqual({
      kind: 'edit',
      channel: 'D1',
      ts: '1.000001',
      threadTs: '0.1',
      userId: 'UCAND',
      text: 'new words',
    });
    expect(classifyDmEvent(edit('old'), bot)).toEqual({ kind: 'ignored', reason: 'unchanged_edit' });
    expect(classifyDmEvent(edit('Question 2', 'UBOT'), bot)).toEqual({ kind: 'ignored', reason: 'own_bot' });
  });
});

describe('splitting text', () => {
  it('prefers line breaks and spaces, cuts a blob where it must, never inside an entity, and drops nothing', () => {
    expect(splitText('aaa bbb\nccc', 8)).toEqual(['aaa bbb', 'ccc']);
    const blob = 'x'.repeat(25);
    expect(splitText(blob, 10)).toEqual(['x'.repeat(10), 'x'.repeat(10), 'x'.repeat(5)]);
    const escaped = `${'y'.repeat(8)}&amp;zz`;
    const pieces = splitText(escaped, 10);
    expect(pieces[0]).toBe('y'.repeat(8));
    expect(pieces.join('')).toBe(escaped);
  });
});
