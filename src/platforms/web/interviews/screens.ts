/** Screens in the sandbox: a `web` workspace of its own, a candidate without any account, and the first event. */
import { randomUUID } from 'node:crypto';
import type { InterviewRunner } from '../../../engine/index.js';
import { MAX_QUESTIONS } from '../../common/question-count.js';
import { LEVELS, SKILL_AREAS, type Level, type SkillArea } from '../../../scoring/types.js';
import { AppError } from '../../../shared/errors.js';
import { defaultRoleSlug, ensureDefaultRoles, ensureWorkspace, findRoleBySlug } from '../../../store/index.js';
import type { Db } from '../../../store/prisma.js';
import { startScreen } from '../../common/start-screen.js';

export const SANDBOX_WORKSPACE = 'sandbox';
export const SANDBOX_RECRUITER = 'sandbox-recruiter';

export interface NewScreen {
  candidateName: string;
  skillArea: SkillArea;
  level: Level;
  /** The console's counterpart of the chat platforms' `questions=N`; null keeps the role's default. */
  questions: number | null;
}

export function parseNewScreen(body: Record<string, unknown>): NewScreen | string {
  const name = typeof body.candidateName === 'string' ? body.candidateName.trim() : '';
  if (!name || name.length > 120) return 'Enter the candidate’s name (up to 120 characters).';
  const skillArea = SKILL_AREAS.find((s) => s === body.skillArea);
  const level = LEVELS.find((l) => l === body.level);
  if (!skillArea || !level) return 'Choose a role and a level from the lists.';
  const raw = typeof body.questions === 'string' ? body.questions.trim() : '';
  const questions = raw === '' ? null : Number(raw);
  if (questions !== null && !(Number.isInteger(questions) && questions >= 1 && questions <= MAX_QUESTIONS)) {
    return `Leave the number of questions empty for the role's default, or enter 1 to ${MAX_QUESTIONS}.`;
  }
  return { candidateName: name, skillArea, level, questions };
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
    const stored = await findRoleBySlug(this.db, workspaceId, defaultRoleSlug(screen.skillArea, screen.level));
    if (!stored) throw new AppError('not_found', 'sandbox role missing', { userMessage: 'That role does not exist.' });
    const { interviewId } = await startScreen(
      { db: this.db, runner: this.runner },
      {
        platform: 'web',
        workspaceId,
        recruiterId: SANDBOX_RECRUITER,
        candidate: { userId: `web-${randomUUID()}`, displayName: screen.candidateName },
        role: stored,
        questions: screen.questions,
        openConversation: () => Promise.resolve(`web-${randomUUID()}`),
        ...(this.quietWindowMs === undefined ? {} : { quietWindowMs: this.quietWindowMs }),
      },
    );
    return interviewId;
  }

  async list(): Promise<
    Array<{ id: string; candidateName: string; roleTitle: string; status: string; createdAt: Date }>
  > {
    const workspaceId = await this.workspace();
    const rows = await this.db.interview.findMany({
      where: { workspaceId },
      orderBy: { createdAt: 'desc' },
      take: 50,
      select: {
        id: true,
        status: true,
        createdAt: true,
        candidate: { select: { displayName: true } },
        role: { select: { title: true } },
      },
    });
    return rows.map((r) => ({
      id: r.id,
      candidateName: r.candidate?.displayName ?? '(erased)',
      roleTitle: r.role.title,
      status: r.status,
      createdAt: r.createdAt,
    }));
  }
}
