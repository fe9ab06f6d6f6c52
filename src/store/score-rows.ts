/**
 * An AnswerScore as Score rows, and back. One row per dimension (plus `star` for behavioral answers) with status
 * ok or failed: a value that could not be computed is stored as null with status failed, never as a guess. A null
 * value on an ok score is a dimension the scorer chose not to judge (e.g. technical accuracy without a reference
 * answer): it stays ok, with the scorer's reason as its evidence.
 *
 * Answer-level results (strengths, improvements, STAR parts) go in the `details` column of one extra `feedback`
 * row (value null, status ok), so each dimension row stays one value with its evidence.
 */
import { z } from 'zod';
import {
  DIMENSIONS,
  type AnswerFlag,
  type AnswerScore,
  type AnswerScorer,
  type DimensionScore,
} from '../scoring/types.js';
import { toJson } from './json.js';
import type { Prisma } from './prisma.js';

export const FEEDBACK_DIMENSION = 'feedback';
export const STAR_DIMENSION = 'star';

type ScoreRowInput = Prisma.ScoreCreateManyInput;

function dimensionRow(answerId: string, score: AnswerScore, dimension: string, part: DimensionScore): ScoreRowInput {
  const failed = score.status === 'failed';
  return {
    answerId,
    dimension,
    scorerId: score.scorerId,
    scorerVersion: score.scorerVersion,
    value: score.status === 'ok' ? part.value : null,
    evidence: part.evidence,
    status: failed ? 'failed' : score.status,
    error: failed ? (score.error ?? 'no value could be computed') : null,
  };
}

/** A scorer by id and version: scores are kept per version, so a re-score is stored beside the older one. */
export interface ScorerKey {
  id: string;
  version: string;
}

/**
 * `requestedBy` is the configured scorer the score was asked of; it differs from the score's own scorer when a
 * fallback stood in, and it is what the score job's idempotency and the report's choice of rows go by.
 */
export function scoreToRows(answerId: string, score: AnswerScore, requestedBy?: ScorerKey): ScoreRowInput[] {
  const rows = DIMENSIONS.map((d) => dimensionRow(answerId, score, d, score.dimensions[d]));
  if (score.star) rows.push(dimensionRow(answerId, score, STAR_DIMENSION, score.star));
  const details = {
    strengths: score.strengths,
    improvements: score.improvements,
    star: score.star ?? null,
    label: score.label ?? null,
    usage: score.usage ?? null,
    standInFor: score.standInFor ?? null,
    requestedBy: requestedBy ? { id: requestedBy.id, version: requestedBy.version } : null,
  };
  rows.push({
    answerId,
    dimension: FEEDBACK_DIMENSION,
    scorerId: score.scorerId,
    scorerVersion: score.scorerVersion,
    value: null,
    evidence: '',
    status: 'ok',
    details: toJson(details),
  });
  return rows;
}

/** Every dimension failed, with the reason: what is stored when the scorer itself throws. */
export function failedScore(scorer: AnswerScorer, reason: string): AnswerScore {
  const nothing: DimensionScore = { value: null, evidence: 'Not scored: the scorer failed.' };
  const dimensions = Object.fromEntries(DIMENSIONS.map((d) => [d, nothing])) as AnswerScore['dimensions'];
  return {
    scorerId: scorer.id,
    scorerVersion: scorer.version,
    status: 'failed',
    dimensions,
    strengths: [],
    improvements: [],
    flags: ['scoring_failed'],
    error: reason,
  };
}

export interface StoredScoreRow {
  dimension: string;
  value: Prisma.Decimal | null;
  evidence: string;
  status: 'ok' | 'failed' | 'skipped';
  scorerId: string;
  scorerVersion: string;
  error: string | null;
  details: Prisma.JsonValue;
  createdAt?: Date;
}

/** What grouping rows into runs reads of each row. */
export type RunRow = Pick<StoredScoreRow, 'dimension' | 'scorerId' | 'scorerVersion' | 'details' | 'createdAt'>;

const usageSchema = z.object({
  calls: z.number(),
  promptTokens: z.number(),
  cachedPromptTokens: z.number(),
  completionTokens: z.number(),
});
const feedbackSchema = z.object({
  strengths: z.array(z.string()),
  improvements: z.array(z.string()),
  label: z.string().nullable().default(null),
  usage: usageSchema.nullable().default(null),
  standInFor: z.object({ scorerId: z.string(), label: z.string(), reason: z.string() }).nullable().default(null),
  requestedBy: z.object({ id: z.string(), version: z.string() }).nullable().default(null),
  star: z
    .object({
      situation: z.boolean(),
      task: z.boolean(),
      action: z.boolean(),
      result: z.boolean(),
      value: z.number().nullable(),
      evidence: z.string(),
    })
    .nullable(),
});

function readFeedback(rows: readonly Pick<StoredScoreRow, 'dimension' | 'details'>[]): z.infer<typeof feedbackSchema> {
  const row = rows.find((r) => r.dimension === FEEDBACK_DIMENSION);
  const parsed = feedbackSchema.safeParse(row?.details);
  return parsed.success
    ? parsed.data
    : { strengths: [], improvements: [], star: null, label: null, usage: null, standInFor: null, requestedBy: null };
}

/** Rebuilds the AnswerScore for the report; null when the answer has no rows from this scorer. */
export function rowsToScore(rows: readonly StoredScoreRow[], flags: readonly string[]): AnswerScore | null {
  const first = rows[0];
  if (!first) return null;
  const byDimension = new Map(rows.map((r) => [r.dimension, r]));
  const dimensions = Object.fromEntries(
    DIMENSIONS.map((d) => {
      const row = byDimension.get(d);
      return [
        d,
        {
          value: row?.value === null || row?.value === undefined ? null : Number(row.value),
          evidence: row?.evidence ?? '',
        },
      ];
    }),
  ) as AnswerScore['dimensions'];
  const scored = rows.filter((r) => r.dimension !== FEEDBACK_DIMENSION);
  const status = scored.some((r) => r.status === 'failed')
    ? 'failed'
    : scored.every((r) => r.status === 'skipped')
      ? 'skipped'
      : 'ok';
  const feedback = readFeedback(rows);
  const error = scored.find((r) => r.error)?.error;
  return {
    scorerId: first.scorerId,
    scorerVersion: first.scorerVersion,
    status,
    dimensions,
    ...(feedback.star ? { star: feedback.star } : {}),
    strengths: feedback.strengths,
    improvements: feedback.improvements,
    flags: flags as AnswerFlag[],
    ...(error ? { error } : {}),
    ...(feedback.label ? { label: feedback.label } : {}),
    ...(feedback.usage ? { usage: feedback.usage } : {}),
    ...(feedback.standInFor ? { standInFor: feedback.standInFor } : {}),
  };
}

/** One scoring run of an answer: the rows of one scorer id and version. */
export interface ScoreRun<Row extends RunRow = StoredScoreRow> {
  scorer: ScorerKey;
  /**
   * The configured scorer this run answers for: the scorer itself, or the one a fallback stood in for (its version
   * is unknown for runs stored before it was recorded).
   */
  answersFor: { id: string; version: string | null };
  rows: Row[];
  createdAt: number;
}

/** An answer's rows grouped into scoring runs, in the order first seen. */
export function scoreRuns<Row extends RunRow>(rows: readonly Row[]): ScoreRun<Row>[] {
  const runs = new Map<string, ScoreRun<Row>>();
  for (const row of rows) {
    const key = JSON.stringify([row.scorerId, row.scorerVersion]);
    let run = runs.get(key);
    if (!run) {
      run = {
        scorer: { id: row.scorerId, version: row.scorerVersion },
        answersFor: { id: row.scorerId, version: row.scorerVersion },
        rows: [],
        createdAt: 0,
      };
      runs.set(key, run);
    }
    run.rows.push(row);
    run.createdAt = Math.max(run.createdAt, row.createdAt?.getTime() ?? 0);
  }
  for (const run of runs.values()) {
    const feedback = readFeedback(run.rows);
    if (feedback.requestedBy) run.answersFor = feedback.requestedBy;
    else if (feedback.standInFor) run.answersFor = { id: feedback.standInFor.scorerId, version: null };
  }
  return [...runs.values()];
}

/**
 * Whether the answer has a score asked of this scorer id and version: its own rows, or a fallback's that stood in
 * for it. A stand-in stored before the version was recorded counts for any version of its scorer.
 */
export function hasRunFor(rows: readonly RunRow[], scorer: ScorerKey): boolean {
  return scoreRuns(rows).some(
    (run) => run.answersFor.id === scorer.id && (run.answersFor.version ?? scorer.version) === scorer.version,
  );
}

/** Orders versions as people number them: "1.10.0" after "1.9.0", "v2" after "v1". */
export function compareVersions(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}
