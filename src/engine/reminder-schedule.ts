/**
 * When to nudge a candidate who has gone quiet, and when to give up. Pure: the caller passes the time.
 */
import { z } from 'zod';

export const reminderPolicySchema = z.object({
  delayMs: z.number().int().positive(),
  maxReminders: z.number().int().min(0),
  expireAfterMs: z.number().int().positive(),
  quietHours: z.object({ start: z.number().int().min(0).max(23), end: z.number().int().min(0).max(23) }),
});

export interface ReminderPolicy {
  /** Silence before each reminder. @defaultValue 24 hours */
  delayMs: number;
  /** Reminders per interview. @defaultValue 2 */
  maxReminders: number;
  /** Silence after which the interview expires. @defaultValue 7 days */
  expireAfterMs: number;
  /** Local hours in which no reminder is sent, as [start, end): 21 to 8 means 21:00 to 07:59. */
  quietHours: { start: number; end: number };
}

export const DEFAULT_REMINDER_POLICY: ReminderPolicy = {
  delayMs: 24 * 3600_000,
  maxReminders: 2,
  expireAfterMs: 7 * 24 * 3600_000,
  quietHours: { start: 21, end: 8 },
};

function localTime(at: Date, timeZone: string): { hour: number; minute: number } | null {
  try {
    const parts = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).formatToParts(at);
    const hour = Number(parts.find((p) => p.type === 'hour')?.value);
    const minute = Number(parts.find((p) => p.type === 'minute')?.value);
    return Number.isFinite(hour) && Number.isFinite(minute) ? { hour, minute } : null;
  } catch {
    return null; // an unknown time zone: treat as unknown, no quiet hours
  }
}

function inQuietHours(hour: number, quiet: ReminderPolicy['quietHours']): boolean {
  return quiet.start > quiet.end ? hour >= quiet.start || hour < quiet.end : hour >= quiet.start && hour < quiet.end;
}

/** Moves `at` to the end of the candidate's night when it falls inside it; unchanged when the zone is unknown. */
export function outsideQuietHours(
  at: Date,
  timeZone: string | null | undefined,
  quiet = DEFAULT_REMINDER_POLICY.quietHours,
): Date {
  if (!timeZone) return at;
  let moved = at;
  // Twice at most: a daylight-saving jump can land the first move one hour short.
  for (let i = 0; i < 2; i++) {
    const local = localTime(moved, timeZone);
    if (!local || !inQuietHours(local.hour, quiet)) return moved;
    const minutesToEnd = ((quiet.end - local.hour + 24) % 24) * 60 - local.minute;
    moved = new Date(moved.getTime() + minutesToEnd * 60_000);
  }
  return moved;
}

/** The next reminder after `lastActivityAt`, or null when none is due any more (all sent, or it would expire first). */
export function nextReminderAt(
  lastActivityAt: Date,
  remindersSent: number,
  timeZone: string | null | undefined,
  policy: ReminderPolicy = DEFAULT_REMINDER_POLICY,
): Date | null {
  if (remindersSent >= policy.maxReminders) return null;
  const due = new Date(lastActivityAt.getTime() + policy.delayMs * (remindersSent + 1));
  const at = outsideQuietHours(due, timeZone, policy.quietHours);
  return at.getTime() < expiresAt(lastActivityAt, policy).getTime() ? at : null;
}

export function expiresAt(lastActivityAt: Date, policy: ReminderPolicy = DEFAULT_REMINDER_POLICY): Date {
  return new Date(lastActivityAt.getTime() + policy.expireAfterMs);
}
