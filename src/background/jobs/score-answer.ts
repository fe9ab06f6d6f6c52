/**
 * Job `score_answer { answerId, revision?, outboxId? }`: scores one final answer with the configured scorer, through the answer guard
 * (text addressed to the scorer is cut out and flagged first, whatever scorer was wired), and stores one Score row
 * per dimension. Idempotent per scorer id and version: an answer that already has a score asked of this scorer
 * version is left alone (a newer version scores it again, beside the older rows), and the unique key (answer,
 * dimension, scorer, version) turns a concurrent second run into a no-op. An edit deletes the answer's scores and
 * asks for this job again under a new revision; a run that scored the text from before the edit stores nothing.
 */
import { scoreAnswerRequest } from '../../engine/index.js';
import { mergeFlags, scoreGuarded } from '../../providers/answer-guard.js';
import { findBankQuestion, toScoringQuestion, type QuestionBank } from '../../scoring/index.js';
import type { AnswerScore, AnswerScorer, ScoringQuestion } from '../../scoring/types.js';
import type { Clock } from '../../shared/clock.js';
import { isAppError } from '../../shared/errors.js';
import type { Db } from '../../store/prisma.js';
import { failedScore, hasRunFor, scoreToRows } from '../../store/score-rows.js';
import type { JobDeps } from '../deps.js';
import { done, skipped, type JobOutcome } from '../outcome.js';
import { handedRow, markHandedRowSent } from '../outbox-state.js';
import { defineJob, jobIdOf } from '../queue/definition.js';
import { buildReportJob } from './build-report.js';

export interface ScoreAnswerDeps {
  db: Db;
  scorer: AnswerScorer;
  bank: QuestionBank;
  clock: Clock;
}

/** What of a turn (and of the turn it follows up) scoring reads; `include` it in the answer's query. */
export const TURN_FOR_SCORING = {
  parentTurn: { select: { kind: true, questionId: true, questionText: true } },
} as const;

interface TurnForScoring {
  kind: 'introduction' | 'technical' | 'behavioral' | 'follow_up';
  questionId: string | null;
  questionText: string;
  parentTurn: { kind: TurnForScoring['kind']; questionId: string | null; questionText: string } | null;
}

function bankRubricOf(bank: QuestionBank, questionId: string | null): ScoringQuestion | undefined {
  const bankQuestion = questionId ? findBankQuestion(bank, questionId) : undefined;
  return bankQuestion ? toScoringQuestion(bankQuestion) : undefined;
}

/**
 * A question is scored against its bank question's rubric with the text actually asked (a language model may have
 * worded it for the candidate). A follow-up is scored for what it asked: its own text, with the question it follows
 * (that turn's kind and text, and its bank rubric) as its parent, so it counts with the parent's kind.
 */
export function scoringQuestionFor(bank: QuestionBank, turn: TurnForScoring): ScoringQuestion | null {
  if (turn.kind === 'introduction') return null;
  if (turn.kind !== 'follow_up')
    return { ...bankRubricOf(bank, turn.questionId), kind: turn.kind, text: turn.questionText };
  const parent = turn.parentTurn;
  if (!parent || (parent.kind !== 'technical' && parent.kind !== 'behavioral'))
    return { kind: 'follow_up', text: turn.questionText };
  const rubric = bankRubricOf(bank, parent.questionId);
  return {
    kind: 'follow_up',
    text: turn.questionText,
    parent: { ...rubric, kind: parent.kind, text: parent.questionText },
  };
}

async function runScorer(
  scorer: AnswerScorer,
  question: ScoringQuestion,
  text: string,
  answerId: string,
): Promise<AnswerScore> {
  // The whole answer goes to the guard, which bounds it to the scoring limit after cutting: an attempt that
  // straddles the limit is still found whole.
  const result = await scoreGuarded(scorer, { question, answer: text, answerId });
  if (result.ok) return result.score;
  // Stored and shown as "scoring failed"; the message is ours or the error's name, never the answer.
  const { error } = result;
  const failed = failedScore(
    scorer,
    isAppError(error) ? `${error.code}: ${error.message}` : error instanceof Error ? error.name : 'unknown error',
  );
  return { ...failed, flags: mergeFlags(failed.flags, result.guarded.flags) };
}

/**
 * Whether this was the last score a closed interview's report waited for. Asked after every score, the already
 * stored ones included: a worker that died between storing a score and enqueueing the report must not leave the
 * report waiting for a retry.
 */
async function reportReady(db: Db, interviewId: string): Promise<string | undefined> {
  // Read now, not with the answer: with a language model the interview often closes while its last answer is
  // being scored (the close waits for the model's advice), and a stale "in progress" would leave the report waiting.
  const interview = await db.interview.findUnique({ where: { id: interviewId }, select: { id: true, status: true } });
  if (interview?.status !== 'completed') return undefined; // an open interview's report is asked for when it closes
  const waiting = await db.answer.count({
    where: {
      finalizedAt: { not: null },
      scores: { none: {} },
      turn: { interviewId: interview.id, skipped: false, kind: { not: 'introduction' } },
    },
  });
  return waiting === 0 ? interview.id : undefined;
}

function doneWith(reason: string | undefined, ready: string | undefined): JobOutcome {
  return { ...done(reason), ...(ready ? { reportReady: ready } : {}) };
}

/** The work of the job, also run by `cli rescore`. */
export async function scoreAnswer(deps: ScoreAnswerDeps, payload: { answerId: string }): Promise<JobOutcome> {
  const { answerId } = payload;
  const { db, scorer, bank } = deps;
  const answer = await db.answer.findUnique({
    where: { id: answerId },
    // A fallback scorer's rows count when it stood in for this scorer version (the feedback row records that).
    include: {
      turn: { include: TURN_FOR_SCORING },
      scores: { select: { dimension: true, scorerId: true, scorerVersion: true, details: true } },
    },
  });
  // Erased, or a draft that was skipped: there is nothing to score, and there never will be.
  if (!answer) return skipped('answer_not_found');
  if (answer.turn.skipped || !answer.finalizedAt) return skipped('not_a_final_answer');
  if (hasRunFor(answer.scores, scorer))
    return doneWith('already_scored', await reportReady(db, answer.turn.interviewId));
  const question = scoringQuestionFor(bank, answer.turn);
  if (!question) return skipped('not_scored_kind');
  const score = await runScorer(scorer, question, answer.text, answerId);
  const flags = [
    ...new Set([...answer.flags, ...score.flags, ...(score.status === 'failed' ? ['scoring_failed'] : [])]),
  ];
  const stored = await db.$transaction(async (tx) => {
    // Under the answer's row lock, which an edit's commit takes too: a score of text the candidate has since
    // edited is dropped (the edit asked for a score of the new text), never stored beside the new text.
    const [row] = await tx.$queryRaw<
      Array<{ text: string }>
    >`SELECT "text" FROM "Answer" WHERE "id" = ${answerId} FOR UPDATE`;
    if (!row || row.text !== answer.text) return false;
    await tx.score.createMany({ data: scoreToRows(answerId, score, scorer), skipDuplicates: true });
    await tx.answer.update({ where: { id: answerId }, data: { flags } });
    return true;
  });
  if (!stored) return skipped('answer_changed');
  return doneWith(undefined, await reportReady(db, answer.turn.interviewId));
}

export const scoreAnswerJob = defineJob({
  name: 'score_answer',
  queue: 'scoring',
  schema: handedRow(scoreAnswerRequest),
  // An edited answer is scored again: each revision is its own job (a completed job's id is kept for a day).
  jobId: (p) => (p.revision ? jobIdOf('score', p.answerId, `r${p.revision}`) : jobIdOf('score', p.answerId)),
  attempts: 6,
  backoffMs: 2_000,
  async handle(payload, deps: JobDeps) {
    const outcome = await scoreAnswer(
      { db: deps.db, clock: deps.clock, scorer: deps.work.scorer, bank: deps.work.bank },
      payload,
    );
    await markHandedRowSent(deps.db, payload, deps.clock.now());
    // The last score of a closed interview is what the report waits for: it may be waiting out a retry delay, so it
    // runs now. Only then: a report job that ran too early would complete as "skipped" and, under its deterministic
    // id, block the real one.
    if (outcome.reportReady) await deps.queue.ensure(buildReportJob, { interviewId: outcome.reportReady });
  },
});
