/**
 * Effects are data. The pure step returns them; the runner commits them in the same transaction as the new state:
 * persistence intents become rows, outward effects (messages, jobs, timers) become OutboxEvent rows that a
 * the background delivers after the commit. Each outward effect's row payload has one zod contract, in ./outbox.ts.
 */
import type { AnswerFlag } from '../scoring/types.js';
import type { z } from 'zod';
import type { DecisionKind, TimerName } from './events.js';
import type { jobRequestPayload, recipientSchema } from './outbox.js';
import type { InterviewStatus } from './state.js';

/** The outbox contract (./outbox.ts) says what a recipient and a job request are. */
export type Recipient = z.infer<typeof recipientSchema>;
export type JobRequest = z.infer<typeof jobRequestPayload>;
export type JobName = JobRequest['name'];

export interface TurnRecord {
  turnId: string;
  order: number;
  kind: 'introduction' | 'technical' | 'behavioral' | 'follow_up';
  parentTurnId: string | null;
  questionId: string | null;
  questionText: string;
  askedAt: Date;
}

export interface AnswerRecord {
  answerId: string;
  turnId: string;
  text: string;
  wordCount: number;
  messageId: string;
  receivedAt: Date;
}

/** Leave the platform, or a job queue, once the state change is committed. */
export type OutwardEffect =
  | { type: 'send_message'; recipient: Recipient; text: string }
  | { type: 'enqueue_job'; job: JobRequest }
  | { type: 'schedule_timer'; timer: TimerName; timerId: string; fireAt: Date };

/** Rows to write in the same transaction as the state. */
export type PersistenceEffect =
  | { type: 'set_status'; status: InterviewStatus; at: Date }
  | { type: 'audit'; actor: string; action: string; data: Record<string, string | number | boolean | null> }
  | { type: 'record_turn'; turn: TurnRecord }
  | { type: 'mark_turn_skipped'; turnId: string }
  | { type: 'record_answer'; answer: AnswerRecord }
  | { type: 'extend_answer'; answerId: string; text: string; wordCount: number; messageId: string; receivedAt: Date }
  /**
   * Replace the text, keep the old one in editHistory and flag `edited`. `flags` is set for an answer that was
   * already final (its flags are recomputed); `rescore` deletes its scores, which describe the old text, in the
   * same transaction (the step asks for the new score).
   */
  | {
      type: 'edit_answer';
      answerId: string;
      text: string;
      wordCount: number;
      editedAt: Date;
      flags: AnswerFlag[] | null;
      rescore: boolean;
    }
  | { type: 'finalize_answer'; answerId: string; flags: AnswerFlag[]; finalizedAt: Date }
  /** A draft the candidate skipped or withdrew from: it was never a final answer, so it goes. */
  | { type: 'discard_answer'; answerId: string }
  | { type: 'record_decision'; deciderId: string; decision: DecisionKind; note: string | null }
  /** Answers, turns, report, the candidate's name and time zone, personal outbox payloads. Audit stubs stay. */
  | { type: 'erase_personal_data'; at: Date };

export type Effect = OutwardEffect | PersistenceEffect;
export type EffectType = Effect['type'];

const OUTWARD: ReadonlySet<EffectType> = new Set<EffectType>(['send_message', 'enqueue_job', 'schedule_timer']);

export function isOutward(effect: Effect): effect is OutwardEffect {
  return OUTWARD.has(effect.type);
}
