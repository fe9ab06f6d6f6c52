/**
 * Live updates for candidate pages. One Redis subscriber per server process listens to every web conversation's
 * channel; a published entry only rings the streams open on that interview here, and each stream then reads what
 * it has not sent from PostgreSQL (the rows are the truth, the channel is a doorbell).
 *
 * What keeps a page from going quiet for good:
 * 1. "Subscribed" means Redis confirmed the PSUBSCRIBE on the current connection, nothing less. A failed attempt
 *    (a connection that is not ready yet refuses commands) is retried with backoff until one succeeds.
 * 2. A lost connection drops the subscription: the flag goes down on `close`, and every `ready` subscribes again.
 * 3. Whenever a subscription is confirmed, every open stream is rung: what was published while nobody listened is
 *    in PostgreSQL, and the stream reads it.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Redis } from 'ioredis';
import type { Logger } from '../../shared/logger.js';
import type { WebConversations } from './conversation.js';

/** Called when the interview may have new rows; the stream reads them itself. */
export type Ring = () => void;

export interface LiveHubOptions {
  /** First wait after a failed subscribe. @defaultValue 100 ms */
  retryInitialMs?: number;
  /** Longest wait between attempts. @defaultValue 5 s */
  retryMaxMs?: number;
}

export class LiveHub {
  private subscriber: Redis | null = null;
  private confirmed = false;
  private subscribing: Promise<void> | null = null;
  private readonly stopped = new AbortController();
  private readonly listeners = new Map<string, Set<Ring>>();
  /** Open streams, ended on stop so a shutting-down server is not held open by them. */
  private readonly streams = new Set<{ end(): void }>();

  constructor(
    private readonly redis: Redis,
    private readonly conversations: WebConversations,
    private readonly logger: Logger,
    private readonly options: LiveHubOptions = {},
  ) {}

  /** Whether Redis has confirmed the subscription on the subscriber's current connection. */
  get subscribed(): boolean {
    return this.confirmed;
  }

  /**
   * Rings `ring` for every entry published on the interview from now on, and once more each time the subscription
   * is (re)confirmed. The caller reads the rows itself, so it also reads once right after listening. Returns the
   * unsubscribe.
   */
  listen(interviewId: string, ring: Ring): () => void {
    this.start();
    const set = this.listeners.get(interviewId) ?? new Set<Ring>();
    set.add(ring);
    this.listeners.set(interviewId, set);
    return () => {
      set.delete(ring);
      if (set.size === 0) this.listeners.delete(interviewId);
    };
  }

  track(stream: { end(): void }): () => void {
    this.streams.add(stream);
    return () => this.streams.delete(stream);
  }

  /** Opens the subscriber connection and subscribes; listen does it on first use. */
  start(): void {
    if (this.subscriber || this.stopped.signal.aborted) return;
    // Our own resubscription (invariant 2), so the flag always says what Redis confirmed.
    const subscriber = this.redis.duplicate({ autoResubscribe: false, enableOfflineQueue: false, lazyConnect: false });
    this.subscriber = subscriber;
    const prefix = this.conversations.channel('');
    subscriber.on('pmessage', (_pattern: string, channel: string) => this.ring(channel.slice(prefix.length)));
    subscriber.on('close', () => (this.confirmed = false));
    subscriber.on('ready', () => this.subscribe(subscriber));
    // The runtime's client already reports an unreachable Redis; reconnecting is ioredis's job.
    subscriber.on('error', (error: Error) =>
      this.logger.debug({ err: { message: error.message } }, 'web live-update subscriber: redis error'),
    );
    this.subscribe(subscriber);
  }

  private ring(interviewId: string): void {
    for (const ring of this.listeners.get(interviewId) ?? []) ring();
  }

  private subscribe(subscriber: Redis): void {
    if (this.subscribing || this.confirmed || this.stopped.signal.aborted) return;
    this.subscribing = this.subscribeUntilConfirmed(subscriber).finally(() => (this.subscribing = null));
  }

  private async subscribeUntilConfirmed(subscriber: Redis): Promise<void> {
    const initial = this.options.retryInitialMs ?? 100;
    const max = this.options.retryMaxMs ?? 5_000;
    for (let attempt = 0; !this.confirmed && !this.stopped.signal.aborted; attempt += 1) {
      try {
        await subscriber.psubscribe(this.conversations.channelPattern);
        this.confirmed = true;
        if (attempt > 0) this.logger.info({ attempts: attempt + 1 }, 'web live updates subscribed');
        // Invariant 3: whatever was published before this moment is read from PostgreSQL.
        for (const interviewId of this.listeners.keys()) this.ring(interviewId);
        return;
      } catch (error) {
        this.logger.debug(
          { err: { message: error instanceof Error ? error.message : String(error) }, attempt },
          'web live updates: subscribe failed, retrying',
        );
        await sleep(Math.min(initial * 2 ** attempt, max), undefined, { signal: this.stopped.signal }).catch(
          () => undefined,
        );
      }
    }
  }

  async stop(): Promise<void> {
    this.stopped.abort();
    this.listeners.clear();
    for (const stream of this.streams) stream.end();
    this.streams.clear();
    const subscriber = this.subscriber;
    this.subscriber = null;
    this.confirmed = false;
    await this.subscribing;
    if (subscriber) await subscriber.quit().catch(() => subscriber.disconnect());
  }
}
