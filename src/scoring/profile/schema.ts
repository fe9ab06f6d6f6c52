/** The Profile as a zod schema, for the places that store or receive one (engine state, reports, provider replies). */
import { z } from 'zod';
import { LEVELS, SKILL_AREAS, type Profile } from '../types.js';

export const profileSchema = z.object({
  primarySkillArea: z.enum(SKILL_AREAS).nullable(),
  experienceLevel: z.enum(LEVELS).nullable(),
  skills: z.array(z.string()),
  projectsMentioned: z.number().int().nonnegative(),
  evidence: z.object({
    primarySkillArea: z.string().nullable(),
    experienceLevel: z.string().nullable(),
    skills: z.string().nullable(),
    projectsMentioned: z.string().nullable(),
  }),
}) satisfies z.ZodType<Profile>;
