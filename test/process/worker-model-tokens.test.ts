/**
 * The worker process itself, configured with an OpenAI key against a fake OpenAI-compatible server: the tokens its
 * model calls spent on an interview show in that interview's report metadata and, summed, on the worker's /metrics.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReportSchema } from '../../src/report/schema.js';
import { createScratchDatabase } from '../support/db.js';
import { asksForStar, reply, schemaNameOf, startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai.js';
import { slackWorkspace } from '../support/interviews.js';
import { until } from '../support/pipeline.js';
import { spawnTs, type Spawned } from '../support/processes.js';
import { deleteKeys, uniquePrefix } from '../support/redis.js';
import { seedFinishedInterview } from '../support/seed.js';
import { answerIn, scoreReply } from '../providers/helpers.js';

const USAGE = { prompt: 700, cached: 256, completion: 90 };
const prefix = uniquePrefix('worker-tokens');
let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
let openai: FakeOpenAI;
let worker: Spawned;

beforeAll(async () => {
  [scratch, openai] = await Promise.all([createScratchDatabase('workertokens'), startFakeOpenAI()]);
  openai.respondWith((request) => {
    if (schemaNameOf(request) === 'interview_summary') {
      return reply.json({ overview: 'Answers stayed practical throughout.', strengths: [], concerns: [] }, USAGE);
    }
    return reply.json(scoreReply(answerIn(request), 6, { star: asksForStar(request) }), USAGE);
  });
  worker = spawnTs('src/process/worker.ts', [], {
    DATABASE_URL: scratch.url,
    QUEUE_PREFIX: prefix,
    WORKER_PORT: '0',
    LOG_LEVEL: 'info',
    OPENAI_API_KEY: 'sk-test-fake',
    OPENAI_BASE_URL: openai.baseURL,
    OPENAI_MODEL: 'fake-model',
  });
}, 60_000);
afterAll(async () => {
  if (worker.child.exitCode === null) worker.child.kill('SIGKILL');
  await openai.close();
  await deleteKeys(prefix);
  await scratch.drop();
});

function counter(metrics: string, kind: string): number {
  const line = new RegExp(`^screener_model_tokens_total\\{kind="${kind}"[^}]*\\} (\\d+)$`, 'm').exec(metrics);
  return Number(line?.[1] ?? 0);
}

describe('model tokens of the worker', () => {
  it('are in the report metadata of the interview and on /metrics', async () => {
    const line = await worker.waitFor(/"msg":"Screener worker started"/);
    const port = (JSON.parse(line) as { port: number }).port;
    const ws = await slackWorkspace(scratch.db, 'TWORKERTOKENS', null);
    const { interviewId } = await seedFinishedInterview(scratch.db, ws.id, 3);
    const report = await until(
      async () => {
        const row = await scratch.db.report.findUnique({ where: { interviewId } });
        return row ? ReportSchema.parse(row.data) : null;
      },
      60_000,
      'the report',
    );

    const calls = openai.requests.length;
    expect(calls).toBe(7); // six answers scored and the notes written
    expect(report.metadata.tokens).toEqual({
      calls,
      promptTokens: USAGE.prompt * calls,
      cachedPromptTokens: USAGE.cached * calls,
      completionTokens: USAGE.completion * calls,
    });
    const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    expect(counter(metrics, 'prompt')).toBe(USAGE.prompt * calls);
    expect(counter(metrics, 'cached_prompt')).toBe(USAGE.cached * calls);
    expect(counter(metrics, 'completion')).toBe(USAGE.completion * calls);
  }, 90_000);
});
