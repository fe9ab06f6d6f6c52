/**
 * The interviewer and scorer this deployment uses, and the runner over them. The server steps interviews for
 * chat events and the worker for timers, so both must build them the same way: from here.
 */
import { createOfflineInterviewer, createStep, InterviewRunner, type Interviewer } from './engine/index.js';
import { createJobHandlers } from './jobs/handlers.js';
import type { JobHandlers } from './jobs/dispatcher.js';
import { createOfflineScorer, defaultQuestionBank, type QuestionBank } from './scoring/index.js';
import type { AnswerScorer } from './scoring/types.js';
import type { Clock } from './shared/clock.js';
import type { Logger } from './shared/logger.js';
import { createInterviewStore } from './store/interview-store.js';
import type { Db } from './store/prisma.js';

export interface Interviewing {
  bank: QuestionBank;
  interviewer: Interviewer;
  scorer: AnswerScorer;
  runner: InterviewRunner;
  engineJobs: JobHandlers;
}

export function createInterviewing(deps: { db: Db; clock: Clock; logger: Logger }): Interviewing {
  const bank = defaultQuestionBank();
  const interviewer = createOfflineInterviewer(bank);
  const scorer = createOfflineScorer();
  return {
    bank,
    interviewer,
    scorer,
    runner: new InterviewRunner({ store: createInterviewStore(deps.db), step: createStep(interviewer), clock: deps.clock, logger: deps.logger }),
    engineJobs: createJobHandlers({ db: deps.db, clock: deps.clock, scorer, bank, interviewerLabel: interviewer.label }),
  };
}
