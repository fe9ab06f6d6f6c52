import { DIMENSIONS, type Dimension } from '../scoring/types.js';
import type { DimensionValues } from './schema.js';

export interface RankedDimension {
  dimension: Dimension;
  value: number;
}

function presentDimensions(values: DimensionValues): RankedDimension[] {
  const present: RankedDimension[] = [];
  for (const dimension of DIMENSIONS) {
    const value = values[dimension];
    if (value !== null) present.push({ dimension, value });
  }
  return present;
}

/**
 * The dimensions that have a value, strongest first. Ties keep the rubric's order (the sort is stable), so the same
 * numbers always name the same dimensions.
 */
export function strongestFirst(values: DimensionValues): RankedDimension[] {
  return presentDimensions(values).sort((a, b) => b.value - a.value);
}

/** The dimensions that have a value, weakest first; ties in rubric order. */
export function weakestFirst(values: DimensionValues): RankedDimension[] {
  return presentDimensions(values).sort((a, b) => a.value - b.value);
}
