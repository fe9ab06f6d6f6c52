/** The semaphore, the circuit breaker (on a manual clock), the score cache and the usage accumulator on their own. */
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/shared/clock.js';
import { CircuitBreaker } from '../../src/providers/resilience/circuit-breaker.js';
import { Semaphore } from '../../src/providers/resilience/semaphore.js';
import { InMemoryScoreCache, UsageAccumulator, scoreCacheKey, type CachedScore } from '../../src/providers/index.js';
import { CACHE_QUESTION } from './helpers.js';

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = () => {};
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('Semaphore', () => {
  it('runs at most `limit` tasks at once, in arrival order', async () => {
    const semaphore = new Semaphore(2);
    const gates = [deferred(), deferred(), deferred()];
    const started: number[] = [];
    const runs = gates.map((gate, i) =>
      semaphore.run(async () => {
        started.push(i);
        await gate.promise;
      }),
    );
    await Promise.resolve();
    expect(started).toEqual([0, 1]);
    expect(semaphore.queued).toBe(1);
    gates[1]!.resolve();
    await runs[1];
    await Promise.resolve();
    expect(started).toEqual([0, 1, 2]);
    gates[0]!.resolve();
    gates[2]!.resolve();
    await Promise.all(runs);
    expect(semaphore.inUse).toBe(0);
  });

  it('refuses a limit below 1', () => {
    expect(() => new Semaphore(0)).toThrow(RangeError);
  });
});

describe('CircuitBreaker', () => {
  it('opens after the threshold, lets one trial through after the cooldown, and reports each change', () => {
    const clock = new ManualClock();
    const changes: string[] = [];
    const breaker = new CircuitBreaker({
      clock,
      failureThreshold: 3,
      cooldownMs: 1_000,
      onStateChange: ({ from, to }) => changes.push(`${from}->${to}`),
    });
    for (let i = 0; i < 2; i++) breaker.record('failure');
    expect(breaker.allowRequest()).toBe(true);
    breaker.record('failure');
    expect(breaker.state).toBe('open');
    expect(breaker.allowRequest()).toBe(false);
    clock.advance(1_000);
    expect(breaker.allowRequest()).toBe(true);
    expect(breaker.allowRequest()).toBe(false);
    breaker.record('success');
    expect(breaker.state).toBe('closed');
    expect(changes).toEqual(['closed->open', 'open->half_open', 'half_open->closed']);
  });

  it('resets the count on success, and a neutral trial frees the slot for another', () => {
    const clock = new ManualClock();
    const breaker = new CircuitBreaker({ clock, failureThreshold: 2, cooldownMs: 10 });
    breaker.record('failure');
    breaker.record('success');
    breaker.record('failure');
    expect(breaker.state).toBe('closed');
    breaker.record('failure');
    clock.advance(10);
    expect(breaker.allowRequest()).toBe(true);
    breaker.record('neutral');
    expect(breaker.state).toBe('half_open');
    expect(breaker.allowRequest()).toBe(true);
  });
});

describe('score cache', () => {
  const cached: CachedScore = {
    dimensions: {
      technicalAccuracy: { value: 7, evidence: 'a' },
      completeness: { value: 6, evidence: 'b' },
      clarity: { value: 8, evidence: 'c' },
      depth: { value: 5, evidence: 'd' },
      practicality: { value: 6, evidence: 'e' },
    },
    strengths: [],
    improvements: [],
  };
  const parts = {
    model: 'm',
    promptVersion: 'p1',
    question: { ...CACHE_QUESTION, kind: 'technical' as const },
    scoredText: 'answer',
  };

  it('keys by model, prompt version, question and text, and by nothing else', () => {
    const key = scoreCacheKey(parts);
    expect(
      scoreCacheKey({ ...parts, question: { ...parts.question, followUps: ['other'] } as typeof parts.question }),
    ).toBe(key);
    for (const changed of [
      { model: 'n' },
      { promptVersion: 'p2' },
      { scoredText: 'answer.' },
      { question: { ...parts.question, text: 'Other?' } },
    ]) {
      expect(scoreCacheKey({ ...parts, ...changed })).not.toBe(key);
    }
  });

  it('returns copies and forgets the oldest entries past its size', async () => {
    const cache = new InMemoryScoreCache(2);
    await cache.set('a', cached);
    const copy = await cache.get('a');
    copy!.dimensions.depth.value = 10;
    expect((await cache.get('a'))!.dimensions.depth.value).toBe(5);
    await cache.set('b', cached);
    await cache.set('c', cached);
    expect(cache.size).toBe(2);
    expect(await cache.get('a')).toBeUndefined();
  });
});

describe('UsageAccumulator', () => {
  it('sums every result it is given', () => {
    const total = new UsageAccumulator();
    total.add({ usage: { calls: 1, promptTokens: 10, cachedPromptTokens: 4, completionTokens: 3 } });
    total.add({ usage: { calls: 2, promptTokens: 5, cachedPromptTokens: 0, completionTokens: 7 } });
    expect(total.total()).toEqual({ calls: 3, promptTokens: 15, cachedPromptTokens: 4, completionTokens: 10 });
  });
});
