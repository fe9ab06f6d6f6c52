/**
 * Server-Sent Events for candidate pages. One Redis subscriber per server process listens to every web
 * conversation's channel and hands each published entry to the streams open on that interview here.
 */
import type { Redis } from 'ioredis';
import type { Logger } from '../../shared/logger.js';
import type { NumberedEntry, WebConversations } from './conversation.js';

type Listener = (item: NumberedEntry) => void;

export class LiveHub {
  private subscriber: Redis | null = null;
  private readonly listeners = new Map<string, Set<Listener>>();
  /** Open streams, ended on stop so a shutting-down server is not held open by them. */
  private readonly streams = new Set<{ end(): void }>();

  constructor(
    private readonly redis: Redis,
    private readonly conversations: WebConversations,
    private readonly logger: Logger,
  ) {}

  /** Resolves once subscribed, so nothing published after it is missed. Returns the unsubscribe. */
  async listen(interviewId: string, listener: Listener): Promise<() => void> {
    await this.ensureSubscribed();
    const set = this.listeners.get(interviewId) ?? new Set<Listener>();
    set.add(listener);
    this.listeners.set(interviewId, set);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(interviewId);
    };
  }

  track(stream: { end(): void }): () => void {
    this.streams.add(stream);
    return () => this.streams.delete(stream);
  }

  private async ensureSubscribed(): Promise<void> {
    if (this.subscriber) return;
    const subscriber = this.redis.duplicate();
    this.subscriber = subscriber;
    const prefix = this.conversations.channel('');
    subscriber.on('pmessage', (_pattern: string, channel: string, message: string) => {
      const set = this.listeners.get(channel.slice(prefix.length));
      if (!set) return;
      try {
        const item = JSON.parse(message) as NumberedEntry;
        for (const listener of set) listener(item);
      } catch (error) {
        this.logger.warn({ err: error }, 'unreadable web conversation event');
      }
    });
    await subscriber.psubscribe(this.conversations.channelPattern);
  }

  async stop(): Promise<void> {
    this.listeners.clear();
    for (const stream of this.streams) stream.end();
    this.streams.clear();
    const subscriber = this.subscriber;
    this.subscriber = null;
    if (subscriber) await subscriber.quit().catch(() => subscriber.disconnect());
  }
}
