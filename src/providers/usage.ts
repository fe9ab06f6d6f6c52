import type { TokenUsage } from './types.js';

export function zeroUsage(): TokenUsage {
  return { calls: 0, promptTokens: 0, cachedPromptTokens: 0, completionTokens: 0 };
}

export function addUsage(a: TokenUsage, b: TokenUsage): TokenUsage {
  return {
    calls: a.calls + b.calls,
    promptTokens: a.promptTokens + b.promptTokens,
    cachedPromptTokens: a.cachedPromptTokens + b.cachedPromptTokens,
    completionTokens: a.completionTokens + b.completionTokens,
  };
}

/**
 * Sums the usage of every provider result of one interview; the lead puts the total in the report's metadata and
 * the per-call numbers in /metrics. Results are added as they come, in any order.
 */
export class UsageAccumulator {
  private sum: TokenUsage = zeroUsage();

  add(result: { usage: TokenUsage }): void {
    this.sum = addUsage(this.sum, result.usage);
  }

  total(): TokenUsage {
    return { ...this.sum };
  }
}
