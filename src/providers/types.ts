/**
 * The one interface every interviewer provider implements: the offline one (question bank and rubric scorer from
 * src/scoring) and the OpenAI one (any OpenAI-compatible server). Plain data in, plain data out, every method async
 * and cancellable, so the engine can swap providers without knowing which one runs.
 */
import type {
  AnswerFlag,
  AnswerScore,
  BankQuestion,
  Level,
  Profile,
  ScoringQuestion,
  SkillArea,
} from '../scoring/index.js';

/** Flags a provider puts on an answer: the shared list, which includes `instruction_to_scorer`. */
export type ProviderFlag = AnswerFlag;

/** Tokens spent on one operation (all HTTP calls it made, retries included); zero for offline work and cache hits. */
export interface TokenUsage {
  /** Model calls that returned a reply (a call that failed in transport spent no tokens we can know of). */
  calls: number;
  promptTokens: number;
  /** Part of promptTokens the server served from its prompt cache. */
  cachedPromptTokens: number;
  completionTokens: number;
}

export interface CallOptions {
  /** Aborts the operation (e.g. the interview was withdrawn). The promise then rejects with the signal's reason. */
  signal?: AbortSignal;
}

export interface InterviewRole {
  title: string;
  skillArea: SkillArea;
  level: Level;
}

/** Why a model result was not used. Stored with the result; it never carries candidate text. */
export type FailureReason =
  'timeout' | 'rate_limited' | 'provider_error' | 'invalid_output' | 'refused' | 'circuit_open';

/** Set when another provider (the offline one) produced the result because the model's result could not be used. */
export interface FallbackNote {
  providerId: string;
  providerLabel: string;
  reason: FailureReason;
  /** Safe for logs and reports: no candidate text. */
  error: string;
}

/** Which provider produced a result, and whether it stood in for another. */
export interface ResultSource {
  providerId: string;
  providerLabel: string;
  fallbackFrom?: FallbackNote;
}

export type InjectionKind =
  'override' | 'score_demand' | 'role_play' | 'system_prompt' | 'fake_delimiter' | 'hidden_text';

/** Where an answer addresses the scorer instead of answering; offsets are UTF-16 indexes into the original answer. */
export interface InjectionSpan {
  start: number;
  end: number;
  /** What was found in the span (several patterns can hit one sentence). */
  kinds: InjectionKind[];
}

export interface ProfileResult {
  profile: Profile;
  source: ResultSource;
  usage: TokenUsage;
}

export interface NextQuestionInput {
  role: InterviewRole;
  /** Null when the candidate skipped the introduction. */
  profile: Profile | null;
  /** The bank question chosen for this slot: the topic to ask about, and the question asked when nothing better fits. */
  bankQuestion: BankQuestion;
  /** Texts already asked in this interview, so a generated question does not repeat one. */
  askedQuestions: readonly string[];
}

export interface QuestionResult {
  text: string;
  /** 'bank' when the bank text is asked as is (offline, or a generated question failed its checks). */
  origin: 'bank' | 'generated';
  /** What to score the answer against: the bank question's rubric with the text actually asked. */
  scoringQuestion: ScoringQuestion;
  source: ResultSource;
  usage: TokenUsage;
}

export interface FollowUpInput {
  /** The bank question the answered question is based on (its expected parts define what may be missing). */
  bankQuestion: BankQuestion;
  /** The text actually asked (a generated question may differ from the bank text). */
  askedText: string;
  answer: string;
  /** Every text asked in the interview so far; a follow-up repeats none of them. @defaultValue [] */
  askedQuestions?: readonly string[];
}

export interface FollowUp {
  prompt: string;
  reason: 'short' | 'missing_parts' | 'clarify';
  missing: string[];
  /** Words of the candidate's answer the follow-up refers to; null for the offline templates. */
  refersTo: string | null;
}

export interface FollowUpResult {
  followUp: FollowUp | null;
  source: ResultSource;
  usage: TokenUsage;
}

export interface ScoreAnswerInput {
  /** Stable id of the answer; it labels the answer block sent to a model. */
  answerId: string;
  question: ScoringQuestion;
  answer: string;
}

/**
 * An AnswerScore plus what the provider layer knows about it. A failed score has status 'failed', every value null
 * and `error`; a fallback score names the provider that produced it and keeps the reason in `fallbackFrom`.
 */
export interface ProviderAnswerScore extends Omit<AnswerScore, 'flags'> {
  flags: ProviderFlag[];
  scorerLabel: string;
  fallbackFrom?: FallbackNote;
  /** Empty unless the answer carries text addressed to the scorer; that text was removed before scoring. */
  injection: InjectionSpan[];
  /** True when the result came from the score cache (no tokens spent). */
  cached: boolean;
  usage: TokenUsage;
}

/** What a summary reads of a score: any scorer's result (a stored one, or one the provider just made). */
export type SummaryScore = Pick<AnswerScore, 'status' | 'dimensions' | 'strengths' | 'improvements' | 'flags'>;

export interface SummaryItem {
  question: Pick<ScoringQuestion, 'kind' | 'text'>;
  score: SummaryScore;
}

export interface SummaryInput {
  role: InterviewRole;
  items: readonly SummaryItem[];
}

/** A short written summary for the hiring team. It never states scores: the report shows those. */
export interface InterviewSummary {
  overview: string;
  strengths: string[];
  concerns: string[];
}

export interface SummaryResult {
  summary: InterviewSummary;
  source: ResultSource;
  usage: TokenUsage;
}

export interface InterviewProvider {
  readonly id: string;
  /** Shown to candidates and reviewers, e.g. "Offline interviewer" or "OpenAI interviewer (gpt-4o-mini)". */
  readonly label: string;
  extractProfile(introduction: string, options?: CallOptions): Promise<ProfileResult>;
  nextQuestion(input: NextQuestionInput, options?: CallOptions): Promise<QuestionResult>;
  /** At most one follow-up per question is the caller's rule; this only says whether this answer needs one. */
  decideFollowUp(input: FollowUpInput, options?: CallOptions): Promise<FollowUpResult>;
  scoreAnswer(input: ScoreAnswerInput, options?: CallOptions): Promise<ProviderAnswerScore>;
  summarize(input: SummaryInput, options?: CallOptions): Promise<SummaryResult>;
}
