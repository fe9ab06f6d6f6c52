import type { Db } from '../../../src/store/prisma.js';

/** Every row that belongs to one interview, as one JSON string: what an erasure must leave free of personal data. */
export async function everythingStoredFor(db: Db, interviewId: string): Promise<string> {
  const interview = await db.interview.findUniqueOrThrow({
    where: { id: interviewId },
    include: {
      candidate: true,
      turns: { include: { answer: { include: { scores: true, messages: true } } } },
      report: true,
      decisions: true,
      outbox: true,
    },
  });
  const audit = await db.auditEvent.findMany({ where: { subject: `interview:${interviewId}` } });
  return JSON.stringify({ interview, audit }, (_key, value: unknown) =>
    typeof value === 'bigint' ? value.toString() : value,
  );
}

export async function outboxKinds(db: Db, interviewId: string): Promise<string[]> {
  const rows = await db.outboxEvent.findMany({
    where: { interviewId },
    orderBy: [{ createdAt: 'asc' }, { dedupeKey: 'asc' }],
  });
  return rows.map((r) => r.kind);
}
