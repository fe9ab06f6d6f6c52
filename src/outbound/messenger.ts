/** Where `send_message` effects go. Platform adapters implement it; tests and the CLI use the memory sink. */
import type { Platform, Recipient } from '../engine/index.js';

export interface OutboundMessage {
  interviewId: string;
  recipient: Recipient;
  text: string;
  platform: Platform;
  /** The candidate's conversation and thread; a recruiter message goes to `recruiterId` instead. */
  conversationId: string | null;
  threadId: string | null;
  recruiterId: string;
}

export interface Messenger {
  send(message: OutboundMessage): Promise<void>;
}

/** Keeps every message, in order; `onMessage` lets the CLI print them as they are delivered. */
export class MemoryMessenger implements Messenger {
  readonly messages: OutboundMessage[] = [];

  constructor(private readonly onMessage?: (message: OutboundMessage) => void) {}

  send(message: OutboundMessage): Promise<void> {
    this.messages.push(message);
    this.onMessage?.(message);
    return Promise.resolve();
  }

  to(who: Recipient['to']): string[] {
    return this.messages.filter((m) => m.recipient.to === who).map((m) => m.text);
  }
}
