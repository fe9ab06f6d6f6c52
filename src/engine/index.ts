/** The interview engine's public surface. Platform adapters, jobs and the CLI import from here. */
export * from './events.js';
export * from './effects.js';
export * from './outbox.js';
export * from './state.js';
export type { Interviewer, PlanInput, FollowUp } from './interviewer.js';
export { createStep, type Step, type StepResult } from './step.js';
export { takesFollowUp } from './advice.js';
export {
  InterviewRunner,
  type InterviewStore,
  type LoadedInterview,
  type CommitRequest,
  type CommitResult,
  type RunOutcome,
  type RunnerOptions,
  type EngineLogger,
} from './runner.js';
export { parseCommand, parseConsent } from './commands.js';
export { normalizeText, countWords } from './normalize.js';
export { derivedId } from './ids.js';
export { createOfflineInterviewer, OFFLINE_INTERVIEWER_LABEL } from './offline-interviewer.js';
export {
  DEFAULT_REMINDER_POLICY,
  nextReminderAt,
  expiresAt,
  outsideQuietHours,
  type ReminderPolicy,
} from './reminder-schedule.js';
