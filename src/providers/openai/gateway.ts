/**
 * Every model call of the OpenAI provider goes through here: the circuit breaker decides whether to call at all,
 * the semaphore caps calls in flight, and the outcome is reported back to the breaker. Only transport faults
 * (timeouts, 429s and 5xx left after the SDK's retries, connection errors) count against the provider; a reply the
 * model got wrong shows the server is up.
 */
import type { CircuitBreaker, CallVerdict } from '../resilience/circuit-breaker.js';
import type { Semaphore } from '../resilience/semaphore.js';
import { zeroUsage } from '../usage.js';
import {
  callStructured,
  type ModelSettings,
  type StructuredOutcome,
  type StructuredRequest,
} from './structured-call.js';

export interface ModelGateway {
  readonly model: string;
  call<T>(request: StructuredRequest<T>): Promise<StructuredOutcome<T>>;
}

export function createModelGateway(
  settings: ModelSettings,
  breaker: CircuitBreaker,
  semaphore: Semaphore,
): ModelGateway {
  return {
    model: settings.model,
    async call<T>(request: StructuredRequest<T>): Promise<StructuredOutcome<T>> {
      request.signal?.throwIfAborted();
      if (!breaker.allowRequest()) {
        return {
          ok: false,
          reason: 'circuit_open',
          error: 'the provider has been failing; calls are paused for now',
          usage: zeroUsage(),
        };
      }
      let verdict: CallVerdict = 'neutral';
      try {
        const outcome = await semaphore.run(() => callStructured(settings, request), request.signal);
        verdict = isTransportFault(outcome) ? 'failure' : 'success';
        return outcome;
      } finally {
        breaker.record(verdict);
      }
    },
  };
}

function isTransportFault(outcome: StructuredOutcome<unknown>): boolean {
  return (
    !outcome.ok &&
    (outcome.reason === 'timeout' || outcome.reason === 'rate_limited' || outcome.reason === 'provider_error')
  );
}
