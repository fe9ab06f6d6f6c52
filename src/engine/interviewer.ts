/**
 * What the step needs to know about questions and answers, as pure functions. The offline interviewer
 * (./offline-interviewer.ts) fills it from src/scoring, and the step's unit tests fill it with a tiny fixed bank. A
 * language model's decisions do not fit a pure function: they arrive later as `advice` events (see ./advice.ts), and
 * these functions are the fallback when the model is late.
 */
import type { AnswerFlag, Profile } from '../scoring/types.js';
import type { PlannedQuestion, RoleConfig } from './state.js';

export interface PlanInput {
  role: RoleConfig;
  /** Null when the candidate skipped the introduction. */
  profile: Profile | null;
  /** Makes the choice repeatable; the interview id. */
  seed: string;
}

export interface FollowUp {
  prompt: string;
  reason: string;
}

export interface Interviewer {
  /** Shown to the candidate, e.g. "Screener (offline interviewer)". */
  readonly label: string;
  /**
   * Unset: every decision is made here, on the spot. Set: after each turn the engine asks an advice job (a language
   * model) what comes next and waits at most this long before deciding here instead.
   */
  readonly adviceDeadlineMs?: number;
  extractProfile(introduction: string): Profile;
  planQuestions(input: PlanInput): PlannedQuestion[];
  /** Shape flags of an answer (empty, emoji_only, very_short, ...). */
  classifyAnswer(text: string): AnswerFlag[];
  /** True when only a bounded part of the text will be scored. */
  isTruncatedForScoring(text: string): boolean;
  /**
   * At most one follow-up per question, worded unlike every text in `asked` (the turns of the interview so far);
   * null when the answer needs none, the question is unknown, or every wording would repeat one.
   */
  decideFollowUp(questionId: string, answer: string, asked: readonly string[]): FollowUp | null;
}
