/**
 * The candidate page's form posts sorted into what Screener does with them. Pure: a post's body in, a decision out,
 * as slack/normalize.ts and teams/normalize.ts are for their payloads, so each refusal is deliberate and named.
 * Whether an edited message is the candidate's own needs the conversation, so the route checks that.
 */
import { CANDIDATE_COMMANDS, type CandidateCommand } from '../../engine/index.js';
import { CONFIRMED_COMMANDS } from './views/chat.js';

export type Refused = { kind: 'refused'; reason: 'no_text' | 'unknown_command' | 'no_edit' };
/** Stop and erase cannot be undone: without the confirmation page's field, the answer is that page. */
export type Unconfirmed = { kind: 'confirm'; command: CandidateCommand };

export type WebMessage = { kind: 'message'; text: string; messageId: string };
export type WebCommand = { kind: 'command'; command: CandidateCommand; messageId: string };
export type WebEdit = { kind: 'edit'; text: string; messageId: string };

/** A form field as text, clipped: the page never sends more, and nothing longer reaches the engine. */
export function textOf(body: unknown, field: string): string {
  const value = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[field] : undefined;
  return typeof value === 'string' ? value.slice(0, 4000) : '';
}

/** `newId` names a message the page gave no id of its own; with one, a resubmitted form is recognised. */
export function normalizeMessage(interviewId: string, body: unknown, newId: () => string): WebMessage | Refused {
  const text = textOf(body, 'text').trim();
  if (!text) return { kind: 'refused', reason: 'no_text' };
  const clientId = /^[A-Za-z0-9-]{8,64}$/.test(textOf(body, 'clientId')) ? textOf(body, 'clientId') : newId();
  return { kind: 'message', text, messageId: `web:${interviewId}:${clientId}` };
}

export function normalizeCommand(
  interviewId: string,
  body: unknown,
  newId: () => string,
): WebCommand | Unconfirmed | Refused {
  const command = CANDIDATE_COMMANDS.find((c) => c === textOf(body, 'command'));
  if (!command) return { kind: 'refused', reason: 'unknown_command' };
  if (CONFIRMED_COMMANDS.some((c) => c === command) && textOf(body, 'confirmed') !== 'yes')
    return { kind: 'confirm', command };
  return { kind: 'command', command, messageId: `web:${interviewId}:${newId()}` };
}

export function normalizeEdit(body: unknown): WebEdit | Refused {
  const text = textOf(body, 'text').trim();
  if (!text) return { kind: 'refused', reason: 'no_edit' };
  return { kind: 'edit', text, messageId: textOf(body, 'messageId') };
}
