/** A web interview's rows for tests that need one without running a screen: each call makes its own workspace. */
import { randomUUID } from 'node:crypto';
import type { Db } from '../../src/store/prisma.js';

export async function createWebInterview(db: Db): Promise<{ interviewId: string; workspaceId: string }> {
  const workspace = await db.workspace.create({ data: { platform: 'web', externalId: `web-${randomUUID()}` } });
  const role = await db.role.create({
    data: {
      workspaceId: workspace.id,
      slug: 'backend-mid',
      title: 'Back-end engineer',
      level: 'mid',
      skillArea: 'backend',
      questionPlan: { technical: 2, behavioral: 1 },
    },
  });
  const candidate = await db.candidate.create({
    data: { workspaceId: workspace.id, platformUserId: `web-${randomUUID()}`, displayName: 'Ada Example' },
  });
  const interview = await db.interview.create({
    data: {
      workspaceId: workspace.id,
      roleId: role.id,
      candidateId: candidate.id,
      recruiterId: 'sandbox-recruiter',
      platform: 'web',
      status: 'in_progress',
    },
  });
  return { interviewId: interview.id, workspaceId: workspace.id };
}
