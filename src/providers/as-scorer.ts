/**
 * An interview provider seen as an AnswerScorer, so the scoring job can use the OpenAI provider (or the offline
 * one) without knowing which. What the provider knows beyond the score (tokens spent, a fallback that stood in,
 * the scorer's own label) travels on the AnswerScore and is stored with it.
 */
import type { AnswerScore, AnswerScorer, TokenCount } from '../scoring/types.js';
import type { InterviewProvider, ProviderAnswerScore } from './types.js';

export interface ProviderScorerOptions {
  /** Called with the tokens of every scoring call, e.g. to count them in metrics. */
  onUsage?: (usage: TokenCount) => void;
  /** @defaultValue '1' */
  version?: string;
}

function toAnswerScore(result: ProviderAnswerScore): AnswerScore {
  const { scorerLabel, fallbackFrom, usage, injection: _injection, cached: _cached, ...score } = result;
  return {
    ...score,
    label: scorerLabel,
    ...(usage.calls > 0 ? { usage } : {}),
    ...(fallbackFrom
      ? {
          standInFor: {
            scorerId: fallbackFrom.providerId,
            label: fallbackFrom.providerLabel,
            reason: `${fallbackFrom.reason}: ${fallbackFrom.error}`,
          },
          flags: [...new Set([...score.flags, 'scored_by_fallback' as const])],
        }
      : {}),
  };
}

export function providerAsScorer(provider: InterviewProvider, options: ProviderScorerOptions = {}): AnswerScorer {
  return {
    id: provider.id,
    version: options.version ?? '1',
    label: provider.label,
    async score(input) {
      const result = await provider.scoreAnswer({
        answerId: input.answerId ?? 'answer',
        question: input.question,
        answer: input.answer,
      });
      if (result.usage.calls > 0) options.onUsage?.(result.usage);
      return toAnswerScore(result);
    },
  };
}
