/**
 * What a web candidate's page shows: Screener's messages and the candidate's own, in order, and notes for the
 * recruiter. Stop-gap storage: a Redis list per interview (with a TTL past the link's life) until the WebMessage
 * table exists; PostgreSQL stays the source of truth for the interview itself. Each append is published on a
 * Redis channel, so the server's open SSE streams see what the worker delivers.
 */
import type { Redis } from 'ioredis';
import { z } from 'zod';

export const entrySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('said'), from: z.enum(['screener', 'candidate']), text: z.string(), at: z.string(), messageId: z.string().nullable() }),
  /** The candidate changed an earlier message; pages replace its text. */
  z.object({ kind: z.literal('edited'), messageId: z.string(), text: z.string(), at: z.string() }),
  /** A message for the recruiter or a decider, shown in the console, never to the candidate. */
  z.object({ kind: z.literal('note'), text: z.string(), at: z.string() }),
]);
export type Entry = z.infer<typeof entrySchema>;
export interface NumberedEntry {
  seq: number;
  entry: Entry;
}

const RETAIN_SECONDS = 30 * 24 * 3600;

export class WebConversations {
  constructor(
    private readonly redis: Redis,
    private readonly keyPrefix: string,
  ) {}

  listKey(interviewId: string): string {
    return `${this.keyPrefix}:web:conversation:${interviewId}`;
  }

  channel(interviewId: string): string {
    return `${this.keyPrefix}:web:live:${interviewId}`;
  }

  get channelPattern(): string {
    return `${this.keyPrefix}:web:live:*`;
  }

  async append(interviewId: string, entry: Entry): Promise<number> {
    const key = this.listKey(interviewId);
    const seq = await this.redis.rpush(key, JSON.stringify(entry));
    await this.redis.expire(key, RETAIN_SECONDS);
    await this.redis.publish(this.channel(interviewId), JSON.stringify({ seq, entry }));
    return seq;
  }

  /** Entries after `afterSeq` (1-based sequence numbers, as returned by append). */
  async read(interviewId: string, afterSeq = 0): Promise<NumberedEntry[]> {
    const raw = await this.redis.lrange(this.listKey(interviewId), afterSeq, -1);
    return raw.flatMap((text, i) => {
      const parsed = entrySchema.safeParse(JSON.parse(text));
      return parsed.success ? [{ seq: afterSeq + i + 1, entry: parsed.data }] : [];
    });
  }

  /** Erasure: the candidate's words go with the rest of their data. */
  async erase(interviewId: string): Promise<void> {
    await this.redis.del(this.listKey(interviewId));
  }
}

/** The text of each candidate message after its edits, keyed by message id. */
export function latestTexts(entries: readonly NumberedEntry[]): Map<string, string> {
  const texts = new Map<string, string>();
  for (const { entry } of entries) {
    if (entry.kind === 'said' && entry.messageId) texts.set(entry.messageId, entry.text);
    if (entry.kind === 'edited') texts.set(entry.messageId, entry.text);
  }
  return texts;
}
