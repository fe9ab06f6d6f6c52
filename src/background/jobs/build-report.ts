/**
 * Job `build_report { interviewId, outboxId? }`: once every answer has a final score status, builds the report with
 * src/report, stores it (one Report row per interview) and marks the interview `scored`. Posting it is another job
 * (./post-report.ts), one per hiring channel, enqueued here.
 */
import { z } from 'zod';
import { buildReport, type ReportInput, type ReportTurn } from '../../report/build.js';
import { extractProfile, profileSchema } from '../../scoring/index.js';
import {
  ANSWER_FLAGS,
  LEVELS,
  SKILL_AREAS,
  type AnswerFlag,
  type AnswerScorer,
  type Profile,
} from '../../scoring/types.js';
import type { Clock } from '../../shared/clock.js';
import type { Db } from '../../store/prisma.js';
import {
  loadInterviewWithTranscript,
  type InterviewWithTranscript,
  type TranscriptTurn,
} from '../../store/transcript.js';
import { toJson } from '../../store/json.js';
import { OFFLINE_PROVIDER_ID } from '../../providers/offline.js';
import type { InterviewProvider, TokenUsage } from '../../providers/types.js';
import { ReportSchema, type WrittenSummary } from '../../report/schema.js';
import { buildReportRequest, isFinishedStatus } from '../../engine/index.js';
import { modelUsageOf, recordModelUsage } from '../../store/model-usage.js';
import { compareVersions, rowsToScore, scoreRuns, type ScoreRun } from '../../store/score-rows.js';
import { afterReportBuilt } from '../after-report.js';
import type { JobDeps } from '../deps.js';
import { done, retryLater, skipped, type JobOutcome } from '../outcome.js';
import { handedRow, markHandedRowSent } from '../outbox-state.js';
import { defineJob, jobIdOf } from '../queue/definition.js';
import { postReportJob } from './post-report.js';

export interface BuildReportDeps {
  db: Db;
  clock: Clock;
  /** The scorer whose scores the report shows. */
  scorer: Pick<AnswerScorer, 'id' | 'version' | 'label'>;
  /** Shown in the report, e.g. "Screener (offline interviewer)". */
  interviewerLabel: string;
  /** A language-model provider writes notes for the hiring team; without one the report has none. */
  writer?: { provider: InterviewProvider; onUsage?: (usage: TokenUsage) => void };
}

const KNOWN_FLAGS: ReadonlySet<string> = new Set(ANSWER_FLAGS);

function needsScore(turn: TranscriptTurn): boolean {
  return turn.kind !== 'introduction' && !turn.skipped && turn.answer?.finalizedAt != null;
}

/** Any scorer's rows count: when the configured scorer failed, the fallback's score is the answer's score. */
function hasScore(turn: TranscriptTurn): boolean {
  return (turn.answer?.scores ?? []).length > 0;
}

type Run = ScoreRun<NonNullable<TranscriptTurn['answer']>['scores'][number]>;

/**
 * Newest first: by the version the run answers for (a stand-in stored before that was recorded counts as older than
 * any known version), then by when it was stored.
 */
function newestFirst(a: Run, b: Run): number {
  const [va, vb] = [a.answersFor.version, b.answersFor.version];
  const byVersion =
    va === null || vb === null ? (va === null ? 1 : 0) - (vb === null ? 1 : 0) : compareVersions(vb, va);
  return byVersion !== 0 ? byVersion : b.createdAt - a.createdAt;
}

/**
 * The run the report shows and the older runs it lists: the newest version of the configured scorer (its own rows,
 * or a fallback's that stood in for it); an answer scored only by another scorer shows that scorer's newest run.
 * Older runs of the same scorer are kept and listed; nothing is ever deleted.
 */
export function chooseRuns(turn: TranscriptTurn, scorerId: string): { shown: Run | null; older: Run[] } {
  const runs = scoreRuns(turn.answer?.scores ?? []);
  const configured = runs.filter((r) => r.answersFor.id === scorerId);
  const [shown, ...rest] = (configured.length > 0 ? configured : runs).sort(newestFirst);
  if (!shown) return { shown: null, older: [] };
  return { shown, older: rest.filter((r) => r.answersFor.id === shown.answersFor.id) };
}

function toReportTurn(turn: TranscriptTurn, scorerId: string, orderOf: ReadonlyMap<string, number>): ReportTurn {
  const answer = turn.answer;
  const flags = (answer?.flags ?? []).filter((f): f is AnswerFlag => KNOWN_FLAGS.has(f));
  const { shown, older } = turn.kind === 'introduction' ? { shown: null, older: [] } : chooseRuns(turn, scorerId);
  return {
    index: turn.order,
    kind: turn.kind,
    parentIndex: turn.parentTurnId === null ? null : (orderOf.get(turn.parentTurnId) ?? null),
    question: turn.questionText,
    answer: answer?.text ?? '',
    wordCount: answer?.wordCount ?? 0,
    skipped: turn.skipped,
    flags,
    score: shown ? rowsToScore(shown.rows, flags) : null,
    questionId: turn.questionId,
    olderScores: older.flatMap((run) => rowsToScore(run.rows, []) ?? []),
  };
}

const roleSchema = z.object({ title: z.string(), skillArea: z.enum(SKILL_AREAS), level: z.enum(LEVELS) });

const stateProfile = z.object({ profile: profileSchema.nullable().catch(null) });

/**
 * The profile the questions were chosen and worded from (kept in the engine state; a language model's when one is
 * configured), so the report never describes the candidate differently from the interview they had. Interviews
 * from before the state kept it are read from the introduction.
 */
function profileOf(interview: InterviewWithTranscript): Profile | null {
  const kept = stateProfile.safeParse(interview.state);
  if (kept.success && kept.data.profile) return kept.data.profile;
  const introduction = interview.turns.find((t) => t.kind === 'introduction' && !t.skipped && t.answer);
  return introduction?.answer ? extractProfile(introduction.answer.text) : null;
}

/**
 * The provider's notes, only when the model itself wrote them: a stand-in written by the offline provider after a
 * model failure adds nothing the report does not already say, so the report then has no notes rather than fake ones.
 */
async function writeNotes(
  deps: BuildReportDeps,
  input: ReportInput,
  interviewId: string,
): Promise<WrittenSummary | null> {
  const writer = deps.writer;
  if (!writer || writer.provider.id === OFFLINE_PROVIDER_ID || !input.role?.skillArea || !input.role.level) return null;
  const items = input.turns.flatMap((t) =>
    t.kind !== 'introduction' && t.score ? [{ question: { kind: t.kind, text: t.question }, score: t.score }] : [],
  );
  const role = { title: input.role.title ?? '', skillArea: input.role.skillArea, level: input.role.level };
  const result = await writer.provider.summarize({ role, items });
  await recordModelUsage(deps.db, interviewId, 'summary', result.usage, writer.onUsage);
  if (result.source.fallbackFrom || result.source.providerId === OFFLINE_PROVIDER_ID) return null;
  return { author: result.source.providerLabel, ...result.summary };
}

export function reportInputFor(
  interview: InterviewWithTranscript,
  deps: Pick<BuildReportDeps, 'scorer' | 'interviewerLabel'>,
  now: Date,
): ReportInput {
  const role = roleSchema.safeParse(interview.role);
  const orderOf = new Map(interview.turns.map((t) => [t.id, t.order]));
  return {
    candidate: { name: interview.candidate?.displayName ?? 'Candidate' },
    role: role.success ? role.data : { title: interview.role.title, skillArea: null, level: null },
    startedAt: interview.startedAt ?? interview.createdAt,
    endedAt: interview.completedAt ?? interview.endedAt ?? now,
    generatedAt: now,
    interviewerLabel: deps.interviewerLabel,
    profile: profileOf(interview),
    // The configured scorer first; a scorer that stood in for it is added, with its own label, by the builder.
    scorers: [{ id: deps.scorer.id, version: deps.scorer.version, label: deps.scorer.label }],
    turns: interview.turns.map((t) => toReportTurn(t, deps.scorer.id, orderOf)),
  };
}

/** The work of the job: build and store the report once every answer has its score. */
export async function buildInterviewReport(
  deps: BuildReportDeps,
  payload: { interviewId: string },
): Promise<JobOutcome> {
  const { interviewId } = payload;
  const interview = await loadInterviewWithTranscript(deps.db, interviewId);
  if (!interview) return skipped('interview_not_found');
  if (!isFinishedStatus(interview.status)) return skipped(`status_${interview.status}`);
  if (interview.report) return done('already_built');
  if (interview.turns.some((t) => needsScore(t) && !hasScore(t))) return retryLater('waiting_for_scores');
  const input = reportInputFor(interview, deps, deps.clock.now());
  const writtenSummary = await writeNotes(deps, input, interviewId);
  return storeReport(deps.db, interview, { ...input, writtenSummary }, 'create');
}

/**
 * Builds the report again from the stored scores (after a re-score: the newest scorer version's values, the older
 * ones listed) and replaces the stored one; where it was posted is kept. The model's notes are kept as they were:
 * they state no scores, and asking again would spend tokens to say the same.
 */
export async function rebuildReport(deps: BuildReportDeps, interviewId: string): Promise<JobOutcome> {
  const interview = await loadInterviewWithTranscript(deps.db, interviewId);
  if (!interview) return skipped('interview_not_found');
  if (!isFinishedStatus(interview.status)) return skipped(`status_${interview.status}`);
  if (interview.turns.some((t) => needsScore(t) && !hasScore(t))) return retryLater('waiting_for_scores');
  const input = reportInputFor(interview, deps, deps.clock.now());
  const previous = interview.report ? ReportSchema.safeParse(interview.report.data) : null;
  const writtenSummary = previous?.success ? previous.data.writtenSummary : await writeNotes(deps, input, interviewId);
  return storeReport(deps.db, interview, { ...input, writtenSummary }, 'replace');
}

/**
 * Stores the report built from `read`, the interview as it was read. Under the interview's row lock, which every
 * engine commit also takes:
 * 1. the status is read again: the notes took seconds to write, and a candidate who erased the interview meanwhile
 *    must not get a report stored (and posted) after all;
 * 2. the version is compared with the one read: an engine commit in between (an edited answer, whose scores it
 *    deleted) means the report would show what the candidate has since changed, so it is built again later;
 * 3. the engine state is marked `reportBuilt` and the version moves on, so a step that loaded the state before
 *    this commit conflicts, steps again, and refuses an edit instead of changing an answer the report shows.
 */
async function storeReport(
  db: Db,
  read: { id: string; version: number },
  input: ReportInput,
  mode: 'create' | 'replace',
): Promise<JobOutcome> {
  const interviewId = read.id;
  const report = buildReport({ ...input, modelTokens: await modelUsageOf(db, interviewId) });
  const data = toJson(report);
  const stored = await db.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<Array<{ status: string; version: number }>>`
      SELECT "status"::text AS "status", "version" FROM "Interview" WHERE "id" = ${interviewId} FOR UPDATE`;
    if (!row || !isFinishedStatus(row.status)) return row?.status ?? 'missing';
    if (row.version !== read.version) return 'changed';
    if (mode === 'replace')
      await tx.report.upsert({ where: { interviewId }, create: { interviewId, data }, update: { data } });
    else await tx.report.createMany({ data: [{ interviewId, data }], skipDuplicates: true });
    await tx.$executeRaw`
      UPDATE "Interview" SET "state" = jsonb_set("state", '{reportBuilt}', 'true'::jsonb), "version" = "version" + 1 WHERE "id" = ${interviewId}`;
    await tx.interview.updateMany({ where: { id: interviewId, status: 'completed' }, data: { status: 'scored' } });
    return 'stored';
  });
  if (stored === 'changed') return retryLater('interview_changed');
  return stored === 'stored' ? done() : skipped(`status_${stored}`);
}

export const buildReportJob = defineJob({
  name: 'build_report',
  queue: 'reports',
  schema: handedRow(buildReportRequest),
  jobId: (p) => jobIdOf('report', p.interviewId),
  attempts: 10,
  backoffMs: 2_000,
  async handle(payload, deps: JobDeps) {
    const { scorer, interviewerLabel, model } = deps.work;
    const outcome = await buildInterviewReport(
      { db: deps.db, clock: deps.clock, scorer, interviewerLabel, ...(model ? { writer: model } : {}) },
      payload,
    );
    // Not every answer scored yet: a retry with backoff; the last score job also enqueues this job again.
    if (outcome.status === 'retry') throw new Error(`report not ready: ${outcome.reason ?? 'waiting'}`);
    await markHandedRowSent(deps.db, payload, deps.clock.now());
    if (outcome.status !== 'done') return;
    for (const destinationId of await afterReportBuilt(deps, payload.interviewId)) {
      await deps.queue.enqueue(postReportJob, { interviewId: payload.interviewId, destinationId });
    }
  },
});
