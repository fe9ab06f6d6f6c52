/** The web conversation lives in PostgreSQL; Redis only carries the live notice of each new entry. */
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebConversations, type NumberedEntry } from '../../../src/platforms/web/conversation.js';
import type { Db } from '../../../src/store/prisma.js';
import { createTestDb } from '../../support/db.js';
import { deleteKeys, TEST_REDIS_URL, uniquePrefix } from '../../support/redis.js';
import { createWebInterview } from '../../support/web-rows.js';

describe('WebConversations', () => {
  let db: Db;
  let redis: Redis;
  let prefix: string;
  let conversations: WebConversations;

  beforeAll(() => {
    db = createTestDb();
    redis = new Redis(TEST_REDIS_URL);
    prefix = uniquePrefix('webconv');
    conversations = new WebConversations(db, redis, prefix);
  });
  afterAll(async () => {
    redis.disconnect();
    await deleteKeys(prefix);
    await db.$disconnect();
  });

  it('keeps every kind of entry in order, in WebMessage rows, and nothing in Redis', async () => {
    const { interviewId } = await createWebInterview(db);
    const other = await createWebInterview(db);
    const at = '2025-03-01T10:00:00.000Z';
    await conversations.append(interviewId, { kind: 'said', from: 'screener', text: 'Hello', at, messageId: null });
    await conversations.append(other.interviewId, { kind: 'note', text: 'not this one', at });
    await conversations.append(interviewId, { kind: 'said', from: 'candidate', text: 'yes', at, messageId: 'web:m1' });
    await conversations.append(interviewId, { kind: 'edited', messageId: 'web:m1', text: 'yes please', at });
    await conversations.append(interviewId, { kind: 'note', text: 'For the recruiter', at });

    const read = await conversations.read(interviewId);
    expect(read.map((i) => i.entry)).toEqual([
      { kind: 'said', from: 'screener', text: 'Hello', at, messageId: null },
      { kind: 'said', from: 'candidate', text: 'yes', at, messageId: 'web:m1' },
      { kind: 'edited', messageId: 'web:m1', text: 'yes please', at },
      { kind: 'note', text: 'For the recruiter', at },
    ]);
    const seqs = read.map((i) => i.seq);
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
    expect(await db.webMessage.count({ where: { interviewId } })).toBe(4);
    const [, keys] = await redis.scan('0', 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    expect(keys).toEqual([]);
  });

  it('reads what came after a seq, as a reconnecting page does', async () => {
    const { interviewId } = await createWebInterview(db);
    const at = new Date().toISOString();
    const first = await conversations.append(interviewId, {
      kind: 'said',
      from: 'screener',
      text: 'one',
      at,
      messageId: null,
    });
    await conversations.append(interviewId, { kind: 'said', from: 'screener', text: 'two', at, messageId: null });
    expect((await conversations.read(interviewId, first)).map((i) => i.entry.kind === 'said' && i.entry.text)).toEqual([
      'two',
    ]);
  });

  it('publishes each entry with its seq after storing it', async () => {
    const { interviewId } = await createWebInterview(db);
    const subscriber = redis.duplicate();
    try {
      const heard = new Promise<NumberedEntry>((resolve) =>
        subscriber.on('message', (_channel: string, message: string) => resolve(JSON.parse(message) as NumberedEntry)),
      );
      await subscriber.subscribe(conversations.channel(interviewId));
      const entry = {
        kind: 'said' as const,
        from: 'screener' as const,
        text: 'live',
        at: new Date().toISOString(),
        messageId: null,
      };
      const seq = await conversations.append(interviewId, entry);
      expect(await heard).toEqual({ seq, entry });
      expect(await conversations.read(interviewId, seq - 1)).toEqual([{ seq, entry }]);
    } finally {
      subscriber.disconnect();
    }
  });
});
