/**
 * One interview run in this process against the real database: the runner and the worker's part in process
 * (./in-process.ts: the outbox relay and every job, as the worker runs them), with an in-memory Messenger. The CLI demo and the engine's "send text, assert reply"
 * test client both drive interviews through it.
 */
import { randomUUID } from 'node:crypto';
import {
  InterviewRunner,
  createOfflineInterviewer,
  createStep,
  type CandidateCommand,
  type DecisionKind,
  type InboundEvent,
  type Interviewer,
  type Platform,
  type ReminderPolicy,
  type RunOutcome,
} from '../engine/index.js';
import { guardInterviewer } from '../providers/answer-guard.js';
import { createOfflineScorer, defaultQuestionBank, type QuestionBank } from '../scoring/index.js';
import type { AnswerScorer } from '../scoring/types.js';
import { ManualClock, type Clock } from '../shared/clock.js';
import { AppError } from '../shared/errors.js';
import { createInterview, ensureCandidate, ensureWorkspace } from '../store/interviews.js';
import { createInterviewStore } from '../store/interview-store.js';
import type { Db } from '../store/prisma.js';
import { ensureDefaultRoles, findRoleBySlug, listRoleSlugs } from '../store/roles.js';
import { NO_DESTINATIONS } from '../outbound/destination.js';
import type { InterviewingWork } from './deps.js';
import { inProcessBackground, type InProcessBackground } from './in-process.js';
import { MemoryMessenger, type OutboundMessage } from '../outbound/messenger.js';

export interface LocalSessionOptions {
  db: Db;
  clock: Clock;
  /** @defaultValue 'web' */
  platform?: Platform;
  /** @defaultValue 'backend-mid' */
  roleSlug?: string;
  /** @defaultValue a fresh user id per session, display name "Demo Candidate" */
  candidate?: { platformUserId?: string; displayName?: string | null; timeZone?: string | null };
  /** @defaultValue the engine's 15 s */
  quietWindowMs?: number;
  /** @defaultValue the engine's DEFAULT_REMINDER_POLICY */
  reminderPolicy?: ReminderPolicy;
  /** @defaultValue the offline interviewer over `bank`, reading answers through the answer guard */
  interviewer?: Interviewer;
  /** The scoring job guards whatever scorer it is given. @defaultValue the offline rubric scorer */
  scorer?: AnswerScorer;
  /** @defaultValue the shipped question banks */
  bank?: QuestionBank;
  /**
   * A runner and the jobs' interviewing wired elsewhere (createInterviewing's, e.g. for a language-model
   * interview); they replace `interviewer`, `scorer` and `bank`. @defaultValue the offline ones built from those
   */
  wiring?: { runner: InterviewRunner; work: InterviewingWork };
  /** Called as each message is delivered (the CLI prints it). */
  onMessage?: (message: OutboundMessage) => void;
  /** @defaultValue 'local' */
  workspaceExternalId?: string;
  recruiterId?: string;
}

interface SessionParts {
  clock: Clock;
  runner: InterviewRunner;
  background: InProcessBackground;
  messenger: MemoryMessenger;
  interviewId: string;
  eventBase: Omit<InboundEvent, 'kind' | 'messageId'> & { userId: string };
}

export class LocalSession {
  private sequence = 0;

  private constructor(private readonly parts: SessionParts) {}

  static async create(options: LocalSessionOptions): Promise<LocalSession> {
    const { db, clock } = options;
    const platform = options.platform ?? 'web';
    const bank = options.bank ?? defaultQuestionBank();
    const interviewer = options.interviewer ?? guardInterviewer(createOfflineInterviewer(bank));
    const scorer = options.scorer ?? createOfflineScorer();
    const workspace = await ensureWorkspace(db, {
      platform,
      externalId: options.workspaceExternalId ?? 'local',
      name: 'Local',
    });
    await ensureDefaultRoles(db, workspace.id);
    const slug = options.roleSlug ?? 'backend-mid';
    const role = await findRoleBySlug(db, workspace.id, slug);
    if (!role) {
      const known = (await listRoleSlugs(db, workspace.id)).join(', ');
      throw new AppError('not_found', `no role "${slug}"`, {
        userMessage: `There is no role "${slug}". Known roles: ${known}.`,
      });
    }
    const platformUserId = options.candidate?.platformUserId ?? `candidate-${randomUUID()}`;
    const candidateRow = await ensureCandidate(db, {
      workspaceId: workspace.id,
      platformUserId,
      displayName: options.candidate?.displayName === undefined ? 'Demo Candidate' : options.candidate.displayName,
      timeZone: options.candidate?.timeZone ?? null,
    });
    const recruiterId = options.recruiterId ?? 'local-recruiter';
    const conversationId = `local-${randomUUID()}`;
    const interview = await createInterview(db, {
      workspaceId: workspace.id,
      candidateId: candidateRow.id,
      candidateUserId: platformUserId,
      role,
      recruiterId,
      platform,
      conversationId,
      ...(options.quietWindowMs === undefined ? {} : { quietWindowMs: options.quietWindowMs }),
      timeZone: options.candidate?.timeZone ?? null,
      ...(options.reminderPolicy ? { reminderPolicy: options.reminderPolicy } : {}),
    });
    const messenger = new MemoryMessenger(options.onMessage);
    const runner =
      options.wiring?.runner ??
      new InterviewRunner({ store: createInterviewStore(db), step: createStep(interviewer), clock });
    const work = options.wiring?.work ?? { scorer, bank, interviewerLabel: interviewer.label };
    const background = inProcessBackground({ db, clock, runner, work, messenger, destinations: NO_DESTINATIONS });
    const eventBase = {
      platform,
      workspaceId: workspace.id,
      conversationId,
      threadId: null,
      userId: platformUserId,
      raw: null,
    };
    return new LocalSession({ clock, runner, background, messenger, interviewId: interview.id, eventBase });
  }

  get interviewId(): string {
    return this.parts.interviewId;
  }

  get messenger(): MemoryMessenger {
    return this.parts.messenger;
  }

  get runner(): InterviewRunner {
    return this.parts.runner;
  }

  /** A message id unique to this session; platforms' ids are unique per workspace, and so are these. */
  nextMessageId(): string {
    this.sequence += 1;
    return `${this.parts.interviewId}:m${this.sequence}`;
  }

  /** Handles one event, then delivers what it caused (messages, jobs) before returning. */
  async dispatch(event: InboundEvent): Promise<RunOutcome> {
    const outcome = await this.parts.runner.handle(this.parts.interviewId, event);
    await this.drain();
    return outcome;
  }

  start(): Promise<RunOutcome> {
    return this.dispatch({
      ...this.parts.eventBase,
      kind: 'start',
      userId: this.parts.eventBase.userId,
      messageId: `${this.interviewId}:start`,
    });
  }

  send(text: string, messageId = this.nextMessageId()): Promise<RunOutcome> {
    return this.dispatch({ ...this.parts.eventBase, kind: 'message', text, messageId });
  }

  edit(messageId: string, text: string): Promise<RunOutcome> {
    return this.dispatch({ ...this.parts.eventBase, kind: 'message_edited', text, messageId });
  }

  command(command: CandidateCommand): Promise<RunOutcome> {
    return this.dispatch({ ...this.parts.eventBase, kind: 'command', command, messageId: this.nextMessageId() });
  }

  decide(decision: DecisionKind, deciderId: string, note: string | null = null): Promise<RunOutcome> {
    return this.dispatch({
      ...this.parts.eventBase,
      kind: 'decision',
      decision,
      note,
      userId: deciderId,
      messageId: this.nextMessageId(),
    });
  }

  /** Moves a ManualClock on, fires the timers that came due, and delivers what they caused. */
  async advance(ms: number): Promise<void> {
    const { clock } = this.parts;
    if (!(clock instanceof ManualClock)) throw new AppError('invalid_input', 'advance() needs a ManualClock');
    clock.advance(ms);
    await this.drain();
  }

  /** Only this interview's rows: other sessions (other tests, other terminals) may share the database. */
  async drain(): Promise<void> {
    await this.parts.background.runUntilQuiet({ interviewId: this.parts.interviewId });
  }
}
