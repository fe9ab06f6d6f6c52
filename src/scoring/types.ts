/**
 * Shared vocabulary of interviewing and scoring. The engine, the scorers and the report all speak these types;
 * nothing here knows about a platform, a database or a queue.
 */

export const DIMENSIONS = ['technicalAccuracy', 'completeness', 'clarity', 'depth', 'practicality'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export const SKILL_AREAS = ['frontend', 'backend', 'fullstack', 'data', 'devops'] as const;
export type SkillArea = (typeof SKILL_AREAS)[number];

export const LEVELS = ['early_career', 'mid', 'senior'] as const;
export type Level = (typeof LEVELS)[number];

export type TurnKind = 'introduction' | 'technical' | 'behavioral' | 'follow_up';

/** Flags on one answer. They are shown in the report; none of them is ever turned into a made-up score. */
export const ANSWER_FLAGS = [
  'empty',
  'emoji_only',
  'off_topic',
  'keyword_list',
  /** The answer mostly repeats the question's own words and adds little of its own. */
  'restates_question',
  /** The answer asserts one of the question's listed misconceptions; technical accuracy is capped. */
  'misconception',
  'very_short',
  'truncated_for_scoring',
  'skipped',
  'scoring_failed',
  'edited',
  /** The answer addressed the scorer ("ignore previous instructions", hidden text); that part was not scored. */
  'prompt_injection',
  /** Text addressed to the scorer or to an AI was cut out before scoring; it never raises a score. */
  'instruction_to_scorer',
  /** The configured scorer failed and the offline rubric scorer scored this answer instead. */
  'scored_by_fallback',
] as const;
export type AnswerFlag = (typeof ANSWER_FLAGS)[number];

export interface Concept {
  name: string;
  synonyms: string[];
}

export interface ExpectedPart {
  name: string;
  /** Words or phrases whose presence shows the part is covered. */
  cues: string[];
}

/**
 * A common wrong claim about a question's topic. It is asserted by a sentence that contains a phrase from every cue
 * group and does not negate it ("closures copy the value" asserts, "closures do not copy the value" does not).
 */
export interface Misconception {
  /** The wrong claim in plain words, as the evidence names it: "a closure copies the values of outer variables". */
  claim: string;
  /** Groups of cue phrases (whole words, matched after stemming); one phrase of each group must appear. */
  cues: string[][];
}

/** The rubric of a question: what a bank question (or a team's custom question) knows beyond its text. */
export interface QuestionRubric {
  concepts?: Concept[];
  expectedParts?: ExpectedPart[];
  referenceAnswer?: string;
  misconceptions?: Misconception[];
}

/** A question as the scorer needs it: bank questions carry all of it; ad-hoc questions only `text` and `kind`. */
export interface ScoringQuestion extends QuestionRubric {
  id?: string;
  kind: 'technical' | 'behavioral' | 'follow_up';
  text: string;
  /**
   * For a follow-up: the question it follows, with that question's rubric when it has one. The follow-up is judged
   * on what it asked (its own text) and on the part of the parent it probes; it counts with the parent's kind.
   */
  parent?: QuestionRubric & { id?: string; kind: 'technical' | 'behavioral'; text: string };
}

export interface DimensionScore {
  /** 0-10 with at most two decimals, or null when it could not be computed. Never a default. */
  value: number | null;
  /** Plain sentence(s) saying what in the answer supports the value, or why there is none. */
  evidence: string;
}

export interface StarScore {
  situation: boolean;
  task: boolean;
  action: boolean;
  result: boolean;
  value: number | null;
  evidence: string;
}

export interface AnswerScore {
  scorerId: string;
  scorerVersion: string;
  status: 'ok' | 'failed' | 'skipped';
  dimensions: Record<Dimension, DimensionScore>;
  /** Present for behavioral answers. */
  star?: StarScore;
  strengths: string[];
  improvements: string[];
  flags: AnswerFlag[];
  error?: string;
  /** The label of the scorer that produced it, when it differs from the configured one (a fallback). */
  label?: string;
  /** Language-model tokens this score cost; absent for scorers that call no model. */
  usage?: TokenCount;
  /** Set when the configured scorer failed and this one stood in for it; safe to show (no candidate text). */
  standInFor?: { scorerId: string; label: string; reason: string };
}

export interface TokenCount {
  calls: number;
  promptTokens: number;
  /** Part of promptTokens the provider served from its prompt cache. */
  cachedPromptTokens: number;
  completionTokens: number;
}

export interface ScoreInput {
  question: ScoringQuestion;
  answer: string;
  /** Stable id of the answer; a language-model scorer labels the answer block with it. */
  answerId?: string;
}

/** Anything that scores one answer (the offline rubric scorer now, a language model later). */
export interface AnswerScorer {
  readonly id: string;
  readonly version: string;
  readonly label: string;
  score(input: ScoreInput): Promise<AnswerScore>;
}

export interface Profile {
  primarySkillArea: SkillArea | null;
  experienceLevel: Level | null;
  skills: string[];
  projectsMentioned: number;
  /** The candidate's own words that support each field. */
  evidence: {
    primarySkillArea: string | null;
    experienceLevel: string | null;
    skills: string | null;
    projectsMentioned: string | null;
  };
}

/* ---------- Question banks and the offline interviewer (added with the offline scorer) ---------- */

/** One bank file per family: a bank per skill area, plus behavioral questions that every role shares. */
export const QUESTION_FAMILIES = [...SKILL_AREAS, 'behavioral'] as const;
export type QuestionFamily = (typeof QUESTION_FAMILIES)[number];

/** STAR parts, in the order an answer usually tells them. Behavioral bank questions name exactly these parts. */
export const STAR_PARTS = ['situation', 'task', 'action', 'result'] as const;
export type StarPart = (typeof STAR_PARTS)[number];

/** A question from a shipped bank. It is a ScoringQuestion with every optional field filled in. */
export interface BankQuestion {
  /** Stable across releases, e.g. `fe-react-state-01`; reports and stored interviews refer to it. */
  id: string;
  family: QuestionFamily;
  kind: 'technical' | 'behavioral';
  levels: Level[];
  text: string;
  concepts: Concept[];
  expectedParts: ExpectedPart[];
  /** Prompts for a short or incomplete answer; `{missing}` is replaced by the names of the missing parts. */
  followUps: string[];
  referenceAnswer: string;
  /** Common wrong claims; asserting one caps technical accuracy. */
  misconceptions?: Misconception[];
}

export interface QuestionBank {
  readonly questions: readonly BankQuestion[];
}

export interface SelectQuestionsOptions {
  /** The role's family: technical questions come only from it. */
  skillArea: SkillArea;
  /** The role's level. */
  level: Level;
  /** @defaultValue 5 */
  technicalCount?: number;
  /** @defaultValue 2 */
  behavioralCount?: number;
  /** The candidate's profile: a lower stated level leans the selection down, stated skills break ties. */
  profile?: Profile;
  /** Makes the choice repeatable, e.g. the interview id. */
  seed: string;
}

export interface FollowUpDecision {
  prompt: string;
  reason: 'short' | 'missing_parts';
  /** Names of the expected parts the answer does not cover (may be empty for a short answer). */
  missing: string[];
  /** The candidate's words the prompt quotes, verbatim from the answer; null when nothing in it could be quoted. */
  refersTo: string | null;
}

export interface BoundedAnswer {
  text: string;
  truncated: boolean;
}
