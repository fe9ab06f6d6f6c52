/**
 * A fake Bot Connector service and Entra token endpoint on 127.0.0.1: the activities' `serviceUrl`. It records
 * every call (token, createConversation, sendToConversation / replyToActivity, updateActivity), accepts only
 * bearer tokens it issued itself, refuses a 1:1 conversation with users who do not have the app, and can be told
 * to fail the next calls with given statuses (429 with Retry-After, 502...).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ConnectorCall {
  method: string;
  path: string;
  body: Record<string, unknown>;
  authorization: string | null;
  status: number;
}

export interface PostedActivity {
  id: string;
  conversationId: string;
  replyToId: string | null;
  text: string;
  attachments: Array<{ contentType: string; content: Record<string, unknown> }>;
  /** Bumped by each updateActivity. */
  updates: number;
  raw: Record<string, unknown>;
}

export interface FakeBotConnector {
  url: string;
  tokenUrl: string;
  calls: ConnectorCall[];
  activities: PostedActivity[];
  /** Users the bot is not installed for: createConversation answers 403. */
  notInstalled: Set<string>;
  /** The next calls matching `path` (a substring) answer with these statuses, in order. */
  failNext(path: string, ...statuses: number[]): void;
  inConversation(conversationId: string): PostedActivity[];
  connectorCalls(): ConnectorCall[];
  close(): Promise<void>;
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return {};
  if ((req.headers['content-type'] ?? '').includes('x-www-form-urlencoded'))
    return Object.fromEntries(new URLSearchParams(text));
  return JSON.parse(text) as Record<string, unknown>;
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): number {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
  return status;
}

/** Channel posts are addressed with the channel id; replies in a thread with `;messageid=`. */
const baseConversation = (id: string) => decodeURIComponent(id).split(';')[0] ?? id;

export async function startFakeBotConnector(): Promise<FakeBotConnector> {
  const calls: ConnectorCall[] = [];
  const activities: PostedActivity[] = [];
  const notInstalled = new Set<string>();
  const failures: Array<{ path: string; status: number }> = [];
  const issued = new Set<string>();
  let seq = 0;

  const route = (req: IncomingMessage, body: Record<string, unknown>, res: ServerResponse): number => {
    const path = req.url ?? '';
    const failure = failures.findIndex((f) => path.includes(f.path));
    if (failure >= 0) {
      const [{ status }] = failures.splice(failure, 1) as [{ path: string; status: number }];
      return send(
        res,
        status,
        { error: { code: 'Injected', message: `injected ${status}` } },
        status === 429 ? { 'retry-after': '0' } : {},
      );
    }
    if (req.method === 'POST' && path === '/token') {
      const token = `fake-access-token-${++seq}`;
      issued.add(token);
      return send(res, 200, { token_type: 'Bearer', expires_in: 3600, access_token: token });
    }
    const bearer = (req.headers.authorization ?? '').replace(/^Bearer /, '');
    if (!issued.has(bearer)) return send(res, 401, { message: 'Authorization has been denied for this request.' });
    return connectorRoute(req.method ?? '', path, body, res);
  };

  const connectorRoute = (method: string, path: string, body: Record<string, unknown>, res: ServerResponse): number => {
    if (method === 'POST' && path === '/v3/conversations') {
      const member = (body.members as Array<{ id: string }> | undefined)?.[0]?.id ?? '';
      if (notInstalled.has(member))
        return send(res, 403, {
          error: { code: 'Forbidden', message: 'The bot is not part of the conversation roster.' },
        });
      return send(res, 201, { id: `a:personal-${member}` });
    }
    const match = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/.exec(path);
    if (!match?.[1]) return send(res, 404, { error: { code: 'NotFound' } });
    const conversationId = baseConversation(match[1]);
    if (method === 'PUT' && match[2]) {
      const existing = activities.find((a) => a.id === decodeURIComponent(match[2] ?? ''));
      if (!existing) return send(res, 404, { error: { code: 'NotFound' } });
      Object.assign(existing, {
        text: String(body.text ?? ''),
        attachments: body.attachments ?? [],
        raw: body,
        updates: existing.updates + 1,
      });
      return send(res, 200, { id: existing.id });
    }
    const id = `1:${++seq}`;
    activities.push({
      id,
      conversationId,
      replyToId: match[2] ? decodeURIComponent(match[2]) : null,
      text: String(body.text ?? ''),
      attachments: (body.attachments as PostedActivity['attachments'] | undefined) ?? [],
      updates: 0,
      raw: body,
    });
    return send(res, 201, { id });
  };

  const server: Server = createServer((req, res) => {
    void readJson(req).then((body) => {
      const status = route(req, body, res);
      calls.push({
        method: req.method ?? '',
        path: req.url ?? '',
        body,
        authorization: req.headers.authorization ?? null,
        status,
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return {
    url,
    tokenUrl: `${url}token`,
    calls,
    activities,
    notInstalled,
    failNext: (path, ...statuses) => failures.push(...statuses.map((status) => ({ path, status }))),
    inConversation: (conversationId) => activities.filter((a) => a.conversationId === conversationId),
    connectorCalls: () => calls.filter((c) => c.path.startsWith('/v3/')),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
