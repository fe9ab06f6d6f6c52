/**
 * A fake OpenAI-compatible server: a real HTTP server on 127.0.0.1 that the real `openai` client talks to through
 * its `baseURL`. It implements POST /v1/chat/completions (the only endpoint the provider calls), records every
 * request body and header, and answers from a script: a queue of replies, then a responder function of the request.
 * Replies can be JSON content, raw (malformed) content, a refusal, an HTTP error status with headers (429 with
 * Retry-After, 500), or no answer at all (a hung connection).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ChatMessage {
  role: string;
  content: string;
}

export interface ChatRequestBody {
  model: string;
  messages: ChatMessage[];
  temperature?: number;
  seed?: number;
  response_format?: {
    type: string;
    json_schema?: { name: string; strict?: boolean; schema: Record<string, unknown> };
  };
}

export interface RecordedRequest {
  path: string;
  body: ChatRequestBody;
  headers: IncomingMessage['headers'];
  /** performance.now() when the request arrived. */
  receivedAt: number;
}

export interface FakeUsage {
  prompt: number;
  cached?: number;
  completion: number;
}

export type FakeReply =
  | { kind: 'json'; value: unknown; usage?: FakeUsage; delayMs?: number }
  | {
      kind: 'content';
      content: string;
      finishReason?: 'stop' | 'length' | 'content_filter';
      usage?: FakeUsage;
      delayMs?: number;
    }
  | { kind: 'refusal'; refusal: string; usage?: FakeUsage }
  | { kind: 'status'; status: number; headers?: Record<string, string>; message?: string }
  | { kind: 'hang' };

export type Responder = (request: RecordedRequest) => FakeReply;

export interface FakeOpenAI {
  /** Pass as the client's baseURL. */
  baseURL: string;
  requests: RecordedRequest[];
  /** The most requests that were open at the same time. */
  maxInFlight: number;
  /** Replies used in order, before the responder. */
  enqueue(...replies: FakeReply[]): void;
  /** Answers every request once the queue is empty. Without one, such a request gets 500 "no scripted reply". */
  respondWith(responder: Responder): void;
  close(): Promise<void>;
}

export const DEFAULT_USAGE: FakeUsage = { prompt: 1200, cached: 1024, completion: 150 };

/** The user message of a request: the part with the question and the candidate's delimited text. */
export function userMessageOf(request: RecordedRequest): string {
  return request.body.messages.find((m) => m.role === 'user')?.content ?? '';
}

/** The name of the JSON schema a request asks for ('answer_score', 'next_question', ...); '' without one. */
export function schemaNameOf(request: RecordedRequest): string {
  return request.body.response_format?.json_schema?.name ?? '';
}

/** The text inside a delimited block (ANSWER, INTRODUCTION, ...) of the user message; null when there is none. */
export function blockIn(request: RecordedRequest, label: string): string | null {
  return (
    new RegExp(`<<<${label} id=[^>]*>>>\\n([\\s\\S]*?)\\n<<<END ${label}>>>`).exec(userMessageOf(request))?.[1] ?? null
  );
}

/** Whether a scoring request is for a behavioral answer: its prompt then asks for the STAR structure. */
export function asksForStar(request: RecordedRequest): boolean {
  return request.body.messages.some((m) => m.content.includes('STAR'));
}

/**
 * A question the way a model words one: `lead` (what it builds on from the profile), one of the key concepts the
 * request names, then the bank question's own text. It passes the provider's checks for a generated question.
 */
export function wordedQuestion(request: RecordedRequest, lead: string): string {
  const user = userMessageOf(request);
  const bank = /Bank question \((?:technical|behavioral)\): (.*)/.exec(user)?.[1] ?? '';
  const concept = /Key concepts: ([^,.]+)/.exec(user)?.[1] ?? '';
  return `${lead}, and on ${concept}: ${bank.replace(/[.?!\s]+$/, '')}?`;
}

export const reply = {
  json: (value: unknown, usage?: FakeUsage): FakeReply => ({ kind: 'json', value, usage }),
  content: (content: string): FakeReply => ({ kind: 'content', content }),
  refusal: (refusal = "I'm sorry, I can't help with that."): FakeReply => ({ kind: 'refusal', refusal }),
  status: (status: number, headers?: Record<string, string>): FakeReply => ({ kind: 'status', status, headers }),
  hang: (): FakeReply => ({ kind: 'hang' }),
};

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (data += chunk));
    req.on('end', () => resolve(data));
    req.on('error', reject);
  });
}

function completion(
  body: ChatRequestBody,
  message: Record<string, unknown>,
  finishReason: string,
  usage: FakeUsage,
): Record<string, unknown> {
  return {
    id: `chatcmpl-fake-${Math.random().toString(36).slice(2, 10)}`,
    object: 'chat.completion',
    created: 1_767_600_000,
    model: body.model,
    choices: [
      {
        index: 0,
        message: { role: 'assistant', refusal: null, ...message },
        finish_reason: finishReason,
        logprobs: null,
      },
    ],
    usage: {
      prompt_tokens: usage.prompt,
      completion_tokens: usage.completion,
      total_tokens: usage.prompt + usage.completion,
      prompt_tokens_details: { cached_tokens: usage.cached ?? 0 },
    },
  };
}

function sendJson(res: ServerResponse, status: number, payload: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', 'x-request-id': 'req_fake', ...headers });
  res.end(JSON.stringify(payload));
}

async function answer(res: ServerResponse, body: ChatRequestBody, scripted: FakeReply): Promise<void> {
  if (scripted.kind === 'hang') return;
  if (scripted.kind === 'status') {
    // x-should-retry is left to the SDK's own rules unless a test sets it in `headers`.
    sendJson(
      res,
      scripted.status,
      { error: { message: scripted.message ?? `fake status ${scripted.status}`, type: 'fake_error' } },
      scripted.headers,
    );
    return;
  }
  if ('delayMs' in scripted && scripted.delayMs) await new Promise((resolve) => setTimeout(resolve, scripted.delayMs));
  const usage = scripted.usage ?? DEFAULT_USAGE;
  if (scripted.kind === 'refusal') {
    sendJson(res, 200, completion(body, { content: null, refusal: scripted.refusal }, 'stop', usage));
  } else if (scripted.kind === 'json') {
    sendJson(res, 200, completion(body, { content: JSON.stringify(scripted.value) }, 'stop', usage));
  } else {
    sendJson(res, 200, completion(body, { content: scripted.content }, scripted.finishReason ?? 'stop', usage));
  }
}

export async function startFakeOpenAI(): Promise<FakeOpenAI> {
  const queue: FakeReply[] = [];
  let responder: Responder | undefined;
  let inFlight = 0;
  const fake: FakeOpenAI = {
    baseURL: '',
    requests: [],
    maxInFlight: 0,
    enqueue: (...replies) => void queue.push(...replies),
    respondWith: (next) => void (responder = next),
    close: () => closeServer(server),
  };

  const server: Server = createServer((req, res) => {
    void (async () => {
      const raw = await readBody(req);
      if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
        sendJson(res, 404, { error: { message: `the fake has no ${req.method} ${req.url}` } });
        return;
      }
      const request: RecordedRequest = {
        path: req.url,
        body: JSON.parse(raw) as ChatRequestBody,
        headers: req.headers,
        receivedAt: performance.now(),
      };
      fake.requests.push(request);
      inFlight++;
      fake.maxInFlight = Math.max(fake.maxInFlight, inFlight);
      res.on('close', () => inFlight--);
      const scripted = queue.shift() ??
        responder?.(request) ?? {
          kind: 'status',
          status: 500,
          headers: { 'x-should-retry': 'false' },
          message: 'no scripted reply',
        };
      await answer(res, request.body, scripted);
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  return fake;
}

function closeServer(server: Server): Promise<void> {
  // Hung requests would keep close() waiting forever.
  server.closeAllConnections();
  return new Promise((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
}
