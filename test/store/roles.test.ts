/** Roles: the default set, and a role's own question plan deciding how many questions are asked. */
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { createRole, ensureDefaultRoles, ensureWorkspace, findRoleBySlug } from '../../src/store/index.js';
import { createTestDb } from '../support/db.js';
import { answerUntilClosed, reachFirstQuestion } from '../engine/support/answers.js';
import { TestChat } from '../engine/support/chat.js';

const db = createTestDb();
afterAll(() => db.$disconnect());

describe('roles', () => {
  it('ensureDefaultRoles creates one role per family and level, once', async () => {
    const workspace = await ensureWorkspace(db, { platform: 'slack', externalId: `T-${randomUUID()}` });
    expect(await ensureDefaultRoles(db, workspace.id)).toBe(15);
    expect(await ensureDefaultRoles(db, workspace.id)).toBe(0);
    const role = await findRoleBySlug(db, workspace.id, 'frontend-mid');
    expect(role?.config).toEqual({
      title: 'Front-end engineer (mid-level)',
      skillArea: 'frontend',
      level: 'mid',
      technicalCount: 5,
      behavioralCount: 2,
    });
    expect((await findRoleBySlug(db, workspace.id, 'data-early-career'))?.config.title).toBe(
      'Data engineer (early-career)',
    );
  });

  it("a role's question plan sets how many technical and behavioral questions are asked", async () => {
    const workspace = await ensureWorkspace(db, { platform: 'web', externalId: 'local' });
    const slug = `short-devops-${randomUUID().slice(0, 8)}`;
    await createRole(db, {
      workspaceId: workspace.id,
      slug,
      title: 'Platform engineer',
      skillArea: 'devops',
      level: 'senior',
      questionPlan: { technical: 2, behavioral: 1 },
    });
    const chat = await TestChat.open(db, { roleSlug: slug });
    expect(chat.opening[0]).toMatch(/Platform engineer role/);
    expect(await reachFirstQuestion(chat)).toMatch(/^Question 1 \(technical, 1 of 3 planned\)/);
    const prompts = await answerUntilClosed(chat);
    expect(prompts.flatMap((p) => /^Question \d+ \((technical|behavioral), /.exec(p)?.[1] ?? [])).toEqual([
      'technical',
      'technical',
      'behavioral',
    ]);
  });
});
