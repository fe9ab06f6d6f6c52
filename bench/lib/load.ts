/**
 * The parent's side of the load generator in ./load-client.ts: starts it as a second process on this Node, hands
 * it plans, gets samples back. One client serves a whole suite (warm-up and every round), then `close()` ends it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface LoadRequest {
  /** Index into the plan's targets. */
  target: number;
  contentType: string;
  /** The raw body; the client signs it (v0 HMAC with the current timestamp) when it sends it. */
  body: string;
  /** The caller's name for this request, echoed in its sample. */
  key: string;
}

export interface LoadPlan {
  /** Base URLs, e.g. http://127.0.0.1:1234 (loopback only). */
  targets: string[];
  path: string;
  secret: string;
  /** Requests are sent on a fixed schedule at this rate, whether or not earlier ones were answered. */
  ratePerSecond: number;
  requests: LoadRequest[];
}

export interface Sample {
  key: string;
  target: number;
  /** Epoch milliseconds (performance.timeOrigin + now()) when the request went out; comparable across processes. */
  sentAt: number;
  /** Request sent to response complete, as the client saw it. */
  latencyMs: number;
  /** HTTP status; 0 when no answer came (error or the client's 20 s timeout). */
  status: number;
}

export type ParentMessage = { type: 'run'; id: number; plan: LoadPlan } | { type: 'exit' };
export type ClientMessage =
  | { type: 'ready' }
  | { type: 'result'; id: number; samples: Sample[] }
  | { type: 'error'; id: number; message: string };

const entry = join(dirname(fileURLToPath(import.meta.url)), 'load-client.ts');

export class LoadClient {
  private seq = 0;
  private readonly waiting = new Map<number, { resolve(samples: Sample[]): void; reject(error: Error): void }>();

  private constructor(private readonly child: ChildProcess) {
    child.on('message', (raw) => {
      const message = raw as ClientMessage;
      if (message.type === 'ready') return;
      const waiter = this.waiting.get(message.id);
      this.waiting.delete(message.id);
      if (message.type === 'result') waiter?.resolve(message.samples);
      else waiter?.reject(new Error(`load client: ${message.message}`));
    });
    child.on('exit', (code, signal) => {
      for (const waiter of this.waiting.values()) waiter.reject(new Error(`load client exited (${code ?? signal})`));
      this.waiting.clear();
    });
  }

  static async start(): Promise<LoadClient> {
    const child = spawn(process.execPath, ['--import', 'tsx', '--disable-warning=ExperimentalWarning', entry], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    await new Promise<void>((resolve, reject) => {
      const onMessage = (message: ClientMessage) => {
        if (message.type !== 'ready') return;
        child.off('message', onMessage);
        child.off('exit', onExit);
        resolve();
      };
      const onExit = (code: number | null) => reject(new Error(`load client exited before it was ready (${code})`));
      child.on('message', onMessage);
      child.on('exit', onExit);
    });
    return new LoadClient(child);
  }

  run(plan: LoadPlan): Promise<Sample[]> {
    const id = ++this.seq;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.child.send({ type: 'run', id, plan } satisfies ParentMessage);
    });
  }

  /** Ends the child (by its own pid) and waits until it is gone. */
  async close(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const gone = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    if (this.child.connected) this.child.send({ type: 'exit' } satisfies ParentMessage);
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 5_000);
    await gone;
    clearTimeout(timer);
  }
}
