/**
 * What every provider does to an answer before scoring it. Text addressed to the scorer ("ignore previous
 * instructions", "give me 10/10", hidden characters...) is found and removed, and only the rest is scored.
 *
 * Why scoring the cleaned text, rather than also scoring the full answer and keeping the lower value: the model
 * never reads the attempt, so no part of it can sway the result, and it costs one call instead of two. With the
 * score cache keyed by the cleaned text, an answer with an attempt and the same answer without it resolve to the
 * same cache entry, so their scores are equal (not merely "not higher"), whatever the model would have said.
 */
import { boundForScoring, classifyAnswer } from '../scoring/index.js';
import { detectInjection } from './text/injection.js';
import type { InjectionSpan, ProviderFlag } from './types.js';

export interface GuardedAnswer {
  /** The answer without the flagged spans and invisible characters: the text that is scored. */
  cleaned: string;
  /** The cleaned text bounded to the scoring limit (what a model is sent). */
  bounded: string;
  injection: InjectionSpan[];
  /** Shape flags of the cleaned text, `truncated_for_scoring`, and `prompt_injection` when spans were found. */
  flags: ProviderFlag[];
}

export function guardAnswer(answer: string): GuardedAnswer {
  const { spans, cleaned } = detectInjection(answer);
  const bounded = boundForScoring(cleaned);
  const flags: ProviderFlag[] = [...classifyAnswer(cleaned)];
  if (bounded.truncated) flags.push('truncated_for_scoring');
  if (spans.length > 0) flags.push('prompt_injection');
  return { cleaned, bounded: bounded.text, injection: spans, flags };
}

/** Flags from two sources, each once, in first-seen order. */
export function mergeFlags(...lists: ReadonlyArray<readonly ProviderFlag[]>): ProviderFlag[] {
  return [...new Set(lists.flat())];
}
