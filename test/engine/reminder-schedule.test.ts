import { describe, expect, it } from 'vitest';
import {
  DEFAULT_REMINDER_POLICY,
  expiresAt,
  nextReminderAt,
  outsideQuietHours,
} from '../../src/engine/reminder-schedule.js';

const at = (iso: string) => new Date(iso);

describe('reminder schedule', () => {
  it('reminds 24 hours after the last answer, then 24 hours later, then no more', () => {
    const last = at('2026-03-02T10:00:00Z');
    expect(nextReminderAt(last, 0, null)?.toISOString()).toBe('2026-03-03T10:00:00.000Z');
    expect(nextReminderAt(last, 1, null)?.toISOString()).toBe('2026-03-04T10:00:00.000Z');
    expect(nextReminderAt(last, 2, null)).toBeNull();
  });

  it('never reminds at night in the candidate time zone: it waits for 08:00 local', () => {
    // 22:30 in Tokyo (UTC+9) is 13:30 UTC; the reminder moves to 08:00 Tokyo, 23:00 UTC.
    const last = at('2026-03-02T13:30:00Z');
    expect(nextReminderAt(last, 0, 'Asia/Tokyo')?.toISOString()).toBe('2026-03-03T23:00:00.000Z');
    // 03:15 in New York (UTC-5 in winter): moves to 08:00 New York, 13:00 UTC.
    expect(outsideQuietHours(at('2026-01-10T08:15:00Z'), 'America/New_York').toISOString()).toBe(
      '2026-01-10T13:00:00.000Z',
    );
  });

  it('keeps daytime reminders where they are, and ignores an unknown time zone', () => {
    const noon = at('2026-03-02T12:00:00Z');
    expect(outsideQuietHours(noon, 'Europe/London')).toEqual(noon);
    expect(outsideQuietHours(at('2026-03-02T02:00:00Z'), 'Not/AZone').toISOString()).toBe('2026-03-02T02:00:00.000Z');
  });

  it('sends no reminder that would fall after the interview expires', () => {
    const policy = { ...DEFAULT_REMINDER_POLICY, delayMs: 4 * 24 * 3600_000 };
    const last = at('2026-03-02T10:00:00Z');
    expect(nextReminderAt(last, 0, null, policy)?.toISOString()).toBe('2026-03-06T10:00:00.000Z');
    expect(nextReminderAt(last, 1, null, policy)).toBeNull();
    expect(expiresAt(last).toISOString()).toBe('2026-03-09T10:00:00.000Z');
  });
});
