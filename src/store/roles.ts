/** Roles: one default per technical family and level, and the per-role question plan. */
import { z } from 'zod';
import type { RoleConfig } from '../engine/index.js';
import { AppError } from '../shared/errors.js';
import { LEVELS, SKILL_AREAS, type Level, type SkillArea } from '../scoring/types.js';
import type { Db } from './prisma.js';

export const questionPlanSchema = z.object({
  technical: z.number().int().min(0).max(20).default(5),
  behavioral: z.number().int().min(0).max(10).default(2),
});
export type QuestionPlan = z.infer<typeof questionPlanSchema>;

const FAMILY_TITLES: Record<SkillArea, string> = {
  frontend: 'Front-end engineer',
  backend: 'Back-end engineer',
  fullstack: 'Full-stack engineer',
  data: 'Data engineer',
  devops: 'DevOps engineer',
};

const LEVEL_TITLES: Record<Level, string> = { early_career: 'early-career', mid: 'mid-level', senior: 'senior' };

export function defaultRoleSlug(skillArea: SkillArea, level: Level): string {
  return `${skillArea}-${level.replace('_', '-')}`;
}

export function defaultRoleTitle(skillArea: SkillArea, level: Level): string {
  return `${FAMILY_TITLES[skillArea]} (${LEVEL_TITLES[level]})`;
}

/** Creates the missing default roles (`frontend-mid`, "Front-end engineer (mid-level)", ...); existing ones stay as they are. */
export async function ensureDefaultRoles(db: Db, workspaceId: string): Promise<number> {
  const defaults: QuestionPlan = { technical: 5, behavioral: 2 };
  const data = SKILL_AREAS.flatMap((skillArea) =>
    LEVELS.map((level) => ({
      workspaceId,
      skillArea,
      level,
      slug: defaultRoleSlug(skillArea, level),
      title: defaultRoleTitle(skillArea, level),
      questionPlan: defaults,
    })),
  );
  const created = await db.role.createMany({ data, skipDuplicates: true });
  return created.count;
}

export async function createRole(
  db: Db,
  input: {
    workspaceId: string;
    slug: string;
    title: string;
    skillArea: SkillArea;
    level: Level;
    questionPlan?: Partial<QuestionPlan>;
  },
): Promise<{ id: string }> {
  const questionPlan = questionPlanSchema.parse(input.questionPlan ?? {});
  return db.role.create({ data: { ...input, questionPlan }, select: { id: true } });
}

export interface StoredRole {
  id: string;
  slug: string;
  config: RoleConfig;
}

const roleRowSchema = z.object({ skillArea: z.enum(SKILL_AREAS), level: z.enum(LEVELS) });

export async function findRoleBySlug(db: Db, workspaceId: string, slug: string): Promise<StoredRole | null> {
  const row = await db.role.findUnique({ where: { workspaceId_slug: { workspaceId, slug } } });
  if (!row) return null;
  const parsed = roleRowSchema.safeParse(row);
  const plan = questionPlanSchema.safeParse(row.questionPlan ?? {});
  if (!parsed.success || !plan.success)
    throw new AppError('invalid_input', `role ${slug}: skill area, level or question plan is not valid`);
  return {
    id: row.id,
    slug: row.slug,
    config: {
      title: row.title,
      ...parsed.data,
      technicalCount: plan.data.technical,
      behavioralCount: plan.data.behavioral,
    },
  };
}

export async function listRoleSlugs(db: Db, workspaceId: string): Promise<string[]> {
  const rows = await db.role.findMany({ where: { workspaceId }, select: { slug: true }, orderBy: { slug: 'asc' } });
  return rows.map((r) => r.slug);
}
