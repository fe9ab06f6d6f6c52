/** A timer outbox row as the engine event it stands for. Shared by the in-process dispatcher and the worker. */
import { z } from 'zod';
import { PLATFORMS, TIMER_NAMES, type InboundEvent } from '../engine/index.js';

export const timerPayloadSchema = z.object({ timer: z.enum(TIMER_NAMES), timerId: z.string() });

/** The columns of an interview a timer event needs. */
export const TIMER_INTERVIEW_FIELDS = { id: true, workspaceId: true, platform: true, platformConversationId: true, platformThreadId: true } as const;

export interface TimerInterview {
  id: string;
  workspaceId: string;
  platform: string;
  platformConversationId: string | null;
  platformThreadId: string | null;
}

/** The fields every event has, for an event the system itself causes (a timer, an advice job). */
export function systemEventBase(interview: TimerInterview, messageId: string) {
  return {
    platform: z.enum(PLATFORMS).parse(interview.platform),
    workspaceId: interview.workspaceId,
    conversationId: interview.platformConversationId ?? '',
    threadId: interview.platformThreadId,
    userId: 'system',
    messageId,
    raw: null,
  };
}

export function timerEvent(interview: TimerInterview, payload: unknown): InboundEvent {
  const { timer, timerId } = timerPayloadSchema.parse(payload);
  return { kind: 'timer', timer, timerId, ...systemEventBase(interview, timerId) };
}
