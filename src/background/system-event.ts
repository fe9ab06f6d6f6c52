/** Engine events the system itself causes (a due timer, a job's advice), built from the interview's row. */
import { z } from 'zod';
import { PLATFORMS, scheduleTimerPayload, type InboundEvent } from '../engine/index.js';

/** The columns of an interview a system event needs. */
export const SYSTEM_EVENT_INTERVIEW_FIELDS = {
  id: true,
  workspaceId: true,
  platform: true,
  platformConversationId: true,
  platformThreadId: true,
} as const;

export interface SystemEventInterview {
  id: string;
  workspaceId: string;
  platform: string;
  platformConversationId: string | null;
  platformThreadId: string | null;
}

/** The fields every event has, for an event the system itself causes (a timer, an advice job). */
export function systemEventBase(interview: SystemEventInterview, messageId: string) {
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

/** A `schedule_timer` row's payload (the outbox contract) as the timer event it stands for. */
export function timerEvent(interview: SystemEventInterview, payload: unknown): InboundEvent {
  const { timer, timerId } = scheduleTimerPayload.pick({ timer: true, timerId: true }).parse(payload);
  return { kind: 'timer', timer, timerId, ...systemEventBase(interview, timerId) };
}
