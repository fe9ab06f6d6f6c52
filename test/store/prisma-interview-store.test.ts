/** The store contract on the real PostgreSQL, with the rows createInterview makes. */
import { randomUUID } from 'node:crypto';
import { afterAll } from 'vitest';
import { createInterviewStore, loadInterviewState } from '../../src/store/index.js';
import { createTestDb } from '../support/db.js';
import { newSlackInterview, slackWorkspace } from '../support/interviews.js';
import { interviewStoreContract } from './interview-store.contract.js';

const db = createTestDb();
afterAll(() => db.$disconnect());
let workspaceId: Promise<string> | null = null;

interviewStoreContract('Prisma', () => ({
  store: createInterviewStore(db),
  async create() {
    workspaceId ??= slackWorkspace(db, `T${randomUUID().slice(0, 8)}`).then((ws) => ws.id);
    const id = await newSlackInterview(db, await workspaceId, `U${randomUUID().slice(0, 8)}`);
    const loaded = await loadInterviewState(db, id);
    if (!loaded) throw new Error(`interview ${id} not created`);
    return loaded;
  },
  async outbox(interviewId) {
    const rows = await db.outboxEvent.findMany({ where: { interviewId }, orderBy: { seq: 'asc' } });
    return rows.map((r) => ({ type: r.kind, key: r.dedupeKey }));
  },
  async columns(interviewId) {
    const row = await db.interview.findUniqueOrThrow({ where: { id: interviewId } });
    return {
      status: row.status,
      remindersSent: row.remindersSent,
      nextReminderAt: row.nextReminderAt,
      endedAt: row.endedAt,
    };
  },
}));
