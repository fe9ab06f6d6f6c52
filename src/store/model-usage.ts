/** Tokens an interview cost outside scoring, one ModelUsage row per job that called a model. */
import type { TokenUsage } from '../providers/types.js';
import type { Db } from './prisma.js';

export type ModelOperation = 'interviewing' | 'summary';

export async function recordModelUsage(
  db: Db,
  interviewId: string,
  operation: ModelOperation,
  usage: TokenUsage,
  onUsage?: (usage: TokenUsage) => void,
): Promise<void> {
  if (usage.calls === 0) return; // offline work and cache hits cost nothing
  onUsage?.(usage);
  await db.modelUsage.create({ data: { interviewId, operation, ...usage } });
}

/** Every model token the interview's questions, follow-ups and summary cost; null when none were spent. */
export async function modelUsageOf(db: Db, interviewId: string): Promise<TokenUsage | null> {
  const sum = await db.modelUsage.aggregate({
    where: { interviewId },
    _sum: { calls: true, promptTokens: true, cachedPromptTokens: true, completionTokens: true },
  });
  const calls = sum._sum.calls ?? 0;
  if (calls === 0) return null;
  return {
    calls,
    promptTokens: sum._sum.promptTokens ?? 0,
    cachedPromptTokens: sum._sum.cachedPromptTokens ?? 0,
    completionTokens: sum._sum.completionTokens ?? 0,
  };
}
