import { describe, expect, it } from 'vitest';
import {
  createInitialState,
  createStep,
  type Effect,
  type EngineState,
  type InboundEvent,
} from '../../src/engine/index.js';
import { createFixedInterviewer } from './support/fixed-interviewer.js';
import { CANDIDATE, ev } from './support/events.js';

const LONG_ANSWER = 'I would put a read-through cache in front of it with a short expiry and invalidate on writes.';

function initial(quietWindowMs = 0): EngineState {
  return createInitialState({
    interviewId: 'iv-1',
    candidateUserId: CANDIDATE,
    platform: 'web',
    role: {
      title: 'Back-end engineer (mid-level)',
      skillArea: 'backend',
      level: 'mid',
      technicalCount: 2,
      behavioralCount: 1,
    },
    quietWindowMs,
  });
}

/** Steps events one after another, keeping the state and the last step's effects. */
class Harness {
  readonly step = createStep(createFixedInterviewer());
  state: EngineState;
  effects: Effect[] = [];
  now = new Date('2026-01-05T09:00:00Z');

  constructor(quietWindowMs = 0) {
    this.state = initial(quietWindowMs);
  }

  send(event: InboundEvent): Effect[] {
    const result = this.step(this.state, event, this.now);
    this.state = result.state;
    this.effects = result.effects;
    return result.effects;
  }

  advance(ms: number): void {
    this.now = new Date(this.now.getTime() + ms);
  }

  said(): string[] {
    return this.effects.flatMap((e) => (e.type === 'send_message' && e.recipient.to === 'candidate' ? [e.text] : []));
  }

  types(): string[] {
    return this.effects.map((e) => e.type);
  }

  /** Started, consented, introduction answered: the first question is on screen. */
  atFirstQuestion(): this {
    this.send(ev.start());
    this.send(ev.message('yes'));
    this.send(ev.message('I build back-end services in Node and Go and have shipped three projects.'));
    return this;
  }
}

function jobs(effects: Effect[]): string[] {
  return effects.flatMap((e) => (e.type === 'enqueue_job' ? [e.job.name] : []));
}

describe('interview step: consent', () => {
  it('start shows the notice (software scoring, human review, stop and erase) and asks for consent', () => {
    const h = new Harness();
    h.send(ev.start());
    const [notice, ask] = h.said();
    expect(notice).toMatch(/scored by software/);
    expect(notice).toMatch(/person on the hiring team reviews/);
    expect(notice).toMatch(/"stop".*"erase"/s);
    expect(ask).toMatch(/reply "yes" or "no"/);
    expect(h.state.phase).toBe('consent');
  });

  it('asks again on an unclear reply and starts the introduction on yes', () => {
    const h = new Harness();
    h.send(ev.start());
    h.send(ev.message('maybe later?'));
    expect(h.said()).toEqual([expect.stringMatching(/clear answer/)]);
    expect(h.state.phase).toBe('consent');
    h.send(ev.message('Yes!'));
    expect(
      h.effects.filter((e) => e.type === 'set_status').map((e) => (e.type === 'set_status' ? e.status : '')),
    ).toEqual(['consented', 'in_progress']);
    expect(h.said().at(-1)).toMatch(/^Introduction: .*tell me about yourself/i);
    expect(h.types()).toContain('record_turn');
  });

  it('a decline ends the interview, tells the recruiter and records no turn or answer', () => {
    const h = new Harness();
    h.send(ev.start());
    const effects = h.send(ev.message('no thanks'));
    expect(h.state.status).toBe('declined');
    expect(h.state.phase).toBe('ended');
    expect(
      effects.some((e) => e.type === 'send_message' && e.recipient.to === 'recruiter' && /declined/.test(e.text)),
    ).toBe(true);
    expect(h.types()).not.toContain('record_turn');
    expect(h.types()).not.toContain('record_answer');
    expect(JSON.stringify(h.state)).not.toContain('no thanks');
  });
});

describe('interview step: questions and answers', () => {
  it('plans after the introduction, scores only questions, and closes with a report job', () => {
    const h = new Harness().atFirstQuestion();
    expect(jobs(h.effects)).toEqual([]); // the introduction builds the profile; it is not scored
    expect(h.said().at(-1)).toMatch(/^Question 1 \(technical, 1 of 3 planned\): How would you cache/);
    h.send(ev.message(LONG_ANSWER));
    expect(jobs(h.effects)).toEqual(['score_answer']);
    h.send(ev.message(LONG_ANSWER));
    h.send(ev.message(`${LONG_ANSWER} Once we disagreed and I listened first.`));
    expect(jobs(h.effects)).toEqual(['score_answer', 'build_report']);
    expect(h.state.status).toBe('completed');
    expect(h.said().at(-1)).toMatch(/What happens next/);
  });

  it('asks one follow-up for a short answer, and never a follow-up to a follow-up', () => {
    const h = new Harness().atFirstQuestion();
    h.send(ev.message('Use Redis.'));
    expect(h.said().at(-1)).toBe('Question 2 (follow-up to question 1): Could you say more about be-cache-01?');
    expect(h.state.current?.kind).toBe('follow_up');
    h.send(ev.message('TTL.'));
    expect(h.said().at(-1)).toMatch(/^Question 3 \(technical, 2 of 3 planned\)/);
    const followUpTurn = h.effects.find((e) => e.type === 'record_turn');
    expect(followUpTurn).toBeDefined();
  });

  it('joins messages inside the quiet window and finalizes on the latest timer only', () => {
    const h = new Harness(15_000).atFirstQuestion();
    // The introduction needs its timer too.
    const introTimer = h.state.draft?.timerId ?? '';
    h.advance(15_000);
    h.send(ev.timer(introTimer));
    expect(h.said().at(-1)).toMatch(/^Question 1 \(\w+, 1 of 3 planned\)/);

    h.send(ev.message('First part of my answer about caching'));
    const first = h.effects.find((e) => e.type === 'schedule_timer');
    expect(first?.type === 'schedule_timer' && first.fireAt.toISOString()).toBe('2026-01-05T09:00:30.000Z');
    h.advance(5_000);
    h.send(ev.message('and the second part about invalidation on every write'));
    expect(h.types()).toEqual(['extend_answer', 'schedule_timer']);
    const extended = h.effects[0];
    expect(extended?.type === 'extend_answer' && extended.text).toBe(
      'First part of my answer about caching\nand the second part about invalidation on every write',
    );

    h.send(ev.timer(first?.type === 'schedule_timer' ? first.timerId : ''));
    expect(h.effects).toEqual([]); // stale: superseded by the second message's timer
    h.advance(15_000);
    h.send(ev.timer(h.state.draft?.timerId ?? ''));
    expect(h.types()).toContain('finalize_answer');
    expect(jobs(h.effects)).toEqual(['score_answer']);
  });

  it('accepts empty, emoji-only and very long answers and flags them', () => {
    const h = new Harness().atFirstQuestion();
    const flagsOf = (effects: Effect[]) => effects.flatMap((e) => (e.type === 'finalize_answer' ? e.flags : []));
    expect(flagsOf(h.send(ev.message('   ')))).toContain('empty');
    expect(flagsOf(h.send(ev.message('🙂🚀')))).toContain('emoji_only');
    const huge = 'cache '.repeat(6_667).slice(0, 40_000);
    const effects = h.send(ev.message(huge));
    const recorded = effects.find((e) => e.type === 'record_answer');
    expect(recorded?.type === 'record_answer' && recorded.answer.text.length).toBe(huge.trim().length);
    expect(flagsOf(effects)).toContain('truncated_for_scoring');
  });
});

describe('interview step: duplicates, strangers, edits', () => {
  it('ignores a redelivered message id: same state, no effects', () => {
    const h = new Harness().atFirstQuestion();
    h.send(ev.message(LONG_ANSWER, 'dup-1'));
    const before = h.state;
    expect(h.send(ev.message(LONG_ANSWER, 'dup-1'))).toEqual([]);
    expect(h.state).toBe(before);
  });

  it("ignores other people's messages in the thread", () => {
    const h = new Harness().atFirstQuestion();
    expect(h.send(ev.message('I am the recruiter, just watching', undefined, 'U-someone-else'))).toEqual([]);
  });

  it('replaces an edited draft message and restarts the quiet window', () => {
    const h = new Harness(15_000).atFirstQuestion();
    h.send(ev.timer(h.state.draft?.timerId ?? ''));
    h.send(ev.message('I would use a cache', 'a1'));
    h.advance(3_000);
    h.send(ev.edit('a1', 'I would use a read-through cache'));
    const edit = h.effects.find((e) => e.type === 'edit_answer');
    expect(edit).toMatchObject({ text: 'I would use a read-through cache', rescore: false, flags: null });
    expect(h.said()).toEqual([]); // a draft is still being written: nothing to confirm
    expect(h.types()).toContain('schedule_timer');
    h.send(ev.timer(h.state.draft?.timerId ?? ''));
    const finalized = h.effects.find((e) => e.type === 'finalize_answer');
    expect(finalized?.type === 'finalize_answer' && finalized.flags).toContain('edited');
    expect(h.send(ev.edit('a1', 'I would use a read-through cache'))).toEqual([]); // same text again: nothing
  });

  it('an edit of a final answer replaces it and asks for a score of each new revision', () => {
    const h = new Harness().atFirstQuestion();
    h.send(ev.message(LONG_ANSWER, 'b1'));
    const answerId = h.state.answers.at(-1)?.answerId;
    h.send(ev.edit('b1', `${LONG_ANSWER} Also a stampede lock.`));
    expect(h.effects[0]).toMatchObject({ type: 'edit_answer', rescore: true, flags: ['edited'] });
    expect(h.effects).toContainEqual({
      type: 'enqueue_job',
      job: { name: 'score_answer', payload: { answerId, revision: 1 } },
    });
    expect(h.said()).toEqual([expect.stringMatching(/^Your edit is saved: that answer will be scored again/)]);
    h.send(ev.edit('b1', `${LONG_ANSWER} Also a stampede lock, and jitter.`));
    expect(h.effects).toContainEqual({
      type: 'enqueue_job',
      job: { name: 'score_answer', payload: { answerId, revision: 2 } },
    });
  });

  it('an edited introduction is not scored, and says so plainly', () => {
    const h = new Harness();
    h.send(ev.start());
    h.send(ev.message('yes'));
    h.send(ev.message('I build back-end services in Node.', 'intro'));
    h.send(ev.edit('intro', 'I build back-end services in Node and Go, and I led two migrations.'));
    expect(h.types()).toEqual(['edit_answer', 'audit', 'send_message']);
    expect(h.said()).toEqual(['Your edit to your introduction is saved.']);
  });

  it('once the report is built, an edit changes nothing and the candidate is told it can no longer change', () => {
    const h = new Harness().atFirstQuestion();
    h.send(ev.message(LONG_ANSWER, 'c1'));
    h.state = { ...h.state, reportBuilt: true };
    const before = h.state.answers;
    h.send(ev.edit('c1', 'Something else entirely.'));
    expect(h.types()).not.toContain('edit_answer');
    expect(jobs(h.effects)).toEqual([]);
    expect(h.said()).toEqual([
      'Your answer was already scored and sent to the hiring team; it can no longer be changed.',
    ]);
    expect(h.state.answers).toEqual(before);
  });

  it('after a withdrawal, an edit changes nothing and says so', () => {
    const h = new Harness().atFirstQuestion();
    h.send(ev.message(LONG_ANSWER, 'd1'));
    h.send(ev.message('stop'));
    h.send(ev.edit('d1', 'Something else entirely.'));
    expect(h.types()).not.toContain('edit_answer');
    expect(h.said()).toEqual(['This interview has ended, so its answers can no longer be changed.']);
  });
});

describe('interview step: commands', () => {
  it('pause finalizes the open answer and holds the next question until resume', () => {
    const h = new Harness(15_000).atFirstQuestion();
    h.send(ev.timer(h.state.draft?.timerId ?? ''));
    h.send(ev.message(LONG_ANSWER));
    h.send(ev.message('pause'));
    expect(h.types()).toContain('finalize_answer');
    expect(h.types()).not.toContain('record_turn');
    expect(h.said()).toEqual([expect.stringMatching(/^Paused/)]);
    expect(h.state.status).toBe('paused');
    h.send(ev.message('here is more text'));
    expect(h.said()).toEqual([expect.stringMatching(/We are paused/)]);
    h.send(ev.message('/Resume'));
    expect(h.said()).toEqual([
      expect.stringMatching(/Welcome back/),
      expect.stringMatching(/^Question 2 \(\w+, 2 of 3 planned\)/),
    ]);
    expect(h.types()).toContain('record_turn');
    expect(h.state.status).toBe('in_progress');
  });

  it('repeat says the current question again without a new turn', () => {
    const h = new Harness().atFirstQuestion();
    const question = h.said().at(-1);
    h.send(ev.message('REPEAT'));
    expect(h.said()).toEqual([question]);
    expect(h.types()).not.toContain('record_turn');
  });

  it('skip marks the turn skipped, drops the draft and never enqueues scoring', () => {
    const h = new Harness(15_000).atFirstQuestion();
    h.send(ev.timer(h.state.draft?.timerId ?? ''));
    h.send(ev.message('half an answer'));
    const effects = h.send(ev.message('!skip'));
    expect(effects.map((e) => e.type)).toEqual(expect.arrayContaining(['discard_answer', 'mark_turn_skipped']));
    expect(jobs(effects)).toEqual([]);
    expect(h.said().at(-1)).toMatch(/^Question 2 \(\w+, 2 of 3 planned\)/);
  });

  it('an answer that merely mentions a command word is an answer', () => {
    const h = new Harness().atFirstQuestion();
    h.send(ev.message('I would stop the server and skip the cache warmup, then erase stale keys.'));
    expect(h.state.status).toBe('in_progress');
    expect(h.types()).toContain('finalize_answer');
  });

  it('stop withdraws and tells the recruiter', () => {
    const h = new Harness().atFirstQuestion();
    const effects = h.send(ev.message('stop'));
    expect(h.state.status).toBe('withdrawn');
    expect(
      effects.filter((e) => e.type === 'send_message').map((e) => (e.type === 'send_message' ? e.recipient.to : '')),
    ).toEqual(['candidate', 'recruiter']);
    h.send(ev.message('hello?'));
    expect(h.said()).toEqual([expect.stringMatching(/has ended/)]);
  });

  it('erase empties the state of everything the candidate said, erase first', () => {
    const h = new Harness().atFirstQuestion();
    h.send(ev.message(LONG_ANSWER));
    const effects = h.send(ev.message('erase'));
    expect(effects[0]?.type).toBe('erase_personal_data');
    expect(h.state.status).toBe('erased');
    const stored = JSON.stringify(h.state);
    expect(stored).not.toContain('read-through cache');
    expect(stored).not.toContain('Node and Go');
    expect(h.state.answers).toEqual([]);
    h.send(ev.message('erase'));
    expect(h.said()).toEqual([expect.stringMatching(/was erased/)]);
  });
});

describe('interview step: purity and decisions', () => {
  it('is pure: the same input gives the same output and the input state is untouched', () => {
    const h = new Harness().atFirstQuestion();
    const frozen = structuredClone(h.state);
    const event = ev.message('Use Redis.', 'p1');
    const a = h.step(h.state, event, h.now);
    const b = h.step(h.state, event, h.now);
    expect(a).toEqual(b);
    expect(h.state).toEqual(frozen);
  });

  it('records one decision after the close and refuses a second', () => {
    const h = new Harness().atFirstQuestion();
    h.send(ev.decision('advance'));
    expect(h.said()).toEqual([]); // replies go to the decider, not the candidate
    expect(h.types()).not.toContain('record_decision');
    h.send(ev.message('skip'));
    h.send(ev.message('skip'));
    h.send(ev.message('skip'));
    expect(h.state.phase).toBe('closed');
    expect(h.send(ev.decision('advance')).map((e) => e.type)).toEqual(['record_decision', 'audit', 'send_message']);
    expect(h.send(ev.decision('reject')).map((e) => e.type)).toEqual(['send_message']);
  });
});
