import type { Interviewer, InterviewRunner, InterviewStore } from '../engine/index.js';
import type { DestinationResolver } from '../outbound/destination.js';
import type { Messenger } from '../outbound/messenger.js';
import type { InterviewProvider, TokenUsage } from '../providers/types.js';
import type { QuestionBank } from '../scoring/index.js';
import type { AnswerScorer } from '../scoring/types.js';
import type { Clock } from '../shared/clock.js';
import type { Locks } from '../shared/lock.js';
import type { Logger } from '../shared/logger.js';
import type { Db } from '../store/prisma.js';
import type { JobQueue } from './queue/definition.js';
import type { JobMetrics } from './queue/metrics.js';

/** What scoring, reports and advice are done with; src/process/interviewing.ts builds it for the deployment. */
export interface InterviewingWork {
  scorer: AnswerScorer;
  bank: QuestionBank;
  /** Shown in the report, e.g. "Screener (offline interviewer)". */
  interviewerLabel: string;
  /**
   * The language-model side of interviewing, when one is configured: advice after each turn and the report's
   * written notes. Without it an `advise_turn` job does nothing and the engine's deadline decides offline.
   */
  model?: {
    store: InterviewStore;
    provider: InterviewProvider;
    interviewer: Interviewer;
    onUsage?: (usage: TokenUsage) => void;
  };
}

/** What the background's jobs need, built once per process (the worker's, or the in-process one). */
export interface JobDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
  /** Where jobs add further jobs: BullMQ in the worker, this process in the CLI demo and tests. */
  queue: JobQueue;
  locks: Locks;
  runner: InterviewRunner;
  work: InterviewingWork;
  /** Delivers the engine's messages on the interview's platform. */
  messenger: Messenger;
  destinations: DestinationResolver;
  /** Key prefix for locks (the queue prefix). */
  keyPrefix: string;
  /**
   * How long a job may hold its work before another worker takes it over: BullMQ's job lock and our own
   * posting lock use the same time, so a killed worker's work moves on after it.
   */
  lockTtlMs: number;
  metrics?: JobMetrics;
}
