/**
 * What each model call must return, as zod schemas. The same schema becomes the strict JSON schema sent with the
 * request (the SDK's zod helper) and validates the reply on arrival. Strict JSON schemas need every key present, so
 * "no value" is null, never a missing key.
 */
import { z } from 'zod';
import { LEVELS, SKILL_AREAS } from '../../scoring/index.js';

const score = z.number().min(0).max(10);
const quotes = z.array(z.string().max(400)).max(3);
const rationale = z.string().min(1).max(600);

/**
 * Named, so the JSON schema sent with each scoring request defines it once and refers to it five times: the
 * schema is part of every scoring prompt, and the inlined copies cost about 450 tokens a call.
 */
const dimensionReply = z.object({ value: score, quotes, rationale }).meta({ id: 'rubric_dimension' });

const starReply = z.object({
  situation: z.boolean(),
  task: z.boolean(),
  action: z.boolean(),
  result: z.boolean(),
  value: score,
  quotes,
  rationale,
});

export const scoreReplySchema = z.object({
  technicalAccuracy: dimensionReply,
  completeness: dimensionReply,
  clarity: dimensionReply,
  depth: dimensionReply,
  practicality: dimensionReply,
  star: starReply.nullable(),
  strengths: z.array(z.string().min(1).max(300)).max(3),
  improvements: z.array(z.string().min(1).max(300)).max(3),
});
export type ScoreReply = z.infer<typeof scoreReplySchema>;
export type DimensionReply = z.infer<typeof dimensionReply>;

export const profileReplySchema = z.object({
  primarySkillArea: z.enum(SKILL_AREAS).nullable(),
  experienceLevel: z.enum(LEVELS).nullable(),
  skills: z.array(z.string().min(1).max(60)).max(15),
  projectsMentioned: z.number().int().min(0).max(50),
  evidence: z.object({
    primarySkillArea: z.string().max(400).nullable(),
    experienceLevel: z.string().max(400).nullable(),
    skills: z.string().max(400).nullable(),
    projectsMentioned: z.string().max(400).nullable(),
  }),
});
export type ProfileReply = z.infer<typeof profileReplySchema>;

export const questionReplySchema = z.object({
  question: z.string().min(1).max(600),
  /** The profile detail the question builds on, copied from the profile block, or null for a role-only question. */
  profileDetail: z.string().max(200).nullable(),
});
export type QuestionReply = z.infer<typeof questionReplySchema>;

export const followUpReplySchema = z.object({
  needed: z.boolean(),
  reason: z.enum(['short', 'missing_parts', 'clarify']).nullable(),
  prompt: z.string().max(600).nullable(),
  /** Words of the answer the follow-up is about, copied from it. */
  refersTo: z.string().max(400).nullable(),
  missing: z.array(z.string().max(200)).max(6),
});
export type FollowUpReply = z.infer<typeof followUpReplySchema>;

export const summaryReplySchema = z.object({
  overview: z.string().min(1).max(1500),
  strengths: z.array(z.string().min(1).max(300)).max(4),
  concerns: z.array(z.string().min(1).max(300)).max(4),
});
export type SummaryReply = z.infer<typeof summaryReplySchema>;
