/**
 * A fake Slack Web API: a real HTTP server on 127.0.0.1 that the real @slack/web-api client talks to through its
 * `slackApiUrl` option. It records every call, keeps the messages posted per channel (with their metadata, so
 * look-ups by metadata work as in Slack), answers per token and per user as Slack would, takes response_url
 * posts, checks every Block Kit payload against Slack's limits (refusing what Slack refuses), and can be told to
 * answer slowly, with 429s, or with Slack's `{ ok: false, error }` refusals.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { slackPayloadProblems, type Surface } from './slack-blocks.js';

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
  /** The token that posted it: which workspace's bot. */
  token?: string | null;
}

/** What auth.test says for a token, and what oauth.v2.access hands out for a code. */
export interface FakeBot {
  teamId: string;
  teamName?: string;
  token: string;
  botUserId: string;
  botId: string;
}

export interface FakeUser {
  id: string;
  name?: string;
  real_name?: string;
  tz?: string;
  is_bot?: boolean;
  is_admin?: boolean;
  is_owner?: boolean;
  deleted?: boolean;
}

type Handler = (body: Record<string, unknown>, fake: FakeSlack, token: string | null) => Record<string, unknown>;

export interface FakeSlack {
  url: string;
  calls: RecordedCall[];
  messages: FakeMessage[];
  /** Bodies posted to response_url links (`responseUrl(key)`), in order. */
  responses: Array<{ key: string; body: Record<string, unknown>; at: number }>;
  /** Every limit a payload broke; Slack would have refused those calls (and so does the fake). */
  violations: string[];
  callsTo(method: string): RecordedCall[];
  /** Every answer waits this long first (a slow Slack); `releaseDelays` ends the waits under way. */
  delayMs: number;
  releaseDelays(): void;
  /** The next N calls to `method` get 429 with Retry-After. */
  rateLimit(method: string, times: number, retryAfterSeconds?: number): void;
  /**
   * Calls to `method` (those `when` picks) answer `{ ok: false, error }` as Slack does, `times` times (or always),
   * without taking effect.
   */
  refuse(
    method: string,
    error: string,
    options?: { when?: (body: Record<string, unknown>) => boolean; times?: number },
  ): void;
  /** Replace or add the answer to one method. */
  on(method: string, handler: Handler): void;
  /**
   * Runs after a call has taken effect (the message is stored) and before the answer goes back: a test can kill
   * the caller here, so Slack has the message but the caller never hears so.
   */
  beforeReply: ((method: string, result: Record<string, unknown>) => Promise<void>) | null;
  bots: Map<string, FakeBot>;
  users: Map<string, FakeUser>;
  /** oauth.v2.access codes and the bot each installs. */
  installCodes: Map<string, FakeBot>;
  /** What apps.connections.open hands out (a fake Socket Mode server). */
  socketUrl: string | null;
  responseUrl(key: string): string;
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

const DEFAULT_BOT: FakeBot = { teamId: 'T1', teamName: 'Test', token: 'xoxb-test', botUserId: 'UBOT', botId: 'BBOT' };

/** Methods whose payloads carry Block Kit, and the surface each renders on. */
const BLOCK_SURFACES: Record<string, Surface> = {
  'chat.postMessage': 'message',
  'chat.update': 'message',
  'chat.postEphemeral': 'message',
  respond: 'message',
  'views.publish': 'home',
  'views.open': 'modal',
};

function payloadOf(method: string, body: Record<string, unknown>): { text?: unknown; blocks?: unknown } {
  if (method.startsWith('views.')) return { blocks: (body.view as { blocks?: unknown } | undefined)?.blocks };
  return { text: body.text, blocks: body.blocks };
}

function userInfo(fake: FakeSlack, id: string): Record<string, unknown> {
  const known = fake.users.get(id);
  const user = known ?? { id, name: 'someone', real_name: 'Someone', tz: 'Europe/London' };
  return {
    ok: true,
    user: {
      is_bot: false,
      is_admin: false,
      is_owner: false,
      deleted: false,
      profile: { real_name: user.real_name ?? user.name },
      ...user,
    },
  };
}

function historyOf(fake: FakeSlack, body: Record<string, unknown>): Record<string, unknown> {
  const withMetadata = body.include_all_metadata === true || body.include_all_metadata === 'true';
  const latest = body.latest === undefined ? null : String(body.latest);
  const inclusive = body.inclusive === true || body.inclusive === 'true';
  const limit = body.limit === undefined ? 100 : Number(body.limit);
  const messages = fake.messages
    .filter((m) => m.channel === body.channel && !m.thread_ts)
    .filter((m) => latest === null || Number(m.ts) < Number(latest) || (inclusive && m.ts === latest))
    .reverse()
    .slice(0, limit)
    .map((m) => ({
      type: 'message',
      ts: m.ts,
      text: m.text,
      ...(withMetadata && m.metadata ? { metadata: m.metadata } : {}),
    }));
  return { ok: true, messages, has_more: false };
}

const defaultHandlers: Record<string, Handler> = {
  'auth.test': (_body, fake, token) => {
    const bot = (token && fake.bots.get(token)) || DEFAULT_BOT;
    return {
      ok: true,
      user_id: bot.botUserId,
      bot_id: bot.botId,
      team_id: bot.teamId,
      team: bot.teamName ?? bot.teamId,
    };
  },
  'chat.postMessage': (body, fake, token) => {
    const message: FakeMessage = {
      channel: String(body.channel),
      ts: nextTs(),
      text: String(body.text ?? ''),
      blocks: Array.isArray(body.blocks) ? body.blocks : [],
      metadata: (body.metadata as FakeMessage['metadata']) ?? null,
      ...(body.thread_ts ? { thread_ts: String(body.thread_ts) } : {}),
      token,
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
  'chat.getPermalink': (body) => ({
    ok: true,
    channel: body.channel,
    permalink: `https://fake.slack.test/archives/${String(body.channel)}/p${String(body.message_ts).replace('.', '')}`,
  }),
  'conversations.open': (body) => ({ ok: true, channel: { id: `D${String(body.users).replace(/^[UW]/, '')}` } }),
  'conversations.history': (body, fake) => historyOf(fake, body),
  'users.info': (body, fake) => userInfo(fake, String(body.user)),
  'views.publish': () => ({ ok: true }),
  'views.open': () => ({ ok: true }),
  'apps.connections.open': (_body, fake) =>
    fake.socketUrl ? { ok: true, url: fake.socketUrl } : { ok: false, error: 'no_socket_server' },
  'oauth.v2.access': (body, fake) => {
    const bot = fake.installCodes.get(String(body.code));
    if (!bot) return { ok: false, error: 'invalid_code' };
    return {
      ok: true,
      app_id: 'AFAKE',
      authed_user: { id: 'UINSTALLER' },
      scope: 'chat:write,commands',
      token_type: 'bot',
      access_token: bot.token,
      bot_user_id: bot.botUserId,
      team: { id: bot.teamId, name: bot.teamName ?? bot.teamId },
      enterprise: null,
      is_enterprise_install: false,
    };
  },
};

export async function startFakeSlack(): Promise<FakeSlack> {
  const handlers = new Map(Object.entries(defaultHandlers));
  const limits = new Map<string, { times: number; retryAfter: number }>();
  const refusals: Array<{
    method: string;
    error: string;
    when: (body: Record<string, unknown>) => boolean;
    times: number;
  }> = [];
  const waits = new Set<() => void>();
  const box: { server?: Server; base?: string } = {};
  const fake: FakeSlack = {
    url: '',
    calls: [],
    messages: [],
    responses: [],
    violations: [],
    delayMs: 0,
    beforeReply: null,
    bots: new Map([[DEFAULT_BOT.token, DEFAULT_BOT]]),
    users: new Map(),
    installCodes: new Map(),
    socketUrl: null,
    callsTo: (method) => fake.calls.filter((c) => c.method === method),
    releaseDelays: () => {
      for (const release of waits) release();
      waits.clear();
    },
    rateLimit: (method, times, retryAfterSeconds = 1) => limits.set(method, { times, retryAfter: retryAfterSeconds }),
    refuse: (method, error, options = {}) =>
      void refusals.push({
        method,
        error,
        when: options.when ?? (() => true),
        times: options.times ?? Number.POSITIVE_INFINITY,
      }),
    on: (method, handler) => handlers.set(method, handler),
    responseUrl: (key) => `${box.base ?? ''}/respond/${encodeURIComponent(key)}`,
    close: () =>
      new Promise((resolve) => {
        fake.releaseDelays();
        box.server?.closeAllConnections();
        box.server?.close(() => resolve());
      }),
  };
  const delay = (ms: number) =>
    new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        waits.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      waits.add(done);
    });
  const server = createServer(async (req, res) => {
    const path = (req.url ?? '').split('?')[0] ?? '';
    const isRespond = path.startsWith('/respond/');
    const method = isRespond ? 'respond' : path.replace(/^\/api\//, '');
    const body = parseBody(await readBody(req), req.headers['content-type']);
    const auth = req.headers.authorization;
    const token = auth ? auth.replace(/^Bearer /, '') : typeof body.token === 'string' ? body.token : null;
    fake.calls.push({ method, token, body, at: Date.now() });
    if (fake.delayMs) await delay(fake.delayMs);
    const limit = limits.get(method);
    if (limit && limit.times > 0) {
      limit.times -= 1;
      res.writeHead(429, { 'Retry-After': String(limit.retryAfter), 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ ok: false, error: 'ratelimited' }));
      return;
    }
    const surface = BLOCK_SURFACES[method];
    const problems = surface ? slackPayloadProblems(payloadOf(method, body), surface) : [];
    fake.violations.push(...problems.map((p) => `${method}: ${p}`));
    const refusal = refusals.find((r) => r.method === method && r.times > 0 && r.when(body));
    if (refusal) refusal.times -= 1;
    let result: Record<string, unknown>;
    if (refusal) result = { ok: false, error: refusal.error };
    else if (problems.length) result = { ok: false, error: 'invalid_blocks' };
    else if (isRespond) {
      fake.responses.push({ key: decodeURIComponent(path.slice('/respond/'.length)), body, at: Date.now() });
      result = { ok: true };
    } else {
      const handler = handlers.get(method);
      result = handler ? handler(body, fake, token) : { ok: false, error: 'unknown_method' };
    }
    if (fake.beforeReply) await fake.beforeReply(method, result);
    if (res.destroyed || req.socket.destroyed) return;
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(result));
  });
  box.server = server;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  box.base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.url = `${box.base}/api/`;
  return fake;
}
