/**
 * Stops calling a provider that keeps failing. After `failureThreshold` failures in a row the circuit opens and
 * callers use their fallback without waiting for timeouts; once `cooldownMs` has passed on the injected clock, one
 * trial call is let through: its success closes the circuit, its failure opens it for another cooldown.
 */
import type { Clock } from '../../shared/clock.js';

export type CircuitState = 'closed' | 'open' | 'half_open';

/** What a call that was let through found out about the provider. 'neutral' says nothing (e.g. it was cancelled). */
export type CallVerdict = 'success' | 'failure' | 'neutral';

export interface CircuitBreakerOptions {
  clock: Clock;
  /** @defaultValue 5 */
  failureThreshold?: number;
  /** @defaultValue 30000 */
  cooldownMs?: number;
  /** Called on every change of state, e.g. to log it. */
  onStateChange?: (change: { from: CircuitState; to: CircuitState; failures: number }) => void;
}

export class CircuitBreaker {
  private current: CircuitState = 'closed';
  private failures = 0;
  private openedAt = 0;
  private trialInFlight = false;
  private readonly clock: Clock;
  private readonly failureThreshold: number;
  private readonly cooldownMs: number;
  private readonly onStateChange: CircuitBreakerOptions['onStateChange'];

  constructor(options: CircuitBreakerOptions) {
    this.clock = options.clock;
    this.failureThreshold = options.failureThreshold ?? 5;
    this.cooldownMs = options.cooldownMs ?? 30_000;
    this.onStateChange = options.onStateChange;
  }

  get state(): CircuitState {
    return this.current;
  }

  /** Whether a call may go to the provider now. In half-open state only one trial call is let through at a time. */
  allowRequest(): boolean {
    if (this.current === 'closed') return true;
    if (this.current === 'open') {
      if (this.clock.now().getTime() - this.openedAt < this.cooldownMs) return false;
      this.moveTo('half_open');
    }
    if (this.trialInFlight) return false;
    this.trialInFlight = true;
    return true;
  }

  /** Reports how a call that allowRequest() let through ended. */
  record(verdict: CallVerdict): void {
    const wasTrial = this.current === 'half_open' && this.trialInFlight;
    if (wasTrial) this.trialInFlight = false;
    if (verdict === 'success') {
      this.failures = 0;
      if (this.current !== 'closed') this.moveTo('closed');
    } else if (verdict === 'failure') {
      this.failures++;
      if (wasTrial || (this.current === 'closed' && this.failures >= this.failureThreshold)) this.open();
    }
  }

  private open(): void {
    this.openedAt = this.clock.now().getTime();
    this.moveTo('open');
  }

  private moveTo(to: CircuitState): void {
    const from = this.current;
    if (from === to) return;
    this.current = to;
    this.onStateChange?.({ from, to, failures: this.failures });
  }
}
