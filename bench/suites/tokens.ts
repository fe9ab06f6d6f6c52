/**
 * Tokens (issue item 5): a full 8-question interview run the way the worker runs it (createInterviewing with an
 * OpenAI key, the engine's advice jobs, scoring, the report's notes) against a fake OpenAI-compatible server that
 * counts tokens with a real tokenizer (o200k, the GPT-4o family's encoding). Then the same answers are scored again.
 *
 * - tokens per interview: everything the model read and wrote, against the baseline of the interview's own text
 *   (introduction, questions and answers, tokenized once): what no design could send less of;
 * - cacheable prefix: for each request, the longest token prefix it shares with an earlier request of the run, which
 *   is what a provider's prompt cache can serve; OpenAI only caches prefixes of 1,024 tokens or more, so the share
 *   it would actually serve is reported beside it;
 * - re-scoring: new tokens when the same answers are scored again (the PostgreSQL score cache should make it 0).
 */
import { encode } from 'gpt-tokenizer';
import { pino } from 'pino';
import { createInterviewing } from '../../src/process/interviewing.js';
import { scoreAnswer } from '../../src/background/jobs/score-answer.js';
import { LocalSession } from '../../src/background/local-session.js';
import { ReportSchema } from '../../src/report/schema.js';
import { systemClock } from '../../src/shared/clock.js';
import { ensureWorkspace } from '../../src/store/interviews.js';
import { createPrisma } from '../../src/store/prisma.js';
import { createRole, ensureDefaultRoles } from '../../src/store/roles.js';
import {
  asksForStar,
  blockIn,
  reply,
  schemaNameOf,
  startFakeOpenAI,
  wordedQuestion,
  type RecordedRequest,
} from '../../test/support/fake-openai.js';
import { result, type BenchContext, type BenchResult, type BenchSuite } from '../lib/result.js';

const TARGET_TOKENS = 12_000;
const OPENAI_MIN_CACHED_PREFIX = 1_024;
const OPENAI_CACHE_STEP = 128;

const INTRODUCTION =
  'I am a back-end engineer with seven years of experience. I build services in Go and TypeScript on PostgreSQL and Redis, ' +
  'and I led the rewrite of our payments API and built an internal job scheduler used by four teams.';

/** Answers of the length candidates give in chat: a few sentences, some technical detail. */
const ANSWERS = [
  'I would start by measuring where the time goes with tracing, then add a read-through cache in Redis with a short TTL for the hot reads, and invalidate on writes. If the database is still the bottleneck I would add a read replica and move reporting queries there.',
  'In our payments API we used idempotency keys stored with a unique index, so a retried request returns the first result instead of charging twice. The key expires after a day, and the response is stored with it.',
  'I would put slow work like emails and PDF generation on a queue, with retries and exponential backoff, and make each job idempotent. A dead-letter queue keeps failures visible, and we alert when it grows.',
  'For a slow query I read the plan with EXPLAIN ANALYZE, look for sequential scans on large tables and missing indexes, then check whether the index is selective enough. Sometimes rewriting a correlated subquery as a join is the real fix.',
  'I prefer stateless tokens for service-to-service calls, with short expiry and rotation, and server-side sessions for the browser so we can revoke them. The trade-off is revocation against the cost of a session lookup.',
  'We had a memory leak in a Go service: the heap grew by a few megabytes an hour. I took heap profiles an hour apart, compared them, and found a map of per-request contexts that was never cleaned up. A TTL sweep fixed it.',
  'When a teammate and I disagreed about using Kafka for a small workload, I suggested we write down the requirements and run a one-day spike. The numbers showed a Postgres-backed queue was enough; we shipped two weeks earlier and revisited it a year later.',
  'I mentored a junior engineer who was afraid to touch the billing code. We paired on small changes first, I reviewed with explanations rather than fixes, and after two months she led a migration of the invoice tables on her own.',
];

/**
 * The structured-output schema goes first: OpenAI's prompt-caching guide says the output schema is a prefix of the
 * system message. Role markers separate the messages, as chat formats have them; the exact framing changes counts
 * by a few tokens.
 */
function chatTokens(request: RecordedRequest): number[] {
  const schema = JSON.stringify(request.body.response_format ?? {});
  return encode(`${schema}<|end|>${request.body.messages.map((m) => `<|${m.role}|>${m.content}`).join('<|end|>')}`);
}

/** Calls and mean prompt tokens per kind of call, for the log and the note. */
function breakdown(requests: readonly RecordedRequest[]): string {
  const kinds = new Map<string, number[]>();
  for (const r of requests) {
    const name = schemaNameOf(r) || 'other';
    kinds.set(name, [...(kinds.get(name) ?? []), chatTokens(r).length]);
  }
  return [...kinds]
    .map(([name, sizes]) => `${name} ${sizes.length}x${Math.round(sizes.reduce((a, b) => a + b, 0) / sizes.length)}`)
    .join(', ');
}

function sharedPrefix(a: readonly number[], b: readonly number[]): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a[i] === b[i]) i += 1;
  return i;
}

/** What OpenAI would serve from its prompt cache for a shared prefix of `tokens`: nothing under 1,024, then steps of 128. */
function openAICached(tokens: number): number {
  if (tokens < OPENAI_MIN_CACHED_PREFIX) return 0;
  return (
    OPENAI_MIN_CACHED_PREFIX + Math.floor((tokens - OPENAI_MIN_CACHED_PREFIX) / OPENAI_CACHE_STEP) * OPENAI_CACHE_STEP
  );
}

/** Replies a capable model would give; each passes the provider's checks, so nothing falls back. */
function scripted(request: RecordedRequest): unknown {
  const name = schemaNameOf(request);
  if (name === 'candidate_profile') {
    return {
      primarySkillArea: 'backend',
      experienceLevel: 'senior',
      skills: ['Go', 'TypeScript', 'PostgreSQL', 'Redis'],
      projectsMentioned: 2,
      evidence: {
        primarySkillArea: 'back-end engineer',
        experienceLevel: 'seven years of experience',
        skills: 'Go and TypeScript on PostgreSQL and Redis',
        projectsMentioned: 'the rewrite of our payments API',
      },
    };
  }
  if (name === 'next_question')
    return { question: wordedQuestion(request, 'From your Go and PostgreSQL work'), profileDetail: 'Go' };
  if (name === 'follow_up') return { needed: false, reason: null, prompt: null, refersTo: null, missing: [] };
  if (name === 'answer_score') {
    const quote = (blockIn(request, 'ANSWER') ?? '').split(/\s+/).slice(0, 6).join(' ');
    const dimension = { value: 7, quotes: [quote], rationale: 'Concrete and accurate, with a trade-off named.' };
    const star = asksForStar(request)
      ? { situation: true, task: true, action: true, result: true, ...dimension }
      : null;
    return {
      technicalAccuracy: dimension,
      completeness: dimension,
      clarity: dimension,
      depth: dimension,
      practicality: dimension,
      star,
      strengths: ['Grounds the answer in a real system.'],
      improvements: ['Could quantify the result.'],
    };
  }
  return {
    overview: 'The candidate answered from their own services and named trade-offs throughout.',
    strengths: ['Practical examples.'],
    concerns: ['Little on testing.'],
  };
}

async function run(ctx: BenchContext): Promise<BenchResult[]> {
  const fake = await startFakeOpenAI();
  const seen: number[][] = [];
  let prefixTokens = 0;
  let openAICachedTokens = 0;
  fake.respondWith((request) => {
    const tokens = chatTokens(request);
    const prefix = seen.reduce((best, earlier) => Math.max(best, sharedPrefix(tokens, earlier)), 0);
    seen.push(tokens);
    prefixTokens += prefix;
    openAICachedTokens += openAICached(prefix);
    const value = scripted(request);
    return reply.json(value, {
      prompt: tokens.length,
      cached: openAICached(prefix),
      completion: encode(JSON.stringify(value)).length,
    });
  });
  const db = createPrisma(ctx.databaseUrl);
  const workspace = await ensureWorkspace(db, { platform: 'web', externalId: 'bench-tokens', name: 'Bench tokens' });
  try {
    await ensureDefaultRoles(db, workspace.id);
    await createRole(db, {
      workspaceId: workspace.id,
      slug: 'bench-8',
      title: 'Back-end engineer (senior)',
      skillArea: 'backend',
      level: 'senior',
      questionPlan: { technical: 6, behavioral: 2 },
    });
    const env = { OPENAI_API_KEY: 'sk-bench', OPENAI_BASE_URL: fake.baseURL, OPENAI_MODEL: 'bench-model' };
    const interviewing = createInterviewing({ db, clock: systemClock, logger: pino({ level: 'silent' }), env });
    const session = await LocalSession.create({
      db,
      clock: systemClock,
      roleSlug: 'bench-8',
      workspaceExternalId: 'bench-tokens',
      quietWindowMs: 0,
      wiring: { runner: interviewing.runner, work: interviewing.work },
    });
    await session.start();
    await session.send('yes');
    await session.send(INTRODUCTION);
    const closed = () => session.messenger.messages.some((m) => m.text.startsWith('That was the last question'));
    for (let i = 0; !closed() && i < 20; i += 1) await session.send(ANSWERS[i % ANSWERS.length] ?? '');
    const row = await db.report.findUnique({ where: { interviewId: session.interviewId } });
    if (!row) throw new Error('the interview produced no report');
    const report = ReportSchema.parse(row.data);
    const tokens = report.metadata.tokens;
    if (!tokens) throw new Error('the report counted no tokens');
    const turns = await db.turn.findMany({ where: { interviewId: session.interviewId }, include: { answer: true } });
    const questions = turns.filter((t) => t.kind === 'technical' || t.kind === 'behavioral').length;
    const transcriptTokens = turns.reduce(
      (sum, t) => sum + encode(t.questionText).length + encode(t.answer?.text ?? '').length,
      0,
    );
    ctx.log(
      `${questions} questions, ${turns.length} turns, ${tokens.calls} model calls: ${breakdown(fake.requests)} (calls x mean prompt tokens)`,
    );

    // The same answers scored again: their scores are dropped and the scoring jobs run once more.
    const answerIds = turns.flatMap((t) => (t.answer && t.kind !== 'introduction' ? [t.answer.id] : []));
    const scoringRequests = fake.requests.filter((r) => schemaNameOf(r) === 'answer_score');
    const firstScoringTokens = scoringRequests.reduce((sum, r) => sum + chatTokens(r).length, 0);
    const before = fake.requests.length;
    await db.score.deleteMany({ where: { answerId: { in: answerIds } } });
    for (const answerId of answerIds) await scoreAnswer({ db, clock: systemClock, ...interviewing.work }, { answerId });
    const rescoringTokens = fake.requests.slice(before).reduce((sum, r) => sum + chatTokens(r).length, 0);

    const total = tokens.promptTokens + tokens.completionTokens;
    return [
      result({
        name: 'tokens.per_interview',
        value: total,
        unit: 'tokens',
        baseline: transcriptTokens,
        target: `<= ${TARGET_TOKENS} tokens`,
        met: total <= TARGET_TOKENS && questions === 8,
        note: `${questions} questions, ${tokens.calls} calls: ${tokens.promptTokens} prompt + ${tokens.completionTokens} completion; baseline: the interview's own text`,
      }),
      result({
        name: 'tokens.cacheable_prefix_share',
        value: prefixTokens / tokens.promptTokens,
        unit: 'fraction of prompt',
        baseline: null,
        target: '>= 0.5',
        met: prefixTokens / tokens.promptTokens >= 0.5,
        note: `prompt tokens in a prefix shared with an earlier request; OpenAI (1,024-token minimum) would cache ${(openAICachedTokens / tokens.promptTokens).toFixed(2)} of them`,
      }),
      result({
        name: 'tokens.rescoring',
        value: rescoringTokens,
        unit: 'tokens',
        baseline: firstScoringTokens,
        target: '0 new tokens',
        met: rescoringTokens === 0,
        note: `${answerIds.length} answers scored again; baseline: prompt tokens of their first scoring`,
      }),
    ];
  } finally {
    await db.workspace.delete({ where: { id: workspace.id } });
    await db.$disconnect();
    await fake.close();
  }
}

export const tokensSuite: BenchSuite = {
  name: 'tokens',
  description: 'model tokens of a full 8-question interview, the cacheable prefix, and re-scoring',
  run,
};
