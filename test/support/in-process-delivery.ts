/**
 * The worker's part for one interview, run in the test process on a manual clock, through the production job code:
 * the outbox relay and every job definition (src/background/in-process.ts), with Redis locks as the worker takes
 * them. A built report is posted by its posting job, as in the worker; `postCard` makes sure that job ran.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type express from 'express';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { InterviewingWork } from '../../src/background/deps.js';
import { inProcessBackground } from '../../src/background/in-process.js';
import type { InterviewRunner } from '../../src/engine/index.js';
import type { DestinationResolver } from '../../src/outbound/destination.js';
import type { Messenger } from '../../src/outbound/messenger.js';
import type { ManualClock } from '../../src/shared/clock.js';
import { createOfflineScorer, type QuestionBank } from '../../src/scoring/index.js';
import { redisLocks } from '../../src/shared/lock.js';
import type { Db } from '../../src/store/prisma.js';

export interface InProcessDeliveryDeps {
  db: Db;
  redis: Redis;
  clock: ManualClock;
  runner: InterviewRunner;
  work: InterviewingWork;
  messenger: Messenger;
  destinations: DestinationResolver;
  keyPrefix: string;
  logger: Logger;
}

export function inProcessDelivery(deps: InProcessDeliveryDeps) {
  const { db, redis, ...parts } = deps;
  const background = inProcessBackground({ ...parts, db, locks: redisLocks(redis) });
  return {
    background,
    deliver: (interviewId: string) => background.runUntilQuiet({ interviewId }),
    /** Posts the card to the interview's first hiring channel (once: a posted card is found); returns its id. */
    async postCard(interviewId: string): Promise<string> {
      const interview = await db.interview.findUniqueOrThrow({ where: { id: interviewId } });
      const [destination] = await deps.destinations.forWorkspace(interview.workspaceId);
      if (!destination) throw new Error('no hiring channel configured');
      await background.post(interviewId, destination.id);
      return destination.id;
    },
  };
}

/** What a platform harness has: the engine's runner, the platform's own delivery, and the offline interviewer. */
export interface OfflinePlatformDelivery {
  db: Db;
  redis: Redis;
  clock: ManualClock;
  runner: InterviewRunner;
  platform: { messenger: Messenger; destinations: DestinationResolver };
  bank: QuestionBank;
  interviewerLabel: string;
  keyPrefix: string;
  logger: Logger;
}

/** inProcessDelivery with the default offline scorer and the platform's messenger and destinations. */
export function offlinePlatformDelivery(deps: OfflinePlatformDelivery) {
  const { platform, bank, interviewerLabel, ...rest } = deps;
  return inProcessDelivery({
    ...rest,
    work: { scorer: createOfflineScorer(), bank, interviewerLabel },
    messenger: platform.messenger,
    destinations: platform.destinations,
  });
}

/** Serves the app on a free loopback port. */
export async function listenOnLoopback(app: express.Express): Promise<{ server: Server; baseUrl: string }> {
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  return { server, baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}
