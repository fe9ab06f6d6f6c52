/**
 * A tiny, fixed interviewer for the pure step's unit tests: three known questions, and a follow-up whenever an
 * answer has fewer than eight words. Answer flags come from the real src/scoring rules.
 */
import type { Interviewer, PlannedQuestion } from '../../../src/engine/index.js';
import { boundForScoring, classifyAnswer } from '../../../src/scoring/index.js';

export const FIXED_PLAN: PlannedQuestion[] = [
  { questionId: 'be-cache-01', kind: 'technical', text: 'How would you cache an expensive API response?' },
  { questionId: 'be-queue-01', kind: 'technical', text: 'When would you put work on a queue?' },
  { questionId: 'bh-conflict-01', kind: 'behavioral', text: 'Tell me about a disagreement at work.' },
];

export function createFixedInterviewer(plan: PlannedQuestion[] = FIXED_PLAN): Interviewer {
  return {
    label: 'Test interviewer',
    extractProfile: () => ({
      primarySkillArea: 'backend',
      experienceLevel: 'mid',
      skills: ['node'],
      projectsMentioned: 1,
      evidence: { primarySkillArea: null, experienceLevel: null, skills: null, projectsMentioned: null },
    }),
    planQuestions: () => plan,
    classifyAnswer,
    isTruncatedForScoring: (text) => boundForScoring(text).truncated,
    decideFollowUp: (questionId, answer) =>
      answer.split(/\s+/).filter(Boolean).length < 8
        ? { prompt: `Could you say more about ${questionId}?`, reason: 'short' }
        : null,
  };
}
