/**
 * The SSE stream of one conversation: what the page has not seen yet (after `Last-Event-ID`, or `?after=` on the
 * first connection), then whatever is new each time the hub rings. Every delivery is a read from PostgreSQL after
 * the last seq sent, so a ring that was missed, doubled or out of order costs nothing; the next one catches up.
 */
import type { Request, Response } from 'express';
import type { NumberedEntry } from '../conversation.js';
import type { WebContext } from '../context.js';
import { interviewEnded } from '../interview-status.js';

const HEARTBEAT_MS = 25_000;

function resumeAfter(req: Request): number {
  const value = Number(req.get('last-event-id') ?? req.query.after ?? 0);
  return Number.isInteger(value) && value >= 0 ? value : 0;
}

/** Reads run one at a time; a ring during a read asks for one more read afterwards. */
function serialized(run: () => Promise<void>, onError: (error: unknown) => void): () => void {
  let running = false;
  let again = false;
  const loop = async () => {
    running = true;
    try {
      do {
        again = false;
        await run();
      } while (again);
    } catch (error) {
      onError(error);
    } finally {
      running = false;
    }
  };
  return () => {
    if (running) again = true;
    else void loop();
  };
}

export function streamEvents(ctx: WebContext, req: Request, res: Response, interviewId: string): void {
  let lastSeq = resumeAfter(req);
  let endedSent = false;
  let closed = false;
  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Accel-Buffering': 'no',
  });
  const send = (item: NumberedEntry) => {
    lastSeq = Math.max(lastSeq, item.seq);
    // Notes are for the recruiter: never on the candidate's wire.
    if (item.entry.kind !== 'note') res.write(`id: ${item.seq}\ndata: ${JSON.stringify(item)}\n\n`);
  };
  const catchUp = serialized(
    async () => {
      if (closed) return;
      for (const item of await ctx.conversations.read(interviewId, lastSeq)) send(item);
      if (!endedSent && (await interviewEnded(ctx.db, interviewId))) {
        endedSent = true;
        res.write('event: ended\ndata: {}\n\n');
      }
    },
    (error) =>
      ctx.logger.warn(
        { err: { message: error instanceof Error ? error.message : String(error) } },
        'web live stream could not read the conversation',
      ),
  );
  const unsubscribe = ctx.hub.listen(interviewId, catchUp);
  catchUp();
  const untrack = ctx.hub.track(res);
  const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
  req.on('close', () => {
    closed = true;
    clearInterval(heartbeat);
    unsubscribe();
    untrack();
  });
}
