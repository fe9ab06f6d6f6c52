/**
 * The model score cache in PostgreSQL, shared by every worker: an answer scored by one worker is a hit for all,
 * which is what makes "the same answer gets the same score" hold across processes and restarts. Entries belong to
 * the answer that paid for them (they quote it) and go when it is erased.
 */
import type { CachedScore, CacheOwner, ScoreCache } from '../providers/cache.js';
import { toJson } from './json.js';
import type { Db } from './prisma.js';

function looksLikeScore(value: unknown): value is CachedScore {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.dimensions === 'object' &&
    v.dimensions !== null &&
    Array.isArray(v.strengths) &&
    Array.isArray(v.improvements)
  );
}

function isMissingOwner(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'P2003';
}

export class PostgresScoreCache implements ScoreCache {
  constructor(private readonly db: Db) {}

  async get(key: string): Promise<CachedScore | undefined> {
    const row = await this.db.scoreCacheEntry.findUnique({ where: { key }, select: { value: true } });
    // A row this build cannot read is a miss: the answer is scored again and the row is left as it is.
    return row && looksLikeScore(row.value) ? row.value : undefined;
  }

  async set(key: string, value: CachedScore, owner: CacheOwner): Promise<void> {
    try {
      await this.db.scoreCacheEntry.createMany({
        data: [{ key, answerId: owner.answerId, value: toJson(value) }],
        skipDuplicates: true,
      });
    } catch (error) {
      // The answer was erased (or never stored) while it was being scored: nothing may keep its words.
      if (!isMissingOwner(error)) throw error;
    }
  }
}
