/** Repository functions over Prisma. Only src/store and src/background import Prisma. */
export {
  createInterviewStore,
  loadInterviewState,
  LOADED_INTERVIEW_SELECT,
  toLoadedInterview,
} from './interview-store.js';
export { ensureWorkspace, ensureCandidate, createInterview, type NewInterview } from './interviews.js';
export {
  ensureDefaultRoles,
  createRole,
  findRoleBySlug,
  listRoleSlugs,
  defaultRoleSlug,
  defaultRoleTitle,
  questionPlanSchema,
  type QuestionPlan,
  type StoredRole,
} from './roles.js';
export { loadInterviewWithTranscript, type InterviewWithTranscript, type TranscriptTurn } from './transcript.js';
export { outboxDedupeKey } from './outbox-rows.js';
