import type { StructuredOutcome } from './structured-call.js';

/** The same outcome with its value turned into another. */
export function mapOutcome<T, U>(outcome: StructuredOutcome<T>, map: (value: T) => U): StructuredOutcome<U> {
  return outcome.ok ? { ok: true, value: map(outcome.value), usage: outcome.usage } : outcome;
}
