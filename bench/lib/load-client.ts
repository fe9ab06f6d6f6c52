/**
 * The load generator: a child process of its own (so the app under test does not share its event loop with the
 * client), started by ./load.ts with `process.execPath --import tsx`. It talks to the parent over IPC: the parent
 * sends a plan (bodies, unsigned), the client signs each request as Slack would at the moment it sends it, sends
 * them on a fixed schedule (an open loop: a slow answer does not delay the next request) to 127.0.0.1 only, and
 * sends back one sample per request. Counts and durations are the plan's, so a run is bounded.
 */
import { Agent, request } from 'node:http';
import { slackSignature } from '../../test/support/slack-driver.js';
import type { ClientMessage, LoadPlan, LoadRequest, ParentMessage, Sample } from './load.js';

/** Nothing waits longer than this for one answer; a request past it counts as status 0 (no answer). */
const REQUEST_TIMEOUT_MS = 20_000;

function send(agent: Agent, plan: LoadPlan, item: LoadRequest): Promise<Sample> {
  const url = new URL(plan.path, plan.targets[item.target]);
  if (url.hostname !== '127.0.0.1') throw new Error(`the load client only sends to loopback, not ${url.hostname}`);
  const timestamp = Math.floor(Date.now() / 1000);
  const body = Buffer.from(item.body, 'utf8');
  const headers = {
    'content-type': item.contentType,
    'content-length': String(body.length),
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': slackSignature(plan.secret, timestamp, item.body),
  };
  return new Promise((resolve) => {
    const sentAt = performance.timeOrigin + performance.now();
    const started = performance.now();
    const done = (status: number) =>
      resolve({ key: item.key, target: item.target, sentAt, latencyMs: performance.now() - started, status });
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        headers,
        agent,
        timeout: REQUEST_TIMEOUT_MS,
      },
      (res) => {
        res.resume();
        res.on('end', () => done(res.statusCode ?? 0));
        res.on('error', () => done(0));
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', () => done(0));
    req.end(body);
  });
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Sends request i at start + i / rate, whatever happened to the earlier ones; waits for every answer. */
async function run(plan: LoadPlan): Promise<Sample[]> {
  // A fresh pool per plan: a socket the server closed while idle between two plans is never reused.
  const agent = new Agent({ keepAlive: true, maxSockets: Infinity });
  const interval = 1000 / plan.ratePerSecond;
  const pending: Array<Promise<Sample>> = [];
  const start = performance.now() + 5;
  try {
    for (let i = 0; i < plan.requests.length; i++) {
      const due = start + i * interval;
      const wait = due - performance.now();
      if (wait >= 1) await sleep(wait);
      pending.push(send(agent, plan, plan.requests[i] as LoadRequest));
    }
    return await Promise.all(pending);
  } finally {
    agent.destroy();
  }
}

function reply(message: ClientMessage): void {
  process.send?.(message);
}

process.on('message', (raw) => {
  const message = raw as ParentMessage;
  if (message.type === 'exit') {
    process.disconnect?.();
    return;
  }
  run(message.plan).then(
    (samples) => reply({ type: 'result', id: message.id, samples }),
    (error: unknown) =>
      reply({ type: 'error', id: message.id, message: error instanceof Error ? error.message : String(error) }),
  );
});
process.on('disconnect', () => process.exit(0));
reply({ type: 'ready' });
