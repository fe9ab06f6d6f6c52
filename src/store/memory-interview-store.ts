/**
 * The engine's InterviewStore in memory, for engine tests and tools that need no database. It keeps the promises
 * of the Prisma store (test/store/interview-store.contract.ts runs both): a commit succeeds only at the loaded
 * version and bumps it by one; state, mirrors and outward effects change together or not at all; the state goes
 * through JSON and the engine's schema, as a stored row does, so a Date comes back as the Prisma store gives it.
 * Persistence effects are kept as a list in commit order; only the interview's own columns are applied.
 */
import {
  engineStateSchema,
  isOutward,
  type CommitRequest,
  type CommitResult,
  type EngineState,
  type InterviewStatus,
  type InterviewStore,
  type LoadedInterview,
  type OutwardEffect,
  type PersistenceEffect,
} from '../engine/index.js';
import { AppError } from '../shared/errors.js';
import { outboxDedupeKey } from './outbox-rows.js';

/** The interview row's columns the commit keeps, as the Prisma store keeps them. */
export interface MemoryInterviewRow {
  id: string;
  version: number;
  state: unknown;
  status: InterviewStatus;
  lastActivityAt: Date | null;
  nextReminderAt: Date | null;
  remindersSent: number;
  expiresAt: Date | null;
  endedAt: Date | null;
}

/** An outward effect as the outbox holds it: written with the commit, in the order the step emitted it. */
export interface MemoryOutboxRow {
  interviewId: string;
  /** The Prisma store's dedupe key (`outboxDedupeKey`). */
  key: string;
  effect: OutwardEffect;
  createdAt: Date;
}

const ENDING: ReadonlySet<InterviewStatus> = new Set(['completed', 'withdrawn', 'declined', 'erased', 'expired']);

function stored(state: EngineState): unknown {
  return JSON.parse(JSON.stringify(state)) as unknown;
}

function parsed(id: string, state: unknown): EngineState {
  const result = engineStateSchema.safeParse(state);
  if (!result.success)
    throw new AppError(
      'internal',
      `interview ${id}: stored engine state is not readable (${result.error.issues.map((i) => i.path.join('.')).join(', ')})`,
    );
  return result.data;
}

export class MemoryInterviewStore implements InterviewStore {
  private readonly rows = new Map<string, MemoryInterviewRow>();
  /** Every outward effect committed, across interviews, in commit order. */
  readonly outbox: MemoryOutboxRow[] = [];
  /** Every persistence effect committed, in commit order. */
  readonly persisted: Array<{ interviewId: string; effect: PersistenceEffect }> = [];

  /** Adds an interview at version 0, as createInterview does with its initial state. */
  add(state: EngineState): LoadedInterview {
    const id = state.interviewId;
    if (this.rows.has(id)) throw new AppError('conflict', `interview ${id} exists`);
    const row = {
      id,
      version: 0,
      state: stored(state),
      status: state.status,
      lastActivityAt: null,
      nextReminderAt: null,
      remindersSent: 0,
      expiresAt: null,
      endedAt: null,
    };
    this.rows.set(id, row);
    return { id, version: 0, state: parsed(id, row.state) };
  }

  /** The row as a query would see it; a copy. */
  row(interviewId: string): MemoryInterviewRow | null {
    const row = this.rows.get(interviewId);
    return row ? structuredClone(row) : null;
  }

  load(interviewId: string): Promise<LoadedInterview | null> {
    const row = this.rows.get(interviewId);
    return Promise.resolve(row ? { id: row.id, version: row.version, state: parsed(row.id, row.state) } : null);
  }

  /** No await between the version check and the writes: a commit is atomic on Node's one thread. */
  commit(request: CommitRequest): Promise<CommitResult> {
    const { interviewId, expectedVersion, state, effects, now } = request;
    const row = this.rows.get(interviewId);
    if (!row || row.version !== expectedVersion) return Promise.resolve({ ok: false, reason: 'conflict' });
    const version = expectedVersion + 1;
    const next: MemoryInterviewRow = {
      ...row,
      version,
      state: stored(state),
      lastActivityAt: now,
      nextReminderAt: state.nudge?.reminderAt ? new Date(state.nudge.reminderAt) : null,
      remindersSent: state.nudge?.remindersSent ?? 0,
      expiresAt: state.nudge?.expiresAt ? new Date(state.nudge.expiresAt) : null,
    };
    const outward: MemoryOutboxRow[] = [];
    for (const effect of effects) {
      if (isOutward(effect))
        outward.push({
          interviewId,
          key: outboxDedupeKey(interviewId, version, outward.length),
          effect: structuredClone(effect),
          createdAt: now,
        });
      else {
        this.persisted.push({ interviewId, effect: structuredClone(effect) });
        if (effect.type === 'set_status')
          Object.assign(next, { status: effect.status, ...(ENDING.has(effect.status) ? { endedAt: effect.at } : {}) });
      }
    }
    this.rows.set(interviewId, next);
    this.outbox.push(...outward);
    return Promise.resolve({ ok: true, version });
  }
}
