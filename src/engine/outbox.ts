/**
 * The outbox contract: one zod schema per outward effect, for the payload of its OutboxEvent row. The store writes
 * rows through these (src/store/outbox-rows.ts) and the background reads them back through the same ones
 * (src/background), so a payload's shape is written once. The effect types in ./effects.ts are inferred from here.
 */
import { z } from 'zod';
import { TIMER_NAMES } from './events.js';

export const recipientSchema = z.discriminatedUnion('to', [
  z.object({ to: z.literal('candidate') }),
  z.object({ to: z.literal('recruiter') }),
  z.object({ to: z.literal('user'), userId: z.string() }),
]);

/** `send_message`: what to say to whom; the interview's row says on which platform and in which conversation. */
export const sendMessagePayload = z.object({ recipient: recipientSchema, text: z.string() });

/** `score_answer`: `revision` is the answer's edits when it was asked for (absent for none); each is scored once. */
export const scoreAnswerRequest = z.object({
  answerId: z.string().min(1),
  revision: z.number().int().min(1).optional(),
});
export const buildReportRequest = z.object({ interviewId: z.string().min(1) });
/** `advise_turn`: ask the interviewer provider what follows the turn the pending advice request names (./advice.ts). */
export const adviseTurnRequest = z.object({ interviewId: z.string().min(1), requestId: z.string().min(1) });

/** `enqueue_job`: the job the engine asks for, by name, with its payload. */
export const jobRequestPayload = z.discriminatedUnion('name', [
  z.object({ name: z.literal('score_answer'), payload: scoreAnswerRequest }),
  z.object({ name: z.literal('build_report'), payload: buildReportRequest }),
  z.object({ name: z.literal('advise_turn'), payload: adviseTurnRequest }),
]);

/** `schedule_timer`: the row waits in the outbox until `fireAt` (its `availableAt`); `timerId` names this arming. */
export const scheduleTimerPayload = z.object({
  timer: z.enum(TIMER_NAMES),
  timerId: z.string(),
  fireAt: z.coerce.date(),
});

export const OUTBOX_PAYLOADS = {
  send_message: sendMessagePayload,
  enqueue_job: jobRequestPayload,
  schedule_timer: scheduleTimerPayload,
} as const;
export type OutboxKind = keyof typeof OUTBOX_PAYLOADS;
