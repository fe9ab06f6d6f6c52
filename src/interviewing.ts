/**
 * The interviewer and scorer this deployment uses, and the runner over them. The server steps interviews for
 * chat events and the worker for timers, so both must build them the same way: from here.
 */
import type { Env } from './config/env.js';
import { createOfflineInterviewer, createStep, InterviewRunner, type Interviewer } from './engine/index.js';
import { providerAsScorer } from './providers/as-scorer.js';
import { createInterviewProvider } from './providers/index.js';
import { createJobHandlers } from './jobs/handlers.js';
import type { JobHandlers } from './jobs/dispatcher.js';
import { createOfflineScorer, defaultQuestionBank, type QuestionBank } from './scoring/index.js';
import type { AnswerScorer, TokenCount } from './scoring/types.js';
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

export interface InterviewingDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
  env: Pick<Env, 'OPENAI_API_KEY' | 'OPENAI_BASE_URL' | 'OPENAI_MODEL'>;
  /** Tokens of every model call made for scoring (metrics). */
  onTokens?: (usage: TokenCount) => void;
}

/**
 * With OPENAI_API_KEY set, answers are scored by the OpenAI provider, which falls back to the offline rubric
 * scorer (labelled as such in the report) when the model fails. Questions still come from the offline
 * interviewer's banks: generated questions are not wired into the engine yet.
 */
function chooseScorer(deps: InterviewingDeps): AnswerScorer {
  if (!deps.env.OPENAI_API_KEY) return createOfflineScorer();
  const provider = createInterviewProvider({ env: deps.env, logger: deps.logger, clock: deps.clock });
  return providerAsScorer(provider, deps.onTokens ? { onUsage: deps.onTokens } : {});
}

export function createInterviewing(deps: InterviewingDeps): Interviewing {
  const bank = defaultQuestionBank();
  const interviewer = createOfflineInterviewer(bank);
  const scorer = chooseScorer(deps);
  return {
    bank,
    interviewer,
    scorer,
    runner: new InterviewRunner({ store: createInterviewStore(deps.db), step: createStep(interviewer), clock: deps.clock, logger: deps.logger }),
    engineJobs: createJobHandlers({ db: deps.db, clock: deps.clock, scorer, bank, interviewerLabel: interviewer.label }),
  };
}
