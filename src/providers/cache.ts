/**
 * Scores are cached by (model, prompt version, question, scored text), so an answer is scored once: re-runs of the
 * report, a retried job, or the same text sent twice cost nothing and give the same numbers. The in-memory cache
 * serves one process (tests, `npm run eval`); the worker uses src/store/score-cache.ts, shared by every worker.
 */
import { createHash } from 'node:crypto';
import type { DimensionScore, Dimension, ScoringQuestion, StarScore } from '../scoring/index.js';

/** The parts of a score that come from the model; flags, usage and the source are recomputed on every hit. */
export interface CachedScore {
  dimensions: Record<Dimension, DimensionScore>;
  star?: StarScore;
  strengths: string[];
  improvements: string[];
}

/** The answer whose scoring paid for an entry. The value quotes it, so an erasure of that answer removes the entry. */
export interface CacheOwner {
  answerId: string;
}

export interface ScoreCache {
  get(key: string): Promise<CachedScore | undefined>;
  set(key: string, value: CachedScore, owner: CacheOwner): Promise<void>;
}

export interface ScoreCacheKeyParts {
  model: string;
  promptVersion: string;
  question: ScoringQuestion;
  /** The text actually scored (after removing text addressed to the scorer, and bounding). */
  scoredText: string;
}

export function scoreCacheKey({ model, promptVersion, question, scoredText }: ScoreCacheKeyParts): string {
  // Built field by field so the key does not depend on the order in which the question object was assembled.
  const canonical = JSON.stringify([
    model,
    promptVersion,
    question.id ?? null,
    question.kind,
    question.text,
    question.referenceAnswer ?? null,
    (question.expectedParts ?? []).map((p) => [p.name, p.cues]),
    (question.concepts ?? []).map((c) => [c.name, c.synonyms]),
    scoredText,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

/** Keeps the most recently written `maxEntries` scores. */
export class InMemoryScoreCache implements ScoreCache {
  private readonly entries = new Map<string, CachedScore>();

  constructor(private readonly maxEntries = 5_000) {}

  get size(): number {
    return this.entries.size;
  }

  get(key: string): Promise<CachedScore | undefined> {
    const value = this.entries.get(key);
    return Promise.resolve(value === undefined ? undefined : structuredClone(value));
  }

  set(key: string, value: CachedScore, _owner?: CacheOwner): Promise<void> {
    this.entries.delete(key);
    this.entries.set(key, structuredClone(value));
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.entries.delete(oldest.value);
    }
    return Promise.resolve();
  }
}
