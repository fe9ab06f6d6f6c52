/**
 * Questions, follow-ups, profiles and summaries the model writes are checked; what fails the checks twice is
 * replaced by the offline provider's result (the bank question, the template follow-up, the rule-based profile,
 * the summary from the scores), labelled as a stand-in.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { extractProfile, type Profile } from '../../src/scoring/index.js';
import { createOfflineProvider } from '../../src/providers/index.js';
import { reply, startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai.js';
import { CACHE_QUESTION, GOOD_ANSWER, providerOn, scoreReply } from './helpers.js';

let fake: FakeOpenAI;
beforeEach(async () => (fake = await startFakeOpenAI()));
afterEach(() => fake.close());

const role = { title: 'Backend engineer', skillArea: 'backend' as const, level: 'mid' as const };
const intro = 'I am a backend engineer with four years of experience, mostly Go, PostgreSQL and Redis.';
const asked = ['How would you add caching to a slow product API, and how would you keep the cache fresh?'];

function questionInput(askedQuestions: string[] = []) {
  return { role, profile: extractProfile(intro), bankQuestion: CACHE_QUESTION, askedQuestions };
}

describe('written questions', () => {
  it.each([
    [
      'does not end as a question',
      'Describe how you would add a Redis cache to the product API.',
      'must end with a question mark',
    ],
    ['is too short', 'Redis TTL?', 'must be 25 to 320 characters'],
    ['is too long', `How would you use Redis ${'and caching '.repeat(40)}here?`, 'must be 25 to 320 characters'],
    [
      'leaves the topic',
      'How do you usually organise your week when you work on several projects at once?',
      'must stay on the topic',
    ],
    [
      'repeats an earlier question',
      'How would you add caching to a slow product API and keep the cache fresh?',
      'repeats one already asked',
    ],
  ])('falls back to the bank question when the written one %s', async (_case, written, problem) => {
    fake.enqueue(
      reply.json({ question: written, profileDetail: null }),
      reply.json({ question: written, profileDetail: null }),
    );
    const result = await providerOn(fake).nextQuestion(questionInput(asked));
    expect(fake.requests).toHaveLength(2);
    expect(fake.requests[1]!.body.messages.at(-1)!.content).toContain(problem);
    expect(result).toMatchObject({ text: CACHE_QUESTION.text, origin: 'bank' });
    expect(result.source).toMatchObject({
      providerId: 'offline',
      fallbackFrom: { providerId: 'openai', reason: 'invalid_output' },
    });
    expect(result.usage.calls).toBe(2);
  });

  it('rejects a profile detail the candidate never gave', async () => {
    const written = 'With your Kubernetes background, how would you add a Redis cache in front of the product API?';
    fake.enqueue(
      reply.json({ question: written, profileDetail: 'Kubernetes' }),
      reply.json({ question: written, profileDetail: 'Kubernetes' }),
    );
    const result = await providerOn(fake).nextQuestion(questionInput());
    expect(fake.requests[1]!.body.messages.at(-1)!.content).toContain(
      'profileDetail must be copied from the profile block',
    );
    expect(result.origin).toBe('bank');
  });

  it('accepts the corrected question after one retry', async () => {
    const good =
      'With PostgreSQL behind it, how would you put Redis in front of a slow product API and invalidate entries on writes?';
    fake.enqueue(
      reply.json({ question: 'Tell me about Redis.', profileDetail: null }),
      reply.json({ question: good, profileDetail: 'PostgreSQL' }),
    );
    const result = await providerOn(fake).nextQuestion(questionInput(asked));
    expect(result).toMatchObject({ text: good, origin: 'generated' });
    expect(result.source.fallbackFrom).toBeUndefined();
  });
});

describe('follow-ups', () => {
  const answer = 'I would use Redis. It makes things faster.';
  const followUpInput = { bankQuestion: CACHE_QUESTION, askedText: CACHE_QUESTION.text, answer };

  it('falls back to the offline follow-up when the model refers to words the candidate did not write', async () => {
    const invented = {
      needed: true,
      reason: 'clarify',
      prompt: 'You mentioned Memcached clusters: why those?',
      refersTo: 'Memcached clusters',
      missing: [],
    };
    fake.enqueue(reply.json(invented), reply.json(invented));
    const result = await providerOn(fake).decideFollowUp(followUpInput);
    const offline = await createOfflineProvider().decideFollowUp(followUpInput);
    expect(fake.requests[1]!.body.messages.at(-1)!.content).toContain('refersTo must be words copied from the answer');
    expect(result.followUp).toEqual(offline.followUp);
    expect(result.followUp).not.toBeNull();
    expect(result.source).toMatchObject({ providerId: 'offline', fallbackFrom: { reason: 'invalid_output' } });
  });

  it('falls back to an offline follow-up in another wording when the model repeats one already asked', async () => {
    const earlier = 'You mentioned "I would use Redis". What does it make faster, and how do you keep it fresh?';
    const repeat = { needed: true, reason: 'clarify', prompt: earlier, refersTo: 'I would use Redis', missing: [] };
    fake.enqueue(reply.json(repeat), reply.json(repeat));
    const result = await providerOn(fake).decideFollowUp({
      ...followUpInput,
      askedQuestions: [CACHE_QUESTION.text, earlier],
    });
    expect(fake.requests[1]!.body.messages.at(-1)!.content).toContain('repeats a question already asked');
    expect(result.source.providerId).toBe('offline');
    expect(result.followUp?.prompt).not.toBe(earlier);
    expect(answer).toContain(result.followUp?.refersTo);
  });

  it('rejects missing parts that are not expected parts of the question', async () => {
    const wrong = {
      needed: true,
      reason: 'missing_parts',
      prompt: 'How would you shard the database?',
      refersTo: 'I would use Redis',
      missing: ['sharding'],
    };
    fake.enqueue(reply.json(wrong), reply.json(wrong));
    const result = await providerOn(fake).decideFollowUp(followUpInput);
    expect(fake.requests[1]!.body.messages.at(-1)!.content).toContain('missing may only name the expected parts');
    expect(result.source.providerId).toBe('offline');
  });

  it('takes the model at its word when no follow-up is needed', async () => {
    fake.enqueue(reply.json({ needed: false, reason: null, prompt: null, refersTo: null, missing: [] }));
    const result = await providerOn(fake).decideFollowUp({ ...followUpInput, answer: GOOD_ANSWER });
    expect(result.followUp).toBeNull();
    expect(result.source.providerId).toBe('openai');
  });
});

describe('profiles', () => {
  it('falls back to the rule-based profile when the model names a skill the introduction does not', async () => {
    const invented: Profile = {
      ...extractProfile(intro),
      skills: ['Go', 'Kubernetes'],
      evidence: {
        primarySkillArea: 'backend engineer',
        experienceLevel: 'four years of experience',
        skills: 'Go, PostgreSQL and Redis',
        projectsMentioned: null,
      },
    };
    fake.enqueue(reply.json(invented), reply.json(invented));
    const result = await providerOn(fake).extractProfile(intro);
    expect(fake.requests[1]!.body.messages.at(-1)!.content).toContain('skills 2 are not named in the introduction');
    expect(result.profile).toEqual(extractProfile(intro));
    expect(result.source.fallbackFrom?.reason).toBe('invalid_output');
  });

  it('rejects a level claimed without evidence from the introduction', async () => {
    const unsupported: Profile = {
      primarySkillArea: null,
      experienceLevel: 'senior',
      skills: [],
      projectsMentioned: 0,
      evidence: { primarySkillArea: null, experienceLevel: null, skills: null, projectsMentioned: null },
    };
    fake.enqueue(reply.json(unsupported), reply.json(unsupported));
    await providerOn(fake).extractProfile(intro);
    expect(fake.requests[1]!.body.messages.at(-1)!.content).toContain('evidence.experienceLevel is required');
  });
});

describe('summaries', () => {
  it('falls back to the summary from the scores when the model states scores', async () => {
    fake.enqueue(reply.json(scoreReply(GOOD_ANSWER, 7)));
    const provider = providerOn(fake);
    const score = await provider.scoreAnswer({
      answerId: 'a',
      question: { ...CACHE_QUESTION, kind: 'technical' },
      answer: GOOD_ANSWER,
    });
    const stated = { overview: 'The candidate scored 7/10 on caching.', strengths: [], concerns: [] };
    fake.enqueue(reply.json(stated), reply.json(stated));
    const input = { role, items: [{ question: { ...CACHE_QUESTION, kind: 'technical' as const }, score }] };
    const result = await provider.summarize(input);
    expect(fake.requests.at(-1)!.body.messages.at(-1)!.content).toContain('must not state scores');
    expect(result.summary).toEqual((await createOfflineProvider().summarize(input)).summary);
    expect(result.summary.overview).toContain('1 of 1 answers for the Backend engineer role were scored.');
    expect(result.summary.overview).not.toMatch(/\d\s*\/\s*10/);
    expect(result.source.fallbackFrom?.reason).toBe('invalid_output');
  });
});
