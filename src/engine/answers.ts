/**
 * Collecting answers. Messages join the current draft until the quiet window passes with no new message (a timer
 * event), then the answer is final: flagged, sent to scoring as a job, and followed by what ./advice.ts decides.
 */
import type { AnswerFlag } from '../scoring/types.js';
import * as copy from './copy.js';
import type { StepContext } from './context.js';
import type { JobRequest } from './effects.js';
import { advanceAfter } from './advice.js';
import { discardDraft } from './flow.js';
import { derivedId, timerId } from './ids.js';
import { countWords } from './normalize.js';
import { joinParts, type AnswerRef, type EngineState } from './state.js';

function scoreJob(ref: AnswerRef): JobRequest {
  return {
    name: 'score_answer',
    payload: { answerId: ref.answerId, ...(ref.edits > 0 ? { revision: ref.edits } : {}) },
  };
}

/** The introduction is always the first turn (./flow.ts beginIntroduction). */
function isIntroduction(ref: AnswerRef): boolean {
  return ref.turnOrder === 0;
}

function refOf(state: EngineState, answerId: string): AnswerRef | undefined {
  return state.answers.find((a) => a.answerId === answerId);
}

export function answerFlags(ctx: StepContext, text: string, edited: boolean): AnswerFlag[] {
  const flags = new Set(ctx.interviewer.classifyAnswer(text));
  if (ctx.interviewer.isTruncatedForScoring(text)) flags.add('truncated_for_scoring');
  if (edited) flags.add('edited');
  return [...flags];
}

function scheduleQuietTimer(ctx: StepContext): void {
  const draft = ctx.state.draft;
  if (!draft) return;
  ctx.state.timerSeq += 1;
  draft.timerId = timerId(ctx.state.interviewId, ctx.state.timerSeq);
  draft.lastMessageAt = ctx.nowIso;
  const fireAt = new Date(ctx.now.getTime() + ctx.state.quietWindowMs);
  ctx.emit({ type: 'schedule_timer', timer: 'answer_quiet_window', timerId: draft.timerId, fireAt });
}

function startDraft(ctx: StepContext, messageId: string, text: string): void {
  const turn = ctx.state.current;
  if (!turn) return;
  const answerId = derivedId(ctx.state.interviewId, 'answer', turn.order);
  ctx.state.answers.push({
    answerId,
    turnId: turn.turnId,
    turnOrder: turn.order,
    parts: [{ messageId, text }],
    final: false,
    edited: false,
    edits: 0,
  });
  ctx.state.draft = { answerId, lastMessageAt: ctx.nowIso, timerId: null };
  const answer = { answerId, turnId: turn.turnId, text, wordCount: countWords(text), messageId, receivedAt: ctx.now };
  ctx.emit({ type: 'record_answer', answer });
}

function extendDraft(ctx: StepContext, ref: AnswerRef, messageId: string, text: string): void {
  ref.parts.push({ messageId, text });
  const full = joinParts(ref.parts);
  ctx.emit({
    type: 'extend_answer',
    answerId: ref.answerId,
    text: full,
    wordCount: countWords(full),
    messageId,
    receivedAt: ctx.now,
  });
}

/**
 * A message while a draft is open joins it even when the timer is late: the candidate has not seen a next question
 * yet, so whatever they type still answers this one.
 */
export function receiveAnswerMessage(ctx: StepContext, messageId: string, text: string): void {
  const draft = ctx.state.draft;
  const ref = draft ? refOf(ctx.state, draft.answerId) : undefined;
  if (ref) extendDraft(ctx, ref, messageId, text);
  else startDraft(ctx, messageId, text);
  if (ctx.state.quietWindowMs === 0) finalizeDraft(ctx, true);
  else scheduleQuietTimer(ctx);
}

export function finalizeDraft(ctx: StepContext, announceNext: boolean): void {
  const draft = ctx.state.draft;
  const ref = draft ? refOf(ctx.state, draft.answerId) : undefined;
  const turn = ctx.state.current;
  ctx.state.draft = null;
  if (!ref || !turn) return;
  ref.final = true;
  const text = joinParts(ref.parts);
  ctx.emit({
    type: 'finalize_answer',
    answerId: ref.answerId,
    flags: answerFlags(ctx, text, ref.edited),
    finalizedAt: ctx.now,
  });
  if (turn.kind !== 'introduction') ctx.emit({ type: 'enqueue_job', job: scoreJob(ref) });
  advanceAfter(ctx, turn, ref.answerId, announceNext);
}

export function onQuietTimer(ctx: StepContext, firedTimerId: string): void {
  const { phase, paused, draft } = ctx.state;
  // A newer message or an edit rescheduled the timer; only the latest one finalizes.
  if (phase !== 'interview' || paused || !draft || draft.timerId !== firedTimerId) return;
  finalizeDraft(ctx, true);
}

/**
 * An edit replaces the edited message's part of the answer; the old text goes to the answer's edit history. A
 * draft simply changes (it is scored when it is final). A final answer is scored again, and an edited introduction
 * gives a new profile, until the report is built: after that the hiring team has the answer as it was, so the
 * candidate is told it can no longer change rather than being shown an edit that changes nothing.
 */
export function editAnswerMessage(ctx: StepContext, messageId: string, newText: string): void {
  const { phase } = ctx.state;
  if (phase !== 'interview' && phase !== 'closed' && phase !== 'ended') return;
  const ref = ctx.state.answers.find((a) => a.parts.some((p) => p.messageId === messageId));
  const part = ref?.parts.find((p) => p.messageId === messageId);
  if (!ref || !part || part.text === newText) return;
  if (phase === 'ended' || ctx.state.reportBuilt) {
    ctx.audit('answer.edit_refused', { turnOrder: ref.turnOrder, reason: phase === 'ended' ? 'ended' : 'reported' });
    return ctx.say(phase === 'ended' ? copy.EDIT_AFTER_END : copy.EDIT_TOO_LATE);
  }
  part.text = newText;
  ref.edited = true;
  ref.edits += 1;
  const text = joinParts(ref.parts);
  const final = ref.final;
  const flags = final ? answerFlags(ctx, text, true) : null;
  ctx.emit({
    type: 'edit_answer',
    answerId: ref.answerId,
    text,
    wordCount: countWords(text),
    editedAt: ctx.now,
    flags,
    rescore: final,
  });
  ctx.audit('answer.edited', { turnOrder: ref.turnOrder, final });
  if (!final) {
    if (ctx.state.quietWindowMs > 0) scheduleQuietTimer(ctx);
    return;
  }
  if (isIntroduction(ref)) {
    // The questions already asked stay; the profile the report shows is the edited introduction's.
    ctx.state.profile = ctx.interviewer.extractProfile(text);
    return ctx.say(copy.EDIT_INTRODUCTION);
  }
  ctx.emit({ type: 'enqueue_job', job: scoreJob(ref) });
  ctx.say(copy.EDIT_RESCORED);
}

export function skipCurrentTurn(ctx: StepContext): void {
  const turn = ctx.state.current;
  if (!turn) {
    ctx.say(ctx.state.advice ? copy.PREPARING_NEXT : copy.NOTHING_TO_SKIP);
    return;
  }
  discardDraft(ctx);
  ctx.emit({ type: 'mark_turn_skipped', turnId: turn.turnId });
  ctx.audit('turn.skipped', { order: turn.order, kind: turn.kind });
  ctx.say(copy.SKIPPED);
  advanceAfter(ctx, turn, null, true);
}
