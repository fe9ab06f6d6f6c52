/**
 * A fake Slack Web API: a real HTTP server on 127.0.0.1 that the real @slack/web-api client talks to through its
 * `slackApiUrl` option. It records every call, keeps the messages posted per channel (with their metadata, so
 * look-ups by metadata work as in Slack), and can be told to answer slowly or with 429s.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedCall {
  method: string;
  token: string | null;
  body: Record<string, unknown>;
  at: number;
}

export interface FakeMessage {
  channel: string;
  ts: string;
  text: string;
  blocks: unknown[];
  metadata: { event_type: string; event_payload: Record<string, unknown> } | null;
  thread_ts?: string;
}

type Handler = (body: Record<string, unknown>, fake: FakeSlack) => Record<string, unknown>;

export interface FakeSlack {
  url: string;
  calls: RecordedCall[];
  messages: FakeMessage[];
  callsTo(method: string): RecordedCall[];
  /** Every answer waits this long first (a slow Slack). */
  delayMs: number;
  /** The next N calls to `method` get 429 with Retry-After. */
  rateLimit(method: string, times: number, retryAfterSeconds?: number): void;
  /** Replace or add the answer to one method. */
  on(method: string, handler: Handler): void;
  close(): Promise<void>;
}

function parseBody(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (!raw) return {};
  if (contentType?.includes('application/json')) return JSON.parse(raw) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    // The client sends nested values (blocks, metadata) as JSON strings inside the form.
    out[key] = /^[[{]/.test(value) ? safeJson(value) : value;
  }
  return out;
}

function safeJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (data += chunk));
    req.on('end', () => resolve(data));
    req.on('error', reject);
  });
}

let tsCounter = 0;
function nextTs(): string {
  tsCounter += 1;
  return `${Math.floor(Date.now() / 1000)}.${String(tsCounter).padStart(6, '0')}`;
}

const defaultHandlers: Record<string, Handler> = {
  'auth.test': () => ({ ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T1', team: 'Test' }),
  'chat.postMessage': (body, fake) => {
    const message: FakeMessage = {
      channel: String(body.channel),
      ts: nextTs(),
      text: String(body.text ?? ''),
      blocks: Array.isArray(body.blocks) ? body.blocks : [],
      metadata: (body.metadata as FakeMessage['metadata']) ?? null,
      ...(body.thread_ts ? { thread_ts: String(body.thread_ts) } : {}),
    };
    fake.messages.push(message);
    return { ok: true, channel: message.channel, ts: message.ts, message: { text: message.text, ts: message.ts } };
  },
  'chat.update': (body, fake) => {
    const message = fake.messages.find((m) => m.channel === body.channel && m.ts === body.ts);
    if (!message) return { ok: false, error: 'message_not_found' };
    message.text = String(body.text ?? message.text);
    if (Array.isArray(body.blocks)) message.blocks = body.blocks;
    return { ok: true, channel: message.channel, ts: message.ts };
  },
  'chat.postEphemeral': () => ({ ok: true, message_ts: nextTs() }),
  'conversations.open': (body) => ({ ok: true, channel: { id: `D${String(body.users).replace(/^U/, '')}` } }),
  'conversations.history': (body, fake) => {
    const withMetadata = body.include_all_metadata === true || body.include_all_metadata === 'true';
    const messages = fake.messages
      .filter((m) => m.channel === body.channel && !m.thread_ts)
      .reverse()
      .map((m) => ({ type: 'message', ts: m.ts, text: m.text, ...(withMetadata && m.metadata ? { metadata: m.metadata } : {}) }));
    return { ok: true, messages, has_more: false };
  },
  'users.info': (body) => ({ ok: true, user: { id: body.user, name: 'someone', is_bot: false, tz: 'Europe/London', profile: { display_name: 'Someone' } } }),
  'views.publish': () => ({ ok: true }),
  'views.open': () => ({ ok: true }),
};

export async function startFakeSlack(): Promise<FakeSlack> {
  const handlers = new Map(Object.entries(defaultHandlers));
  const limits = new Map<string, { times: number; retryAfter: number }>();
  const box: { server?: Server } = {};
  const fake: FakeSlack = {
    url: '',
    calls: [],
    messages: [],
    delayMs: 0,
    callsTo: (method) => fake.calls.filter((c) => c.method === method),
    rateLimit: (method, times, retryAfterSeconds = 1) => limits.set(method, { times, retryAfter: retryAfterSeconds }),
    on: (method, handler) => handlers.set(method, handler),
    close: () =>
      new Promise((resolve) => {
        box.server?.closeAllConnections();
        box.server?.close(() => resolve());
      }),
  };
  const server = createServer(async (req, res) => {
    const method = (req.url ?? '').replace(/^\/api\//, '').split('?')[0] ?? '';
    const body = parseBody(await readBody(req), req.headers['content-type']);
    const auth = req.headers.authorization;
    fake.calls.push({ method, token: auth ? auth.replace(/^Bearer /, '') : null, body, at: Date.now() });
    if (fake.delayMs) await new Promise((resolve) => setTimeout(resolve, fake.delayMs));
    const limit = limits.get(method);
    if (limit && limit.times > 0) {
      limit.times -= 1;
      res.writeHead(429, { 'Retry-After': String(limit.retryAfter), 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ ok: false, error: 'ratelimited' }));
      return;
    }
    const handler = handlers.get(method);
    const result = handler ? handler(body, fake) : { ok: false, error: 'unknown_method' };
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(result));
  });
  box.server = server;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/`;
  return fake;
}
