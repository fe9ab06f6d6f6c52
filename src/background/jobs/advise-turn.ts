/**
 * Job `advise_turn { interviewId, requestId, outboxId? }`: asks the interviewer provider what follows the turn the interview
 * is waiting on (see src/engine/advice.ts) and steps the answer into the interview as an `advice` event.
 *
 * After the introduction: the candidate's profile, then a wording of the first planned question that fits it.
 * After a question: whether to follow up on what the candidate said, and if not, a wording of the next question.
 * The provider falls back to the offline interviewer on its own failures, so a model fault still gives an advice.
 * The interview may end while the model thinks (stop, erase, the deadline): the job watches for that, aborts the
 * model call, and leaves the interview alone.
 */
import {
  adviseTurnRequest,
  answerTextOf,
  takesFollowUp,
  type Advice,
  type InboundEvent,
  type InterviewRunner,
  type Interviewer,
  type InterviewStore,
  type PendingAdvice,
  type EngineState,
} from '../../engine/index.js';
import { findBankQuestion, type QuestionBank } from '../../scoring/index.js';
import type { InterviewProvider, InterviewRole, TokenUsage } from '../../providers/types.js';
import { UsageAccumulator } from '../../providers/usage.js';
import type { Db } from '../../store/prisma.js';
import { recordModelUsage } from '../../store/model-usage.js';
import type { JobDeps } from '../deps.js';
import { done, skipped, type JobOutcome } from '../outcome.js';
import { handedRow, markHandedRowSent } from '../outbox-state.js';
import { defineJob, jobIdOf } from '../queue/definition.js';
import { SYSTEM_EVENT_INTERVIEW_FIELDS, systemEventBase } from '../system-event.js';

export interface AdviseTurnDeps {
  db: Db;
  store: InterviewStore;
  runner: InterviewRunner;
  provider: InterviewProvider;
  /** The offline interviewer: it plans which bank questions come (the provider only words them). */
  interviewer: Interviewer;
  bank: QuestionBank;
  onUsage?: (usage: TokenUsage) => void;
  /** How often the job looks whether the interview still waits for it. @defaultValue 1000 */
  watchEveryMs?: number;
}

class NoLongerWaiting extends Error {
  override readonly name = 'NoLongerWaiting';
}

function roleOf(state: EngineState): InterviewRole {
  return { title: state.role.title, skillArea: state.role.skillArea, level: state.role.level };
}

async function stillWaiting(store: InterviewStore, interviewId: string, requestId: string): Promise<boolean> {
  const loaded = await store.load(interviewId);
  return loaded?.state.advice?.requestId === requestId;
}

/** Aborts `controller` once the interview stops waiting for this request (withdrawn, erased, decided offline). */
function watch(deps: AdviseTurnDeps, interviewId: string, requestId: string, controller: AbortController): () => void {
  const timer = setInterval(() => {
    stillWaiting(deps.store, interviewId, requestId).then(
      (waiting) => waiting || controller.abort(new NoLongerWaiting('the interview no longer waits for this advice')),
      () => undefined, // a failed look is not a reason to give up; the next one may succeed
    );
  }, deps.watchEveryMs ?? 1_000);
  return () => clearInterval(timer);
}

/** The texts already asked in this interview, so a reworded question repeats none of them. */
async function askedTexts(db: Db, interviewId: string): Promise<string[]> {
  const turns = await db.turn.findMany({
    where: { interviewId },
    orderBy: { order: 'asc' },
    select: { questionText: true },
  });
  return turns.map((t) => t.questionText);
}

/**
 * After a question, the follow-up decision and the wording of the next question are asked at the same time: the
 * candidate waits for one model round trip, not two. When a follow-up is chosen the wording goes unused; the call
 * is still awaited, because its tokens are spent either way and the report counts every one.
 */
async function ask(
  deps: AdviseTurnDeps,
  state: EngineState,
  pending: PendingAdvice,
  usage: UsageAccumulator,
  signal: AbortSignal,
): Promise<Advice> {
  const { provider, interviewer, bank } = deps;
  const advice: Advice = { profile: null, followUp: null, question: null, by: provider.label };
  const answer = answerTextOf(state, pending.answerId);
  const after = pending.after;
  let profile = state.profile;
  let next = state.plan?.[state.planCursor];
  if (after.kind === 'introduction') {
    if (answer !== null) {
      const result = await provider.extractProfile(answer, { signal });
      usage.add(result);
      profile = advice.profile = result.profile;
    }
    // The same pure plan the engine makes from this profile when the advice arrives: the first of it is next.
    next = interviewer.planQuestions({ role: state.role, profile, seed: state.interviewId })[0];
  }
  const answered = takesFollowUp(after) && answer !== null ? findBankQuestion(bank, after.questionId) : undefined;
  const nextBank = next ? findBankQuestion(bank, next.questionId) : undefined;
  const followUp =
    answered && answer !== null
      ? provider.decideFollowUp(
          { bankQuestion: answered, askedText: after.text, answer, askedQuestions: state.asked },
          { signal },
        )
      : null;
  const question =
    next && nextBank
      ? askedTexts(deps.db, state.interviewId).then((asked) =>
          provider.nextQuestion(
            { role: roleOf(state), profile, bankQuestion: nextBank, askedQuestions: asked },
            { signal },
          ),
        )
      : null;
  // Both settle before anything is returned or thrown: the tokens of a call that finished count even when the
  // other was cut short.
  const [decided, worded] = await Promise.allSettled([followUp, question]);
  for (const settled of [decided, worded])
    if (settled.status === 'fulfilled' && settled.value) usage.add(settled.value);
  for (const settled of [decided, worded]) if (settled.status === 'rejected') throw settled.reason;
  const chosen = decided.status === 'fulfilled' ? decided.value : null;
  const wording = worded.status === 'fulfilled' ? worded.value : null;
  if (chosen?.followUp) {
    advice.followUp = { prompt: chosen.followUp.prompt, reason: chosen.followUp.reason };
    advice.by = chosen.source.providerLabel;
  } else if (next && wording?.origin === 'generated') {
    advice.question = { questionId: next.questionId, text: wording.text };
    advice.by = wording.source.providerLabel;
  }
  return advice;
}

/** The work of the job. */
export async function adviseTurn(
  deps: AdviseTurnDeps,
  payload: { interviewId: string; requestId: string },
): Promise<JobOutcome> {
  const { interviewId, requestId } = payload;
  const loaded = await deps.store.load(interviewId);
  const pending = loaded?.state.advice;
  if (!loaded || !pending || pending.requestId !== requestId) return skipped('not_waiting');
  const usage = new UsageAccumulator();
  const controller = new AbortController();
  const stopWatching = watch(deps, interviewId, requestId, controller);
  const asked = await ask(deps, loaded.state, pending, usage, controller.signal).then(
    (advice) => ({ ok: true as const, advice }),
    (error: unknown) => ({ ok: false as const, error }),
  );
  stopWatching();
  // Spent whatever happens next, and before the interview can close without this advice and build its report.
  await recordModelUsage(deps.db, interviewId, 'interviewing', usage.total(), deps.onUsage);
  if (!asked.ok) {
    if (controller.signal.aborted) return skipped('no_longer_waiting');
    throw asked.error;
  }
  const advice = asked.advice;
  const interview = await deps.db.interview.findUnique({
    where: { id: interviewId },
    select: SYSTEM_EVENT_INTERVIEW_FIELDS,
  });
  if (!interview) return skipped('interview_not_found');
  const event: InboundEvent = {
    kind: 'advice',
    requestId,
    advice,
    ...systemEventBase(interview, `advice:${requestId}`),
  };
  await deps.runner.handle(interviewId, event);
  return done();
}

/** The candidate waits for this one: its own queue, so a backlog of scoring never holds up the next question. */
export const adviseTurnJob = defineJob({
  name: 'advise_turn',
  queue: 'interviewing',
  schema: handedRow(adviseTurnRequest),
  jobId: (p) => jobIdOf('advise', p.requestId),
  // Few and quick: past the engine's deadline the interview has moved on without the advice anyway.
  attempts: 3,
  backoffMs: 1_000,
  async handle(payload, deps: JobDeps) {
    const model = deps.work.model;
    // Without a language model the engine's deadline decides offline: there is nothing to ask.
    if (model) await adviseTurn({ db: deps.db, runner: deps.runner, bank: deps.work.bank, ...model }, payload);
    await markHandedRowSent(deps.db, payload, deps.clock.now());
  },
});
