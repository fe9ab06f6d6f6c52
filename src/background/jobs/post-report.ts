/**
 * Job `post_report { interviewId, destinationId }`: posting a report card to one hiring channel, exactly once.
 *
 * Why this holds even when a worker dies between the platform accepting the card and the database recording it:
 * 1. One ReportPost row per (report, destination), unique in the database; it records the posted message id.
 * 2. A Redis lock per row keeps two workers (e.g. a stalled job picked up again while its first run is alive)
 *    from posting side by side.
 * 3. Before posting, the destination is asked whether a card with this report key is already there (the key
 *    travels in the platform's message metadata). A card that was posted but not recorded is found and
 *    recorded, not posted again.
 *
 * Pacing is the destination's: a platform with a per-channel limit (Slack's, about one message per second) paces
 * every post to that channel, cards and replies alike, with one limiter of its own.
 */
import { z } from 'zod';
import { ReportSchema } from '../../report/schema.js';
import type { Clock } from '../../shared/clock.js';
import { AppError } from '../../shared/errors.js';
import type { Logger } from '../../shared/logger.js';
import type { Db } from '../../store/prisma.js';
import type { DestinationResolver } from '../../outbound/destination.js';
import type { Locks } from '../../shared/lock.js';
import type { JobDeps } from '../deps.js';
import { defineJob, jobIdOf } from '../queue/definition.js';

export interface PostReportDeps {
  db: Db;
  locks: Locks;
  destinations: DestinationResolver;
  clock: Clock;
  lockPrefix: string;
  /** How long a poster holds a card before another may take over (a killed poster releases nothing). */
  lockTtlMs: number;
  onPosted?: (destinationId: string) => void;
}

export type PostOutcome = 'posted' | 'found_existing' | 'already_recorded' | 'busy' | 'erased';

export async function postReport(
  deps: PostReportDeps,
  payload: { interviewId: string; destinationId: string },
  logger: Logger,
): Promise<PostOutcome> {
  const report = await deps.db.report.findUnique({ where: { interviewId: payload.interviewId } });
  if (!report) {
    // Erased after the posting job was queued: there is nothing to post, now or on any retry.
    const interview = await deps.db.interview.findUnique({
      where: { id: payload.interviewId },
      select: { status: true },
    });
    if (interview?.status === 'erased') return 'erased';
    throw new AppError('not_found', `no report for interview ${payload.interviewId}`);
  }
  // INSERT ... ON CONFLICT DO NOTHING, then read: safe when several workers arrive at once (an upsert is not).
  await deps.db.reportPost.createMany({
    data: [{ reportId: report.id, destination: payload.destinationId }],
    skipDuplicates: true,
  });
  const row = await deps.db.reportPost.findUniqueOrThrow({
    where: { reportId_destination: { reportId: report.id, destination: payload.destinationId } },
  });
  if (row.postedAt) return 'already_recorded';

  const destination = await deps.destinations.byId(payload.destinationId);
  if (!destination) throw new AppError('not_found', `destination ${payload.destinationId} is not configured`);
  const parsed = ReportSchema.safeParse(report.data);
  if (!parsed.success)
    throw new AppError('invalid_input', `stored report for ${payload.interviewId} does not match the report schema`);

  const lock = await deps.locks.tryLock(`${deps.lockPrefix}:lock:post:${row.id}`, deps.lockTtlMs);
  if (!lock) return 'busy';
  try {
    const fresh = await deps.db.reportPost.findUniqueOrThrow({ where: { id: row.id } });
    if (fresh.postedAt) return 'already_recorded';
    const existing = await destination.findPosted(payload.interviewId, report.createdAt);
    const posted = existing ?? (await destination.post(parsed.data, payload.interviewId));
    await recordPosted(deps, row.id, report.id, payload, posted.messageId);
    if (!existing) deps.onPosted?.(payload.destinationId);
    logger.info(
      { interviewId: payload.interviewId, destination: payload.destinationId, found: Boolean(existing) },
      'report card posted',
    );
    return existing ? 'found_existing' : 'posted';
  } finally {
    await lock.release();
  }
}

async function recordPosted(
  deps: PostReportDeps,
  rowId: string,
  reportId: string,
  payload: { interviewId: string; destinationId: string },
  messageId: string,
) {
  const now = deps.clock.now();
  await deps.db.$transaction(async (tx) => {
    await tx.reportPost.update({ where: { id: rowId }, data: { messageId, postedAt: now } });
    await tx.auditEvent.create({
      data: {
        actor: 'system',
        action: 'report.posted',
        subject: `interview:${payload.interviewId}`,
        data: { destination: payload.destinationId, messageId },
      },
    });
    const unposted = await tx.reportPost.count({ where: { reportId, postedAt: null } });
    if (unposted === 0) {
      await tx.interview.updateMany({
        where: { id: payload.interviewId, status: { in: ['completed', 'scored'] } },
        data: { status: 'reported' },
      });
    }
  });
}

export const postReportJob = defineJob<{ interviewId: string; destinationId: string }, JobDeps>({
  name: 'post_report',
  queue: 'posting',
  schema: z.object({ interviewId: z.string().min(1), destinationId: z.string().min(1) }),
  jobId: (p) => jobIdOf('post', p.interviewId, p.destinationId),
  attempts: 8,
  backoffMs: 2_000,
  async handle(payload, deps, context) {
    const onPosted = (destinationId: string) =>
      deps.metrics?.reportsPosted.inc({ destination: destinationId.split(':')[0] ?? destinationId });
    const postDeps = {
      db: deps.db,
      locks: deps.locks,
      destinations: deps.destinations,
      clock: deps.clock,
      lockPrefix: deps.keyPrefix,
      lockTtlMs: deps.lockTtlMs,
      onPosted,
    };
    const outcome = await postReport(postDeps, payload, context.logger);
    if (outcome === 'busy') return context.postpone(1_000);
  },
});
