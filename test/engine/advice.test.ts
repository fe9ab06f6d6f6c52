/**
 * The step with a language-model interviewer: after each turn it waits for an advice event (or its deadline), and
 * whatever arrives late, twice, or for another turn changes nothing.
 */
import { describe, expect, it } from 'vitest';
import {
  createInitialState,
  createStep,
  type Advice,
  type Effect,
  type EngineState,
  type InboundEvent,
} from '../../src/engine/index.js';
import type { Profile } from '../../src/scoring/index.js';
import { CANDIDATE, ev } from './support/events.js';
import { FIXED_PLAN, createFixedInterviewer } from './support/fixed-interviewer.js';

const DEADLINE_MS = 30_000;
const base = {
  platform: 'web',
  workspaceId: 'W1',
  conversationId: 'C1',
  threadId: null,
  raw: null,
  userId: 'system',
} as const;
const LONG_ANSWER = 'I would put a read-through cache in front of it with a short expiry and invalidate on writes.';
const PROFILE: Profile = {
  primarySkillArea: 'backend',
  experienceLevel: 'senior',
  skills: ['go'],
  projectsMentioned: 2,
  evidence: {
    primarySkillArea: 'back-end',
    experienceLevel: 'ten years',
    skills: 'Go',
    projectsMentioned: 'two services',
  },
};

function advice(requestId: string, fields: Partial<Advice> = {}): InboundEvent {
  return {
    ...base,
    kind: 'advice',
    requestId,
    messageId: `advice:${requestId}`,
    advice: { profile: null, followUp: null, question: null, by: 'Fake model', ...fields },
  };
}

function deadline(timerId: string): InboundEvent {
  return { ...base, kind: 'timer', timer: 'advice_deadline', timerId, messageId: timerId };
}

class Harness {
  readonly step = createStep({ ...createFixedInterviewer(), adviceDeadlineMs: DEADLINE_MS });
  state: EngineState = createInitialState({
    interviewId: 'iv-advice',
    candidateUserId: CANDIDATE,
    platform: 'web',
    role: { title: 'Back-end engineer', skillArea: 'backend', level: 'senior', technicalCount: 2, behavioralCount: 1 },
    quietWindowMs: 0,
  });
  effects: Effect[] = [];
  now = new Date('2026-01-05T09:00:00Z');

  send(event: InboundEvent): this {
    const result = this.step(this.state, event, this.now);
    this.state = result.state;
    this.effects = result.effects;
    return this;
  }

  said(): string[] {
    return this.effects.flatMap((e) => (e.type === 'send_message' && e.recipient.to === 'candidate' ? [e.text] : []));
  }

  pending() {
    const pending = this.state.advice;
    if (!pending) throw new Error('the interview is not waiting for advice');
    return pending;
  }

  /** Consented and introduced; waiting for the advice that follows the introduction. */
  introduced(): this {
    return this.send(ev.start())
      .send(ev.message('yes'))
      .send(ev.message('I am a senior back-end engineer; ten years of Go across two services.'));
  }
}

describe('interview step with advice from a language model', () => {
  it('asks for advice after the introduction instead of asking a question, with a deadline', () => {
    const h = new Harness().introduced();
    const pending = h.pending();
    expect(h.said()).toEqual([]);
    expect(h.state.current).toBeNull();
    expect(h.effects).toContainEqual({
      type: 'enqueue_job',
      job: { name: 'advise_turn', payload: { interviewId: 'iv-advice', requestId: pending.requestId } },
    });
    expect(h.effects).toContainEqual({
      type: 'schedule_timer',
      timer: 'advice_deadline',
      timerId: pending.deadlineTimerId,
      fireAt: new Date(h.now.getTime() + DEADLINE_MS),
    });
    expect(pending.after.kind).toBe('introduction');
  });

  it("plans from the model's profile and asks the first question in the model's wording", () => {
    const h = new Harness().introduced();
    const worded = 'You have run Go services for ten years: how would you cache an expensive API response there?';
    h.send(
      advice(h.pending().requestId, {
        profile: PROFILE,
        question: { questionId: FIXED_PLAN[0]!.questionId, text: worded },
      }),
    );
    expect(h.state.profile).toEqual(PROFILE);
    expect(h.state.current?.text).toBe(worded);
    expect(h.said().at(-1)).toContain(worded);
    const recorded = h.effects.find((e) => e.type === 'record_turn');
    expect(recorded?.type === 'record_turn' && recorded.turn.questionText).toBe(worded);
  });

  it("ignores a wording meant for another question and asks the bank's text", () => {
    const h = new Harness().introduced();
    h.send(
      advice(h.pending().requestId, { question: { questionId: 'not-planned', text: 'Something else entirely?' } }),
    );
    expect(h.state.current?.text).toBe(FIXED_PLAN[0]!.text);
  });

  it("asks the model's follow-up after a question, and never a follow-up after a follow-up", () => {
    const h = new Harness().introduced();
    h.send(advice(h.pending().requestId));
    h.send(ev.message(LONG_ANSWER));
    const afterQuestion = h.pending();
    expect(afterQuestion.after.questionId).toBe(FIXED_PLAN[0]!.questionId);
    h.send(
      advice(afterQuestion.requestId, {
        followUp: { prompt: 'You said "invalidate on writes": how do you avoid stale reads?', reason: 'clarify' },
      }),
    );
    expect(h.state.current?.kind).toBe('follow_up');
    expect(h.said().at(-1)).toContain('invalidate on writes');

    h.send(ev.message(LONG_ANSWER));
    const afterFollowUp = h.pending();
    h.send(advice(afterFollowUp.requestId, { followUp: { prompt: 'And another?', reason: 'clarify' } }));
    expect(h.state.current?.kind).toBe('technical');
    expect(h.state.current?.questionId).toBe(FIXED_PLAN[1]!.questionId);
  });

  it('a message while waiting is not taken as an answer, and the candidate is told so', () => {
    const h = new Harness().introduced();
    h.send(ev.message('hello?'));
    expect(h.said()).toEqual([expect.stringMatching(/next question is on its way.*not added/s)]);
    expect(h.effects.some((e) => e.type === 'record_answer')).toBe(false);
    expect(h.state.advice).not.toBeNull();
  });

  it('a repeated or stale advice changes nothing', () => {
    const h = new Harness().introduced();
    const { requestId } = h.pending();
    h.send(advice('some-other-request'));
    expect(h.effects).toEqual([]);
    h.send(advice(requestId));
    const asked = h.state.current?.turnId;
    h.send(advice(requestId));
    expect(h.effects).toEqual([]);
    expect(h.state.current?.turnId).toBe(asked);
  });

  it('past the deadline the offline interviewer decides, and the late advice is ignored', () => {
    const h = new Harness().introduced();
    h.send(advice(h.pending().requestId));
    h.send(ev.message('short answer')); // the fixed interviewer follows up on fewer than eight words
    const pending = h.pending();
    h.send(deadline(pending.deadlineTimerId));
    expect(h.state.current?.kind).toBe('follow_up');
    expect(h.state.current?.text).toBe(`Could you say more about ${FIXED_PLAN[0]!.questionId}?`);
    expect(h.effects).toContainEqual(expect.objectContaining({ type: 'audit', action: 'advice.timed_out' }));
    const turn = h.state.current?.turnId;
    h.send(advice(pending.requestId, { followUp: { prompt: 'Too late', reason: 'clarify' } }));
    expect(h.effects).toEqual([]);
    expect(h.state.current?.turnId).toBe(turn);
  });

  it('stop while waiting ends the interview; the advice that comes after changes nothing', () => {
    const h = new Harness().introduced();
    const { requestId } = h.pending();
    h.send(ev.message('stop'));
    expect(h.state.status).toBe('withdrawn');
    expect(h.state.advice).toBeNull();
    h.send(advice(requestId, { question: { questionId: FIXED_PLAN[0]!.questionId, text: 'Still there?' } }));
    expect(h.effects).toEqual([]);
  });

  it('paused while waiting: the advised question waits for "resume"', () => {
    const h = new Harness().introduced();
    const { requestId } = h.pending();
    h.send(ev.message('pause'));
    expect(h.state.paused).toBe(true);
    h.send(advice(requestId));
    expect(h.said()).toEqual([]);
    h.send(ev.message('resume'));
    expect(h.said().at(-1)).toContain(FIXED_PLAN[0]!.text);
  });

  it('skip asks for advice too, and the last turn closes the interview when the advice comes', () => {
    const h = new Harness().introduced();
    h.send(advice(h.pending().requestId));
    for (let i = 0; i < FIXED_PLAN.length; i += 1) {
      h.send(ev.message('skip'));
      h.send(advice(h.pending().requestId));
    }
    expect(h.state.phase).toBe('closed');
    expect(h.effects).toContainEqual({
      type: 'enqueue_job',
      job: { name: 'build_report', payload: { interviewId: 'iv-advice' } },
    });
  });
});
