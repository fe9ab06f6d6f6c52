import { boundForScoring } from '../answer/bound.js';
import { classifyAnalyzed } from '../answer/classify.js';
import { analyzeText } from '../text/analyze.js';
import {
  DIMENSIONS,
  type AnswerFlag,
  type AnswerScore,
  type AnswerScorer,
  type Dimension,
  type DimensionScore,
  type ScoreInput,
  type StarScore,
} from '../types.js';
import { computeComponents } from './components.js';
import { scoreDimensions, scoreStar } from './dimensions.js';
import { buildFeedback } from './feedback.js';
import { buildQuestionModel } from './question-model.js';
import { measureAnswer } from './signals.js';

export const OFFLINE_SCORER_ID = 'offline-rubric';
export const OFFLINE_SCORER_VERSION = '2.0.0';

const NO_ANSWER = 'No answer was given.';
const NOT_SCORED = 'The answer could not be scored.';

/** The default interviewer's scorer: deterministic, offline, explainable from its evidence strings. */
export function createOfflineScorer(): AnswerScorer {
  return {
    id: OFFLINE_SCORER_ID,
    version: OFFLINE_SCORER_VERSION,
    label: `Offline rubric scorer v${OFFLINE_SCORER_VERSION}`,
    score: (input: ScoreInput) => Promise.resolve(scoreSafely(input)),
  };
}

/** Never throws and never invents a score: trouble becomes status 'failed' with null values and the reason. */
function scoreSafely(input: ScoreInput): AnswerScore {
  try {
    const problem = inputProblem(input);
    return problem === null ? scoreAnswer(input) : failed(problem);
  } catch (err) {
    return failed(err instanceof Error ? err.message : String(err));
  }
}

function inputProblem(input: ScoreInput): string | null {
  const question: unknown = input?.question;
  if (question === null || typeof question !== 'object') return 'the question is missing';
  const { text, kind } = question as { text?: unknown; kind?: unknown };
  if (typeof text !== 'string' || text.trim().length === 0) return 'the question has no text';
  if (kind !== 'technical' && kind !== 'behavioral' && kind !== 'follow_up') return 'the question kind is unknown';
  if (typeof input.answer !== 'string') return 'the answer is not text';
  return null;
}

function scoreAnswer({ question, answer }: ScoreInput): AnswerScore {
  const model = buildQuestionModel(question);
  const bounded = boundForScoring(answer);
  const analyzed = analyzeText(bounded.text, model.vocabulary);
  const flags: AnswerFlag[] = classifyAnalyzed(bounded.text, analyzed);
  if (flags.includes('empty') || flags.includes('emoji_only')) return noAnswer(flags, model.behavioral);
  const signals = measureAnswer(analyzed, model);
  const components = computeComponents(signals, model, flags);
  if (components.offTopic) flags.push('off_topic');
  if (components.restates) flags.push('restates_question');
  if (components.misconception) flags.push('misconception');
  if (bounded.truncated) flags.push('truncated_for_scoring');
  const dimensions = scoreDimensions(signals, components, model);
  const star = scoreStar(signals, components, model);
  const feedback = buildFeedback({ s: signals, c: components, model, dims: dimensions, star, flags });
  return { ...base('ok'), dimensions, ...(star ? { star } : {}), ...feedback, flags };
}

function base(status: AnswerScore['status']) {
  return { scorerId: OFFLINE_SCORER_ID, scorerVersion: OFFLINE_SCORER_VERSION, status };
}

function allDimensions(value: number | null, evidence: string): Record<Dimension, DimensionScore> {
  return Object.fromEntries(DIMENSIONS.map((d) => [d, { value, evidence }])) as Record<Dimension, DimensionScore>;
}

/** An empty or emoji-only answer is a real, computed score of zero, not a missing one. */
function noAnswer(flags: AnswerFlag[], behavioral: boolean): AnswerScore {
  const star: StarScore = {
    situation: false,
    task: false,
    action: false,
    result: false,
    value: 0,
    evidence: NO_ANSWER,
  };
  return {
    ...base('ok'),
    dimensions: allDimensions(0, NO_ANSWER),
    ...(behavioral ? { star } : {}),
    strengths: [],
    improvements: ['Answer the question; no answer was given.'],
    flags,
  };
}

function failed(reason: string): AnswerScore {
  return {
    ...base('failed'),
    dimensions: allDimensions(null, NOT_SCORED),
    strengths: [],
    improvements: [],
    flags: ['scoring_failed'],
    error: `The offline scorer could not score this answer: ${reason}.`,
  };
}
