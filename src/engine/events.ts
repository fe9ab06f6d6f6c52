/**
 * Inbound events: what every platform adapter (Slack, Teams, web, CLI) turns its deliveries into. The adapter
 * normalizes at the edge and keeps the original payload in `raw`; the engine never looks inside `raw`.
 */
import { z } from 'zod';
import { profileSchema } from '../scoring/profile/schema.js';
import { PLATFORMS } from './state.js';

export const CANDIDATE_COMMANDS = ['help', 'repeat', 'pause', 'resume', 'skip', 'stop', 'erase'] as const;
export type CandidateCommand = (typeof CANDIDATE_COMMANDS)[number];

export const DECISIONS = ['advance', 'hold', 'reject'] as const;
export type DecisionKind = (typeof DECISIONS)[number];

/**
 * answer_quiet_window: an answer is complete. reminder: nudge a quiet candidate. expiry: give up on them.
 * advice_deadline: the interviewer provider took too long to say what comes next; decide offline.
 */
export const TIMER_NAMES = ['answer_quiet_window', 'reminder', 'expiry', 'advice_deadline'] as const;
export type TimerName = (typeof TIMER_NAMES)[number];

const baseShape = {
  platform: z.enum(PLATFORMS),
  workspaceId: z.string(),
  conversationId: z.string(),
  threadId: z.string().nullable(),
  /** Who caused the event: the candidate, the recruiter who started it, a hiring manager, or `system`. */
  userId: z.string(),
  /** The platform's id of the delivery; the engine drops one it has already handled. */
  messageId: z.string(),
  raw: z.unknown(),
};

/**
 * What the interviewer provider decided after a turn: the candidate's profile (after the introduction), a follow-up,
 * or the wording of the next planned question. Each part is optional; a missing part is decided offline.
 */
export const adviceSchema = z.object({
  profile: profileSchema.nullable(),
  followUp: z.object({ prompt: z.string().min(1), reason: z.string() }).nullable(),
  /** Asked instead of the bank text only if `questionId` is the next planned question. */
  question: z.object({ questionId: z.string(), text: z.string().min(1) }).nullable(),
  /** The provider's label, for the audit trail. */
  by: z.string(),
});
export type Advice = z.infer<typeof adviceSchema>;

export const inboundEventSchema = z.discriminatedUnion('kind', [
  z.object({ ...baseShape, kind: z.literal('start') }),
  z.object({ ...baseShape, kind: z.literal('message'), text: z.string() }),
  /** `messageId` is the id of the message that was edited; `text` is its new text. */
  z.object({ ...baseShape, kind: z.literal('message_edited'), text: z.string() }),
  /** A command that arrived as a slash command or a button rather than as a typed message. */
  z.object({ ...baseShape, kind: z.literal('command'), command: z.enum(CANDIDATE_COMMANDS) }),
  z.object({ ...baseShape, kind: z.literal('timer'), timer: z.enum(TIMER_NAMES), timerId: z.string() }),
  z.object({ ...baseShape, kind: z.literal('decision'), decision: z.enum(DECISIONS), note: z.string().nullable() }),
  /** From the advice job (userId `system`): `requestId` names the wait it ends; a stale one changes nothing. */
  z.object({ ...baseShape, kind: z.literal('advice'), requestId: z.string(), advice: adviceSchema }),
]);

export type InboundEvent = z.infer<typeof inboundEventSchema>;
export type InboundEventKind = InboundEvent['kind'];
export type EventOf<K extends InboundEventKind> = Extract<InboundEvent, { kind: K }>;
