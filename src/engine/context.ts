/**
 * One step's working area: a private copy of the state that handlers change, and the effects they emit in order.
 * The step function stays pure from the outside: same state, event and time in, same result out.
 */
import type { Effect, Recipient } from './effects.js';
import type { Interviewer } from './interviewer.js';
import type { EngineState, InterviewStatus } from './state.js';

export class StepContext {
  readonly state: EngineState;
  readonly effects: Effect[] = [];

  constructor(
    state: EngineState,
    readonly now: Date,
    readonly interviewer: Interviewer,
    readonly actor: string,
  ) {
    this.state = structuredClone(state);
  }

  get nowIso(): string {
    return this.now.toISOString();
  }

  emit(effect: Effect): void {
    this.effects.push(effect);
  }

  say(text: string, recipient: Recipient = { to: 'candidate' }): void {
    this.emit({ type: 'send_message', recipient, text });
  }

  setStatus(status: InterviewStatus): void {
    if (this.state.status === status) return;
    this.state.status = status;
    this.emit({ type: 'set_status', status, at: this.now });
  }

  /** Audit data never carries answer text or names: ids, counts and names of things only. */
  audit(action: string, data: Record<string, string | number | boolean | null> = {}): void {
    this.emit({ type: 'audit', actor: this.actor, action, data });
  }
}
