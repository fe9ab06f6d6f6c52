/**
 * What follows a turn. With an offline interviewer it is decided on the spot. With a language model it cannot be:
 * the step is pure and the model is slow, so the step records a pending advice request, emits an `advise_turn` job
 * and a deadline timer, and the turn after waits. The job asks the model and steps an `advice` event carrying its
 * decisions; if the deadline passes first, the same decisions are made here from the offline interviewer. Either
 * way exactly one of them lands: the request id and the timer id must both match the pending request.
 */
import type { StepContext } from './context.js';
import type { Advice, EventOf } from './events.js';
import { askFollowUp, moveOn, planFromProfile } from './flow.js';
import { derivedId, timerId } from './ids.js';
import { answerTextOf, type PendingAdvice, type TurnState } from './state.js';

const OFFLINE_ADVICE = 'offline interviewer';

/** Only a planned bank question gets a follow-up, and at most one: never the introduction or a follow-up. */
export function takesFollowUp(turn: TurnState): turn is TurnState & { questionId: string } {
  return turn.kind !== 'introduction' && turn.kind !== 'follow_up' && turn.questionId !== null;
}

/** The decisions the offline interviewer makes, as an advice. */
function adviceOnTheSpot(ctx: StepContext, after: TurnState, answer: string | null): Advice {
  const isIntroduction = after.kind === 'introduction';
  return {
    profile: isIntroduction && answer !== null ? ctx.interviewer.extractProfile(answer) : null,
    followUp:
      takesFollowUp(after) && answer !== null
        ? ctx.interviewer.decideFollowUp(after.questionId, answer, ctx.state.asked)
        : null,
    question: null,
    by: OFFLINE_ADVICE,
  };
}

function proceed(ctx: StepContext, after: TurnState, advice: Advice, announce: boolean): void {
  if (after.kind === 'introduction') {
    planFromProfile(ctx, advice.profile);
    return moveOn(ctx, announce, advice.question);
  }
  // At most one follow-up per question: a follow-up's answer never gets another.
  if (advice.followUp && takesFollowUp(after)) return askFollowUp(ctx, after, advice.followUp, announce);
  moveOn(ctx, announce, advice.question);
}

/** Called when a turn ends with an answer (`answerId`) or a skip (null). */
export function advanceAfter(ctx: StepContext, after: TurnState, answerId: string | null, announce: boolean): void {
  const deadlineMs = ctx.interviewer.adviceDeadlineMs;
  if (deadlineMs === undefined)
    return proceed(ctx, after, adviceOnTheSpot(ctx, after, answerTextOf(ctx.state, answerId)), announce);
  const { interviewId } = ctx.state;
  ctx.state.timerSeq += 1;
  const pending: PendingAdvice = {
    requestId: derivedId(interviewId, 'advice', after.order),
    after,
    answerId,
    deadlineTimerId: timerId(interviewId, ctx.state.timerSeq, 'advice'),
  };
  ctx.state.advice = pending;
  ctx.state.current = null;
  ctx.emit({
    type: 'enqueue_job',
    job: { name: 'advise_turn', payload: { interviewId, requestId: pending.requestId } },
  });
  ctx.emit({
    type: 'schedule_timer',
    timer: 'advice_deadline',
    timerId: pending.deadlineTimerId,
    fireAt: new Date(ctx.now.getTime() + deadlineMs),
  });
}

function isWaitingFor(ctx: StepContext, matches: (pending: PendingAdvice) => boolean): PendingAdvice | null {
  const pending = ctx.state.advice;
  if (!pending || ctx.state.phase !== 'interview' || !matches(pending)) return null;
  ctx.state.advice = null;
  return pending;
}

export function onAdvice(ctx: StepContext, event: EventOf<'advice'>): void {
  const pending = isWaitingFor(ctx, (p) => p.requestId === event.requestId);
  if (!pending) return;
  ctx.audit('advice.applied', {
    by: event.advice.by,
    followUp: event.advice.followUp !== null,
    wordedQuestion: event.advice.question !== null,
    profile: event.advice.profile !== null,
  });
  proceed(ctx, pending.after, event.advice, !ctx.state.paused);
}

export function onAdviceDeadline(ctx: StepContext, firedTimerId: string): void {
  const pending = isWaitingFor(ctx, (p) => p.deadlineTimerId === firedTimerId);
  if (!pending) return;
  ctx.audit('advice.timed_out', { turnOrder: pending.after.order });
  proceed(
    ctx,
    pending.after,
    adviceOnTheSpot(ctx, pending.after, answerTextOf(ctx.state, pending.answerId)),
    !ctx.state.paused,
  );
}
