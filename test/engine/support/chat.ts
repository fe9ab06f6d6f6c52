/**
 * "Send text, assert reply" against the real database: a LocalSession on a ManualClock, seen from the candidate's
 * side. Every call returns once the messages and jobs it caused have been delivered.
 */
import type { CandidateCommand, DecisionKind } from '../../../src/engine/index.js';
import { LocalSession, type LocalSessionOptions } from '../../../src/background/local-session.js';
import { ManualClock } from '../../../src/shared/clock.js';
import type { Db } from '../../../src/store/prisma.js';

export type ChatOptions = Omit<LocalSessionOptions, 'db' | 'clock'> & { clock?: ManualClock };

export class TestChat {
  private seen = 0;
  lastMessageId = '';
  /** The replies to the start: the notice and the consent question. */
  opening: string[] = [];

  private constructor(
    readonly session: LocalSession,
    readonly clock: ManualClock,
    readonly db: Db,
  ) {}

  /** Creates the interview and starts it: the notice and the consent question are the first replies. */
  static async open(db: Db, options: ChatOptions = {}): Promise<TestChat> {
    const clock = options.clock ?? new ManualClock();
    const session = await LocalSession.create({ quietWindowMs: 0, ...options, db, clock });
    const chat = new TestChat(session, clock, db);
    await session.start();
    chat.opening = chat.newReplies();
    return chat;
  }

  get interviewId(): string {
    return this.session.interviewId;
  }

  /** Sends a message and returns the replies it caused. */
  async send(text: string, messageId = this.session.nextMessageId()): Promise<string[]> {
    this.lastMessageId = messageId;
    await this.session.send(text, messageId);
    return this.newReplies();
  }

  async edit(messageId: string, text: string): Promise<string[]> {
    await this.session.edit(messageId, text);
    return this.newReplies();
  }

  async command(command: CandidateCommand): Promise<string[]> {
    await this.session.command(command);
    return this.newReplies();
  }

  async decide(decision: DecisionKind, deciderId = 'U-manager'): Promise<void> {
    await this.session.decide(decision, deciderId);
  }

  /** Moves the clock, fires due timers and delivers what they caused; returns the new replies. */
  async advance(ms: number): Promise<string[]> {
    await this.session.advance(ms);
    return this.newReplies();
  }

  /** Everything said to the candidate so far. */
  replies(): string[] {
    return this.session.messenger.to('candidate');
  }

  lastReply(): string {
    return this.replies().at(-1) ?? '';
  }

  recruiterMessages(): string[] {
    return this.session.messenger.to('recruiter');
  }

  private newReplies(): string[] {
    const all = this.replies();
    const fresh = all.slice(this.seen);
    this.seen = all.length;
    return fresh;
  }
}
