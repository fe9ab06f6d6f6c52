/**
 * The worker's part for one interview, run in the test process on a manual clock: deliver what the engine
 * committed (messages, jobs, due timers), and post the report card the way the posting job does.
 */
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { InterviewRunner } from '../../src/engine/index.js';
import { drainUntilQuiet, type JobHandlers } from '../../src/jobs/dispatcher.js';
import type { Messenger } from '../../src/outbound/messenger.js';
import type { DestinationResolver } from '../../src/outbound/destination.js';
import { postReport } from '../../src/pipeline/post-report.js';
import type { ManualClock } from '../../src/shared/clock.js';
import type { Db } from '../../src/store/prisma.js';

export interface InProcessDeliveryDeps {
  db: Db;
  redis: Redis;
  clock: ManualClock;
  runner: InterviewRunner;
  jobs: JobHandlers;
  messenger: Messenger;
  destinations: DestinationResolver;
  keyPrefix: string;
  logger: Logger;
}

export function inProcessDelivery(deps: InProcessDeliveryDeps) {
  const { db, clock, runner } = deps;
  return {
    deliver: (interviewId: string) => drainUntilQuiet(db, { messenger: deps.messenger, jobs: deps.jobs }, runner, clock, { interviewId }),
    /** Posts the card to the interview's first hiring channel; returns that destination's id. */
    async postCard(interviewId: string): Promise<string> {
      const interview = await db.interview.findUniqueOrThrow({ where: { id: interviewId } });
      const [destination] = await deps.destinations.forWorkspace(interview.workspaceId);
      if (!destination) throw new Error('no hiring channel configured');
      const postDeps = { db, redis: deps.redis, destinations: deps.destinations, clock, lockPrefix: deps.keyPrefix, lockTtlMs: 30_000 };
      await postReport(postDeps, { interviewId, destinationId: destination.id }, deps.logger);
      return destination.id;
    },
  };
}
