/**
 * Job `build_report { interviewId }`: once every answer has a final score status, builds the report with
 * src/report, stores it (one Report row per interview) and marks the interview `scored`. Posting it is another job.
 */
import { z } from 'zod';
import { buildReport, type ReportInput, type ReportTurn } from '../report/build.js';
import { extractProfile, profileSchema } from '../scoring/index.js';
import { ANSWER_FLAGS, LEVELS, SKILL_AREAS, type AnswerFlag, type AnswerScorer, type Profile } from '../scoring/types.js';
import type { Clock } from '../shared/clock.js';
import type { Db } from '../store/prisma.js';
import { loadInterviewWithTranscript, type InterviewWithTranscript, type TranscriptTurn } from '../store/transcript.js';
import { toJson } from '../store/json.js';
import { OFFLINE_PROVIDER_ID } from '../providers/offline.js';
import type { InterviewProvider, TokenUsage } from '../providers/types.js';
import type { WrittenSummary } from '../report/schema.js';
import { modelUsageOf, recordModelUsage } from './model-usage.js';
import { done, retryLater, skipped, type JobOutcome } from './outcome.js';
import { rowsToScore } from './score-rows.js';

export const buildReportPayload = z.object({ interviewId: z.string().min(1) });

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

const REPORTABLE = new Set(['completed', 'scoring', 'scored', 'reported']);
const KNOWN_FLAGS: ReadonlySet<string> = new Set(ANSWER_FLAGS);

function needsScore(turn: TranscriptTurn): boolean {
  return turn.kind !== 'introduction' && !turn.skipped && turn.answer?.finalizedAt != null;
}

/** Any scorer's rows count: when the configured scorer failed, the fallback's score is the answer's score. */
function hasScore(turn: TranscriptTurn): boolean {
  return (turn.answer?.scores ?? []).length > 0;
}

/** The configured scorer's rows, or else those of the scorer that stood in for it. */
function rowsOf(turn: TranscriptTurn, scorerId: string) {
  const all = turn.answer?.scores ?? [];
  const own = all.filter((s) => s.scorerId === scorerId);
  return own.length > 0 ? own : all.filter((s) => s.scorerId === all[0]?.scorerId);
}

function toReportTurn(turn: TranscriptTurn, scorerId: string, orderOf: ReadonlyMap<string, number>): ReportTurn {
  const answer = turn.answer;
  const flags = (answer?.flags ?? []).filter((f): f is AnswerFlag => KNOWN_FLAGS.has(f));
  const rows = rowsOf(turn, scorerId);
  return {
    index: turn.order,
    kind: turn.kind,
    parentIndex: turn.parentTurnId === null ? null : (orderOf.get(turn.parentTurnId) ?? null),
    question: turn.questionText,
    answer: answer?.text ?? '',
    wordCount: answer?.wordCount ?? 0,
    skipped: turn.skipped,
    flags,
    score: turn.kind === 'introduction' ? null : rowsToScore(rows, flags),
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
async function writeNotes(deps: BuildReportDeps, input: ReportInput, interviewId: string): Promise<WrittenSummary | null> {
  const writer = deps.writer;
  if (!writer || writer.provider.id === OFFLINE_PROVIDER_ID || !input.role?.skillArea || !input.role.level) return null;
  const items = input.turns.flatMap((t) => (t.kind !== 'introduction' && t.score ? [{ question: { kind: t.kind, text: t.question }, score: t.score }] : []));
  const role = { title: input.role.title ?? '', skillArea: input.role.skillArea, level: input.role.level };
  const result = await writer.provider.summarize({ role, items });
  await recordModelUsage(deps.db, interviewId, 'summary', result.usage, writer.onUsage);
  if (result.source.fallbackFrom || result.source.providerId === OFFLINE_PROVIDER_ID) return null;
  return { author: result.source.providerLabel, ...result.summary };
}

export function reportInputFor(interview: InterviewWithTranscript, deps: Pick<BuildReportDeps, 'scorer' | 'interviewerLabel'>, now: Date): ReportInput {
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

export async function buildReportJob(deps: BuildReportDeps, payload: unknown): Promise<JobOutcome> {
  const { interviewId } = buildReportPayload.parse(payload);
  const { db } = deps;
  const interview = await loadInterviewWithTranscript(db, interviewId);
  if (!interview) return skipped('interview_not_found');
  if (!REPORTABLE.has(interview.status)) return skipped(`status_${interview.status}`);
  if (interview.report) return done('already_built');
  if (interview.turns.some((t) => needsScore(t) && !hasScore(t))) return retryLater('waiting_for_scores');
  const input = reportInputFor(interview, deps, deps.clock.now());
  const writtenSummary = await writeNotes(deps, input, interviewId);
  const report = buildReport({ ...input, writtenSummary, modelTokens: await modelUsageOf(db, interviewId) });
  const stored = await db.$transaction(async (tx) => {
    // The status is read again under the row lock an erasure's commit also takes: the notes took seconds to write,
    // and a candidate who erased the interview meanwhile must not get a report stored (and posted) after all.
    const [row] = await tx.$queryRaw<Array<{ status: string }>>`SELECT "status"::text AS "status" FROM "Interview" WHERE "id" = ${interviewId} FOR UPDATE`;
    if (!row || !REPORTABLE.has(row.status)) return row?.status ?? 'missing';
    await tx.report.createMany({ data: [{ interviewId, data: toJson(report) }], skipDuplicates: true });
    await tx.interview.updateMany({ where: { id: interviewId, status: { in: ['completed', 'scoring'] } }, data: { status: 'scored', version: { increment: 1 } } });
    return 'stored';
  });
  return stored === 'stored' ? done() : skipped(`status_${stored}`);
}
