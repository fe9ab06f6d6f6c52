/**
 * Requests as Slack sends them: signed with the signing secret (v0 HMAC over `v0:timestamp:body`), slash commands
 * and interactivity form-encoded, events as JSON. The timestamp comes from the test's clock, like the app's check.
 */
import { createHmac } from 'node:crypto';
import type { Clock } from '../../src/shared/clock.js';

export interface SentRequest {
  status: number;
  body: string;
  /** How long the HTTP round trip took, in milliseconds. */
  elapsedMs: number;
}

export function slackSignature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export class SlackDriver {
  private eventSeq = 0;

  constructor(
    readonly baseUrl: string,
    private readonly secret: string,
    private readonly clock: Clock,
    readonly teamId = 'T1',
  ) {}

  /** Sends a body exactly as given, with whatever headers the test wants (forged, stale, missing). */
  async raw(body: string, headers: Record<string, string>): Promise<SentRequest> {
    const started = performance.now();
    const res = await fetch(`${this.baseUrl}/slack/events`, { method: 'POST', headers, body });
    const text = await res.text();
    return { status: res.status, body: text, elapsedMs: performance.now() - started };
  }

  signedHeaders(body: string, contentType: string, extra: Record<string, string> = {}): Record<string, string> {
    const timestamp = Math.floor(this.clock.now().getTime() / 1000);
    return {
      'content-type': contentType,
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': slackSignature(this.secret, timestamp, body),
      ...extra,
    };
  }

  send(body: string, contentType: string, extra: Record<string, string> = {}): Promise<SentRequest> {
    return this.raw(body, this.signedHeaders(body, contentType, extra));
  }

  commandBody(command: string, userId: string, text: string, responseUrl: string): string {
    return new URLSearchParams({
      token: 'legacy-verification-token',
      team_id: this.teamId,
      team_domain: 'test',
      channel_id: 'CGENERAL',
      channel_name: 'general',
      user_id: userId,
      user_name: userId.toLowerCase(),
      command,
      text,
      api_app_id: 'AFAKE',
      is_enterprise_install: 'false',
      response_url: responseUrl,
      trigger_id: `trigger.${++this.eventSeq}`,
    }).toString();
  }

  command(command: string, userId: string, text: string, responseUrl: string): Promise<SentRequest> {
    return this.send(this.commandBody(command, userId, text, responseUrl), 'application/x-www-form-urlencoded');
  }

  eventBody(event: Record<string, unknown>, eventId = `Ev${String(++this.eventSeq).padStart(6, '0')}`): string {
    return JSON.stringify({
      token: 'legacy-verification-token',
      team_id: this.teamId,
      api_app_id: 'AFAKE',
      event,
      type: 'event_callback',
      event_id: eventId,
      event_time: Math.floor(this.clock.now().getTime() / 1000),
      authorizations: [{ team_id: this.teamId, user_id: 'UBOT', is_bot: true, is_enterprise_install: false }],
      is_ext_shared_channel: false,
    });
  }

  event(event: Record<string, unknown>, options: { eventId?: string; retryNum?: number } = {}): Promise<SentRequest> {
    const retry: Record<string, string> =
      options.retryNum === undefined
        ? {}
        : { 'x-slack-retry-num': String(options.retryNum), 'x-slack-retry-reason': 'http_timeout' };
    return this.send(this.eventBody(event, options.eventId), 'application/json', retry);
  }

  /** A button click on a message, as Slack's block_actions payload. */
  click(input: {
    userId: string;
    actionId: string;
    value: string;
    channelId: string;
    messageTs: string;
    responseUrl: string;
  }): Promise<SentRequest> {
    const actionTs = `${Math.floor(this.clock.now().getTime() / 1000)}.${String(++this.eventSeq).padStart(6, '0')}`;
    const payload = {
      type: 'block_actions',
      user: { id: input.userId, username: input.userId.toLowerCase(), team_id: this.teamId },
      api_app_id: 'AFAKE',
      token: 'legacy-verification-token',
      container: { type: 'message', message_ts: input.messageTs, channel_id: input.channelId, is_ephemeral: false },
      trigger_id: `trigger.${this.eventSeq}`,
      team: { id: this.teamId, domain: 'test' },
      channel: { id: input.channelId, name: 'hiring' },
      message: { type: 'message', ts: input.messageTs, text: 'card' },
      response_url: input.responseUrl,
      actions: [
        {
          type: 'button',
          action_id: input.actionId,
          block_id: 'screener_card_actions',
          value: input.value,
          action_ts: actionTs,
          text: { type: 'plain_text', text: 'x' },
        },
      ],
    };
    return this.send(
      new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
      'application/x-www-form-urlencoded',
    );
  }
}

/** A candidate's message in their DM with the bot, as a message.im event. */
export function dmMessage(fields: {
  channel: string;
  user: string;
  text: string;
  ts: string;
  threadTs?: string;
  extra?: Record<string, unknown>;
}): Record<string, unknown> {
  return {
    type: 'message',
    channel: fields.channel,
    channel_type: 'im',
    user: fields.user,
    text: fields.text,
    ts: fields.ts,
    event_ts: fields.ts,
    ...(fields.threadTs ? { thread_ts: fields.threadTs } : {}),
    ...fields.extra,
  };
}
