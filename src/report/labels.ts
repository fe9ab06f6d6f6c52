/** Words the report uses for the shared vocabulary. Plain lower-case words, so they read well inside sentences. */
import type { AnswerFlag, Dimension, Level, SkillArea } from '../scoring/types.js';
import type { PerformanceLevel, ReportQuestion } from './schema.js';

export const DIMENSION_LABELS: Readonly<Record<Dimension, string>> = {
  technicalAccuracy: 'technical accuracy',
  completeness: 'completeness',
  clarity: 'clarity',
  depth: 'depth',
  practicality: 'practicality',
};

export const SKILL_AREA_LABELS: Readonly<Record<SkillArea, string>> = {
  frontend: 'frontend',
  backend: 'backend',
  fullstack: 'full-stack',
  data: 'data',
  devops: 'DevOps',
};

export const LEVEL_LABELS: Readonly<Record<Level, string>> = {
  early_career: 'early-career',
  mid: 'mid-level',
  senior: 'senior',
};

export const KIND_LABELS: Readonly<Record<ReportQuestion['kind'], string>> = {
  technical: 'technical',
  behavioral: 'behavioral',
  follow_up: 'follow-up',
};

export const PERFORMANCE_LEVEL_LABELS: Readonly<Record<PerformanceLevel, string>> = {
  strong: 'strong',
  mixed: 'mixed',
  weak: 'weak',
  not_rated: 'not rated (no final score)',
};

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "question 3", "questions 3 and 5", "questions 1, 2 and 4". */
export function describeQuestions(indexes: readonly number[]): string {
  if (indexes.length === 1) return `question ${indexes[0]}`;
  const head = indexes.slice(0, -1).join(', ');
  return `questions ${head} and ${indexes[indexes.length - 1]}`;
}

/** "1 question", "3 questions". */
export function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

export const FLAG_LABELS: Readonly<Record<AnswerFlag, string>> = {
  empty: 'empty answer',
  emoji_only: 'only emoji',
  off_topic: 'off topic',
  keyword_list: 'a list of keywords rather than sentences',
  restates_question: 'mostly restates the question',
  misconception: 'states a common misconception',
  very_short: 'very short',
  truncated_for_scoring: 'very long: only the first part was scored',
  skipped: 'skipped by the candidate',
  scoring_failed: 'the scorer failed',
  edited: 'edited after it was sent',
  prompt_injection: 'addressed the scorer; that part was not scored',
  instruction_to_scorer: 'contains instructions to the scorer or an AI; that text was cut out and not scored',
  scored_by_fallback: 'scored by the offline rubric scorer because the configured scorer failed',
};
