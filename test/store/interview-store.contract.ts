/**
 * What every InterviewStore promises the runner, run against each implementation: the Prisma one on the real
 * PostgreSQL and the memory one the engine tests use (./prisma-interview-store.test.ts, ./memory-interview-store.test.ts).
 * A store that passes can stand in for the other in a test of the engine.
 */
import { describe, expect, it } from 'vitest';
import {
  createOfflineInterviewer,
  createStep,
  InterviewRunner,
  type Effect,
  type EngineState,
  type InboundEvent,
  type InterviewStatus,
  type InterviewStore,
  type LoadedInterview,
} from '../../src/engine/index.js';
import { defaultQuestionBank } from '../../src/scoring/index.js';
import { ManualClock } from '../../src/shared/clock.js';

export interface StoreUnderTest {
  store: InterviewStore;
  /** A new interview with the initial state (role backend-mid, quiet window 0), at version 0. */
  create(): Promise<LoadedInterview>;
  /** The outward effects committed for an interview, oldest first: their type and dedupe key. */
  outbox(interviewId: string): Promise<Array<{ type: string; key: string }>>;
  /** The interview's own columns that a commit writes besides the state. */
  columns(
    interviewId: string,
  ): Promise<{ status: InterviewStatus; remindersSent: number; nextReminderAt: Date | null; endedAt: Date | null }>;
}

const NOW = new Date('2026-03-02T10:00:00.000Z');
const message = (text: string): Effect => ({ type: 'send_message', recipient: { to: 'candidate' }, text });

function startEvent(interview: LoadedInterview): InboundEvent {
  return {
    kind: 'start',
    platform: interview.state.platform,
    workspaceId: 'W',
    conversationId: 'C',
    threadId: null,
    userId: interview.state.candidateUserId ?? 'UCAND',
    messageId: `${interview.id}:start`,
    raw: null,
  };
}

export function interviewStoreContract(name: string, setUp: () => StoreUnderTest): void {
  describe(`${name} interview store`, () => {
    const subject = setUp();
    const commit = (
      interview: LoadedInterview,
      state: EngineState,
      effects: Effect[] = [],
      expectedVersion = interview.version,
    ) => subject.store.commit({ interviewId: interview.id, expectedVersion, state, effects, now: NOW });

    it('loads nothing for an unknown interview, and a new one at version 0 with its state', async () => {
      expect(await subject.store.load('00000000-0000-4000-8000-000000000000')).toBeNull();
      const created = await subject.create();
      expect(created.version).toBe(0);
      expect(await subject.store.load(created.id)).toEqual(created);
    });

    it('commits at the loaded version: the version goes up by one and the new state reads back as committed', async () => {
      const created = await subject.create();
      const state: EngineState = { ...created.state, phase: 'consent', status: 'consented', timerSeq: 3 };
      expect(await commit(created, state)).toEqual({ ok: true, version: 1 });
      expect(await subject.store.load(created.id)).toEqual({ id: created.id, version: 1, state });
    });

    it('refuses a commit at a stale version and keeps the newer state and its effects only', async () => {
      const created = await subject.create();
      const first = { ...created.state, timerSeq: 1 };
      expect(await commit(created, first, [message('first')])).toEqual({ ok: true, version: 1 });
      expect(await commit(created, { ...created.state, timerSeq: 2 }, [message('stale')])).toEqual({
        ok: false,
        reason: 'conflict',
      });
      expect((await subject.store.load(created.id))?.state).toEqual(first);
      expect((await subject.outbox(created.id)).map((r) => r.type)).toEqual(['send_message']);
    });

    it('lets exactly one of two commits at the same version win', async () => {
      const created = await subject.create();
      const results = await Promise.all(
        [1, 2].map((n) => commit(created, { ...created.state, timerSeq: n }, [message(`racer ${n}`)])),
      );
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(await subject.outbox(created.id)).toHaveLength(1);
      expect((await subject.store.load(created.id))?.version).toBe(1);
    });

    it('writes outward effects with the commit, in the order emitted, under deterministic keys', async () => {
      const created = await subject.create();
      const effects: Effect[] = [
        message('one'),
        { type: 'set_status', status: 'consented', at: NOW },
        {
          type: 'schedule_timer',
          timer: 'answer_quiet_window',
          timerId: 't1',
          fireAt: new Date(NOW.getTime() + 15_000),
        },
        { type: 'enqueue_job', job: { name: 'build_report', payload: { interviewId: created.id } } },
      ];
      await commit(created, { ...created.state, status: 'consented' }, effects);
      const rows = await subject.outbox(created.id);
      expect(rows.map((r) => r.type)).toEqual(['send_message', 'schedule_timer', 'enqueue_job']);
      expect(rows.map((r) => r.key)).toEqual([0, 1, 2].map((i) => `${created.id}:00000001:000${i}`));
    });

    it('keeps the status and the reminder mirrors in step with the state', async () => {
      const created = await subject.create();
      const reminderAt = '2026-03-03T10:00:00.000Z';
      const nudge = {
        remindersSent: 1,
        lastActivityAt: NOW.toISOString(),
        reminderAt,
        expiresAt: '2026-03-09T10:00:00.000Z',
        reminderTimerId: 'r1',
        expiryTimerId: 'e1',
      };
      const state: EngineState = { ...created.state, status: 'in_progress', nudge };
      await commit(created, state, [{ type: 'set_status', status: 'in_progress', at: NOW }]);
      expect(await subject.columns(created.id)).toEqual({
        status: 'in_progress',
        remindersSent: 1,
        nextReminderAt: new Date(reminderAt),
        endedAt: null,
      });
      await commit({ ...created, version: 1 }, { ...state, status: 'withdrawn', nudge: null }, [
        { type: 'set_status', status: 'withdrawn', at: NOW },
      ]);
      expect(await subject.columns(created.id)).toEqual({
        status: 'withdrawn',
        remindersSent: 0,
        nextReminderAt: null,
        endedAt: NOW,
      });
    });

    it('runs the real runner: a start steps the interview to consent, and a racing runner steps again on top', async () => {
      const created = await subject.create();
      const clock = new ManualClock(NOW.toISOString());
      const runner = () =>
        new InterviewRunner({
          store: subject.store,
          step: createStep(createOfflineInterviewer(defaultQuestionBank())),
          clock,
        });
      const started = await runner().handle(created.id, startEvent(created));
      expect(started).toMatchObject({ committed: true, version: 1, attempts: 1 });
      // A second runner that read version 0 conflicts, reloads and steps its event on the newer state.
      const consent = {
        ...startEvent(created),
        kind: 'message',
        text: 'yes',
        messageId: `${created.id}:m1`,
      } as InboundEvent;
      const late = await runner().handle(created.id, consent, created);
      expect(late).toMatchObject({ committed: true, version: 2, attempts: 2 });
      expect((await subject.store.load(created.id))?.state.status).toBe('in_progress');
    });
  });
}
