/** The candidate's commands. Each is allowed at any point; where it makes no sense, the bot says where we are. */
import * as copy from './copy.js';
import type { StepContext } from './context.js';
import type { CandidateCommand } from './events.js';
import { decline, erase, remindOfPhase, showCurrentTurn, withdraw } from './flow.js';
import { finalizeDraft, skipCurrentTurn } from './answers.js';

function inQuestions(ctx: StepContext): boolean {
  return ctx.state.phase === 'interview';
}

function pause(ctx: StepContext): void {
  if (!inQuestions(ctx)) return remindOfPhase(ctx);
  if (ctx.state.paused) return ctx.say(copy.PAUSED);
  // Pausing means the candidate is done typing: the draft is their answer, and the next question waits.
  if (ctx.state.draft) finalizeDraft(ctx, false);
  if (!inQuestions(ctx)) return; // that was the last answer: the interview has closed
  ctx.state.paused = true;
  ctx.setStatus('paused');
  ctx.say(copy.PAUSED);
  ctx.audit('interview.paused');
}

function resume(ctx: StepContext): void {
  if (!inQuestions(ctx)) return remindOfPhase(ctx);
  if (!ctx.state.paused) {
    ctx.say(copy.NOT_PAUSED);
    return showCurrentTurn(ctx);
  }
  ctx.state.paused = false;
  ctx.setStatus('in_progress');
  ctx.audit('interview.resumed');
  ctx.say(copy.RESUMED);
  showCurrentTurn(ctx);
}

function repeat(ctx: StepContext): void {
  if (ctx.state.phase === 'consent') {
    ctx.say(copy.notice(ctx.interviewer.label, ctx.state.role));
    return ctx.say(copy.CONSENT_PROMPT);
  }
  remindOfPhase(ctx);
}

function skip(ctx: StepContext): void {
  if (!inQuestions(ctx) || ctx.state.paused) return remindOfPhase(ctx);
  skipCurrentTurn(ctx);
}

function stop(ctx: StepContext): void {
  const { phase } = ctx.state;
  if (phase === 'consent') return decline(ctx);
  if (phase === 'interview' || phase === 'invited') return withdraw(ctx);
  remindOfPhase(ctx);
}

function eraseCommand(ctx: StepContext): void {
  if (ctx.state.status === 'erased') return ctx.say(copy.ALREADY_ERASED);
  erase(ctx);
}

const HANDLERS: Record<CandidateCommand, (ctx: StepContext) => void> = {
  help: (ctx) => ctx.say(copy.help()),
  repeat,
  pause,
  resume,
  skip,
  stop,
  erase: eraseCommand,
};

export function handleCommand(ctx: StepContext, command: CandidateCommand): void {
  HANDLERS[command](ctx);
}
