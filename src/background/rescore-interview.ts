/**
 * Scores every answered question of a stored interview again with the given scorer, through the score job itself
 * (so the rubric, the bounds and the rows are the ones production stores), keeps the older rows, and rebuilds the
 * stored report, which then shows the newest version and lists the older ones. Answers that already have a score
 * of this scorer id and version are left alone: running it twice does nothing the second time.
 */
import { isFinishedStatus } from '../engine/index.js';
import { ReportSchema, type Report } from '../report/schema.js';
import { loadInterviewWithTranscript, type TranscriptTurn } from '../store/transcript.js';
import { rebuildReport, type BuildReportDeps } from './jobs/build-report.js';
import { scoreAnswer, type ScoreAnswerDeps } from './jobs/score-answer.js';
import { hasRunFor } from '../store/score-rows.js';

export type RescoreDeps = ScoreAnswerDeps & Pick<BuildReportDeps, 'interviewerLabel' | 'writer'>;

export interface QuestionChange {
  /** The question's number in the report. */
  index: number;
  kind: Report['questions'][number]['kind'];
  before: number | null;
  after: number | null;
}

export type RescoreResult =
  | { outcome: 'already_scored' }
  | { outcome: 'not_finished'; status: string }
  | { outcome: 'report_not_built'; reason: string }
  | { outcome: 'rescored'; report: Report; changes: QuestionChange[] };

function answered(turn: TranscriptTurn): turn is TranscriptTurn & { answer: NonNullable<TranscriptTurn['answer']> } {
  return turn.kind !== 'introduction' && !turn.skipped && turn.answer?.finalizedAt != null;
}

function storedReport(data: unknown): Report | null {
  const parsed = ReportSchema.safeParse(data);
  return parsed.success ? parsed.data : null;
}

/** The caller has checked that the interview exists and was not erased. */
export async function rescoreInterview(deps: RescoreDeps, interviewId: string): Promise<RescoreResult> {
  const interview = await loadInterviewWithTranscript(deps.db, interviewId);
  if (!interview || !isFinishedStatus(interview.status))
    return { outcome: 'not_finished', status: interview?.status ?? 'missing' };
  const pending = interview.turns.filter(answered).filter((t) => !hasRunFor(t.answer.scores, deps.scorer));
  if (pending.length === 0) return { outcome: 'already_scored' };
  const before = interview.report ? storedReport(interview.report.data) : null;
  // One at a time, in order, like the transcript scorer: the scorer may be a rate-limited service.
  for (const turn of pending) await scoreAnswer(deps, { answerId: turn.answer.id });
  const rebuilt = await rebuildReport(deps, interviewId);
  const row = await deps.db.report.findUnique({ where: { interviewId } });
  const report = row ? storedReport(row.data) : null;
  if (rebuilt.status !== 'done' || !report)
    return { outcome: 'report_not_built', reason: rebuilt.reason ?? rebuilt.status };
  const changes = report.questions.map((q) => ({
    index: q.index,
    kind: q.kind,
    before: before?.questions.find((b) => b.index === q.index)?.overall ?? null,
    after: q.overall,
  }));
  return { outcome: 'rescored', report, changes };
}
