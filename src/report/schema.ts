/**
 * The one definition of a report. Everything that writes a report (the builder) validates against this schema, and
 * everything that reads one (renderers, the chat poster, the database) uses the inferred type. Key order here is
 * the key order of the JSON output.
 */
import { z } from 'zod';
import { profileSchema } from '../scoring/profile/schema.js';
import { ANSWER_FLAGS, DIMENSIONS, LEVELS, SKILL_AREAS, type Dimension } from '../scoring/types.js';

const score = z.number().min(0).max(10);
const optionalScore = score.nullable();
const count = z.number().int().nonnegative();
const isoTime = z.iso.datetime({ offset: true });

/** One value per rubric dimension; null where there is none. */
export const DimensionValuesSchema = z.object({
  technicalAccuracy: optionalScore,
  completeness: optionalScore,
  clarity: optionalScore,
  depth: optionalScore,
  practicality: optionalScore,
} satisfies Record<Dimension, z.ZodType>);

/** The scorer's sentence for each dimension; null where the question has no score. */
export const DimensionEvidenceSchema = z.object({
  technicalAccuracy: z.string().nullable(),
  completeness: z.string().nullable(),
  clarity: z.string().nullable(),
  depth: z.string().nullable(),
  practicality: z.string().nullable(),
} satisfies Record<Dimension, z.ZodType>);

export const StarSchema = z.object({
  situation: z.boolean(),
  task: z.boolean(),
  action: z.boolean(),
  result: z.boolean(),
  value: optionalScore,
  evidence: z.string(),
});

export const QUESTION_STATUSES = ['scored', 'skipped', 'not_scored'] as const;

/** A scorer by id and version: which scoring run of an answer a value comes from. */
export const ScorerKeySchema = z.object({ id: z.string(), version: z.string() });

/** An older scoring run of the same answer (an earlier version of the scorer, kept when it was re-scored). */
export const OlderScoreSchema = z.object({
  id: z.string(),
  version: z.string(),
  label: z.string(),
  overall: optionalScore,
});

export const ReportQuestionSchema = z.object({
  /** 1-based position among the questions; the introduction is not a question. */
  index: z.number().int().positive(),
  /** The bank question it was, when it was one. */
  questionId: z.string().nullable().default(null),
  kind: z.enum(['technical', 'behavioral', 'follow_up']),
  /**
   * For a follow-up: the question it follows (that question's `index`) and its kind, which the follow-up counts
   * with in the final score. Null for other kinds, and for a follow-up whose parent is not known (reports from before
   * it was recorded); such a follow-up counts as technical.
   */
  parent: z
    .object({ index: z.number().int().positive(), kind: z.enum(['technical', 'behavioral']) })
    .nullable()
    .default(null),
  question: z.string(),
  /** The candidate's words as given; renderers clean markup for display. */
  answer: z.string(),
  wordCount: count,
  /** `skipped`: the candidate skipped it. `not_scored`: no score was recorded or the scorer failed. */
  status: z.enum(QUESTION_STATUSES),
  dimensions: DimensionValuesSchema,
  dimensionEvidence: DimensionEvidenceSchema,
  /**
   * Dimensions the scorer chose not to judge on a scored answer (e.g. technical accuracy offline, without a
   * reference answer); their value is null, `dimensionEvidence` says why, and no average counts them. Not a failure.
   */
  notAssessed: z.array(z.enum(DIMENSIONS)).default([]),
  /** STAR structure of a behavioral answer; null for other kinds and for behavioral answers without it. */
  star: StarSchema.nullable(),
  overall: optionalScore,
  strengths: z.array(z.string()),
  improvements: z.array(z.string()),
  flags: z.array(z.enum(ANSWER_FLAGS)),
  /** Label of the scorer that produced the values; null when there is no score. */
  scorer: z.string().nullable(),
  /** The scorer id and version of the values shown; null when there is no score. */
  scoredWith: ScorerKeySchema.nullable().default(null),
  /** Older versions' overall for this answer, newest first; the values above are the newest version's. */
  olderScores: z.array(OlderScoreSchema).default([]),
});

export const REPORT_FLAG_CODES = [
  'missing_score',
  'missing_value',
  'not_assessed',
  'skipped_question',
  'no_profile',
  'instruction_to_scorer',
] as const;

export const ReportFlagSchema = z.object({
  code: z.enum(REPORT_FLAG_CODES),
  /** The question it concerns (its `index`), or null for the whole interview. */
  question: z.number().int().positive().nullable(),
  message: z.string(),
});

/** The candidate's profile as the introduction states it; one definition, shared with the engine. */
export const ProfileSchema = profileSchema;

export const ScorerDescriptionSchema = z.object({ id: z.string(), version: z.string(), label: z.string() });

/**
 * The answers were scored again with a newer scorer version: the report shows `scorer`'s values, and names, per
 * older version, the questions whose overall moved by more than `RESCORE_NOTABLE_CHANGE`.
 */
export const RescoredSchema = z.object({
  scorer: ScorerDescriptionSchema,
  older: z.array(
    z.object({
      id: z.string(),
      version: z.string(),
      label: z.string(),
      differing: z.array(z.number().int().positive()),
    }),
  ),
});

export const PERFORMANCE_LEVELS = ['strong', 'mixed', 'weak', 'not_rated'] as const;
export const DECISIONS = ['advance', 'hold', 'reject'] as const;
/** Why the decision is what it is: the score band alone, or a lack of evidence that overrides it. */
export const DECISION_BASES = ['score_band', 'not_enough_evidence', 'incomplete_evidence'] as const;

export const ReportSchema = z.object({
  candidate: z.object({ name: z.string() }),
  role: z
    .object({
      title: z.string().nullable(),
      skillArea: z.enum(SKILL_AREAS).nullable(),
      level: z.enum(LEVELS).nullable(),
    })
    .nullable(),
  metadata: z.object({
    startedAt: isoTime,
    endedAt: isoTime,
    durationMinutes: z.number().nonnegative(),
    generatedAt: isoTime,
    scorers: z.array(ScorerDescriptionSchema),
    interviewer: z.string(),
    /** Set when answers were re-scored with a newer scorer version; null otherwise. */
    rescored: RescoredSchema.nullable().default(null),
    /** Language-model tokens the interview cost (questions, follow-ups, scores, summary); null when none were spent. */
    tokens: z
      .object({ calls: count, promptTokens: count, cachedPromptTokens: count, completionTokens: count })
      .nullable()
      .default(null),
  }),
  profile: ProfileSchema,
  statistics: z.object({
    questionsAsked: count,
    technical: count,
    behavioral: count,
    followUps: count,
    skipped: count,
    answered: count,
    scored: count,
    /** Words in the answers to questions; the introduction is counted separately. */
    totalWords: count,
    /** Words per answered question; null when nothing was answered. */
    averageWords: z.number().nonnegative().nullable(),
    introductionWords: count,
  }),
  dimensions: DimensionValuesSchema,
  technicalScore: optionalScore,
  behavioralScore: optionalScore,
  finalScore: optionalScore,
  performanceLevel: z.enum(PERFORMANCE_LEVELS),
  questions: z.array(ReportQuestionSchema),
  flags: z.array(ReportFlagSchema),
  summary: z.string(),
  /**
   * Notes written by the interviewer provider (a language model) from the scored answers, labelled with who wrote
   * them. Null when no model wrote them (offline, or the model failed): nothing stands in for them.
   */
  writtenSummary: z
    .object({ author: z.string(), overview: z.string(), strengths: z.array(z.string()), concerns: z.array(z.string()) })
    .nullable()
    .default(null),
  recommendation: z.object({
    decision: z.enum(DECISIONS),
    basis: z.enum(DECISION_BASES),
    rationale: z.array(z.string()),
    developmentPlan: z.array(z.string()),
  }),
});

export type Report = z.infer<typeof ReportSchema>;
export type ReportQuestion = z.infer<typeof ReportQuestionSchema>;
export type ReportFlag = z.infer<typeof ReportFlagSchema>;
export type DimensionValues = z.infer<typeof DimensionValuesSchema>;
export type Decision = (typeof DECISIONS)[number];
export type DecisionBasis = (typeof DECISION_BASES)[number];
export type PerformanceLevel = (typeof PERFORMANCE_LEVELS)[number];
export type QuestionStatus = (typeof QUESTION_STATUSES)[number];
export type ScorerDescription = z.infer<typeof ScorerDescriptionSchema>;
export type OlderScore = z.infer<typeof OlderScoreSchema>;
export type Rescored = z.infer<typeof RescoredSchema>;
export type WrittenSummary = NonNullable<Report['writtenSummary']>;
