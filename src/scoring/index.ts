/**
 * The offline interviewer: question banks, candidate profile, question selection, answer checks, follow-up
 * decisions and the deterministic rubric scorer. Everything outside src/scoring imports from here only.
 */
export * from './types.js';
export { loadQuestionBank, defaultQuestionBank, findBankQuestion } from './bank/load.js';
export { toScoringQuestion } from './bank/to-scoring-question.js';
export { extractProfile } from './profile/extract-profile.js';
export { profileSchema } from './profile/schema.js';
export { selectQuestions } from './select/select-questions.js';
export { classifyAnswer } from './answer/classify.js';
export { boundForScoring, SCORING_CHAR_LIMIT } from './answer/bound.js';
export { decideFollowUp, type FollowUpOptions } from './follow-up/decide-follow-up.js';
export { createOfflineScorer, OFFLINE_SCORER_ID, OFFLINE_SCORER_VERSION } from './offline/scorer.js';
