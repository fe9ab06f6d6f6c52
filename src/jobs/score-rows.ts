/**
 * An AnswerScore as Score rows, and back. One row per dimension (plus `star` for behavioral answers) with status
 * ok or failed: a value that could not be computed is stored as null with status failed, never as a guess.
 *
 * Answer-level results (strengths, improvements, STAR parts) go in the `details` column of one extra `feedback`
 * row (value null, status ok), so each dimension row stays one value with its evidence.
 */
import { z } from 'zod';
import { DIMENSIONS, type AnswerFlag, type AnswerScore, type AnswerScorer, type DimensionScore } from '../scoring/types.js';
import { toJson } from '../store/json.js';
import type { Prisma } from '../store/prisma.js';

export const FEEDBACK_DIMENSION = 'feedback';
export const STAR_DIMENSION = 'star';

type ScoreRowInput = Prisma.ScoreCreateManyInput;

function dimensionRow(answerId: string, score: AnswerScore, dimension: string, part: DimensionScore): ScoreRowInput {
  const failed = score.status === 'failed' || (score.status === 'ok' && part.value === null);
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

export function scoreToRows(answerId: string, score: AnswerScore): ScoreRowInput[] {
  const rows = DIMENSIONS.map((d) => dimensionRow(answerId, score, d, score.dimensions[d]));
  if (score.star) rows.push(dimensionRow(answerId, score, STAR_DIMENSION, score.star));
  const details = {
    strengths: score.strengths,
    improvements: score.improvements,
    star: score.star ?? null,
    label: score.label ?? null,
    usage: score.usage ?? null,
    standInFor: score.standInFor ?? null,
  };
  rows.push({ answerId, dimension: FEEDBACK_DIMENSION, scorerId: score.scorerId, scorerVersion: score.scorerVersion, value: null, evidence: '', status: 'ok', details: toJson(details) });
  return rows;
}

/** Every dimension failed, with the reason: what is stored when the scorer itself throws. */
export function failedScore(scorer: AnswerScorer, reason: string): AnswerScore {
  const nothing: DimensionScore = { value: null, evidence: 'Not scored: the scorer failed.' };
  const dimensions = Object.fromEntries(DIMENSIONS.map((d) => [d, nothing])) as AnswerScore['dimensions'];
  return { scorerId: scorer.id, scorerVersion: scorer.version, status: 'failed', dimensions, strengths: [], improvements: [], flags: ['scoring_failed'], error: reason };
}

interface StoredScoreRow {
  dimension: string;
  value: Prisma.Decimal | null;
  evidence: string;
  status: 'ok' | 'failed' | 'skipped';
  scorerId: string;
  scorerVersion: string;
  error: string | null;
  details: Prisma.JsonValue;
}

const usageSchema = z.object({ calls: z.number(), promptTokens: z.number(), cachedPromptTokens: z.number(), completionTokens: z.number() });
const feedbackSchema = z.object({
  strengths: z.array(z.string()),
  improvements: z.array(z.string()),
  label: z.string().nullable().default(null),
  usage: usageSchema.nullable().default(null),
  standInFor: z.object({ scorerId: z.string(), label: z.string(), reason: z.string() }).nullable().default(null),
  star: z.object({ situation: z.boolean(), task: z.boolean(), action: z.boolean(), result: z.boolean(), value: z.number().nullable(), evidence: z.string() }).nullable(),
});

function readFeedback(rows: readonly StoredScoreRow[]): z.infer<typeof feedbackSchema> {
  const row = rows.find((r) => r.dimension === FEEDBACK_DIMENSION);
  const parsed = feedbackSchema.safeParse(row?.details);
  return parsed.success ? parsed.data : { strengths: [], improvements: [], star: null, label: null, usage: null, standInFor: null };
}

/** Rebuilds the AnswerScore for the report; null when the answer has no rows from this scorer. */
export function rowsToScore(rows: readonly StoredScoreRow[], flags: readonly string[]): AnswerScore | null {
  const first = rows[0];
  if (!first) return null;
  const byDimension = new Map(rows.map((r) => [r.dimension, r]));
  const dimensions = Object.fromEntries(
    DIMENSIONS.map((d) => {
      const row = byDimension.get(d);
      return [d, { value: row?.value === null || row?.value === undefined ? null : Number(row.value), evidence: row?.evidence ?? '' }];
    }),
  ) as AnswerScore['dimensions'];
  const scored = rows.filter((r) => r.dimension !== FEEDBACK_DIMENSION);
  const status = scored.some((r) => r.status === 'failed') ? 'failed' : scored.every((r) => r.status === 'skipped') ? 'skipped' : 'ok';
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
