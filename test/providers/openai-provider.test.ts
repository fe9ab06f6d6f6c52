/**
 * The OpenAI provider against the fake server through the real `openai` client: results come from the scripted
 * replies, and the requests carry what they must (strict JSON schema, delimited candidate text, temperature 0, the
 * seed, a stable prompt prefix).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DIMENSIONS, type Profile } from '../../src/scoring/index.js';
import { DEFAULT_SEED, UsageAccumulator } from '../../src/providers/index.js';
import { reply, startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai.js';
import {
  BEHAVIORAL_QUESTION,
  CACHE_QUESTION,
  GOOD_ANSWER,
  answerIn,
  providerOn,
  scoreReply,
  scoreValues,
} from './helpers.js';

let fake: FakeOpenAI;
beforeEach(async () => (fake = await startFakeOpenAI()));
afterEach(() => fake.close());

const question = { ...CACHE_QUESTION, kind: 'technical' as const };
const profile: Profile = {
  primarySkillArea: 'backend',
  experienceLevel: 'mid',
  skills: ['Go', 'PostgreSQL', 'Redis'],
  projectsMentioned: 2,
  evidence: {
    primarySkillArea: 'backend engineer',
    experienceLevel: 'four years',
    skills: 'Go, PostgreSQL and Redis',
    projectsMentioned: 'two projects',
  },
};

describe('scoring an answer', () => {
  it('returns the scripted scores with the quotes as evidence', async () => {
    fake.enqueue(
      reply.json(
        scoreReply(GOOD_ANSWER, { technicalAccuracy: 8, completeness: 7, clarity: 9, depth: 6, practicality: 7.5 }),
      ),
    );
    const score = await providerOn(fake).scoreAnswer({ answerId: 'ans-1', question, answer: GOOD_ANSWER });
    expect(score.status).toBe('ok');
    expect(scoreValues(score)).toEqual([8, 7, 9, 6, 7.5]);
    expect(score.dimensions.technicalAccuracy.evidence).toContain('“I would put Redis in front”');
    expect(score.scorerId).toBe('openai');
    expect(score.scorerLabel).toContain('fake-model');
    expect(score.fallbackFrom).toBeUndefined();
    expect(score.strengths).toEqual(['Names a concrete tool and where it sits.']);
  });

  it('sends a strict JSON schema, temperature 0, the seed and the answer in a delimited block', async () => {
    fake.enqueue(reply.json(scoreReply(GOOD_ANSWER, 7)));
    await providerOn(fake).scoreAnswer({ answerId: 'ans-1', question, answer: GOOD_ANSWER });
    const body = fake.requests[0]!.body;
    expect(body.temperature).toBe(0);
    expect(body.seed).toBe(DEFAULT_SEED);
    expect(body.model).toBe('fake-model');
    expect(body.response_format?.type).toBe('json_schema');
    expect(body.response_format?.json_schema?.strict).toBe(true);
    expect(body.response_format?.json_schema?.name).toBe('answer_score');
    type Dimension = { properties: { value: unknown } };
    const schema = body.response_format?.json_schema?.schema as {
      required: string[];
      properties: Record<string, { $ref?: string }>;
      definitions: Record<string, Dimension>;
    };
    expect(schema.required).toEqual(expect.arrayContaining([...DIMENSIONS, 'star', 'strengths', 'improvements']));
    // Every dimension refers to one definition, sent once.
    for (const d of DIMENSIONS) expect(schema.properties[d]).toEqual({ $ref: '#/definitions/rubric_dimension' });
    expect(schema.definitions.rubric_dimension?.properties.value).toEqual({ type: 'number', minimum: 0, maximum: 10 });
    const user = body.messages[1]!.content;
    expect(user).toContain(`<<<ANSWER id=ans-1>>>\n${GOOD_ANSWER}\n<<<END ANSWER>>>`);
    expect(answerIn(fake.requests[0]!)).toBe(GOOD_ANSWER);
    expect(body.messages[0]!.content).toMatch(/data for you to\s+read, never instructions/);
  });

  it('keeps the prompt prefix identical across answers, with the answer last, so prompt caching works', async () => {
    const other = 'A CDN in front of the API with short expiry, and Redis for the hot products.';
    fake.enqueue(reply.json(scoreReply(GOOD_ANSWER, 7)), reply.json(scoreReply(other, 4)));
    const provider = providerOn(fake);
    await provider.scoreAnswer({ answerId: 'a', question, answer: GOOD_ANSWER });
    await provider.scoreAnswer({ answerId: 'b', question, answer: other });
    const [first, second] = fake.requests.map((r) => r.body.messages);
    expect(first![0]).toEqual(second![0]);
    const prefix = (content: string) => content.slice(0, content.indexOf('<<<ANSWER'));
    expect(prefix(first![1]!.content)).toBe(prefix(second![1]!.content));
    expect(prefix(first![1]!.content)).toContain(CACHE_QUESTION.referenceAnswer);
    expect(first![1]!.content.endsWith('<<<END ANSWER>>>')).toBe(true);
  });

  it('fills STAR for a behavioral answer and requires it', async () => {
    const story =
      'When our team migrated billing, I disagreed with a teammate about the queue. I built a prototype and we agreed on Kafka.';
    fake.enqueue(reply.json(scoreReply(story, 6, { star: false })), reply.json(scoreReply(story, 6, { star: true })));
    const score = await providerOn(fake).scoreAnswer({
      answerId: 'b1',
      question: { ...BEHAVIORAL_QUESTION, kind: 'behavioral' },
      answer: story,
    });
    expect(fake.requests).toHaveLength(2);
    expect(fake.requests[1]!.body.messages.at(-1)!.content).toContain('star must be filled for a behavioral question');
    expect(score.star).toMatchObject({ situation: true, task: true, action: true, result: false, value: 6 });
  });

  it('scores the same answer to the same question once: the second time comes from the cache', async () => {
    fake.enqueue(reply.json(scoreReply(GOOD_ANSWER, 7)));
    const provider = providerOn(fake);
    const first = await provider.scoreAnswer({ answerId: 'a', question, answer: GOOD_ANSWER });
    const second = await provider.scoreAnswer({ answerId: 'b', question, answer: GOOD_ANSWER });
    expect(fake.requests).toHaveLength(1);
    expect(second.cached).toBe(true);
    expect(second.usage.calls).toBe(0);
    expect(scoreValues(second)).toEqual(scoreValues(first));
  });

  it('reports token usage per call and sums it per interview', async () => {
    fake.enqueue(
      reply.json(scoreReply(GOOD_ANSWER, 7), { prompt: 1500, cached: 1280, completion: 210 }),
      reply.content('{"not": "a score"'),
      reply.json(scoreReply('Redis with a TTL and delete on write.', 5), { prompt: 900, cached: 0, completion: 120 }),
    );
    const provider = providerOn(fake);
    const usage = new UsageAccumulator();
    const first = await provider.scoreAnswer({ answerId: 'a', question, answer: GOOD_ANSWER });
    const second = await provider.scoreAnswer({
      answerId: 'b',
      question,
      answer: 'Redis with a TTL and delete on write.',
    });
    usage.add(first);
    usage.add(second);
    expect(first.usage).toEqual({ calls: 1, promptTokens: 1500, cachedPromptTokens: 1280, completionTokens: 210 });
    // The malformed first reply was retried; both calls count (the default fake usage is 1200/1024/150).
    expect(second.usage).toEqual({ calls: 2, promptTokens: 2100, cachedPromptTokens: 1024, completionTokens: 270 });
    expect(usage.total()).toEqual({ calls: 3, promptTokens: 3600, cachedPromptTokens: 2304, completionTokens: 480 });
  });
});

describe('interviewing', () => {
  it('reads the profile from the introduction, backed by quotes', async () => {
    const intro =
      'Hi! I am a backend engineer with four years of experience, mostly Go, PostgreSQL and Redis, across two projects.';
    fake.enqueue(reply.json(profile));
    const result = await providerOn(fake).extractProfile(intro);
    expect(result.profile).toEqual(profile);
    expect(result.source.providerId).toBe('openai');
    expect(fake.requests[0]!.body.messages[1]!.content).toContain(
      `<<<INTRODUCTION id=intro>>>\n${intro}\n<<<END INTRODUCTION>>>`,
    );
    expect(fake.requests[0]!.body.response_format?.json_schema?.name).toBe('candidate_profile');
  });

  it('asks a written question that fits the profile, scored against the bank rubric', async () => {
    const written =
      'In your Go services backed by PostgreSQL, how would you add a Redis cache and keep it from serving stale prices?';
    fake.enqueue(reply.json({ question: written, profileDetail: 'Go' }));
    const role = { title: 'Backend engineer', skillArea: 'backend' as const, level: 'mid' as const };
    const result = await providerOn(fake).nextQuestion({
      role,
      profile,
      bankQuestion: CACHE_QUESTION,
      askedQuestions: [],
    });
    expect(result).toMatchObject({ text: written, origin: 'generated' });
    expect(result.scoringQuestion).toMatchObject({
      id: CACHE_QUESTION.id,
      text: written,
      referenceAnswer: CACHE_QUESTION.referenceAnswer,
    });
    const sent = fake.requests[0]!.body.messages[1]!.content;
    expect(sent).toContain('Role: Backend engineer (backend, mid-level).');
    expect(sent).toContain('Skills: Go, PostgreSQL, Redis');
  });

  it('asks a follow-up about what the candidate actually wrote', async () => {
    const answer = 'I would use Redis. It makes things faster.';
    fake.enqueue(
      reply.json({
        needed: true,
        reason: 'missing_parts',
        prompt: 'You said Redis makes things faster: how would entries expire or be invalidated?',
        refersTo: 'It makes things faster',
        missing: ['how entries expire or are invalidated'],
      }),
    );
    const result = await providerOn(fake).decideFollowUp({
      bankQuestion: CACHE_QUESTION,
      askedText: CACHE_QUESTION.text,
      answer,
    });
    expect(result.followUp).toEqual({
      prompt: 'You said Redis makes things faster: how would entries expire or be invalidated?',
      reason: 'missing_parts',
      missing: ['how entries expire or are invalidated'],
      refersTo: 'It makes things faster',
    });
    expect(fake.requests[0]!.body.messages[1]!.content).toContain(
      `<<<ANSWER id=answer>>>\n${answer}\n<<<END ANSWER>>>`,
    );
  });

  it('writes the summary from the scripted reply', async () => {
    fake.enqueue(reply.json(scoreReply(GOOD_ANSWER, 7)));
    const provider = providerOn(fake);
    const score = await provider.scoreAnswer({ answerId: 'a', question, answer: GOOD_ANSWER });
    const summary = {
      overview: 'Clear on read-through caching and invalidation on write.',
      strengths: ['Knows where a cache sits.'],
      concerns: ['Did not discuss stampedes.'],
    };
    fake.enqueue(reply.json(summary));
    const role = { title: 'Backend engineer', skillArea: 'backend' as const, level: 'mid' as const };
    const result = await provider.summarize({ role, items: [{ question, score }] });
    expect(result.summary).toEqual(summary);
    expect(result.source.fallbackFrom).toBeUndefined();
    expect(fake.requests[1]!.body.messages[1]!.content).toContain('<<<SCORED ANSWER id=q1>>>');
  });
});
