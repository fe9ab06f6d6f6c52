/**
 * What a web candidate's page shows: Screener's messages and the candidate's own, in order, and notes for the
 * recruiter. Kept in PostgreSQL (`WebMessage` rows, ordered by their global `seq`), so flushing Redis loses
 * nothing; Redis only carries each new entry on a pub/sub channel to the server's open SSE streams, and a page
 * that reconnects reads the rows after the last seq it saw.
 */
import type { Redis } from 'ioredis';
import { z } from 'zod';
import type { Db } from '../../store/prisma.js';

export const entrySchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('said'),
    from: z.enum(['screener', 'candidate']),
    text: z.string(),
    at: z.string(),
    messageId: z.string().nullable(),
  }),
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

interface Row {
  seq: bigint;
  kind: string;
  author: string;
  text: string;
  messageId: string | null;
  createdAt: Date;
}

function toRow(entry: Entry): Omit<Row, 'seq'> {
  const createdAt = new Date(entry.at);
  if (entry.kind === 'said')
    return { kind: 'said', author: entry.from, text: entry.text, messageId: entry.messageId, createdAt };
  // Only candidates edit; notes are Screener's.
  if (entry.kind === 'edited')
    return { kind: 'edited', author: 'candidate', text: entry.text, messageId: entry.messageId, createdAt };
  return { kind: 'note', author: 'screener', text: entry.text, messageId: null, createdAt };
}

/** Null for a row no page could show (a kind this code does not know), so one bad row does not blank a page. */
function toEntry(row: Row): NumberedEntry | null {
  const at = row.createdAt.toISOString();
  const candidate =
    row.kind === 'said'
      ? { kind: 'said', from: row.author, text: row.text, at, messageId: row.messageId }
      : row.kind === 'edited'
        ? { kind: 'edited', messageId: row.messageId, text: row.text, at }
        : { kind: row.kind, text: row.text, at };
  const parsed = entrySchema.safeParse(candidate);
  return parsed.success ? { seq: Number(row.seq), entry: parsed.data } : null;
}

export class WebConversations {
  constructor(
    private readonly db: Db,
    private readonly redis: Redis,
    private readonly keyPrefix: string,
  ) {}

  channel(interviewId: string): string {
    return `${this.keyPrefix}:web:live:${interviewId}`;
  }

  get channelPattern(): string {
    return `${this.keyPrefix}:web:live:*`;
  }

  async append(interviewId: string, entry: Entry): Promise<number> {
    const row = await this.db.$transaction(async (tx) => {
      // seq comes from one sequence for all interviews, and a reader resumes after the last seq it saw: two
      // appends to one interview must commit in seq order, or a reader could see 11 before 10 commits and skip
      // 10 for good. The per-interview lock makes the second append take its seq after the first has committed.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`web-conversation:${interviewId}`}, 0))`;
      return tx.webMessage.create({ data: { interviewId, ...toRow(entry) }, select: { seq: true } });
    });
    const seq = Number(row.seq);
    // After the commit, so a stream that hears of it can also read it.
    await this.redis.publish(this.channel(interviewId), JSON.stringify({ seq, entry }));
    return seq;
  }

  /** Entries after `afterSeq` (as returned by append), oldest first. */
  async read(interviewId: string, afterSeq = 0): Promise<NumberedEntry[]> {
    const rows = await this.db.webMessage.findMany({
      where: { interviewId, seq: { gt: BigInt(afterSeq) } },
      orderBy: { seq: 'asc' },
      select: { seq: true, kind: true, author: true, text: true, messageId: true, createdAt: true },
    });
    return rows.flatMap((row) => toEntry(row) ?? []);
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
