/** The engine's job handlers bound to their dependencies, keyed by job name (what the outbox names). */
import type { QuestionBank } from '../scoring/index.js';
import type { AnswerScorer } from '../scoring/types.js';
import type { Clock } from '../shared/clock.js';
import type { Db } from '../store/prisma.js';
import { buildReportJob } from './build-report.js';
import type { JobHandlers } from './dispatcher.js';
import { scoreAnswer } from './score-answer.js';
import { adviseTurn } from './advise-turn.js';
import { skipped } from './outcome.js';
import type { Interviewer, InterviewRunner, InterviewStore } from '../engine/index.js';
import type { InterviewProvider, TokenUsage } from '../providers/types.js';

export interface EngineJobDeps {
  db: Db;
  clock: Clock;
  scorer: AnswerScorer;
  bank: QuestionBank;
  interviewerLabel: string;
  /**
   * The language-model side of interviewing, when one is configured: advice after each turn and the written notes.
   * Without it an `advise_turn` job does nothing and the engine's deadline decides offline.
   */
  model?: { runner: InterviewRunner; store: InterviewStore; provider: InterviewProvider; interviewer: Interviewer; onUsage?: (usage: TokenUsage) => void };
}

export function createJobHandlers(deps: EngineJobDeps): JobHandlers {
  const model = deps.model;
  return {
    score_answer: (payload) => scoreAnswer(deps, payload),
    build_report: (payload) => buildReportJob(deps.model ? { ...deps, writer: deps.model } : deps, payload),
    advise_turn: (payload) => (model ? adviseTurn({ db: deps.db, bank: deps.bank, ...model }, payload) : Promise.resolve(skipped('no_interviewer_provider'))),
  };
}
