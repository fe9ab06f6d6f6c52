/** Screens in the sandbox: a `web` workspace of its own, a candidate without any account, and the first event. */
import { randomUUID } from 'node:crypto';
import type { InterviewRunner } from '../../engine/index.js';
import { LEVELS, SKILL_AREAS, type Level, type SkillArea } from '../../scoring/types.js';
import { AppError } from '../../shared/errors.js';
import { createInterview, defaultRoleSlug, ensureCandidate, ensureDefaultRoles, ensureWorkspace, findRoleBySlug } from '../../store/index.js';
import type { Db } from '../../store/prisma.js';

export const SANDBOX_WORKSPACE = 'sandbox';
export const SANDBOX_RECRUITER = 'sandbox-recruiter';

export interface NewScreen {
  candidateName: string;
  skillArea: SkillArea;
  level: Level;
}

export function parseNewScreen(body: Record<string, unknown>): NewScreen | string {
  const name = typeof body.candidateName === 'string' ? body.candidateName.trim() : '';
  if (!name || name.length > 120) return 'Enter the candidate’s name (up to 120 characters).';
  const skillArea = SKILL_AREAS.find((s) => s === body.skillArea);
  const level = LEVELS.find((l) => l === body.level);
  if (!skillArea || !level) return 'Choose a role and a level from the lists.';
  return { candidateName: name, skillArea, level };
}

export class SandboxScreens {
  private workspaceId: Promise<string> | null = null;

  constructor(
    private readonly db: Db,
    private readonly runner: InterviewRunner,
    private readonly quietWindowMs: number | undefined,
  ) {}

  /** The sandbox workspace and its default roles, made once per process. */
  workspace(): Promise<string> {
    this.workspaceId ??= (async () => {
      const ws = await ensureWorkspace(this.db, { platform: 'web', externalId: SANDBOX_WORKSPACE, name: 'Sandbox' });
      await ensureDefaultRoles(this.db, ws.id);
      return ws.id;
    })();
    return this.workspaceId;
  }

  async start(screen: NewScreen): Promise<string> {
    const workspaceId = await this.workspace();
    const role = await findRoleBySlug(this.db, workspaceId, defaultRoleSlug(screen.skillArea, screen.level));
    if (!role) throw new AppError('not_found', 'sandbox role missing', { userMessage: 'That role does not exist.' });
    const candidateUserId = `web-${randomUUID()}`;
    const candidate = await ensureCandidate(this.db, { workspaceId, platformUserId: candidateUserId, displayName: screen.candidateName });
    const conversationId = `web-${randomUUID()}`;
    const interview = await createInterview(this.db, {
      workspaceId,
      candidateId: candidate.id,
      candidateUserId,
      role,
      recruiterId: SANDBOX_RECRUITER,
      platform: 'web',
      conversationId,
      ...(this.quietWindowMs === undefined ? {} : { quietWindowMs: this.quietWindowMs }),
    });
    await this.runner.handle(interview.id, {
      kind: 'start',
      platform: 'web',
      workspaceId,
      conversationId,
      threadId: null,
      userId: SANDBOX_RECRUITER,
      messageId: `web:start:${interview.id}`,
      raw: null,
    });
    return interview.id;
  }

  async list(): Promise<Array<{ id: string; candidateName: string; roleTitle: string; status: string; createdAt: Date }>> {
    const workspaceId = await this.workspace();
    const rows = await this.db.interview.findMany({
      where: { workspaceId },
      orderBy: { createdAt: 'desc' },
      take: 50,
      select: { id: true, status: true, createdAt: true, candidate: { select: { displayName: true } }, role: { select: { title: true } } },
    });
    return rows.map((r) => ({ id: r.id, candidateName: r.candidate?.displayName ?? '(erased)', roleTitle: r.role.title, status: r.status, createdAt: r.createdAt }));
  }
}
