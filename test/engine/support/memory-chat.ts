/**
 * "Send text, assert reply" with no database: the real runner and step over the memory store, on a ManualClock,
 * seen from the candidate's side. Each call returns once what it caused has been delivered: messages are read
 * from the store's outbox in commit order, due timers are fired through the runner as the worker fires them
 * (all that are due, oldest first, then what they caused). Jobs (scoring, reports) are recorded, not run: an
 * engine test that needs scores or a report uses TestChat on PostgreSQL (./chat.ts).
 */
import { randomUUID } from 'node:crypto';
import {
  createInitialState,
  createOfflineInterviewer,
  createStep,
  InterviewRunner,
  type CandidateCommand,
  type DecisionKind,
  type InboundEvent,
  type Interviewer,
  type JobRequest,
  type Recipient,
  type ReminderPolicy,
  type RoleConfig,
  type TimerName,
} from '../../../src/engine/index.js';
import { guardInterviewer } from '../../../src/providers/answer-guard.js';
import { defaultQuestionBank, LEVELS, SKILL_AREAS, type Level, type SkillArea } from '../../../src/scoring/index.js';
import { ManualClock } from '../../../src/shared/clock.js';
import { MemoryInterviewStore, type MemoryInterviewRow } from '../../../src/store/memory-interview-store.js';
import { defaultRoleSlug, defaultRoleTitle } from '../../../src/store/roles.js';

/** A default role's config, as ensureDefaultRoles and findRoleBySlug make it (5 technical, 2 behavioral). */
export function defaultRole(slug: string): RoleConfig {
  for (const skillArea of SKILL_AREAS as readonly SkillArea[]) {
    for (const level of LEVELS as readonly Level[]) {
      if (defaultRoleSlug(skillArea, level) === slug)
        return { title: defaultRoleTitle(skillArea, level), skillArea, level, technicalCount: 5, behavioralCount: 2 };
    }
  }
  throw new Error(`no default role ${slug}`);
}

export interface MemoryChatOptions {
  clock?: ManualClock;
  /** @defaultValue 'backend-mid' */
  roleSlug?: string;
  candidate?: { timeZone?: string | null };
  /** @defaultValue 0, as TestChat */
  quietWindowMs?: number;
  reminderPolicy?: ReminderPolicy;
  /** @defaultValue the offline interviewer through the answer guard, as LocalSession */
  interviewer?: Interviewer;
}

interface PendingTimer {
  timer: TimerName;
  timerId: string;
  fireAt: Date;
  key: string;
}

export class MemoryChat {
  readonly store = new MemoryInterviewStore();
  readonly messages: Array<{ recipient: Recipient; text: string }> = [];
  /** Jobs the engine asked for, in order; not run. */
  readonly jobs: JobRequest[] = [];
  /** The replies to the start: the notice and the consent question. */
  opening: string[] = [];
  private readonly timers: PendingTimer[] = [];
  private readonly runner: InterviewRunner;
  private readonly userId = `candidate-${randomUUID()}`;
  private delivered = 0;
  private seen = 0;
  private sequence = 0;

  private constructor(
    readonly interviewId: string,
    readonly clock: ManualClock,
    interviewer: Interviewer,
  ) {
    this.runner = new InterviewRunner({ store: this.store, step: createStep(interviewer), clock });
  }

  static async open(options: MemoryChatOptions = {}): Promise<MemoryChat> {
    const interviewer = options.interviewer ?? guardInterviewer(createOfflineInterviewer(defaultQuestionBank()));
    const chat = new MemoryChat(randomUUID(), options.clock ?? new ManualClock(), interviewer);
    chat.store.add(
      createInitialState({
        interviewId: chat.interviewId,
        candidateUserId: chat.userId,
        platform: 'web',
        role: defaultRole(options.roleSlug ?? 'backend-mid'),
        quietWindowMs: options.quietWindowMs ?? 0,
        timeZone: options.candidate?.timeZone ?? null,
        ...(options.reminderPolicy ? { reminderPolicy: options.reminderPolicy } : {}),
      }),
    );
    await chat.dispatch({ ...chat.eventBase(chat.userId), kind: 'start', messageId: `${chat.interviewId}:start` });
    chat.opening = chat.newReplies();
    return chat;
  }

  /** The interview's row: status and the reminder mirrors, as the Prisma store keeps them. */
  row(): MemoryInterviewRow {
    const row = this.store.row(this.interviewId);
    if (!row) throw new Error(`interview ${this.interviewId} is gone`);
    return row;
  }

  async send(text: string, messageId = this.nextMessageId()): Promise<string[]> {
    await this.dispatch({ ...this.eventBase(this.userId), kind: 'message', text, messageId });
    return this.newReplies();
  }

  async edit(messageId: string, text: string): Promise<string[]> {
    await this.dispatch({ ...this.eventBase(this.userId), kind: 'message_edited', text, messageId });
    return this.newReplies();
  }

  async command(command: CandidateCommand): Promise<string[]> {
    await this.dispatch({ ...this.eventBase(this.userId), kind: 'command', command, messageId: this.nextMessageId() });
    return this.newReplies();
  }

  async decide(decision: DecisionKind, deciderId = 'U-manager'): Promise<void> {
    await this.dispatch({
      ...this.eventBase(deciderId),
      kind: 'decision',
      decision,
      note: null,
      messageId: this.nextMessageId(),
    });
  }

  /** Moves the clock, fires due timers and delivers what they caused; returns the new replies. */
  async advance(ms: number): Promise<string[]> {
    this.clock.advance(ms);
    await this.drain();
    return this.newReplies();
  }

  replies(): string[] {
    return this.to('candidate');
  }

  lastReply(): string {
    return this.replies().at(-1) ?? '';
  }

  recruiterMessages(): string[] {
    return this.to('recruiter');
  }

  nextMessageId(): string {
    this.sequence += 1;
    return `${this.interviewId}:m${this.sequence}`;
  }

  private to(who: Recipient['to']): string[] {
    return this.messages.filter((m) => m.recipient.to === who).map((m) => m.text);
  }

  private eventBase(userId: string) {
    return {
      platform: 'web' as const,
      workspaceId: 'memory',
      conversationId: `local-${this.interviewId}`,
      threadId: null,
      userId,
      raw: null,
    };
  }

  private async dispatch(event: InboundEvent): Promise<void> {
    await this.runner.handle(this.interviewId, event);
    await this.drain();
  }

  /** The outbox's new rows: messages delivered, timers kept until due, jobs recorded. */
  private deliver(): void {
    for (const row of this.store.outbox.slice(this.delivered)) {
      const effect = row.effect;
      if (effect.type === 'send_message') this.messages.push({ recipient: effect.recipient, text: effect.text });
      else if (effect.type === 'schedule_timer')
        this.timers.push({ timer: effect.timer, timerId: effect.timerId, fireAt: effect.fireAt, key: row.key });
      else this.jobs.push(effect.job);
    }
    this.delivered = this.store.outbox.length;
  }

  /** As the in-process dispatcher: deliver, then fire every timer due now, oldest first, until nothing is due. */
  private async drain(): Promise<void> {
    this.deliver();
    for (;;) {
      const now = this.clock.now().getTime();
      const due = this.timers
        .filter((t) => t.fireAt.getTime() <= now)
        .sort((a, b) => a.fireAt.getTime() - b.fireAt.getTime() || a.key.localeCompare(b.key));
      if (due.length === 0) return;
      for (const timer of due) {
        this.timers.splice(this.timers.indexOf(timer), 1);
        // A stale timer (a newer message moved the window) is a no-op in the step, so firing it is harmless.
        await this.runner.handle(this.interviewId, {
          ...this.eventBase('system'),
          kind: 'timer',
          timer: timer.timer,
          timerId: timer.timerId,
          messageId: timer.timerId,
        });
      }
      this.deliver();
    }
  }

  private newReplies(): string[] {
    const all = this.replies();
    const fresh = all.slice(this.seen);
    this.seen = all.length;
    return fresh;
  }
}
