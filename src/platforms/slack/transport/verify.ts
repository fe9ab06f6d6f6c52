/**
 * Slack's request signature (v0 HMAC-SHA256 of `v0:timestamp:body` with the signing secret) and a timestamp
 * within five minutes of our clock, either way. The clock is injected so the window is testable without waiting.
 */
import { verifySlackRequest } from '@slack/bolt';

export type Verdict = { ok: true } | { ok: false; reason: 'missing_headers' | 'stale' | 'bad_signature' };

export const SIGNATURE_WINDOW_SECONDS = 5 * 60;

export function verifySignature(input: {
  signingSecret: string;
  rawBody: string;
  signature: string | undefined;
  timestamp: string | undefined;
  nowMs: number;
}): Verdict {
  const { signature, timestamp } = input;
  if (!signature || !timestamp || !/^\d+$/.test(timestamp)) return { ok: false, reason: 'missing_headers' };
  const seconds = Number(timestamp);
  // Bolt's check only refuses old requests; a timestamp far in the future is just as replayable later.
  if (Math.abs(input.nowMs / 1000 - seconds) > SIGNATURE_WINDOW_SECONDS) return { ok: false, reason: 'stale' };
  try {
    verifySlackRequest({
      signingSecret: input.signingSecret,
      body: input.rawBody,
      headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': seconds },
      nowMilliseconds: input.nowMs,
    });
    return { ok: true };
  } catch {
    return { ok: false, reason: 'bad_signature' };
  }
}
