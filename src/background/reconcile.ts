/**
 * PostgreSQL is the source of truth; Redis only carries work in flight. The reconciler asks the database what is
 * unfinished and makes sure a job exists for each piece (at worker start and then periodically), so work that
 * a flushed or failed-over Redis forgot still finishes: answers without scores, closed interviews without a
 * report, reports not yet posted to a hiring channel. Outbox rows need nothing here: the relay re-leases them.
 */
import { afterReportBuilt } from './after-report.js';
import type { JobDeps } from './deps.js';
import { buildReportJob, postReportJob, scoreAnswerJob } from './jobs/index.js';

export interface ReconcileSummary {
  scores: number;
  reports: number;
  posts: number;
}

/** Whose final answers are scored: every status but those before the first answer and those that erased them. */
const ANSWERS_SCORED_IN = ['in_progress', 'paused', 'completed', 'withdrawn', 'expired'] as const;

export async function reconcile(deps: JobDeps, limit = 500): Promise<ReconcileSummary> {
  const summary: ReconcileSummary = { scores: 0, reports: 0, posts: 0 };
  const unscored = await deps.db.answer.findMany({
    where: {
      finalizedAt: { not: null },
      scores: { none: {} },
      turn: { skipped: false, kind: { not: 'introduction' }, interview: { status: { in: [...ANSWERS_SCORED_IN] } } },
    },
    select: { id: true, editHistory: true },
    take: limit,
  });
  for (const answer of unscored) {
    // The revision the engine named when it asked (one history entry per edit), so the job id is the same one.
    const revision = Array.isArray(answer.editHistory) ? answer.editHistory.length : 0;
    const payload = { answerId: answer.id, ...(revision > 0 ? { revision } : {}) };
    if ((await deps.queue.ensure(scoreAnswerJob, payload)) !== 'pending') summary.scores += 1;
  }

  const unreported = await deps.db.interview.findMany({
    where: { status: 'completed', report: null },
    select: { id: true },
    take: limit,
  });
  for (const interview of unreported) {
    if ((await deps.queue.ensure(buildReportJob, { interviewId: interview.id })) !== 'pending') summary.reports += 1;
  }

  const reports = await deps.db.report.findMany({
    where: {
      OR: [{ posts: { some: { postedAt: null } } }, { posts: { none: {} } }],
      interview: { status: { in: ['completed', 'scored'] }, workspace: { hiringChannelId: { not: null } } },
    },
    select: { interviewId: true },
    take: limit,
  });
  for (const report of reports) {
    for (const destinationId of await afterReportBuilt(deps, report.interviewId)) {
      const posted = await deps.db.reportPost.findFirst({
        where: { report: { interviewId: report.interviewId }, destination: destinationId, postedAt: { not: null } },
      });
      if (
        !posted &&
        (await deps.queue.ensure(postReportJob, { interviewId: report.interviewId, destinationId })) !== 'pending'
      )
        summary.posts += 1;
    }
  }
  return summary;
}
