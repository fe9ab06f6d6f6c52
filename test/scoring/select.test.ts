import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  LEVELS,
  SKILL_AREAS,
  defaultQuestionBank,
  extractProfile,
  selectQuestions,
  type BankQuestion,
  type Profile,
  type QuestionBank,
} from '../../src/scoring/index.js';
import { AppError } from '../../src/shared/errors.js';

const bank = defaultQuestionBank();
const seed = JSON.parse(readFileSync(new URL('../fixtures/seed-transcript.json', import.meta.url), 'utf8')) as {
  turns: { kind: string; answer: string }[];
};
const seedProfile = extractProfile(seed.turns.find((t) => t.kind === 'introduction')?.answer ?? '');
const ids = (qs: readonly BankQuestion[]) => qs.map((q) => q.id);

function profileWith(level: Profile['experienceLevel'], skills: string[] = []): Profile {
  return {
    primarySkillArea: null,
    experienceLevel: level,
    skills,
    projectsMentioned: 0,
    evidence: { primarySkillArea: null, experienceLevel: null, skills: null, projectsMentioned: null },
  };
}

describe('selectQuestions', () => {
  it('is deterministic for the same inputs', () => {
    const options = { skillArea: 'backend', level: 'mid', seed: 'interview-42', profile: seedProfile } as const;
    expect(ids(selectQuestions(bank, options))).toEqual(ids(selectQuestions(bank, options)));
  });

  it('uses the seed to vary the choice between interviews', () => {
    const choices = new Set(
      ['a', 'b', 'c', 'd', 'e', 'f'].map((s) =>
        ids(selectQuestions(bank, { skillArea: 'data', level: 'mid', seed: s, technicalCount: 3 })).join(),
      ),
    );
    expect(choices.size).toBeGreaterThan(1);
  });

  it('asks technical questions only from the role family, then behavioral ones, without duplicates', () => {
    for (const skillArea of SKILL_AREAS) {
      for (const level of LEVELS) {
        for (const s of ['1', '2', '3']) {
          const questions = selectQuestions(bank, { skillArea, level, seed: s, profile: seedProfile });
          expect(questions.slice(0, 5).every((q) => q.kind === 'technical' && q.family === skillArea)).toBe(true);
          expect(questions.slice(5).every((q) => q.kind === 'behavioral')).toBe(true);
          expect(questions).toHaveLength(7);
          expect(new Set(ids(questions)).size).toBe(7);
        }
      }
    }
  });

  it('can never ask the seed candidate about Go, goroutines or the GIL', () => {
    for (const level of LEVELS) {
      for (const s of ['seed-1', 'seed-2', 'seed-3', 'seed-4']) {
        const text = selectQuestions(bank, { skillArea: 'frontend', level, seed: s, profile: seedProfile })
          .map((q) => q.text)
          .join(' ');
        expect(text).not.toMatch(/\bGo\b|goroutine|\bGIL\b|Python/);
      }
    }
  });

  it('asks at the role level when the candidate states the same level', () => {
    const questions = selectQuestions(bank, {
      skillArea: 'devops',
      level: 'senior',
      seed: 'x',
      profile: profileWith('senior'),
    });
    expect(questions.every((q) => q.levels.includes('senior'))).toBe(true);
  });

  it('leans toward the lower level of an early-career candidate on a mid role', () => {
    const technical = selectQuestions(bank, {
      skillArea: 'frontend',
      level: 'mid',
      seed: 'x',
      profile: seedProfile,
      behavioralCount: 0,
    });
    const early = technical.filter((q) => q.levels.includes('early_career'));
    const mid = technical.filter((q) => q.levels.includes('mid'));
    expect(early.length).toBeGreaterThanOrEqual(3);
    expect(mid.length).toBeGreaterThanOrEqual(2);
    expect(technical.some((q) => q.levels.join() === 'senior')).toBe(false);
  });

  it('does not lean up for a candidate above the role level', () => {
    const questions = selectQuestions(bank, {
      skillArea: 'data',
      level: 'early_career',
      seed: 'x',
      profile: profileWith('senior'),
    });
    expect(questions.every((q) => q.levels.includes('early_career'))).toBe(true);
  });

  it("prefers questions that touch the candidate's stated skills", () => {
    const withSkill = selectQuestions(bank, {
      skillArea: 'backend',
      level: 'mid',
      seed: 'x',
      technicalCount: 1,
      behavioralCount: 0,
      profile: profileWith('mid', ['Redis']),
    });
    expect(ids(withSkill)).toEqual(['be-caching-01']);
  });

  it('fills from adjacent levels when a level runs short, never repeating a question', () => {
    const questions = selectQuestions(bank, {
      skillArea: 'backend',
      level: 'early_career',
      seed: 'x',
      technicalCount: 8,
      behavioralCount: 0,
    });
    expect(questions).toHaveLength(8);
    expect(new Set(ids(questions)).size).toBe(8);
    expect(questions.filter((q) => q.levels.includes('early_career'))).toHaveLength(5);
    expect(questions.filter((q) => q.levels.join() === 'senior')).toHaveLength(0);
  });

  it('returns what the bank has when asked for more, without duplicates', () => {
    const small: QuestionBank = { questions: bank.questions.filter((q) => q.family === 'devops').slice(0, 3) };
    const questions = selectQuestions(small, {
      skillArea: 'devops',
      level: 'mid',
      seed: 'x',
      technicalCount: 5,
      behavioralCount: 2,
    });
    expect(ids(questions).sort()).toEqual(ids(small.questions).sort());
  });

  it('rejects impossible options with invalid_input', () => {
    const bad = [
      { skillArea: 'mobile', level: 'mid', seed: 'x' },
      { skillArea: 'backend', level: 'expert', seed: 'x' },
      { skillArea: 'backend', level: 'mid', seed: 'x', technicalCount: -1 },
      { skillArea: 'backend', level: 'mid', seed: '' },
    ];
    for (const options of bad) {
      expect(() => selectQuestions(bank, options as never)).toThrow(AppError);
    }
  });
});
