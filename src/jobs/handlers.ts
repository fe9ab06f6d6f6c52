/** The engine's job handlers bound to their dependencies, keyed by job name (what the outbox names). */
import type { QuestionBank } from '../scoring/index.js';
import type { AnswerScorer } from '../scoring/types.js';
import type { Clock } from '../shared/clock.js';
import type { Db } from '../store/prisma.js';
import { buildReportJob } from './build-report.js';
import type { JobHandlers } from './dispatcher.js';
import { scoreAnswer } from './score-answer.js';

export interface EngineJobDeps {
  db: Db;
  clock: Clock;
  scorer: AnswerScorer;
  bank: QuestionBank;
  interviewerLabel: string;
}

export function createJobHandlers(deps: EngineJobDeps): JobHandlers {
  return {
    score_answer: (payload) => scoreAnswer(deps, payload),
    build_report: (payload) => buildReportJob(deps, payload),
  };
}
