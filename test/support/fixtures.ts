/** Rows for integration tests, created through the real Prisma client. Each call makes its own workspace. */
import { randomUUID } from 'node:crypto';
import type { Report } from '../../src/report/schema.js';
import type { Db } from '../../src/store/prisma.js';

export async function createInterviewRows(
  db: Db,
  options: { status?: 'completed' | 'scored' | 'in_progress'; platform?: 'slack' | 'cli' } = {},
) {
  const workspace = await db.workspace.create({
    data: {
      platform: options.platform ?? 'slack',
      externalId: `T${randomUUID().slice(0, 8)}`,
      hiringChannelId: 'CHIRING',
    },
  });
  const role = await db.role.create({
    data: {
      workspaceId: workspace.id,
      slug: 'frontend-mid',
      title: 'Front-end engineer',
      level: 'mid',
      skillArea: 'frontend',
      questionPlan: { technical: 5, behavioral: 2 },
    },
  });
  const candidate = await db.candidate.create({
    data: { workspaceId: workspace.id, platformUserId: `U${randomUUID().slice(0, 8)}`, displayName: 'Ada Example' },
  });
  const interview = await db.interview.create({
    data: {
      workspaceId: workspace.id,
      roleId: role.id,
      candidateId: candidate.id,
      recruiterId: 'URECRUITER',
      platform: options.platform ?? 'slack',
      status: options.status ?? 'scored',
    },
  });
  return { workspace, role, candidate, interview };
}

/** A small report that satisfies the report schema; its numbers are consistent with its one question. */
export function sampleReport(name = 'Ada Example'): Report {
  const dims = { technicalAccuracy: 8, completeness: 7, clarity: 9, depth: 6, practicality: 8 };
  return {
    candidate: { name },
    role: { title: 'Front-end engineer', skillArea: 'frontend', level: 'mid' },
    metadata: {
      startedAt: '2026-01-05T09:00:00.000Z',
      endedAt: '2026-01-05T09:20:00.000Z',
      durationMinutes: 20,
      generatedAt: '2026-01-05T09:21:00.000Z',
      scorers: [{ id: 'offline-rubric', version: '1.0.0', label: 'Offline rubric scorer v1.0.0' }],
      interviewer: 'Offline interviewer',
      rescored: null,
      tokens: null,
    },
    profile: {
      primarySkillArea: 'frontend',
      experienceLevel: 'mid',
      skills: ['react'],
      projectsMentioned: 1,
      evidence: { primarySkillArea: 'I build UIs', experienceLevel: null, skills: null, projectsMentioned: null },
    },
    statistics: {
      questionsAsked: 1,
      technical: 1,
      behavioral: 0,
      followUps: 0,
      skipped: 0,
      answered: 1,
      scored: 1,
      totalWords: 40,
      averageWords: 40,
      introductionWords: 20,
    },
    dimensions: dims,
    technicalScore: 7.6,
    behavioralScore: null,
    finalScore: 7.6,
    performanceLevel: 'strong',
    questions: [
      {
        index: 1,
        questionId: null,
        kind: 'technical',
        parent: null,
        question: 'How does React decide when to re-render a component?',
        answer: 'When state or props change <script>alert(1)</script>.',
        wordCount: 40,
        status: 'scored',
        dimensions: dims,
        dimensionEvidence: {
          technicalAccuracy: 'Names state and props.',
          completeness: null,
          clarity: null,
          depth: null,
          practicality: null,
        },
        notAssessed: [],
        star: null,
        overall: 7.6,
        strengths: ['Explains the trigger for re-rendering.'],
        improvements: ['Mention memoization.'],
        flags: [],
        scorer: 'Offline rubric scorer v1.0.0',
        scoredWith: { id: 'offline-rubric', version: '1.0.0' },
        olderScores: [],
      },
    ],
    flags: [],
    summary: 'The candidate explained re-rendering clearly.',
    writtenSummary: null,
    recommendation: {
      decision: 'advance',
      basis: 'score_band',
      rationale: ['The final score 7.6 is in the advance band.'],
      developmentPlan: ['Practise memoization.'],
    },
  };
}
