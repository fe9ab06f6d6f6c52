/** Hand-made inputs for report tests: scores with chosen values, turns and a complete ReportInput. */
import type { AnswerFlag, AnswerScore, AnswerScorer, Dimension, Profile, StarScore } from '../../src/scoring/types.js';
import type { ReportInput, ReportTurn } from '../../src/report/index.js';

export type Values = Record<Dimension, number | null>;

export function values(
  technicalAccuracy: number | null,
  completeness: number | null,
  clarity: number | null,
  depth: number | null,
  practicality: number | null,
): Values {
  return { technicalAccuracy, completeness, clarity, depth, practicality };
}

export const TEST_SCORER = { id: 'test-scorer', version: '0.0.1', label: 'Test scorer v0.0.1' } as const;

export function score(dims: Values, extra: Partial<AnswerScore> = {}): AnswerScore {
  const dimensions = {} as AnswerScore['dimensions'];
  for (const [d, value] of Object.entries(dims) as [Dimension, number | null][]) {
    dimensions[d] = { value, evidence: value === null ? 'Could not be judged.' : `Evidence for ${d}.` };
  }
  return {
    scorerId: TEST_SCORER.id,
    scorerVersion: TEST_SCORER.version,
    status: 'ok',
    dimensions,
    strengths: [],
    improvements: [],
    flags: [],
    ...extra,
  };
}

export function star(
  value: number | null,
  parts: Partial<Record<'situation' | 'task' | 'action' | 'result', boolean>> = {},
): StarScore {
  return { situation: true, task: true, action: true, result: true, ...parts, value, evidence: 'STAR evidence.' };
}

let counter = 0;

export function turn(
  kind: ReportTurn['kind'],
  answerScore: AnswerScore | null,
  extra: Partial<ReportTurn> = {},
): ReportTurn {
  counter += 1;
  const answer = extra.answer ?? `Answer number ${counter} with a few words in it.`;
  return {
    index: counter,
    kind,
    question: `Question ${counter}?`,
    answer,
    wordCount: answer.split(/\s+/).filter(Boolean).length,
    skipped: false,
    flags: [] as AnswerFlag[],
    score: answerScore,
    ...extra,
  };
}

export const PROFILE: Profile = {
  primarySkillArea: 'frontend',
  experienceLevel: 'early_career',
  skills: ['javascript', 'react'],
  projectsMentioned: 2,
  evidence: {
    primarySkillArea: 'I am a front-end developer',
    experienceLevel: 'I am early in my professional journey',
    skills: 'JavaScript and React',
    projectsMentioned: 'login systems, task management applications',
  },
};

export function input(turns: ReportTurn[], extra: Partial<ReportInput> = {}): ReportInput {
  const introduction = turn('introduction', null, {
    index: 0,
    answer: 'I am a front-end developer working with React.',
  });
  return {
    candidate: { name: 'Test Candidate' },
    role: null,
    startedAt: '2026-01-06T15:48:14Z',
    endedAt: '2026-01-06T15:51:57Z',
    generatedAt: '2026-01-06T15:51:57Z',
    interviewerLabel: 'Test interviewer',
    profile: PROFILE,
    scorers: [TEST_SCORER],
    turns: [introduction, ...turns],
    ...extra,
  };
}

/** A scorer that returns prepared scores in call order and records what it was asked. */
export function scriptedScorer(
  scores: (AnswerScore | Error)[],
): AnswerScorer & { calls: { kind: string; text: string; answer: string }[] } {
  const calls: { kind: string; text: string; answer: string }[] = [];
  return {
    ...TEST_SCORER,
    calls,
    score({ question, answer }) {
      calls.push({ kind: question.kind, text: question.text, answer });
      const next = scores[calls.length - 1];
      if (!next) return Promise.reject(new Error('no more scripted scores'));
      return next instanceof Error ? Promise.reject(next) : Promise.resolve(next);
    },
  };
}
