/**
 * A whole interview with OPENAI_API_KEY set, wired as production wires it (createInterviewing from the env, the
 * BullMQ pipeline, the web platform over HTTP) and the real openai client talking to a fake OpenAI-compatible server
 * through OPENAI_BASE_URL. The questions the candidate reads, the follow-up, the scores and the report's notes are
 * the fake's scripted replies; every request carries its JSON schema, and candidate text travels in delimited blocks.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReportSchema, type Report } from '../../src/report/schema.js';
import {
  asksForStar,
  blockIn,
  reply,
  schemaNameOf,
  startFakeOpenAI,
  wordedQuestion,
  type FakeOpenAI,
  type RecordedRequest,
} from '../support/fake-openai.js';
import { until } from '../support/pipeline.js';
import { sandboxFormPoster, startWebHarness, type WebHarness } from '../support/web-harness.js';
import { linkTokenHash } from '../../src/platforms/web/links.js';
import { scoreReply } from '../providers/helpers.js';

const INTRODUCTION = 'I am a back-end engineer with eight years of Go, and I built two payment services at Acme.';
const FOLLOW_UP_PROMPT = 'You wrote about a slow endpoint: what did you measure before and after the change?';
const OVERVIEW = 'The candidate drew on their own Go services throughout and explained trade-offs in plain terms.';
const USAGE = { prompt: 900, cached: 512, completion: 120 };

let openai: FakeOpenAI;
let web: WebHarness;
const generated: string[] = [];

/** A question built on the profile and the bank question's topic, as a model would write it. */
function writeQuestion(request: RecordedRequest): Record<string, unknown> {
  const question = wordedQuestion(request, 'Thinking of the Go services you built');
  generated.push(question);
  return { question, profileDetail: 'Go' };
}

function script(request: RecordedRequest) {
  switch (schemaNameOf(request)) {
    case 'candidate_profile':
      return reply.json(
        {
          primarySkillArea: 'backend',
          experienceLevel: 'senior',
          skills: ['Go'],
          projectsMentioned: 2,
          evidence: {
            primarySkillArea: 'back-end engineer',
            experienceLevel: 'eight years of Go',
            skills: 'eight years of Go',
            projectsMentioned: 'two payment services',
          },
        },
        USAGE,
      );
    case 'next_question':
      return reply.json(writeQuestion(request), USAGE);
    case 'follow_up': {
      // The first answer gets a follow-up about its own words; the rest need none.
      const answer = blockIn(request, 'ANSWER') ?? '';
      return reply.json(
        answer.startsWith('First answer')
          ? { needed: true, reason: 'clarify', prompt: FOLLOW_UP_PROMPT, refersTo: 'a slow endpoint', missing: [] }
          : { needed: false, reason: null, prompt: null, refersTo: null, missing: [] },
        USAGE,
      );
    }
    case 'answer_score':
      return reply.json(scoreReply(blockIn(request, 'ANSWER') ?? '', 6, { star: asksForStar(request) }), USAGE);
    case 'interview_summary':
      return reply.json(
        {
          overview: OVERVIEW,
          strengths: ['Grounds answers in real services.'],
          concerns: ['Little said about testing.'],
        },
        USAGE,
      );
    default:
      return reply.status(400);
  }
}

beforeAll(async () => {
  openai = await startFakeOpenAI();
  openai.respondWith(script);
  web = await startWebHarness('openai-interview', {
    quietWindowMs: 200,
    env: { OPENAI_API_KEY: 'sk-test-fake', OPENAI_BASE_URL: openai.baseURL, OPENAI_MODEL: 'fake-model' },
  });
}, 60_000);
afterAll(async () => {
  await web.close();
  await openai.close();
});

describe('an interview run by the OpenAI provider', () => {
  it('asks the model’s questions and follow-up, reports the model’s scores and notes, and counts every token', async () => {
    const post = await sandboxFormPoster(web.url);
    const page = await (
      await post('/screens', { candidateName: 'Grace Hopper', skillArea: 'backend', level: 'senior', questions: '3' })
    ).text();
    const token = /\/c\/([A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43})/.exec(page)?.[1] ?? '';
    const { interviewId } = await web.db.candidateLink.findUniqueOrThrow({
      where: { tokenHash: linkTokenHash(token) },
    });
    const screenerSaid = async () =>
      (
        await web.db.webMessage.findMany({
          where: { interviewId, kind: 'said', author: 'screener' },
          orderBy: { seq: 'asc' },
          select: { text: true },
        })
      ).map((m) => m.text);
    let sent = 0;
    const say = async (text: string) => {
      sent += 1;
      await post(`/c/${token}/messages`, { text, clientId: `client-${sent}` });
    };

    await until(
      async () => (await screenerSaid()).some((t) => /reply "yes" or "no"/.test(t)),
      20_000,
      'the consent prompt',
    );
    expect((await screenerSaid())[0]).toContain('language model fake-model');
    await say('yes');
    await until(
      async () => (await screenerSaid()).some((t) => t.includes('Introduction')),
      20_000,
      'the introduction question',
    );
    await say(INTRODUCTION);

    // Answer each question as it arrives, until the closing message.
    const answers = [
      'First answer: I fixed a slow endpoint by adding a Redis read-through cache with a TTL and invalidation on writes.',
      'I measured p99 latency before and after with our tracing: it went from 900 ms to 120 ms.',
      'I would use a queue for slow work such as sending emails, with retries and an idempotency key per job.',
      'When a teammate and I disagreed about a database, I proposed a benchmark; we agreed on Postgres and shipped on time.',
    ];
    const closed = (text: string) => text.startsWith('That was the last question');
    let seen = (await screenerSaid()).length;
    for (const answer of answers) {
      // The next thing Screener says is a question (the model's wording or follow-up) or the close.
      const said = await until(
        async () => {
          const all = await screenerSaid();
          const last = all.at(-1) ?? '';
          return all.length > seen && (last.endsWith('?') || closed(last)) ? all : null;
        },
        20_000,
        'the next question',
      );
      seen = said.length;
      if (closed(said.at(-1) ?? '')) break;
      await say(answer);
    }
    await until(async () => ((await screenerSaid()).some(closed) ? true : null), 20_000, 'the close');

    const report = await until(
      async () => {
        const row = await web.db.report.findUnique({ where: { interviewId } });
        return row ? ReportSchema.parse(row.data) : null;
      },
      30_000,
      'the report',
    );

    // The questions the candidate read are the model's wording, and the follow-up is the model's.
    const turns = await web.db.turn.findMany({ where: { interviewId }, orderBy: { order: 'asc' } });
    const planned = turns.filter((t) => t.kind === 'technical' || t.kind === 'behavioral');
    expect(planned.length).toBe(3);
    for (const turn of planned) expect(generated).toContain(turn.questionText);
    expect(turns.filter((t) => t.kind === 'follow_up').map((t) => t.questionText)).toEqual([FOLLOW_UP_PROMPT]);
    const said = (await screenerSaid()).join('\n');
    for (const turn of planned) expect(said).toContain(turn.questionText);
    expect(said).toContain(FOLLOW_UP_PROMPT);

    expectModelReport(report);
    expectRequestsCarrySchemaAndBlocks(openai.requests);

    // Every model call, whichever job made it, is in the report's token count.
    expect(report.metadata.tokens).toEqual({
      calls: openai.requests.length,
      promptTokens: USAGE.prompt * openai.requests.length,
      cachedPromptTokens: USAGE.cached * openai.requests.length,
      completionTokens: USAGE.completion * openai.requests.length,
    });

    // The hiring channel shows the notes with their author.
    await until(
      async () => ((await (await fetch(`${web.url}/hiring`)).text()).includes(OVERVIEW) ? true : null),
      20_000,
      'the card with the notes',
    );
  }, 120_000);
});

function expectModelReport(report: Report): void {
  expect(report.metadata.interviewer).toBe('Screener (language model fake-model)');
  // The profile the questions were worded from: the model's, with its evidence copied from the introduction.
  expect(report.profile).toMatchObject({
    primarySkillArea: 'backend',
    experienceLevel: 'senior',
    skills: ['Go'],
    projectsMentioned: 2,
  });
  expect(report.profile.evidence.skills).toBe('eight years of Go');
  expect(report.questions).toHaveLength(4);
  for (const q of report.questions) {
    expect(q.status).toBe('scored');
    expect(q.scorer).toMatch(/^OpenAI scorer \(fake-model/);
    expect(Object.values(q.dimensions)).toEqual([6, 6, 6, 6, 6]);
  }
  expect(report.writtenSummary).toEqual({
    author: 'OpenAI interviewer (fake-model)',
    overview: OVERVIEW,
    strengths: ['Grounds answers in real services.'],
    concerns: ['Little said about testing.'],
  });
}

function expectRequestsCarrySchemaAndBlocks(requests: readonly RecordedRequest[]): void {
  const byName = (name: string) => requests.filter((r) => schemaNameOf(r) === name);
  expect(byName('candidate_profile')).toHaveLength(1);
  // Worded with every follow-up decision, in parallel: once more for the question that the follow-up pushed back.
  expect(byName('next_question')).toHaveLength(4);
  expect(byName('follow_up')).toHaveLength(3); // after each question, not after the follow-up
  expect(byName('answer_score')).toHaveLength(4);
  expect(byName('interview_summary')).toHaveLength(1);
  for (const request of requests) {
    expect(request.body.response_format?.type).toBe('json_schema');
    expect(request.body.response_format?.json_schema?.strict).toBe(true);
    expect(request.body.response_format?.json_schema?.schema).toHaveProperty('properties');
    expect(request.body.temperature).toBe(0);
  }
  expect(blockIn(byName('candidate_profile')[0]!, 'INTRODUCTION')).toBe(INTRODUCTION);
  for (const request of [...byName('follow_up'), ...byName('answer_score')])
    expect(blockIn(request, 'ANSWER')).toBeTruthy();
  expect(byName('answer_score').map((r) => blockIn(r, 'ANSWER'))).toContain(
    'I measured p99 latency before and after with our tracing: it went from 900 ms to 120 ms.',
  );
}
