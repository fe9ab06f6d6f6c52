/**
 * Slack's HTTP deliveries (events, slash commands, interactivity) on the main server's Express app. A receiver
 * in Bolt's sense (init/start/stop), but the server owns the port: `router` is mounted by the caller.
 * Every request is verified before anything reads it; the response goes out at `ack()`, and listeners keep
 * working after it (Bolt's processBeforeResponse stays off), so Slack's 3-second window never waits on us.
 */
import type { IncomingMessage } from 'node:http';
import { parse as parseQuery } from 'node:querystring';
import { type App, HTTPModuleFunctions, HTTPResponseAck, type Receiver } from '@slack/bolt';
import { Router, type Request, type Response } from 'express';
import type { Clock } from '../../../shared/clock.js';
import type { Logger } from '../../../shared/logger.js';
import type { InFlight } from '../../common/in-flight.js';
import { slackLogger } from '../logger.js';
import { verifySignature } from './verify.js';

export const EVENTS_PATH = '/slack/events';
export const IGNORED_WITHOUT_TOKEN =
  'Slack request ignored: set SLACK_BOT_TOKEN (or the OAuth variables) and restart to handle it';
/** Slack's payloads are small; a megabyte leaves room for a long pasted answer and no room for abuse. */
const BODY_LIMIT_BYTES = 1024 * 1024;

export interface HttpReceiverOptions {
  signingSecret: string;
  clock: Clock;
  logger: Logger;
  /** Tracks each delivery from before its response goes out until its listeners are done. */
  inFlight: InFlight;
}

class BodyTooLarge extends Error {}

function readRawBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > BODY_LIMIT_BYTES) {
        reject(new BodyTooLarge());
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return typeof value === 'string' ? value : undefined;
}

/** Commands and interactivity come form-encoded (interactivity as a JSON `payload` field), events as JSON. */
function parseBody(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (contentType?.startsWith('application/x-www-form-urlencoded')) {
    const form = parseQuery(raw);
    return typeof form.payload === 'string'
      ? (JSON.parse(form.payload) as Record<string, unknown>)
      : (form as Record<string, unknown>);
  }
  return JSON.parse(raw) as Record<string, unknown>;
}

export class SlackHttpReceiver implements Receiver {
  readonly router = Router();
  private bolt: App | null = null;
  private readonly sdkLogger;

  constructor(private readonly options: HttpReceiverOptions) {
    this.sdkLogger = slackLogger(options.logger);
    this.router.post(EVENTS_PATH, (req, res) => void this.handle(req, res));
  }

  init(app: App): void {
    this.bolt = app;
  }

  /** The main server listens; there is nothing to start or stop here. */
  start(): Promise<void> {
    return Promise.resolve();
  }

  stop(): Promise<void> {
    return Promise.resolve();
  }

  private async handle(req: Request, res: Response): Promise<void> {
    const log = this.options.logger;
    let raw: string;
    try {
      raw = await readRawBody(req);
    } catch (error) {
      res.status(error instanceof BodyTooLarge ? 413 : 400).end();
      return;
    }
    const verdict = verifySignature({
      signingSecret: this.options.signingSecret,
      rawBody: raw,
      signature: header(req, 'x-slack-signature'),
      timestamp: header(req, 'x-slack-request-timestamp'),
      nowMs: this.options.clock.now().getTime(),
    });
    if (!verdict.ok) {
      log.warn({ reason: verdict.reason }, 'refused a Slack request that failed verification');
      res.status(401).end();
      return;
    }
    let body: Record<string, unknown>;
    try {
      body = parseBody(raw, header(req, 'content-type'));
    } catch {
      res.status(400).end();
      return;
    }
    if (body.ssl_check) return void res.status(200).end();
    if (body.type === 'url_verification') return void res.status(200).json({ challenge: body.challenge });
    if (!this.bolt) {
      // Signing secret only (the app is being set up): acknowledged, so Slack does not retry, and otherwise ignored.
      log.warn(
        { type: typeof body.type === 'string' ? body.type : typeof body.command === 'string' ? 'command' : 'other' },
        IGNORED_WITHOUT_TOKEN,
      );
      return void res.status(200).end();
    }
    await this.options.inFlight.run(() => this.dispatch(req, res, body));
  }

  private async dispatch(req: Request, res: Response, body: Record<string, unknown>): Promise<void> {
    const ack = new HTTPResponseAck({
      logger: this.sdkLogger,
      processBeforeResponse: false,
      httpRequest: req,
      httpRequestBody: body,
      httpResponse: res,
    });
    try {
      await this.bolt?.processEvent({
        body,
        ack: ack.bind(),
        retryNum: HTTPModuleFunctions.extractRetryNumFromHTTPRequest(req),
        retryReason: HTTPModuleFunctions.extractRetryReasonFromHTTPRequest(req),
        customProperties: {},
      });
    } catch (error) {
      this.options.logger.error({ err: error }, 'a Slack request failed');
      if (!res.headersSent) res.status(500).end();
    }
  }
}
