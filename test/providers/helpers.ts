/** Fixtures and builders shared by the provider tests: a bank question, scripted model replies, a provider on the fake. */
import { ManualClock } from '../../src/shared/clock.js';
import { DIMENSIONS, type BankQuestion, type Dimension } from '../../src/scoring/index.js';
import { createOpenAIProvider, type OpenAIProviderOptions } from '../../src/providers/index.js';
import type { InterviewProvider } from '../../src/providers/types.js';
import { blockIn, type FakeOpenAI, type RecordedRequest } from '../support/fake-openai.js';

export const CACHE_QUESTION: BankQuestion = {
  id: 'be-caching-test-01',
  family: 'backend',
  kind: 'technical',
  levels: ['mid'],
  text: 'How would you add caching to a slow product API, and how would you keep the cache from serving stale data?',
  concepts: [
    { name: 'cache invalidation', synonyms: ['invalidate', 'invalidation', 'evict'] },
    { name: 'time to live', synonyms: ['TTL', 'expiry', 'expire'] },
    { name: 'Redis', synonyms: ['Memcached', 'in-memory store'] },
  ],
  expectedParts: [
    { name: 'where the cache sits', cues: ['Redis', 'in front of', 'layer'] },
    { name: 'how entries expire or are invalidated', cues: ['TTL', 'invalidate', 'expire'] },
    { name: 'the trade-off of staleness', cues: ['stale', 'consistency', 'trade-off'] },
  ],
  followUps: ['Could you also explain {missing}?'],
  referenceAnswer:
    'Put a cache such as Redis in front of the product service and read through it: on a miss, load from the database and store the result with a time to live. Invalidate or update the entry when a product changes, for example from the write path or from change events, so readers do not see stale prices for long. The trade-off is freshness against load: a longer TTL saves more database reads but risks staler data, and a cache stampede on expiry can be avoided with request coalescing or jittered expiry times.',
};

export const BEHAVIORAL_QUESTION: BankQuestion = {
  id: 'bh-conflict-test-01',
  family: 'behavioral',
  kind: 'behavioral',
  levels: ['early_career', 'mid', 'senior'],
  text: 'Tell me about a time you disagreed with a teammate about a technical decision. What did you do?',
  concepts: [
    { name: 'disagreement', synonyms: ['disagreed', 'conflict'] },
    { name: 'resolution', synonyms: ['agreed', 'compromise'] },
  ],
  expectedParts: [
    { name: 'situation', cues: ['when', 'project'] },
    { name: 'task', cues: ['needed', 'goal'] },
    { name: 'action', cues: ['I'] },
    { name: 'result', cues: ['result', 'outcome'] },
  ],
  followUps: ['What was the result?'],
  referenceAnswer:
    'A strong answer describes a concrete project where the candidate and a teammate disagreed about a technical choice, what was at stake, and what the candidate personally did: listened to the other view, gathered data such as a benchmark or a prototype, proposed a way to decide, and kept the relationship working. It ends with the outcome, what the team decided, how it worked out, and what the candidate learned about handling disagreement, ideally with a measurable result such as time saved or incidents avoided.',
};

export const GOOD_ANSWER =
  'I would put Redis in front of the product service and read through it. On a miss the service loads the product from the database and stores it with a TTL of five minutes. When a product is updated, the write path deletes the key so the next read is fresh. The trade-off is freshness against load.';

/** The text of the delimited answer block in a recorded request (what the model was asked to score). */
export function answerIn(request: RecordedRequest): string {
  const answer = blockIn(request, 'ANSWER');
  if (answer === null) throw new Error('the request carries no answer block');
  return answer;
}

export interface ScoreReplyOptions {
  star?: boolean;
  /** The quote used as evidence; by default the first words of the answer. */
  quote?: string;
}

/** A valid score reply for `answer`, every dimension `value` (or per dimension). */
export function scoreReply(
  answer: string,
  value: number | Partial<Record<Dimension, number>>,
  options: ScoreReplyOptions = {},
): Record<string, unknown> {
  const quote = options.quote ?? answer.split(/\s+/).slice(0, 6).join(' ');
  const valueOf = (d: Dimension): number => (typeof value === 'number' ? value : (value[d] ?? 0));
  const dimension = (v: number) => ({
    value: v,
    quotes: v > 0 ? [quote] : [],
    rationale: `Judged from the answer (${v}).`,
  });
  const reply: Record<string, unknown> = Object.fromEntries(DIMENSIONS.map((d) => [d, dimension(valueOf(d))]));
  reply.star = options.star
    ? { situation: true, task: true, action: true, result: false, ...dimension(typeof value === 'number' ? value : 5) }
    : null;
  reply.strengths = ['Names a concrete tool and where it sits.'];
  reply.improvements = ['Could say how to avoid a stampede when entries expire.'];
  return reply;
}

export function providerOn(fake: FakeOpenAI, options: Partial<OpenAIProviderOptions> = {}): InterviewProvider {
  return createOpenAIProvider({
    apiKey: 'sk-test-fake',
    baseURL: fake.baseURL,
    model: 'fake-model',
    timeoutMs: 2_000,
    maxRetries: 0,
    clock: new ManualClock(),
    ...options,
  });
}

export function scoreValues(score: { dimensions: Record<Dimension, { value: number | null }> }): Array<number | null> {
  return DIMENSIONS.map((d) => score.dimensions[d].value);
}
