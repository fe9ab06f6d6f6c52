/**
 * The interview engine's own state, stored in Interview.state. Its shape is defined once, as a zod schema, so a
 * row written by an older or broken build is refused on load instead of half-understood.
 */
import { z } from 'zod';
import { profileSchema } from '../scoring/profile/schema.js';
import { LEVELS, SKILL_AREAS } from '../scoring/types.js';
import { DEFAULT_REMINDER_POLICY, reminderPolicySchema, type ReminderPolicy } from './reminder-schedule.js';

/**
 * An interview's status, in the Interview.status column (the Prisma enum) and, up to `completed` and the endings,
 * in the engine state. Who sets which: the engine's step sets every status but two, in its state and the column
 * alike; the background sets `scored` (the report is built) and `reported` (posted to every hiring channel), in
 * the column only, since the engine has nothing left to decide then. Code asks the sets below; it lists none.
 */
export const OPEN_STATUSES = ['invited', 'consented', 'in_progress', 'paused'] as const;
/** Every question done; the report is due (`completed`) or built (`scored`, then `reported`). */
export const FINISHED_STATUSES = ['completed', 'scored', 'reported'] as const;
/** Stopped before the end: the deadline passed, or the candidate withdrew, erased their data or declined. */
export const ENDED_STATUSES = ['expired', 'withdrawn', 'erased', 'declined'] as const;
export const INTERVIEW_STATUSES = [...OPEN_STATUSES, ...FINISHED_STATUSES, ...ENDED_STATUSES] as const;
export type InterviewStatus = (typeof INTERVIEW_STATUSES)[number];
export type OpenStatus = (typeof OPEN_STATUSES)[number];
export type FinishedStatus = (typeof FINISHED_STATUSES)[number];

export function isOpenStatus(status: string): status is OpenStatus {
  return (OPEN_STATUSES as readonly string[]).includes(status);
}

export function isFinishedStatus(status: string): status is FinishedStatus {
  return (FINISHED_STATUSES as readonly string[]).includes(status);
}

export const PLATFORMS = ['slack', 'teams', 'web', 'cli'] as const;
export type Platform = (typeof PLATFORMS)[number];

/**
 * invited: created, nothing said yet. consent: notice shown, waiting for yes/no. interview: introduction and
 * questions. closed: every question done, waiting for scores and the report. ended: declined, withdrawn or erased.
 */
export const PHASES = ['invited', 'consent', 'interview', 'closed', 'ended'] as const;
export type Phase = (typeof PHASES)[number];

const isoDate = z.iso.datetime();

const turnKindSchema = z.enum(['introduction', 'technical', 'behavioral', 'follow_up']);

export const turnSchema = z.object({
  turnId: z.string(),
  order: z.number().int().min(0),
  kind: turnKindSchema,
  questionId: z.string().nullable(),
  /** The bank question a follow-up belongs to; follow-ups are decided and scored against it. */
  parentQuestionId: z.string().nullable(),
  parentTurnId: z.string().nullable(),
  text: z.string(),
  /** "Question 3 (technical, 2 of 7 planned)" and the like, shown before the text. */
  label: z.string(),
  /** Null while the turn is decided but not shown yet (the candidate paused right after an answer). */
  askedAt: isoDate.nullable(),
});
export type TurnState = z.infer<typeof turnSchema>;

const messagePartSchema = z.object({ messageId: z.string(), text: z.string() });
export type MessagePart = z.infer<typeof messagePartSchema>;

/** An answer and the messages it is made of; kept so a later edit of one message can rebuild the whole text. */
export const answerRefSchema = z.object({
  answerId: z.string(),
  turnId: z.string(),
  turnOrder: z.number().int(),
  parts: z.array(messagePartSchema),
  final: z.boolean(),
  edited: z.boolean(),
  /** Edits so far; a re-score after an edit is its own job (a job id names the revision it scores). */
  edits: z.number().int().min(0).default(0),
});
export type AnswerRef = z.infer<typeof answerRefSchema>;

/** An answer's text: its messages in order, one per line. */
export function joinParts(parts: readonly MessagePart[]): string {
  return parts.map((p) => p.text).join('\n');
}

/** The whole text of an answer the state still holds; null for none (a skipped turn, an erased interview). */
export function answerTextOf(state: Pick<EngineState, 'answers'>, answerId: string | null): string | null {
  const ref = answerId ? state.answers.find((a) => a.answerId === answerId) : undefined;
  return ref ? joinParts(ref.parts) : null;
}

/** The answer being collected: messages join it until the quiet window passes without a new one. */
export const draftSchema = z.object({
  answerId: z.string(),
  lastMessageAt: isoDate,
  /** The timer that finalizes it; a timer event with another id is stale and ignored. */
  timerId: z.string().nullable(),
});

export const plannedQuestionSchema = z.object({
  questionId: z.string(),
  kind: z.enum(['technical', 'behavioral']),
  text: z.string(),
});
export type PlannedQuestion = z.infer<typeof plannedQuestionSchema>;

export const roleConfigSchema = z.object({
  title: z.string(),
  skillArea: z.enum(SKILL_AREAS),
  level: z.enum(LEVELS),
  technicalCount: z.number().int().min(0),
  behavioralCount: z.number().int().min(0),
});
export type RoleConfig = z.infer<typeof roleConfigSchema>;

/** Reminders and expiry while the interview waits for the candidate; null when it is not waiting. */
export const nudgeSchema = z.object({
  /** The candidate's last message (or the start): reminders and expiry count from here. */
  lastActivityAt: isoDate,
  remindersSent: z.number().int().min(0),
  /** When the next reminder goes out (null: no more reminders), and when the interview expires. */
  reminderAt: isoDate.nullable().default(null),
  expiresAt: isoDate.nullable().default(null),
  /** Only the timers named here are live; an older reminder or expiry timer is stale and ignored. */
  reminderTimerId: z.string().nullable(),
  expiryTimerId: z.string().nullable(),
});
export type NudgeState = z.infer<typeof nudgeSchema>;

/**
 * The engine waits for the interviewer provider (a language model) to say what follows `after`: an advice job
 * asks it, and an advice event brings the answer back. A deadline timer decides offline if the advice is late.
 */
export const pendingAdviceSchema = z.object({
  requestId: z.string(),
  /** The turn that just ended (answered or skipped). */
  after: turnSchema,
  /** Its answer; null when it was skipped. */
  answerId: z.string().nullable(),
  deadlineTimerId: z.string(),
});
export type PendingAdvice = z.infer<typeof pendingAdviceSchema>;

export const engineStateSchema = z.object({
  v: z.literal(1),
  interviewId: z.string(),
  /** Only this platform user's messages are part of the interview (others in a thread are ignored). */
  candidateUserId: z.string().nullable(),
  platform: z.enum(PLATFORMS),
  phase: z.enum(PHASES),
  status: z.enum(INTERVIEW_STATUSES),
  paused: z.boolean(),
  role: roleConfigSchema,
  quietWindowMs: z.number().int().min(0),
  /** Null until the introduction is answered: the questions are chosen to fit it. */
  plan: z.array(plannedQuestionSchema).nullable(),
  planCursor: z.number().int().min(0),
  current: turnSchema.nullable(),
  nextOrder: z.number().int().min(0),
  draft: draftSchema.nullable(),
  answers: z.array(answerRefSchema),
  /** Inbound message ids already handled; platforms deliver at least once. */
  seen: z.array(z.string()),
  timerSeq: z.number().int().min(0),
  decided: z.boolean(),
  /** IANA zone of the candidate when the platform knows it: reminders are not sent at night there. */
  timeZone: z.string().nullable().default(null),
  reminderPolicy: reminderPolicySchema.default(DEFAULT_REMINDER_POLICY),
  nudge: nudgeSchema.nullable().default(null),
  /** What the introduction says about the candidate; questions are chosen and worded to fit it. Personal: erased. */
  profile: profileSchema.nullable().default(null),
  advice: pendingAdviceSchema.nullable().default(null),
  /**
   * The text of every turn decided so far, in order: a follow-up never repeats one word for word. Personal (a
   * follow-up quotes the candidate): erased.
   */
  asked: z.array(z.string()).default([]),
  /**
   * The report was built from the answers: from then on an edit can no longer change one (the hiring team has
   * the report). Set by the store with the report, under the interview's row lock (src/background/jobs/build-report.ts).
   */
  reportBuilt: z.boolean().default(false),
});
export type EngineState = z.infer<typeof engineStateSchema>;

export interface InitialStateInput {
  interviewId: string;
  candidateUserId: string | null;
  platform: Platform;
  role: RoleConfig;
  /** @defaultValue 15000 */
  quietWindowMs?: number;
  timeZone?: string | null;
  /** @defaultValue DEFAULT_REMINDER_POLICY: 24 h, at most 2 reminders, expiry after 7 days */
  reminderPolicy?: ReminderPolicy;
}

/** How long after a message a next one still joins the same answer. */
export const DEFAULT_QUIET_WINDOW_MS = 15_000;

export function createInitialState(input: InitialStateInput): EngineState {
  return {
    v: 1,
    interviewId: input.interviewId,
    candidateUserId: input.candidateUserId,
    platform: input.platform,
    phase: 'invited',
    status: 'invited',
    paused: false,
    role: input.role,
    quietWindowMs: input.quietWindowMs ?? DEFAULT_QUIET_WINDOW_MS,
    plan: null,
    planCursor: 0,
    current: null,
    nextOrder: 0,
    draft: null,
    answers: [],
    seen: [],
    timerSeq: 0,
    decided: false,
    timeZone: input.timeZone ?? null,
    reminderPolicy: input.reminderPolicy ?? DEFAULT_REMINDER_POLICY,
    nudge: null,
    profile: null,
    advice: null,
    asked: [],
    reportBuilt: false,
  };
}

/** What is left of the state after an erase: enough to answer "this interview was erased", nothing personal. */
export function erasedState(state: EngineState): EngineState {
  return {
    ...createInitialState({
      interviewId: state.interviewId,
      candidateUserId: state.candidateUserId,
      platform: state.platform,
      role: state.role,
      quietWindowMs: state.quietWindowMs,
      reminderPolicy: state.reminderPolicy,
    }),
    phase: 'ended',
    status: 'erased',
    // Message ids are not personal; keeping them keeps a late redelivery from being answered twice.
    seen: state.seen,
  };
}
