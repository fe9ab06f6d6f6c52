/**
 * Reminders and expiry. While the interview waits for the candidate (consent or questions, paused or not), each
 * candidate message restarts the clock: a reminder after the policy's delay (never at night in the candidate's
 * time zone when it is known), at most `maxReminders`, and expiry after `expireAfterMs` of silence. Timers are
 * ordinary effects, so they survive restarts like every other effect; each carries an id, and only the ids kept
 * in the state are live, so a timer that a newer message made obsolete does nothing when it fires.
 */
import * as copy from './copy.js';
import type { StepContext } from './context.js';
import type { InboundEvent } from './events.js';
import { expire, remindOfPhase } from './flow.js';
import { timerId } from './ids.js';
import { expiresAt, nextReminderAt } from './reminder-schedule.js';

const WAITING_PHASES = new Set(['consent', 'interview']);
const RESTARTS_CLOCK = new Set<InboundEvent['kind']>(['start', 'message', 'command']);
/**
 * A burst of messages restarts the clock once: reminders are a day apart, so a minute's precision is plenty, and
 * each restart writes two timer rows.
 */
const RESTART_GRANULARITY_MS = 60_000;

function scheduleReminder(ctx: StepContext): void {
  const nudge = ctx.state.nudge;
  if (!nudge) return;
  const at = nextReminderAt(
    new Date(nudge.lastActivityAt),
    nudge.remindersSent,
    ctx.state.timeZone,
    ctx.state.reminderPolicy,
  );
  nudge.reminderTimerId = null;
  nudge.reminderAt = at ? at.toISOString() : null;
  if (!at) return;
  ctx.state.timerSeq += 1;
  nudge.reminderTimerId = timerId(ctx.state.interviewId, ctx.state.timerSeq, 'reminder');
  ctx.emit({ type: 'schedule_timer', timer: 'reminder', timerId: nudge.reminderTimerId, fireAt: at });
}

function restartClock(ctx: StepContext): void {
  const expiry = expiresAt(ctx.now, ctx.state.reminderPolicy);
  ctx.state.nudge = {
    lastActivityAt: ctx.nowIso,
    remindersSent: 0,
    reminderAt: null,
    expiresAt: expiry.toISOString(),
    reminderTimerId: null,
    expiryTimerId: null,
  };
  scheduleReminder(ctx);
  ctx.state.timerSeq += 1;
  const expiryId = timerId(ctx.state.interviewId, ctx.state.timerSeq, 'expiry');
  ctx.state.nudge.expiryTimerId = expiryId;
  ctx.emit({ type: 'schedule_timer', timer: 'expiry', timerId: expiryId, fireAt: expiry });
}

/** Runs after every step: keeps the reminder and expiry timers in line with what the interview now waits for. */
export function updateNudges(ctx: StepContext, event: InboundEvent, fromCandidate: boolean): void {
  if (!WAITING_PHASES.has(ctx.state.phase)) {
    ctx.state.nudge = null; // closed or ended: pending timers are now stale
    return;
  }
  const nudge = ctx.state.nudge;
  const activity = event.kind === 'start' || (fromCandidate && RESTARTS_CLOCK.has(event.kind));
  const stale = !nudge || ctx.now.getTime() - new Date(nudge.lastActivityAt).getTime() >= RESTART_GRANULARITY_MS;
  if (!nudge || (activity && stale)) restartClock(ctx);
}

export function onReminderTimer(ctx: StepContext, firedTimerId: string): void {
  const nudge = ctx.state.nudge;
  if (!nudge || nudge.reminderTimerId !== firedTimerId || !WAITING_PHASES.has(ctx.state.phase)) return;
  nudge.remindersSent += 1;
  ctx.say(copy.REMINDER);
  remindOfPhase(ctx);
  ctx.audit('interview.reminded', { reminder: nudge.remindersSent });
  scheduleReminder(ctx);
}

export function onExpiryTimer(ctx: StepContext, firedTimerId: string): void {
  const nudge = ctx.state.nudge;
  if (!nudge || nudge.expiryTimerId !== firedTimerId || !WAITING_PHASES.has(ctx.state.phase)) return;
  expire(ctx);
}
