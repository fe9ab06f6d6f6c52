/**
 * Talks to a child's inspector (started with `--inspect=127.0.0.1:0`, loopback only) to force a full garbage
 * collection and read the V8 heap in use, so a memory figure is what the process keeps, not when it last collected.
 */
import WebSocket from 'ws';
import type { Child } from './child-process.js';

export async function inspectorUrl(child: Child): Promise<string> {
  const line = await child.waitFor(/Debugger listening on ws:\/\//, 30_000);
  const url = /(ws:\/\/\S+)/.exec(line)?.[1];
  if (!url) throw new Error(`no inspector URL in: ${line}`);
  return url;
}

/** Runs a full GC (twice, so weak references and finalizers settle) and returns the heap in use afterwards, in bytes. */
export async function collectGarbage(url: string, timeoutMs = 15_000): Promise<number> {
  const socket = new WebSocket(url);
  try {
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    let id = 0;
    const call = (method: string) =>
      new Promise<Record<string, unknown>>((resolve, reject) => {
        const mine = ++id;
        const timer = setTimeout(() => reject(new Error(`inspector: ${method} timed out`)), timeoutMs);
        const onMessage = (data: WebSocket.RawData) => {
          const message = JSON.parse(data.toString()) as {
            id?: number;
            result?: Record<string, unknown>;
            error?: { message: string };
          };
          if (message.id !== mine) return;
          clearTimeout(timer);
          socket.off('message', onMessage);
          if (message.error) reject(new Error(`inspector: ${method}: ${message.error.message}`));
          else resolve(message.result ?? {});
        };
        socket.on('message', onMessage);
        socket.send(JSON.stringify({ id: mine, method }));
      });
    await call('HeapProfiler.collectGarbage');
    await call('HeapProfiler.collectGarbage');
    const usage = await call('Runtime.getHeapUsage');
    return Number(usage.usedSize);
  } finally {
    socket.close();
  }
}
