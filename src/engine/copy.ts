/** Everything the bot says. Kept apart from the logic so wording can change without touching the flow. */
import type { RoleConfig } from './state.js';

export const COMMAND_HINT = 'Commands: help, repeat, pause, resume, skip, stop, erase.';

export function notice(interviewerLabel: string, role: RoleConfig): string {
  return [
    `Hi! I'm ${interviewerLabel}, a chatbot that runs the first-round screening interview for the ${role.title} role.`,
    'How it works: I ask an introduction question, then a few technical and behavioral questions, one at a time. ' +
      'Your answers are stored and scored by software, and a person on the hiring team reviews the scores and your answers before any decision.',
    'You can type "help" at any time. Type "stop" to withdraw, or "erase" to withdraw and delete your answers and personal data.',
  ].join('\n\n');
}

export const CONSENT_PROMPT = 'Do you agree to continue on these terms? Please reply "yes" or "no".';
export const CONSENT_UNCLEAR =
  'Sorry, I need a clear answer before we start: please reply "yes" to continue or "no" to decline.';
export const CONSENT_THANKS =
  'Thank you. Take your time with each answer; when you have finished an answer I move on to the next question.';
export const DECLINED =
  'Understood, the interview will not go ahead and none of your answers are stored. The recruiter will be told you declined. Thank you for your time.';

export const INTRODUCTION_QUESTION =
  'To start, tell me about yourself: your projects, your technical skills and your work experience.';
export const INTRODUCTION_LABEL = 'Introduction';

/**
 * A question's number is its place among all the questions asked, follow-ups included: the report numbers them
 * the same way ("QUESTION 5 (FOLLOW-UP TO 4)"), so the chat and the report can be read side by side. The planned
 * count is progress for the candidate.
 */
export function questionLabel(
  number: number,
  plannedIndex: number,
  plannedTotal: number,
  kind: 'technical' | 'behavioral',
): string {
  return `Question ${number} (${kind}, ${plannedIndex + 1} of ${plannedTotal} planned)`;
}
export function followUpLabel(number: number, parentNumber: number): string {
  return `Question ${number} (follow-up to question ${parentNumber})`;
}

export function prompt(label: string, text: string): string {
  return `${label}: ${text}`;
}

export function help(): string {
  return [
    'Answer each question in your own words; several messages in a row count as one answer.',
    '"repeat" shows the current question again. "pause" stops the questions until you type "resume".',
    '"skip" moves to the next question (a skipped question is marked as skipped, not scored).',
    '"stop" withdraws from the interview. "erase" withdraws and deletes your answers and personal data.',
  ].join('\n');
}

export const PAUSED = 'Paused. Type "resume" when you want to continue; nothing is lost.';
export const STILL_PAUSED = 'We are paused. Type "resume" to continue, or "help" for the commands.';
export const RESUMED = 'Welcome back, here is where we were.';
export const NOT_PAUSED = 'We are not paused.';
export const SKIPPED = 'Skipped.';
export const NOTHING_TO_SKIP = 'There is no question to skip right now.';
/** While the interviewer provider prepares what comes next. */
export const PREPARING_NEXT = 'One moment, the next question is on its way.';
export const PREPARING_NOT_COUNTED =
  'One moment, the next question is on its way. That message was not added to your last answer; if you meant to add to it, you can edit your answer message.';

export const WITHDRAWN =
  'You have withdrawn from this interview and no more questions will be asked. The recruiter will be told. If you also want your answers deleted, type "erase".';
export const ERASED =
  'Done: your answers and personal data for this interview have been deleted. Only a record that an erasure took place is kept.';
export const ALREADY_ENDED = 'This interview has ended. Type "erase" if you want your answers deleted.';
export const ALREADY_ERASED = 'This interview has ended and its data was erased.';
export const NOT_STARTED = 'This interview has not started yet.';

export const EDIT_RESCORED = 'Your edit is saved: that answer will be scored again with its new text.';
export const EDIT_INTRODUCTION = 'Your edit to your introduction is saved.';
export const EDIT_TOO_LATE = 'Your answer was already scored and sent to the hiring team; it can no longer be changed.';
export const EDIT_AFTER_END = 'This interview has ended, so its answers can no longer be changed.';

export function closing(role: RoleConfig): string {
  return [
    'That was the last question. Thank you for your time!',
    `What happens next: your answers are scored and a person on the hiring team for the ${role.title} role reviews them. ` +
      'The recruiter will contact you with the outcome.',
    'You can still type "erase" to delete your answers and personal data.',
  ].join('\n\n');
}
export const FINISHED =
  'This interview is finished, thank you. The recruiter will contact you. Type "erase" if you want your answers deleted.';

export function recruiterDeclined(interviewId: string, role: RoleConfig): string {
  return `The candidate declined the screening interview for the ${role.title} role. Interview ${interviewId}.`;
}
export function recruiterWithdrawn(interviewId: string, role: RoleConfig): string {
  return `The candidate withdrew from the screening interview for the ${role.title} role. Interview ${interviewId}.`;
}
export const REMINDER =
  'Just a friendly reminder: the screening interview is waiting for you, whenever you are ready. Here is where we are.';
export const EXPIRED =
  'This interview has expired after a long time without an answer, so no more questions will be asked. The recruiter will be told. Type "erase" if you want your answers deleted.';
export function recruiterExpired(interviewId: string, role: RoleConfig): string {
  return `The screening interview for the ${role.title} role expired without the candidate finishing it. Interview ${interviewId}.`;
}

export function recruiterErased(interviewId: string, role: RoleConfig): string {
  return `The candidate withdrew from the screening interview for the ${role.title} role and asked for their data to be erased, which is done. Interview ${interviewId}.`;
}

export function decisionRecorded(decision: string): string {
  return `Decision recorded: ${decision}.`;
}
export const DECISION_ALREADY_RECORDED = 'A decision for this interview is already recorded.';
export const DECISION_NOT_READY = 'A decision can be recorded once the interview is complete.';
