/**
 * Load, step, commit, with optimistic concurrency. The store commits the new state, its rows and its outbox
 * effects in one transaction that only succeeds if the interview's version is still the one loaded; on a
 * conflict the runner reloads and steps the event again against the newer state, so no event is lost.
 */
import { AppError } from '../shared/errors.js';
import type { Clock } from '../shared/clock.js';
import type { Effect } from './effects.js';
import type { InboundEvent } from './events.js';
import type { EngineState } from './state.js';
import type { Step } from './step.js';

export interface LoadedInterview {
  id: string;
  version: number;
  state: EngineState;
}

export interface CommitRequest {
  interviewId: string;
  /** The version that was loaded; the commit fails with a conflict if the row has moved on. */
  expectedVersion: number;
  state: EngineState;
  effects: readonly Effect[];
  now: Date;
}

export type CommitResult = { ok: true; version: number } | { ok: false; reason: 'conflict' };

/** What the runner needs from storage. src/store implements it over Prisma. */
export interface InterviewStore {
  load(interviewId: string): Promise<LoadedInterview | null>;
  commit(request: CommitRequest): Promise<CommitResult>;
}

/** Structured logging without committing to a logger library; pino's Logger fits. */
export interface EngineLogger {
  debug(data: Record<string, unknown>, message: string): void;
  warn(data: Record<string, unknown>, message: string): void;
}

export interface RunnerOptions {
  store: InterviewStore;
  step: Step;
  clock: Clock;
  /** @defaultValue 10 */
  maxAttempts?: number;
  logger?: EngineLogger;
}

export interface RunOutcome {
  interviewId: string;
  /** The version after the commit (unchanged when the event changed nothing). */
  version: number;
  attempts: number;
  committed: boolean;
  effects: readonly Effect[];
  state: EngineState;
}

function changedNothing(before: EngineState, after: EngineState, effects: readonly Effect[]): boolean {
  return effects.length === 0 && (before === after || JSON.stringify(before) === JSON.stringify(after));
}

export class InterviewRunner {
  private readonly maxAttempts: number;

  constructor(private readonly options: RunnerOptions) {
    this.maxAttempts = options.maxAttempts ?? 10;
  }

  /**
   * `current` is the interview as the caller has just read it (as store.load would), which saves the first load.
   * It may already be stale: the versioned commit then fails like any other race, and the next attempt loads.
   */
  async handle(interviewId: string, event: InboundEvent, current?: LoadedInterview): Promise<RunOutcome> {
    const { store, step, clock, logger } = this.options;
    for (let attempt = 1; attempt <= this.maxAttempts; attempt += 1) {
      const loaded = attempt === 1 && current?.id === interviewId ? current : await store.load(interviewId);
      if (!loaded)
        throw new AppError('not_found', `interview ${interviewId} not found`, {
          userMessage: 'This interview no longer exists.',
        });
      const now = clock.now();
      const { state, effects } = step(loaded.state, event, now);
      const base = { interviewId, attempts: attempt, effects, state };
      if (changedNothing(loaded.state, state, effects)) return { ...base, version: loaded.version, committed: false };
      const result = await store.commit({ interviewId, expectedVersion: loaded.version, state, effects, now });
      if (result.ok) {
        logger?.debug(
          { interviewId, event: event.kind, version: result.version, effects: effects.length },
          'interview stepped',
        );
        return { ...base, version: result.version, committed: true };
      }
      logger?.debug({ interviewId, event: event.kind, attempt }, 'version conflict, stepping again');
    }
    logger?.warn({ interviewId, event: event.kind }, 'gave up after repeated version conflicts');
    throw new AppError('conflict', `interview ${interviewId}: ${this.maxAttempts} version conflicts in a row`, {
      userMessage: 'Lots happening at once; please send that again.',
    });
  }
}
