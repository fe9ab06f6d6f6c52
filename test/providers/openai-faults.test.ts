/**
 * Every fault ends in one of two ways: a correct score from a valid reply, or a failed score that is either shown
 * as missing (null values) or replaced by the offline scorer's own score, labelled as such. Never a constant.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DIMENSIONS } from '../../src/scoring/index.js';
import { createOfflineProvider, type ProviderAnswerScore } from '../../src/providers/index.js';
import { reply, startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai.js';
import { CACHE_QUESTION, GOOD_ANSWER, providerOn, scoreReply, scoreValues } from './helpers.js';

let fake: FakeOpenAI;
beforeEach(async () => (fake = await startFakeOpenAI()));
afterEach(() => fake.close());

const question = { ...CACHE_QUESTION, kind: 'technical' as const };
const input = { answerId: 'ans-7', question, answer: GOOD_ANSWER };

async function offlineScoreOf(answer: string): Promise<ProviderAnswerScore> {
  return createOfflineProvider().scoreAnswer({ answerId: 'x', question, answer });
}

/** The fallback score is the offline scorer's real score of this answer, labelled, with the reason kept. */
async function expectOfflineFallback(score: ProviderAnswerScore, reason: string): Promise<void> {
  const offline = await offlineScoreOf(GOOD_ANSWER);
  expect(score.status).toBe('ok');
  expect(score.scorerId).toBe(offline.scorerId);
  expect(score.scorerLabel).toBe(offline.scorerLabel);
  expect(scoreValues(score)).toEqual(scoreValues(offline));
  expect(score.dimensions.depth.evidence).toBe(offline.dimensions.depth.evidence);
  expect(score.fallbackFrom).toMatchObject({ providerId: 'openai', reason });
}

function lastRetryMessage(): string {
  return fake.requests.at(-1)!.body.messages.at(-1)!.content;
}

describe('transport faults', () => {
  it('retries a 429 after the Retry-After the server asked for, then scores', async () => {
    fake.enqueue(reply.status(429, { 'retry-after': '1' }), reply.json(scoreReply(GOOD_ANSWER, 6)));
    const score = await providerOn(fake, { maxRetries: 2 }).scoreAnswer(input);
    expect(score.status).toBe('ok');
    expect(scoreValues(score)).toEqual([6, 6, 6, 6, 6]);
    expect(fake.requests).toHaveLength(2);
    expect(fake.requests[1]!.headers['x-stainless-retry-count']).toBe('1');
    // The SDK's own first backoff is at most 0.5 s, so a wait of about a second is the header's doing.
    expect(fake.requests[1]!.receivedAt - fake.requests[0]!.receivedAt).toBeGreaterThanOrEqual(950);
  });

  it('retries 500s, then falls back to the offline scorer and labels the score', async () => {
    const failing = reply.status(500, { 'retry-after': '0.01' });
    fake.enqueue(failing, failing, failing);
    const score = await providerOn(fake, { maxRetries: 2 }).scoreAnswer(input);
    expect(fake.requests).toHaveLength(3);
    await expectOfflineFallback(score, 'provider_error');
    expect(score.fallbackFrom?.error).toContain('HTTP 500');
  });

  it('without the fallback, records a failed score whose values are all null', async () => {
    fake.enqueue(reply.status(500, { 'x-should-retry': 'false' }));
    const score = await providerOn(fake, { fallbackScoring: false }).scoreAnswer(input);
    expect(score.status).toBe('failed');
    expect(scoreValues(score)).toEqual([null, null, null, null, null]);
    expect(score.flags).toContain('scoring_failed');
    expect(score.error).toContain('HTTP 500');
    expect(score.scorerId).toBe('openai');
  });

  it('times out a hung connection and falls back', async () => {
    fake.enqueue(reply.hang());
    const started = performance.now();
    const score = await providerOn(fake, { timeoutMs: 300 }).scoreAnswer(input);
    expect(performance.now() - started).toBeLessThan(2_000);
    await expectOfflineFallback(score, 'timeout');
    expect(score.fallbackFrom?.error).toBe('the model call timed out');
  });
});

describe('replies that cannot be used', () => {
  it('retries malformed JSON once, with the problem and the previous reply in the follow-up', async () => {
    fake.enqueue(reply.content('{"technicalAccuracy": {"value": 7,'), reply.json(scoreReply(GOOD_ANSWER, 7)));
    const score = await providerOn(fake).scoreAnswer(input);
    expect(scoreValues(score)).toEqual([7, 7, 7, 7, 7]);
    const retry = fake.requests[1]!.body.messages;
    expect(retry.at(-2)).toEqual({ role: 'assistant', content: '{"technicalAccuracy": {"value": 7,' });
    expect(retry.at(-1)!.content).toContain('the reply was not valid JSON');
    expect(score.usage.calls).toBe(2);
  });

  it('gives up after one retry of malformed JSON and falls back', async () => {
    fake.enqueue(
      reply.content('not json at all'),
      reply.content('still not json'),
      reply.json(scoreReply(GOOD_ANSWER, 9)),
    );
    const score = await providerOn(fake).scoreAnswer(input);
    expect(fake.requests).toHaveLength(2);
    await expectOfflineFallback(score, 'invalid_output');
  });

  it('rejects JSON that does not match the schema (a value above 10, a missing dimension)', async () => {
    const tooHigh = {
      ...scoreReply(GOOD_ANSWER, 7),
      depth: { value: 12, quotes: ['I would put Redis'], rationale: 'x' },
    };
    const { clarity: _dropped, ...missingClarity } = scoreReply(GOOD_ANSWER, 7);
    fake.enqueue(reply.json(tooHigh), reply.json(missingClarity));
    const score = await providerOn(fake, { fallbackScoring: false }).scoreAnswer(input);
    expect(lastRetryMessage()).toContain('depth.value');
    expect(score.status).toBe('failed');
    expect(score.error).toContain('clarity');
    expect(scoreValues(score)).toEqual([null, null, null, null, null]);
  });

  it('retries a refusal once; a second refusal falls back', async () => {
    fake.enqueue(reply.refusal(), reply.refusal());
    const score = await providerOn(fake).scoreAnswer(input);
    expect(fake.requests[1]!.body.messages.at(-2)).toEqual({
      role: 'assistant',
      content: "I'm sorry, I can't help with that.",
    });
    await expectOfflineFallback(score, 'refused');
  });

  it('accepts the reply that follows a refusal', async () => {
    fake.enqueue(reply.refusal(), reply.json(scoreReply(GOOD_ANSWER, 5)));
    const score = await providerOn(fake).scoreAnswer(input);
    expect(score.scorerId).toBe('openai');
    expect(scoreValues(score)).toEqual([5, 5, 5, 5, 5]);
  });

  it('rejects evidence that is not in the answer', async () => {
    const invented = scoreReply(GOOD_ANSWER, 9, { quote: 'I have ten years of Redis experience at scale' });
    fake.enqueue(reply.json(invented), reply.json(invented));
    const score = await providerOn(fake).scoreAnswer(input);
    expect(lastRetryMessage()).toContain('technicalAccuracy: quote 1 is not in the answer');
    await expectOfflineFallback(score, 'invalid_output');
    // The recorded error says what was wrong without repeating the invented quote.
    expect(score.fallbackFrom?.error).not.toContain('ten years');
  });

  it('rejects points without any quote, and accepts quotes retyped with other quote marks and spacing', async () => {
    const unsupported = { ...scoreReply(GOOD_ANSWER, 6), depth: { value: 6, quotes: [], rationale: 'Good depth.' } };
    const retyped = scoreReply(GOOD_ANSWER, 6, { quote: '“the write path  deletes the key…the next read is fresh”' });
    fake.enqueue(reply.json(unsupported), reply.json(retyped));
    const score = await providerOn(fake).scoreAnswer(input);
    expect(fake.requests[1]!.body.messages.at(-1)!.content).toContain(
      'depth: a value above 0 needs at least one quote',
    );
    expect(score.scorerId).toBe('openai');
    expect(scoreValues(score)).toEqual([6, 6, 6, 6, 6]);
  });

  it('never caches a failure: the next request for the same answer asks the model again', async () => {
    fake.enqueue(reply.status(500, { 'x-should-retry': 'false' }), reply.json(scoreReply(GOOD_ANSWER, 4)));
    const provider = providerOn(fake);
    const first = await provider.scoreAnswer(input);
    const second = await provider.scoreAnswer(input);
    expect(first.fallbackFrom?.reason).toBe('provider_error');
    expect(second.scorerId).toBe('openai');
    expect(scoreValues(second)).toEqual([4, 4, 4, 4, 4]);
  });

  it('rounds values to two decimals and keeps zeros without quotes', async () => {
    fake.enqueue(
      reply.json(
        scoreReply(GOOD_ANSWER, {
          technicalAccuracy: 7.333333,
          completeness: 0,
          clarity: 8,
          depth: 0,
          practicality: 6.5,
        }),
      ),
    );
    const score = await providerOn(fake).scoreAnswer(input);
    expect(DIMENSIONS.map((d) => score.dimensions[d].value)).toEqual([7.33, 0, 8, 0, 6.5]);
  });
});
