/**
 * What the contract suite needs from a platform, and nothing more: each adapter's driver speaks its platform's
 * wire format to the real app (signed Slack requests, authenticated Teams activities) and reads what the fake
 * platform API recorded. The suite itself knows no platform.
 */
import type { Db } from '../../../src/store/prisma.js';

export interface SentMessage {
  /** The platform's id of the message, to redeliver or edit it. */
  ref: string;
}

export interface PlatformDriver {
  readonly platform: 'slack' | 'teams' | 'web';
  readonly db: Db;
  /** An admin makes a hiring channel and a hiring manager. */
  setUp(): Promise<void>;
  /** The recruiter's start command; resolves with the interview id. */
  start(roleSlug: string, questions: number): Promise<string>;
  /** The candidate writes in the interview's conversation. */
  candidateSays(text: string): Promise<SentMessage>;
  /** The platform delivers the same message again (a retry). */
  redeliver(message: SentMessage, text: string): Promise<void>;
  edit(message: SentMessage, text: string): Promise<void>;
  /**
   * How many edits of the message the conversation shows, where Screener draws them itself (the web chat); Slack and
   * Teams mark edits on their own, so their drivers leave it out.
   */
  editsShown?(message: SentMessage): Promise<number>;
  /** Everything the candidate has been sent, oldest first. */
  candidateReceived(): string[];
  /** The worker's part: outbox, due timers, scoring and the report. */
  deliver(): Promise<void>;
  advanceClock(ms: number): void;
  /** The posting job for the hiring channel (a card already posted is found, not posted again). */
  postCard(): Promise<void>;
  /** The report cards in the hiring channel, each as its serialized content. */
  cards(): string[];
  /** The hiring manager decides on the card. */
  decide(decision: 'advance' | 'hold' | 'reject'): Promise<void>;
  close(): Promise<void>;
}
