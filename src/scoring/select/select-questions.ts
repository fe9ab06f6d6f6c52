import { AppError } from '../../shared/errors.js';
import { analyzePlain, containsPhrase } from '../text/analyze.js';
import { seededHash } from '../text/hash.js';
import {
  LEVELS,
  SKILL_AREAS,
  type BankQuestion,
  type Level,
  type QuestionBank,
  type SelectQuestionsOptions,
} from '../types.js';

/** Share of the questions asked at the candidate's lower level when they are below the role's level. */
const LEAN_SHARE = 0.6;
const MAX_COUNT = 50;

interface Ranked {
  question: BankQuestion;
  overlap: number;
  hash: number;
}

/**
 * Technical questions from the role's family only, then behavioral ones. Same inputs, same questions in the same
 * order: ties are broken by a hash of the seed and the question id. Asks for more than the bank has return what it
 * has, never a duplicate.
 */
export function selectQuestions(bank: QuestionBank, options: SelectQuestionsOptions): BankQuestion[] {
  const { skillArea, level, technicalCount = 5, behavioralCount = 2, profile, seed } = options;
  checkOptions(options, technicalCount, behavioralCount);
  const lean = lowerLevel(level, profile?.experienceLevel ?? null);
  const skills = profile?.skills ?? [];
  const rank = (q: BankQuestion): Ranked => ({
    question: q,
    overlap: skillOverlap(q, skills),
    hash: seededHash(seed, q.id),
  });
  const technicalPool = bank.questions.filter((q) => q.kind === 'technical' && q.family === skillArea).map(rank);
  const behavioralPool = bank.questions.filter((q) => q.kind === 'behavioral').map(rank);
  return [
    ...pick(technicalPool, planLevels(level, lean, technicalCount), lean),
    ...pick(behavioralPool, planLevels(level, lean, behavioralCount), lean),
  ];
}

function checkOptions(options: SelectQuestionsOptions, technical: number, behavioral: number): void {
  const problems: string[] = [];
  if (!SKILL_AREAS.includes(options.skillArea)) problems.push(`skillArea must be one of ${SKILL_AREAS.join(', ')}`);
  if (!LEVELS.includes(options.level)) problems.push(`level must be one of ${LEVELS.join(', ')}`);
  for (const [name, n] of [
    ['technicalCount', technical],
    ['behavioralCount', behavioral],
  ] as const) {
    if (!Number.isInteger(n) || n < 0 || n > MAX_COUNT)
      problems.push(`${name} must be a whole number from 0 to ${MAX_COUNT}`);
  }
  if (typeof options.seed !== 'string' || options.seed.length === 0) problems.push('seed must be a non-empty string');
  if (problems.length > 0) throw new AppError('invalid_input', `selectQuestions: ${problems.join('; ')}`);
}

const levelIndex = (level: Level): number => LEVELS.indexOf(level);

function lowerLevel(role: Level, candidate: Level | null): Level {
  return candidate !== null && levelIndex(candidate) < levelIndex(role) ? candidate : role;
}

/** How many questions to take at each level: all at the role's level, or most at the candidate's lower level. */
function planLevels(role: Level, lean: Level, total: number): Array<[Level, number]> {
  if (lean === role) return [[role, total]];
  const atLean = Math.ceil(total * LEAN_SHARE);
  // The rest come one step up from the candidate's level, toward the role's.
  const stepUp = LEVELS[levelIndex(lean) + 1] ?? role;
  return [
    [lean, atLean],
    [stepUp, total - atLean],
  ];
}

function byPreference(a: Ranked, b: Ranked): number {
  return b.overlap - a.overlap || a.hash - b.hash || a.question.id.localeCompare(b.question.id);
}

function distanceFrom(lean: Level, q: BankQuestion): number {
  return Math.min(...q.levels.map((l) => Math.abs(levelIndex(l) - levelIndex(lean))));
}

function pick(pool: readonly Ranked[], plan: Array<[Level, number]>, lean: Level): BankQuestion[] {
  const chosen: Ranked[] = [];
  const taken = new Set<string>();
  const take = (candidates: Ranked[], n: number) => {
    for (const c of candidates.slice(0, n)) {
      chosen.push(c);
      taken.add(c.question.id);
    }
  };
  for (const [level, n] of plan) {
    take(pool.filter((r) => r.question.levels.includes(level) && !taken.has(r.question.id)).sort(byPreference), n);
  }
  const total = plan.reduce((sum, [, n]) => sum + n, 0);
  // Not enough at a level: the nearest levels fill in, lower first, so the interview never gets harder than planned.
  const rest = pool
    .filter((r) => !taken.has(r.question.id))
    .sort(
      (a, b) =>
        distanceFrom(lean, a.question) - distanceFrom(lean, b.question) ||
        easiest(a) - easiest(b) ||
        byPreference(a, b),
    );
  take(rest, total - chosen.length);
  return chosen.sort((a, b) => easiest(a) - easiest(b) || byPreference(a, b)).map((r) => r.question);
}

function easiest(r: Ranked): number {
  return Math.min(...r.question.levels.map(levelIndex));
}

/** How many of the candidate's stated skills the question touches (its text, concepts and their synonyms). */
function skillOverlap(question: BankQuestion, skills: readonly string[]): number {
  if (skills.length === 0) return 0;
  const text = analyzePlain([question.text, ...question.concepts.flatMap((c) => [c.name, ...c.synonyms])].join('. '));
  return skills.filter((skill) => containsPhrase(text, skill)).length;
}
