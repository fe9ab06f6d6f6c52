import type { InboundEvent } from '../../../src/engine/index.js';

const base = { platform: 'web', workspaceId: 'W1', conversationId: 'C1', threadId: null, raw: null } as const;
let counter = 0;

export const CANDIDATE = 'U-candidate';

export function nextMessageId(): string {
  counter += 1;
  return `m${counter}`;
}

export const ev = {
  start: (): InboundEvent => ({ ...base, kind: 'start', userId: 'U-recruiter', messageId: nextMessageId() }),
  message: (text: string, messageId = nextMessageId(), userId = CANDIDATE): InboundEvent => ({
    ...base,
    kind: 'message',
    userId,
    messageId,
    text,
  }),
  edit: (messageId: string, text: string): InboundEvent => ({
    ...base,
    kind: 'message_edited',
    userId: CANDIDATE,
    messageId,
    text,
  }),
  timer: (timerId: string): InboundEvent => ({
    ...base,
    kind: 'timer',
    timer: 'answer_quiet_window',
    timerId,
    userId: 'system',
    messageId: timerId,
  }),
  decision: (decision: 'advance' | 'hold' | 'reject', userId = 'U-manager'): InboundEvent => ({
    ...base,
    kind: 'decision',
    decision,
    note: null,
    userId,
    messageId: nextMessageId(),
  }),
};
