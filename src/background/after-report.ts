/**
 * What follows a built report: one ReportPost row and one posting job per hiring channel, and, when some answer
 * could not be scored, a message to the recruiter saying which questions and why (the report shows them as
 * missing, never as an invented score).
 */
import type { Report } from '../report/schema.js';
import { ReportSchema } from '../report/schema.js';
import { sendMessagePayload } from '../engine/index.js';
import type { JobDeps } from './deps.js';

function scoringFailureNotice(report: Report): string | null {
  const failed = report.questions.filter((q) => q.status === 'not_scored');
  if (failed.length === 0) return null;
  const list = failed.map((q) => q.index).join(', ');
  return (
    `Scoring failed for good on ${failed.length === 1 ? 'question' : 'questions'} ${list} of the screening report for ${report.candidate.name}. ` +
    'The report shows those answers as not scored and leaves them out of every average; you can read the answers in the full report.'
  );
}

/** Returns the ids of the destinations the report now has to be posted to. */
export async function afterReportBuilt(
  deps: Pick<JobDeps, 'db' | 'destinations'>,
  interviewId: string,
): Promise<string[]> {
  const stored = await deps.db.report.findUnique({
    where: { interviewId },
    include: { interview: { select: { workspaceId: true } } },
  });
  if (!stored) return [];
  const destinations = await deps.destinations.forWorkspace(stored.interview.workspaceId);
  if (destinations.length > 0) {
    await deps.db.reportPost.createMany({
      data: destinations.map((d) => ({ reportId: stored.id, destination: d.id })),
      skipDuplicates: true,
    });
  }
  const parsed = ReportSchema.safeParse(stored.data);
  const notice = parsed.success ? scoringFailureNotice(parsed.data) : null;
  if (notice) {
    // Through the outbox like every message, so it is delivered once even if this job runs again.
    await deps.db.outboxEvent.createMany({
      data: [
        {
          interviewId,
          kind: 'send_message',
          payload: sendMessagePayload.parse({ recipient: { to: 'recruiter' }, text: notice }),
          dedupeKey: `${interviewId}:scoring-failed`,
        },
      ],
      skipDuplicates: true,
    });
  }
  return destinations.map((d) => d.id);
}
