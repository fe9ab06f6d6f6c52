/**
 * The numbers `npm run eval` reports: how well scores rank answers in the order of their labels, and how much two
 * runs over the same answers differ.
 */
import { DIMENSIONS } from '../../scoring/index.js';
import type { ProviderAnswerScore } from '../types.js';

/** Mean of the dimension values (and STAR's, when scored); null when nothing has a value. */
export function overallScore(score: Pick<ProviderAnswerScore, 'dimensions' | 'star'>): number | null {
  const values = [...DIMENSIONS.map((d) => score.dimensions[d].value), score.star?.value ?? null].filter(
    (v): v is number => v !== null,
  );
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
}

/** Ranks from 1, ties sharing the mean of their positions. */
export function averageRanks(values: readonly number[]): number[] {
  const order = values.map((value, index) => ({ value, index })).sort((a, b) => a.value - b.value);
  const ranks = new Array<number>(values.length).fill(0);
  for (let start = 0; start < order.length;) {
    let end = start;
    while (end + 1 < order.length && order[end + 1]!.value === order[start]!.value) end++;
    const rank = (start + end) / 2 + 1;
    for (let i = start; i <= end; i++) ranks[order[i]!.index] = rank;
    start = end + 1;
  }
  return ranks;
}

function pearson(x: readonly number[], y: readonly number[]): number | null {
  const n = x.length;
  if (n < 2 || n !== y.length) return null;
  const mx = x.reduce((a, b) => a + b, 0) / n;
  const my = y.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i]! - mx) * (y[i]! - my);
    sxx += (x[i]! - mx) ** 2;
    syy += (y[i]! - my) ** 2;
  }
  return sxx === 0 || syy === 0 ? null : sxy / Math.sqrt(sxx * syy);
}

/** Spearman's rho (Pearson on average ranks, so ties are handled); null when either side is constant. */
export function spearman(x: readonly number[], y: readonly number[]): number | null {
  return pearson(averageRanks(x), averageRanks(y));
}

/** Kendall's tau-b, which corrects for ties on either side (the labels have many). */
export function kendallTauB(x: readonly number[], y: readonly number[]): number | null {
  let concordant = 0;
  let discordant = 0;
  let tiesX = 0;
  let tiesY = 0;
  for (let i = 0; i < x.length; i++) {
    for (let j = i + 1; j < x.length; j++) {
      const dx = Math.sign(x[i]! - x[j]!);
      const dy = Math.sign(y[i]! - y[j]!);
      if (dx === 0 && dy === 0) continue;
      if (dx === 0) tiesX++;
      else if (dy === 0) tiesY++;
      else if (dx === dy) concordant++;
      else discordant++;
    }
  }
  const denominator = Math.sqrt((concordant + discordant + tiesX) * (concordant + discordant + tiesY));
  return denominator === 0 ? null : (concordant - discordant) / denominator;
}

/** Share of pairs with different labels whose scores are ordered the same way (a tie counts half). */
export function pairwiseAccuracy(labels: readonly number[], scores: readonly number[]): number | null {
  let right = 0;
  let pairs = 0;
  for (let i = 0; i < labels.length; i++) {
    for (let j = i + 1; j < labels.length; j++) {
      if (labels[i] === labels[j]) continue;
      pairs++;
      const agreement = Math.sign(labels[i]! - labels[j]!) * Math.sign(scores[i]! - scores[j]!);
      right += agreement > 0 ? 1 : agreement === 0 ? 0.5 : 0;
    }
  }
  return pairs === 0 ? null : right / pairs;
}

export function meanAbsoluteDifference(a: readonly number[], b: readonly number[]): number | null {
  if (a.length === 0 || a.length !== b.length) return null;
  return a.reduce((sum, value, i) => sum + Math.abs(value - b[i]!), 0) / a.length;
}
