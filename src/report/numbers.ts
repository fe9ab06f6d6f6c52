/**
 * The only rounding in the report. Data keeps two decimals (`round2`); text shows one (`formatScore`). Both round
 * half away from zero on the decimal value a person would write, not on the binary double: 1.005 is stored as
 * 1.00499999999999989..., and a report that shows "1.00" for it looks like a bug to anyone checking by hand.
 */

/** Fifteen significant digits is what a double holds reliably; beyond that are artefacts of binary arithmetic. */
const RELIABLE_DIGITS = 15;

function dropBinaryNoise(value: number): number {
  return Number(value.toPrecision(RELIABLE_DIGITS));
}

/** Rounds half away from zero to `decimals` places, on the decimal value (see the module comment). */
export function roundHalfAwayFromZero(value: number, decimals: number): number {
  if (!Number.isFinite(value)) throw new RangeError(`cannot round ${value}`);
  const clean = dropBinaryNoise(value);
  const factor = 10 ** decimals;
  // Scaling can bring the noise back (1.005 * 100 = 100.49999999999999), so clean the scaled value again.
  const scaled = dropBinaryNoise(Math.abs(clean) * factor);
  const magnitude = Math.round(scaled) / factor;
  if (magnitude === 0) return 0;
  return clean < 0 ? -magnitude : magnitude;
}

/** Two decimals: every number stored in a report goes through this. */
export function round2(value: number): number {
  return roundHalfAwayFromZero(value, 2);
}

/** What the report prints where a value is missing. A missing value is never shown as 0.0. */
export const NOT_SCORED = 'not scored';

/** A score as text: one decimal, rounded (7.55 gives "7.6", 7.54 gives "7.5"); `null` gives "not scored". */
export function formatScore(value: number | null): string {
  if (value === null) return NOT_SCORED;
  return roundHalfAwayFromZero(value, 1).toFixed(1);
}

/** Arithmetic mean, or null for no values. Callers pass only the values that exist; nothing is defaulted here. */
export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (const value of values) sum += value;
  return sum / values.length;
}

export interface Weighted {
  value: number | null;
  weight: number;
}

/**
 * Weighted mean over the entries that have a value; the weights of the others drop out (renormalized), so a
 * missing value neither counts as zero nor drags the result. Null when no entry has a value.
 */
export function weightedMean(entries: readonly Weighted[]): number | null {
  let sum = 0;
  let totalWeight = 0;
  for (const { value, weight } of entries) {
    if (value === null) continue;
    sum += value * weight;
    totalWeight += weight;
  }
  return totalWeight > 0 ? sum / totalWeight : null;
}
