/**
 * The provider under load and failure: the circuit breaker (on an injected clock), the per-process concurrency
 * limit, and cancellation through AbortSignal.
 */
import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/shared/clock.js';
import { createLogger } from '../../src/shared/logger.js';
import { reply, startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai.js';
import { CACHE_QUESTION, GOOD_ANSWER, answerIn, providerOn, scoreReply, scoreValues } from './helpers.js';

let fake: FakeOpenAI;
beforeEach(async () => (fake = await startFakeOpenAI()));
afterEach(() => fake.close());

const question = { ...CACHE_QUESTION, kind: 'technical' as const };
const failing = reply.status(503, { 'x-should-retry': 'false' });

function capturedLogger(): { logger: ReturnType<typeof createLogger>; lines: string[] } {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  return { logger: createLogger({ level: 'info', service: 'test', destination }), lines };
}

describe('circuit breaker', () => {
  it('opens after repeated failures, stands the offline scorer in without calling, and closes after a good trial', async () => {
    const clock = new ManualClock();
    const { logger, lines } = capturedLogger();
    const provider = providerOn(fake, { clock, logger, failureThreshold: 2, cooldownMs: 60_000 });
    const answers = [
      'first answer about Redis caching',
      'second answer about Redis caching',
      'third answer about Redis caching',
    ];
    fake.enqueue(failing, failing);
    await provider.scoreAnswer({ answerId: 'a1', question, answer: answers[0]! });
    await provider.scoreAnswer({ answerId: 'a2', question, answer: answers[1]! });

    const whileOpen = await provider.scoreAnswer({ answerId: 'a3', question, answer: answers[2]! });
    expect(fake.requests).toHaveLength(2);
    expect(whileOpen.fallbackFrom?.reason).toBe('circuit_open');
    expect(whileOpen.scorerId).toBe('offline-rubric');
    expect(whileOpen.usage.calls).toBe(0);

    const warning = lines.find((line) => line.includes('offline provider stands in until it recovers'));
    expect(warning).toBeDefined();
    expect(JSON.parse(warning!)).toMatchObject({ level: 40, to: 'open', failures: 2 });
    // No candidate text in any log line, whatever its level.
    for (const answer of answers) expect(lines.join('\n')).not.toContain(answer);

    clock.advance(60_000);
    fake.respondWith((request) => reply.json(scoreReply(answerIn(request), 7)));
    const trial = await provider.scoreAnswer({ answerId: 'a3', question, answer: answers[2]! });
    expect(trial.scorerId).toBe('openai');
    expect(scoreValues(trial)).toEqual([7, 7, 7, 7, 7]);
    const after = await provider.scoreAnswer({ answerId: 'a4', question, answer: GOOD_ANSWER });
    expect(after.scorerId).toBe('openai');
    expect(fake.requests).toHaveLength(4);
  });

  it('stays open before the cooldown has passed, and a failed trial opens it again', async () => {
    const clock = new ManualClock();
    const provider = providerOn(fake, { clock, failureThreshold: 1, cooldownMs: 30_000 });
    fake.enqueue(failing, failing);
    await provider.scoreAnswer({ answerId: 'a', question, answer: 'one answer about caching' });
    clock.advance(29_999);
    expect(
      (await provider.scoreAnswer({ answerId: 'b', question, answer: 'two answer about caching' })).fallbackFrom
        ?.reason,
    ).toBe('circuit_open');
    clock.advance(1);
    expect(
      (await provider.scoreAnswer({ answerId: 'c', question, answer: 'three answer about caching' })).fallbackFrom
        ?.reason,
    ).toBe('provider_error');
    expect(
      (await provider.scoreAnswer({ answerId: 'd', question, answer: 'four answer about caching' })).fallbackFrom
        ?.reason,
    ).toBe('circuit_open');
    expect(fake.requests).toHaveLength(2);
  });

  it('does not count bad replies against the provider: the server is up', async () => {
    const provider = providerOn(fake, { failureThreshold: 1 });
    fake.enqueue(reply.content('nope'), reply.content('nope'), reply.json(scoreReply(GOOD_ANSWER, 6)));
    expect((await provider.scoreAnswer({ answerId: 'a', question, answer: GOOD_ANSWER })).fallbackFrom?.reason).toBe(
      'invalid_output',
    );
    expect((await provider.scoreAnswer({ answerId: 'b', question, answer: GOOD_ANSWER })).scorerId).toBe('openai');
  });
});

describe('concurrency limit', () => {
  it('keeps at most `concurrency` calls in flight and still scores every answer', async () => {
    fake.respondWith((request) => ({ kind: 'json', value: scoreReply(answerIn(request), 5), delayMs: 60 }));
    const provider = providerOn(fake, { concurrency: 2 });
    const answers = Array.from(
      { length: 6 },
      (_, i) => `Answer ${i}: put Redis in front of the product service with a TTL.`,
    );
    const scores = await Promise.all(
      answers.map((answer, i) => provider.scoreAnswer({ answerId: `c${i}`, question, answer })),
    );
    expect(fake.requests).toHaveLength(6);
    expect(fake.maxInFlight).toBe(2);
    expect(scores.every((s) => s.scorerId === 'openai' && s.status === 'ok')).toBe(true);
  });

  it('asks once when the same answer is scored twice at the same time', async () => {
    fake.respondWith((request) => ({ kind: 'json', value: scoreReply(answerIn(request), 8), delayMs: 40 }));
    const provider = providerOn(fake);
    const [a, b] = await Promise.all([
      provider.scoreAnswer({ answerId: 'x', question, answer: GOOD_ANSWER }),
      provider.scoreAnswer({ answerId: 'y', question, answer: GOOD_ANSWER }),
    ]);
    expect(fake.requests).toHaveLength(1);
    expect(scoreValues(a)).toEqual(scoreValues(b));
    expect(a.usage.calls + b.usage.calls).toBe(1);
  });
});

describe('cancellation', () => {
  it('lets a caller waiting for the same answer cancel on its own, and the first one still scores', async () => {
    fake.enqueue({ kind: 'json', value: scoreReply(GOOD_ANSWER, 8), delayMs: 100 });
    const provider = providerOn(fake);
    const first = provider.scoreAnswer({ answerId: 'x', question, answer: GOOD_ANSWER });
    const controller = new AbortController();
    const second = provider.scoreAnswer(
      { answerId: 'y', question, answer: GOOD_ANSWER },
      { signal: controller.signal },
    );
    controller.abort(new Error('second withdrawn'));
    await expect(second).rejects.toThrow('second withdrawn');
    expect(scoreValues(await first)).toEqual([8, 8, 8, 8, 8]);
    expect(fake.requests).toHaveLength(1);
  });

  it('scores for a waiting caller itself when the caller it waited for is cancelled', async () => {
    fake.enqueue(reply.hang(), reply.json(scoreReply(GOOD_ANSWER, 5)));
    const provider = providerOn(fake);
    const controller = new AbortController();
    const first = provider.scoreAnswer({ answerId: 'x', question, answer: GOOD_ANSWER }, { signal: controller.signal });
    const second = provider.scoreAnswer({ answerId: 'y', question, answer: GOOD_ANSWER });
    setTimeout(() => controller.abort(new Error('first withdrawn')), 30);
    await expect(first).rejects.toThrow('first withdrawn');
    expect(scoreValues(await second)).toEqual([5, 5, 5, 5, 5]);
    expect(fake.requests).toHaveLength(2);
  });

  it('rejects with the abort reason when the interview is withdrawn mid-call, without a fallback score', async () => {
    fake.enqueue(reply.hang());
    const controller = new AbortController();
    const provider = providerOn(fake, { failureThreshold: 1 });
    const pending = provider.scoreAnswer(
      { answerId: 'w', question, answer: GOOD_ANSWER },
      { signal: controller.signal },
    );
    setTimeout(() => controller.abort(new Error('interview withdrawn')), 50);
    await expect(pending).rejects.toThrow('interview withdrawn');
    // A cancelled call says nothing about the provider: the circuit is still closed.
    fake.enqueue(reply.json(scoreReply(GOOD_ANSWER, 3)));
    const next = await provider.scoreAnswer({ answerId: 'v', question, answer: GOOD_ANSWER });
    expect(next.scorerId).toBe('openai');
  });

  it('rejects at once when the signal is already aborted, and leaves the queue when aborted while waiting', async () => {
    const provider = providerOn(fake, { concurrency: 1 });
    const aborted = AbortSignal.abort(new Error('already withdrawn'));
    await expect(
      provider.scoreAnswer({ answerId: 'a', question, answer: GOOD_ANSWER }, { signal: aborted }),
    ).rejects.toThrow('already withdrawn');

    fake.enqueue({ kind: 'json', value: scoreReply(GOOD_ANSWER, 6), delayMs: 150 });
    const busy = provider.scoreAnswer({ answerId: 'b', question, answer: GOOD_ANSWER });
    const controller = new AbortController();
    const waiting = provider.scoreAnswer(
      { answerId: 'c', question, answer: 'another answer about Redis caching' },
      { signal: controller.signal },
    );
    controller.abort(new Error('withdrawn while queued'));
    await expect(waiting).rejects.toThrow('withdrawn while queued');
    expect(scoreValues(await busy)).toEqual([6, 6, 6, 6, 6]);
    expect(fake.requests).toHaveLength(1);
  });
});
