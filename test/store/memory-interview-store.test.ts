/** The store contract on the memory store the engine tests use: no database. */
import { randomUUID } from 'node:crypto';
import { createInitialState } from '../../src/engine/index.js';
import { MemoryInterviewStore } from '../../src/store/memory-interview-store.js';
import { defaultRole } from '../engine/support/memory-chat.js';
import { interviewStoreContract } from './interview-store.contract.js';

interviewStoreContract('memory', () => {
  const store = new MemoryInterviewStore();
  return {
    store,
    create: () =>
      Promise.resolve(
        store.add(
          createInitialState({
            interviewId: randomUUID(),
            candidateUserId: `U${randomUUID().slice(0, 8)}`,
            platform: 'slack',
            role: defaultRole('backend-mid'),
            quietWindowMs: 0,
          }),
        ),
      ),
    outbox: (interviewId) =>
      Promise.resolve(
        store.outbox.filter((r) => r.interviewId === interviewId).map((r) => ({ type: r.effect.type, key: r.key })),
      ),
    columns(interviewId) {
      const row = store.row(interviewId);
      if (!row) throw new Error(`no interview ${interviewId}`);
      return Promise.resolve({
        status: row.status,
        remindersSent: row.remindersSent,
        nextReminderAt: row.nextReminderAt,
        endedAt: row.endedAt,
      });
    },
  };
});
