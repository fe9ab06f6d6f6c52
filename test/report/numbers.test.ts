import { describe, expect, it } from 'vitest';
import { formatScore, mean, round2, weightedMean } from '../../src/report/numbers.js';

describe('round2: two decimals, half away from zero on the decimal value', () => {
  it.each([
    [1.005, 1.01],
    [2.675, 2.68],
    [1.015, 1.02],
    [8.345, 8.35],
    [-1.005, -1.01],
    [7.5, 7.5],
    [7.444, 7.44],
    [9.999, 10],
    [0, 0],
  ])('%d -> %d', (value, expected) => {
    expect(round2(value)).toBe(expected);
  });

  it('rounds a mean whose exact decimal value ends in 5 upwards despite binary noise', () => {
    // (1.02 + 1.03) / 2 is 1.025 in decimal but 1.02499999... as a double, so naive rounding goes down.
    const m = (1.02 + 1.03) / 2;
    expect(Math.round(m * 100) / 100).toBe(1.02);
    expect(round2(m)).toBe(1.03);
  });

  it('never returns negative zero', () => {
    expect(Object.is(round2(-0.001), 0)).toBe(true);
  });

  it('refuses values that are not finite numbers', () => {
    expect(() => round2(Number.NaN)).toThrow(RangeError);
  });
});

describe('formatScore: one decimal for text, rounded not truncated', () => {
  it.each([
    [7.56, '7.6'],
    [7.55, '7.6'],
    [7.54, '7.5'],
    [7.25, '7.3'],
    [10, '10.0'],
    [0, '0.0'],
    [9.96, '10.0'],
  ])('%d -> %s', (value, expected) => {
    expect(formatScore(value)).toBe(expected);
  });

  it('prints a missing value as "not scored", never 0.0', () => {
    expect(formatScore(null)).toBe('not scored');
  });
});

describe('means exclude missing values instead of defaulting them', () => {
  it('mean of nothing is null, not zero', () => {
    expect(mean([])).toBeNull();
  });

  it('weighted mean renormalizes over the entries that have a value', () => {
    expect(
      weightedMean([
        { value: 8, weight: 0.3 },
        { value: null, weight: 0.7 },
      ]),
    ).toBe(8);
    expect(
      weightedMean([
        { value: 8, weight: 3 },
        { value: 4, weight: 1 },
      ]),
    ).toBe(7);
    expect(weightedMean([{ value: null, weight: 1 }])).toBeNull();
  });
});
