/**
 * The interviewer and scorer this deployment uses, and the runner over them. The server steps interviews for
 * chat events and the worker for timers, so both must build them the same way: from here.
 */
import type { Env } from '../config/env.js';
import { createOfflineInterviewer, createStep, InterviewRunner, type Interviewer } from '../engine/index.js';
import { guardInterviewer } from '../providers/answer-guard.js';
import { providerAsScorer } from '../providers/as-scorer.js';
import { createInterviewProvider, DEFAULT_OPENAI_MODEL } from '../providers/index.js';
import type { InterviewingWork } from '../background/deps.js';
import { createOfflineScorer, defaultQuestionBank, type QuestionBank } from '../scoring/index.js';
import type { AnswerScorer, TokenCount } from '../scoring/types.js';
import type { Clock } from '../shared/clock.js';
import type { Logger } from '../shared/logger.js';
import { createInterviewStore } from '../store/interview-store.js';
import { PostgresScoreCache } from '../store/score-cache.js';
import type { Db } from '../store/prisma.js';

export interface Interviewing {
  bank: QuestionBank;
  interviewer: Interviewer;
  scorer: AnswerScorer;
  runner: InterviewRunner;
  /** What the background's jobs score, report and advise with. */
  work: InterviewingWork;
}

export interface InterviewingDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
  env: Pick<Env, 'OPENAI_API_KEY' | 'OPENAI_BASE_URL' | 'OPENAI_MODEL'>;
  /** Tokens of every model call made for scoring (metrics). */
  onTokens?: (usage: TokenCount) => void;
}

/** How long the candidate waits for the model's next question before the offline interviewer decides instead. */
export const ADVICE_DEADLINE_MS = 45_000;

/**
 * Offline (no OPENAI_API_KEY): the offline interviewer decides on the spot and the rubric scorer scores. With a
 * key: one OpenAI provider words the questions, decides follow-ups, scores (falling back to the offline scorer,
 * labelled in the report) and writes the report's notes; the offline interviewer still plans which bank questions
 * come and decides whenever the model is late.
 *
 * In both modes answers reach the scorer through the answer guard (src/providers/answer-guard.ts): the scoring job
 * applies it to whatever scorer it is given, so the raw rubric scorer below is never handed candidate text as is.
 * The offline interviewer reads introductions and answers through the same guard for profiles and follow-ups.
 */
export function createInterviewing(deps: InterviewingDeps): Interviewing {
  const bank = defaultQuestionBank();
  const offline = guardInterviewer(createOfflineInterviewer(bank));
  const store = createInterviewStore(deps.db);
  const runnerFor = (interviewer: Interviewer) =>
    new InterviewRunner({ store, step: createStep(interviewer), clock: deps.clock, logger: deps.logger });
  if (!deps.env.OPENAI_API_KEY) {
    const scorer = createOfflineScorer();
    return {
      bank,
      interviewer: offline,
      scorer,
      runner: runnerFor(offline),
      work: { scorer, bank, interviewerLabel: offline.label },
    };
  }
  const provider = createInterviewProvider({
    env: deps.env,
    logger: deps.logger,
    clock: deps.clock,
    cache: new PostgresScoreCache(deps.db),
  });
  const interviewer: Interviewer = {
    ...offline,
    label: `Screener (language model ${deps.env.OPENAI_MODEL ?? DEFAULT_OPENAI_MODEL})`,
    adviceDeadlineMs: ADVICE_DEADLINE_MS,
  };
  const onUsage = deps.onTokens;
  const scorer = providerAsScorer(provider, onUsage ? { onUsage } : {});
  const runner = runnerFor(interviewer);
  const model = { store, provider, interviewer, ...(onUsage ? { onUsage } : {}) };
  return { bank, interviewer, scorer, runner, work: { scorer, bank, interviewerLabel: interviewer.label, model } };
}
