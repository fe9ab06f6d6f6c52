/** The offline provider is a thin adapter: its results are src/scoring's, plus the guard's findings. */
import { describe, expect, it } from 'vitest';
import { createOfflineScorer, decideFollowUp, extractProfile, type AnswerScorer } from '../../src/scoring/index.js';
import { createInterviewProvider, createOfflineProvider } from '../../src/providers/index.js';
import { CACHE_QUESTION, GOOD_ANSWER, scoreValues } from './helpers.js';

const question = { ...CACHE_QUESTION, kind: 'technical' as const };
const role = { title: 'Backend engineer', skillArea: 'backend' as const, level: 'mid' as const };

describe('offline provider', () => {
  const provider = createOfflineProvider();

  it('scores with the rubric scorer and spends no tokens', async () => {
    const score = await provider.scoreAnswer({ answerId: 'a', question, answer: GOOD_ANSWER });
    const direct = await createOfflineScorer().score({ question, answer: GOOD_ANSWER });
    expect(scoreValues(score)).toEqual(scoreValues(direct));
    expect(score.scorerId).toBe(direct.scorerId);
    expect(score.scorerLabel).toBe(createOfflineScorer().label);
    expect(score.usage).toEqual({ calls: 0, promptTokens: 0, cachedPromptTokens: 0, completionTokens: 0 });
    expect(score.injection).toEqual([]);
  });

  it('asks the bank question as is and scores against its rubric', async () => {
    const result = await provider.nextQuestion({
      role,
      profile: null,
      bankQuestion: CACHE_QUESTION,
      askedQuestions: [],
    });
    expect(result).toMatchObject({ text: CACHE_QUESTION.text, origin: 'bank', source: { providerId: 'offline' } });
    expect(result.scoringQuestion.expectedParts).toEqual(CACHE_QUESTION.expectedParts);
  });

  it('reads profiles and decides follow-ups with src/scoring', async () => {
    const intro = 'I am a frontend developer with two years of React and TypeScript.';
    expect((await provider.extractProfile(intro)).profile).toEqual(extractProfile(intro));
    const answer = 'Redis.';
    const result = await provider.decideFollowUp({
      bankQuestion: CACHE_QUESTION,
      askedText: CACHE_QUESTION.text,
      answer,
    });
    expect(result.followUp).toEqual({ ...decideFollowUp(CACHE_QUESTION, answer)!, refersTo: null });
  });

  it('turns a scorer that throws into a failed score with null values', async () => {
    const broken: AnswerScorer = {
      id: 'broken',
      version: '0',
      label: 'Broken',
      score: () => Promise.reject(new Error('disk on fire')),
    };
    const score = await createOfflineProvider({ scorer: broken }).scoreAnswer({
      answerId: 'a',
      question,
      answer: GOOD_ANSWER,
    });
    expect(score.status).toBe('failed');
    expect(scoreValues(score)).toEqual([null, null, null, null, null]);
    expect(score.error).toContain('disk on fire');
  });

  it('honours an aborted signal', async () => {
    await expect(
      provider.summarize({ role, items: [] }, { signal: AbortSignal.abort(new Error('gone')) }),
    ).rejects.toThrow('gone');
  });
});

describe('createInterviewProvider', () => {
  it('picks the offline provider without a key and the OpenAI one with it', () => {
    expect(createInterviewProvider({ env: {} }).id).toBe('offline');
    const openai = createInterviewProvider({
      env: { OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: 'http://127.0.0.1:9/v1', OPENAI_MODEL: 'llama3' },
    });
    expect(openai.id).toBe('openai');
    expect(openai.label).toBe('OpenAI interviewer (llama3)');
  });
});
