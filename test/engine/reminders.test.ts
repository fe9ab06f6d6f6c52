/** Reminders and expiry, driven by an injected clock: nothing here sleeps, and nothing needs a database. */
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/shared/clock.js';
import { INTRODUCTION } from './support/answers.js';
import { MemoryChat } from './support/memory-chat.js';

const HOUR = 3600_000;
const REMINDER = /^Just a friendly reminder/;

async function startedInterview(start = '2026-03-02T10:00:00Z', timeZone: string | null = null) {
  const chat = await MemoryChat.open({ clock: new ManualClock(start), candidate: { timeZone } });
  await chat.send('yes');
  await chat.send(INTRODUCTION);
  return chat;
}

async function status(chat: MemoryChat) {
  return chat.row().status;
}

describe('reminders', () => {
  it('nudges after 24 hours of silence with the current question, twice at most, then expires after 7 days', async () => {
    const chat = await startedInterview();
    const question = chat.lastReply();
    expect(await chat.advance(23 * HOUR)).toEqual([]);
    const first = await chat.advance(1 * HOUR);
    expect(first[0]).toMatch(REMINDER);
    expect(first.at(-1)).toBe(question);
    expect((await chat.advance(24 * HOUR))[0]).toMatch(REMINDER);
    expect(await chat.advance(4 * 24 * HOUR)).toEqual([]); // no third reminder
    expect(await status(chat)).toBe('in_progress');

    const atExpiry = await chat.advance(24 * HOUR);
    expect(atExpiry.at(-1)).toMatch(/has expired/);
    expect(await status(chat)).toBe('expired');
    expect(chat.recruiterMessages().at(-1)).toMatch(/expired without the candidate finishing it/);
    // Later messages get the "ended" answer; no more reminders ever.
    expect(await chat.advance(30 * 24 * HOUR)).toEqual([]);
  });

  it('a candidate who answers cancels the pending reminders and restarts the clock', async () => {
    const chat = await startedInterview();
    expect((await chat.advance(24 * HOUR))[0]).toMatch(REMINDER);
    await chat.advance(6 * HOUR);
    await chat.send(
      'I would add an index on the filtered column, because it avoids a full scan, and check the plan with EXPLAIN.',
    );
    // The reminder that was due 48 h after the start is void: the candidate spoke at 30 h.
    expect(await chat.advance(18 * HOUR + 60_000)).toEqual([]);
    expect((await chat.advance(6 * HOUR))[0]).toMatch(REMINDER);
    // Expiry moved too: 7 days after the last message, not after the start.
    await chat.advance(5 * 24 * HOUR);
    expect(await status(chat)).toBe('in_progress');
  });

  it('waits for morning in the candidate time zone', async () => {
    // The candidate's last message lands at 22:30 in Tokyo (13:30 UTC); 24 hours later is night there again.
    const chat = await startedInterview('2026-03-02T13:29:00Z', 'Asia/Tokyo');
    expect(await chat.advance(24 * HOUR + 60_000)).toEqual([]);
    expect(await chat.advance(9 * HOUR)).toEqual([]); // 07:30 Tokyo: still night
    expect((await chat.advance(HOUR))[0]).toMatch(REMINDER); // 08:30 Tokyo
    const row = chat.row();
    expect(row.remindersSent).toBe(1);
  });

  it('leaves a finished interview alone', async () => {
    const chat = await startedInterview();
    await chat.command('stop');
    expect(await chat.advance(10 * 24 * HOUR)).toEqual([]);
    expect(await status(chat)).toBe('withdrawn');
  });
});
