/**
 * The interview step: `(state, event, now) -> { state, effects }`, pure. Everything it needs to know about
 * questions comes in through the Interviewer; everything it wants done goes out as effects.
 */
import { onAdvice, onAdviceDeadline } from './advice.js';
import { editAnswerMessage, onQuietTimer, receiveAnswerMessage } from './answers.js';
import { handleCommand } from './command-handlers.js';
import { parseCommand, parseConsent } from './commands.js';
import { StepContext } from './context.js';
import * as copy from './copy.js';
import type { Effect } from './effects.js';
import type { EventOf, InboundEvent } from './events.js';
import { beginIntroduction, decline, remindOfPhase } from './flow.js';
import type { Interviewer } from './interviewer.js';
import { normalizeText } from './normalize.js';
import { onExpiryTimer, onReminderTimer, updateNudges } from './nudges.js';
import type { EngineState } from './state.js';

export interface StepResult {
  state: EngineState;
  effects: Effect[];
}

export type Step = (state: EngineState, event: InboundEvent, now: Date) => StepResult;

/** Enough for any interview; the oldest ids go first if a runaway client sends more. */
const SEEN_LIMIT = 2000;

const FROM_CANDIDATE = new Set<InboundEvent['kind']>(['message', 'message_edited', 'command']);
const DEDUPED = new Set<InboundEvent['kind']>(['start', 'message', 'command', 'decision']);

export function createStep(interviewer: Interviewer): Step {
  return (state, event, now) => {
    if (isIgnored(state, event)) return { state, effects: [] };
    const fromCandidate = FROM_CANDIDATE.has(event.kind);
    const ctx = new StepContext(state, now, interviewer, fromCandidate ? 'candidate' : event.userId);
    if (DEDUPED.has(event.kind)) ctx.state.seen = [...ctx.state.seen, event.messageId].slice(-SEEN_LIMIT);
    dispatch(ctx, event);
    updateNudges(ctx, event, fromCandidate);
    return { state: ctx.state, effects: ctx.effects };
  };
}

/** Redeliveries and other people's messages in the candidate's thread change nothing. */
function isIgnored(state: EngineState, event: InboundEvent): boolean {
  if (DEDUPED.has(event.kind) && state.seen.includes(event.messageId)) return true;
  return FROM_CANDIDATE.has(event.kind) && state.candidateUserId !== null && event.userId !== state.candidateUserId;
}

function dispatch(ctx: StepContext, event: InboundEvent): void {
  switch (event.kind) {
    case 'start':
      return onStart(ctx, event);
    case 'message':
      return onMessage(ctx, event);
    case 'message_edited':
      return editAnswerMessage(ctx, event.messageId, normalizeText(event.text));
    case 'command':
      return handleCommand(ctx, event.command);
    case 'timer':
      if (event.timer === 'reminder') return onReminderTimer(ctx, event.timerId);
      if (event.timer === 'expiry') return onExpiryTimer(ctx, event.timerId);
      if (event.timer === 'advice_deadline') return onAdviceDeadline(ctx, event.timerId);
      return onQuietTimer(ctx, event.timerId);
    case 'decision':
      return onDecision(ctx, event);
    case 'advice':
      return onAdvice(ctx, event);
  }
}

function onStart(ctx: StepContext, event: EventOf<'start'>): void {
  if (ctx.state.phase !== 'invited') return;
  ctx.state.phase = 'consent';
  ctx.audit('interview.started', { by: event.userId });
  ctx.say(copy.notice(ctx.interviewer.label, ctx.state.role));
  ctx.say(copy.CONSENT_PROMPT);
}

function onMessage(ctx: StepContext, event: EventOf<'message'>): void {
  const text = normalizeText(event.text);
  const command = parseCommand(text);
  if (command) return handleCommand(ctx, command);
  const { phase, paused } = ctx.state;
  if (phase === 'consent') return onConsentReply(ctx, text);
  // Nothing to answer while the next question is being prepared; the candidate is told the message was not kept.
  if (phase === 'interview' && !paused && ctx.state.advice) return ctx.say(copy.PREPARING_NOT_COUNTED);
  if (phase === 'interview' && !paused) return receiveAnswerMessage(ctx, event.messageId, text);
  remindOfPhase(ctx);
}

function onConsentReply(ctx: StepContext, text: string): void {
  const reply = parseConsent(text);
  if (reply === 'unclear') return ctx.say(copy.CONSENT_UNCLEAR);
  if (reply === 'no') return decline(ctx);
  ctx.setStatus('consented');
  ctx.audit('consent.given');
  ctx.say(copy.CONSENT_THANKS);
  ctx.state.phase = 'interview';
  ctx.setStatus('in_progress');
  beginIntroduction(ctx);
}

function onDecision(ctx: StepContext, event: EventOf<'decision'>): void {
  const to = { to: 'user', userId: event.userId } as const;
  if (ctx.state.phase !== 'closed') return ctx.say(copy.DECISION_NOT_READY, to);
  if (ctx.state.decided) return ctx.say(copy.DECISION_ALREADY_RECORDED, to);
  ctx.state.decided = true;
  ctx.emit({ type: 'record_decision', deciderId: event.userId, decision: event.decision, note: event.note });
  ctx.audit('decision.recorded', { decision: event.decision });
  ctx.say(copy.decisionRecorded(event.decision), to);
}
