/** The report: one schema, one place that combines numbers, deterministic text and JSON renderers. */
export * from './schema.js';
export { buildReport, type ReportInput, type ReportTurn } from './build.js';
export {
  DIMENSION_WEIGHTS,
  STAR_WEIGHT,
  COMPONENT_WEIGHTS,
  componentOf,
  aggregate,
  questionOverall,
  dimensionAggregates,
  componentScore,
  finalScore,
  type Aggregates,
  type Component,
} from './aggregate.js';
export { round2, formatScore, roundHalfAwayFromZero, NOT_SCORED } from './numbers.js';
export {
  SCORE_BANDS,
  EVIDENCE_RULES,
  bandOf,
  bandRange,
  decide,
  type ScoreBand,
  type DecisionOutcome,
} from './recommend.js';
export { DEVELOPMENT_ADVICE, PLAN_MAX_DIMENSIONS } from './development-plan.js';
export { renderText } from './render-text.js';
export { renderJson } from './render-json.js';
export { toPlainText } from './plain-text.js';
export {
  TranscriptSchema,
  parseTranscript,
  scoreTranscript,
  type Transcript,
  type ScoreTranscriptOptions,
} from './from-transcript.js';
