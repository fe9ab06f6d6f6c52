/** Moving through the interview: which turn comes next, showing it, closing, and the ways an interview ends. */
import * as copy from './copy.js';
import type { StepContext } from './context.js';
import type { Profile } from '../scoring/types.js';
import type { FollowUp } from './interviewer.js';
import { derivedId } from './ids.js';
import { erasedState, type RoleConfig, type TurnState } from './state.js';

type NewTurn = Omit<TurnState, 'turnId' | 'order' | 'askedAt'>;

function newTurn(ctx: StepContext, fields: NewTurn): TurnState {
  const order = ctx.state.nextOrder;
  ctx.state.nextOrder += 1;
  ctx.state.asked.push(fields.text);
  return { ...fields, order, turnId: derivedId(ctx.state.interviewId, 'turn', order), askedAt: null };
}

/** Says the current question; the first time, it is also recorded as a turn (a repeat is not a new turn). */
export function showCurrentTurn(ctx: StepContext): void {
  const turn = ctx.state.current;
  if (!turn) {
    if (ctx.state.advice) ctx.say(copy.PREPARING_NEXT);
    return;
  }
  if (turn.askedAt === null) {
    turn.askedAt = ctx.nowIso;
    ctx.emit({
      type: 'record_turn',
      turn: {
        turnId: turn.turnId,
        order: turn.order,
        kind: turn.kind,
        parentTurnId: turn.parentTurnId,
        questionId: turn.questionId,
        questionText: turn.text,
        askedAt: ctx.now,
      },
    });
  }
  ctx.say(copy.prompt(turn.label, turn.text));
}

/** `announce` is false when the candidate paused right after answering: the next turn waits for "resume". */
function present(ctx: StepContext, turn: TurnState, announce: boolean): void {
  ctx.state.current = turn;
  if (announce) showCurrentTurn(ctx);
}

export function beginIntroduction(ctx: StepContext): void {
  const fields: NewTurn = {
    kind: 'introduction',
    questionId: null,
    parentQuestionId: null,
    parentTurnId: null,
    text: copy.INTRODUCTION_QUESTION,
    label: copy.INTRODUCTION_LABEL,
  };
  present(ctx, newTurn(ctx, fields), true);
}

/** The questions are chosen once, after the introduction, to fit what the candidate said about themselves. */
export function planFromProfile(ctx: StepContext, profile: Profile | null): void {
  ctx.state.profile = profile;
  const plan = ctx.interviewer.planQuestions({ role: ctx.state.role, profile, seed: ctx.state.interviewId });
  ctx.state.plan = plan;
  ctx.state.planCursor = 0;
  // Counts only: what the profile says about the candidate is personal and must not outlive an erasure.
  ctx.audit('interview.planned', {
    technical: plan.filter((q) => q.kind === 'technical').length,
    behavioral: plan.filter((q) => q.kind === 'behavioral').length,
    fromIntroduction: profile !== null,
  });
}

export function askFollowUp(ctx: StepContext, parent: TurnState, followUp: FollowUp, announce: boolean): void {
  const fields: NewTurn = {
    kind: 'follow_up',
    questionId: null,
    parentQuestionId: parent.questionId,
    parentTurnId: parent.turnId,
    text: followUp.prompt,
    // The introduction is turn 0, so a question's order is its number among the questions (see copy.questionLabel).
    label: copy.followUpLabel(ctx.state.nextOrder, parent.order),
  };
  ctx.audit('follow_up.asked', { parentOrder: parent.order, reason: followUp.reason });
  present(ctx, newTurn(ctx, fields), announce);
}

/** A wording of a planned question that fits the candidate (from the interviewer provider). */
export interface QuestionWording {
  questionId: string;
  text: string;
}

/** The next planned question, or the close when there is none. A wording for another question is not used. */
export function moveOn(ctx: StepContext, announce: boolean, wording: QuestionWording | null = null): void {
  const plan = ctx.state.plan ?? [];
  const index = ctx.state.planCursor;
  const next = plan[index];
  if (!next) {
    closeInterview(ctx);
    return;
  }
  ctx.state.planCursor = index + 1;
  const fields: NewTurn = {
    kind: next.kind,
    questionId: next.questionId,
    parentQuestionId: null,
    parentTurnId: null,
    text: wording?.questionId === next.questionId ? wording.text : next.text,
    label: copy.questionLabel(ctx.state.nextOrder, index, plan.length, next.kind),
  };
  present(ctx, newTurn(ctx, fields), announce);
}

function closeInterview(ctx: StepContext): void {
  ctx.state.current = null;
  ctx.state.phase = 'closed';
  ctx.state.paused = false;
  ctx.setStatus('completed');
  ctx.say(copy.closing(ctx.state.role));
  ctx.emit({ type: 'enqueue_job', job: { name: 'build_report', payload: { interviewId: ctx.state.interviewId } } });
  ctx.audit('interview.completed', { answers: ctx.state.answers.length });
}

/** A draft was never a final answer; when the candidate leaves it behind it is not kept. */
export function discardDraft(ctx: StepContext): void {
  const draft = ctx.state.draft;
  if (!draft) return;
  ctx.state.draft = null;
  ctx.state.answers = ctx.state.answers.filter((a) => a.answerId !== draft.answerId);
  ctx.emit({ type: 'discard_answer', answerId: draft.answerId });
}

function end(ctx: StepContext, status: 'withdrawn' | 'declined' | 'expired'): void {
  discardDraft(ctx);
  ctx.state.phase = 'ended';
  ctx.state.paused = false;
  ctx.state.current = null;
  ctx.state.advice = null; // a late advice event finds nothing to answer
  ctx.setStatus(status);
}

export function decline(ctx: StepContext): void {
  end(ctx, 'declined');
  ctx.say(copy.DECLINED);
  ctx.say(copy.recruiterDeclined(ctx.state.interviewId, ctx.state.role), { to: 'recruiter' });
  ctx.audit('consent.declined');
}

export function withdraw(ctx: StepContext): void {
  endAndTell(ctx, 'withdrawn', copy.WITHDRAWN, copy.recruiterWithdrawn);
}

/** Nothing heard for the policy's expiry time: the interview ends, and both sides are told. */
export function expire(ctx: StepContext): void {
  endAndTell(ctx, 'expired', copy.EXPIRED, copy.recruiterExpired);
}

/** Ends a started interview, tells the candidate and the recruiter, and audits the status it ended from. */
function endAndTell(
  ctx: StepContext,
  status: 'withdrawn' | 'expired',
  toCandidate: string,
  toRecruiter: (interviewId: string, role: RoleConfig) => string,
): void {
  const from = ctx.state.status;
  end(ctx, status);
  ctx.say(toCandidate);
  ctx.say(toRecruiter(ctx.state.interviewId, ctx.state.role), { to: 'recruiter' });
  ctx.audit(`interview.${status}`, { from });
}

export function erase(ctx: StepContext): void {
  const from = ctx.state.status;
  ctx.emit({ type: 'erase_personal_data', at: ctx.now });
  ctx.setStatus('erased');
  Object.assign(ctx.state, erasedState(ctx.state));
  ctx.say(copy.ERASED);
  ctx.say(copy.recruiterErased(ctx.state.interviewId, ctx.state.role), { to: 'recruiter' });
  ctx.audit('interview.erased', { from });
}

/** What to say when a message or command makes no sense in the current phase. */
export function remindOfPhase(ctx: StepContext): void {
  const { phase, status, paused } = ctx.state;
  if (phase === 'invited') ctx.say(copy.NOT_STARTED);
  else if (phase === 'consent') ctx.say(copy.CONSENT_PROMPT);
  else if (phase === 'closed') ctx.say(copy.FINISHED);
  else if (phase === 'ended') ctx.say(status === 'erased' ? copy.ALREADY_ERASED : copy.ALREADY_ENDED);
  else if (paused) ctx.say(copy.STILL_PAUSED);
  else showCurrentTurn(ctx);
}
