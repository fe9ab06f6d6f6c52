import { describe, expect, it } from 'vitest';
import { SCORING_CHAR_LIMIT, boundForScoring, classifyAnswer } from '../../src/scoring/index.js';

describe('classifyAnswer', () => {
  it.each([
    ['', ['empty']],
    ['   \n  ', ['empty']],
    ['...?!', ['empty']],
    ['👍', ['emoji_only']],
    ['🎉 🙌 🚀', ['emoji_only']],
    ['I do not know.', ['very_short']],
    ['Redis, TTL, cache-aside, invalidation, stampede', ['very_short', 'keyword_list']],
    [
      'props, state, useState, useEffect, context, reducer, memo, lifting state up, re-render, keys, refs, portals, suspense',
      ['keyword_list'],
    ],
  ] as const)('flags %j as %j', (text, flags) => {
    expect(classifyAnswer(text)).toEqual(flags);
  });

  it('does not flag a normal answer, even one that contains a short list', () => {
    const answer =
      'I used Redis, Memcached and a CDN in different projects. Each fits a different job, because the data and the ' +
      'consistency needs were different, so I picked the simplest one that worked.';
    expect(classifyAnswer(answer)).toEqual([]);
  });

  it('treats text with letters and emoji as an answer', () => {
    expect(classifyAnswer('👍 yes')).toEqual(['very_short']);
  });
});

describe('boundForScoring', () => {
  it('leaves answers within the limit untouched', () => {
    const text = 'word '.repeat(100).trim();
    expect(boundForScoring(text)).toEqual({ text, truncated: false });
  });

  it('cuts a 40,000-character answer at a word boundary within the limit, quickly', () => {
    const text = 'alpha beta gamma delta '.repeat(2_000).slice(0, 40_000);
    const started = performance.now();
    const bounded = boundForScoring(text);
    expect(performance.now() - started).toBeLessThan(50);
    expect(bounded.truncated).toBe(true);
    expect(bounded.text.length).toBeLessThanOrEqual(SCORING_CHAR_LIMIT);
    expect(bounded.text.length).toBeGreaterThan(SCORING_CHAR_LIMIT - 400);
    expect(text.startsWith(bounded.text)).toBe(true);
    expect(bounded.text).toMatch(/(alpha|beta|gamma|delta)$/);
    expect(text.charAt(bounded.text.length)).toBe(' ');
  });

  it('cuts a single endless word hard rather than returning nothing', () => {
    const bounded = boundForScoring('x'.repeat(40_000));
    expect(bounded).toEqual({ text: 'x'.repeat(SCORING_CHAR_LIMIT), truncated: true });
  });

  it('never splits an emoji in half', () => {
    const text = `${'a'.repeat(SCORING_CHAR_LIMIT - 1)}😀${'b'.repeat(10)}`;
    const bounded = boundForScoring(text);
    expect(bounded.text).toBe('a'.repeat(SCORING_CHAR_LIMIT - 1));
  });

  it('keeps classification fast on a huge answer', () => {
    const started = performance.now();
    classifyAnswer('lorem ipsum dolor sit amet, '.repeat(1_500));
    expect(performance.now() - started).toBeLessThan(500);
  });
});
