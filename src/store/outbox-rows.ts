/** How an outward effect becomes an OutboxEvent row. */
import { jobRequestPayload, scheduleTimerPayload, sendMessagePayload, type OutwardEffect } from '../engine/index.js';
import { toJson } from './json.js';
import type { Prisma } from './prisma.js';

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/**
 * `<interview>:<version>:<index>`: deterministic (the same step of the same version writes the same key, so a
 * replayed commit is a no-op) and, zero-padded, it sorts in the order the step emitted the effects.
 */
export function outboxDedupeKey(interviewId: string, version: number, index: number): string {
  return `${interviewId}:${pad(version, 8)}:${pad(index, 4)}`;
}

/** The row's payload, by the effect's contract in src/engine/outbox.ts (the background reads it back by the same). */
export function outboxPayload(effect: OutwardEffect): Prisma.InputJsonValue {
  switch (effect.type) {
    case 'send_message':
      return toJson(sendMessagePayload.parse({ recipient: effect.recipient, text: effect.text }));
    case 'enqueue_job':
      return toJson(jobRequestPayload.parse(effect.job));
    case 'schedule_timer':
      return toJson(
        scheduleTimerPayload.parse({ timer: effect.timer, timerId: effect.timerId, fireAt: effect.fireAt }),
      );
  }
}

export function outboxRow(
  interviewId: string,
  version: number,
  index: number,
  effect: OutwardEffect,
  now: Date,
): Prisma.OutboxEventCreateManyInput {
  return {
    interviewId,
    kind: effect.type,
    payload: outboxPayload(effect),
    dedupeKey: outboxDedupeKey(interviewId, version, index),
    // Timers wait in the outbox until they are due; everything else can go right away.
    availableAt: effect.type === 'schedule_timer' ? effect.fireAt : now,
  };
}
