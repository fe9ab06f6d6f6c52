/** The SSE stream of one conversation: what the page has not seen yet, then each new entry as it is published. */
import type { Request, Response } from 'express';
import type { NumberedEntry } from '../conversation.js';
import type { WebContext } from '../context.js';

const HEARTBEAT_MS = 25_000;

export async function streamEvents(ctx: WebContext, req: Request, res: Response, interviewId: string): Promise<void> {
  const header = Number(req.get('last-event-id') ?? req.query.after ?? 0);
  let lastSent = Number.isInteger(header) && header >= 0 ? header : 0;
  res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', 'X-Accel-Buffering': 'no' });
  const send = (item: NumberedEntry) => {
    // The backlog and the live channel can overlap; the sequence number keeps each entry to one delivery.
    if (item.seq <= lastSent) return;
    lastSent = item.seq;
    res.write(`id: ${item.seq}\ndata: ${JSON.stringify(item)}\n\n`);
  };
  const pending: NumberedEntry[] = [];
  let replaying = true;
  const unsubscribe = await ctx.hub.listen(interviewId, (item) => (replaying ? pending.push(item) : send(item)));
  for (const item of await ctx.conversations.read(interviewId, lastSent)) send(item);
  replaying = false;
  pending.sort((a, b) => a.seq - b.seq).forEach(send);
  const untrack = ctx.hub.track(res);
  const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
  req.on('close', () => {
    clearInterval(heartbeat);
    unsubscribe();
    untrack();
  });
}
