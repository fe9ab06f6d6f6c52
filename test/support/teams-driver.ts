/**
 * Activities as Teams sends them (shapes recorded in test/fixtures/teams), each with a bearer token signed by the
 * local signing keys, posted to the real app's /api/messages.
 */
import { readFileSync } from 'node:fs';
import type { SigningKeys, TokenClaims } from './teams-signing.js';

export interface TeamsPerson {
  id: string;
  name: string;
  aadObjectId: string;
}

export interface Sent {
  status: number;
  body: string;
}

type Json = Record<string, unknown>;

function fill(value: unknown, values: Record<string, string>): unknown {
  if (typeof value === 'string')
    return value.replace(/\{\{(\w+)\}\}/g, (_, key: string) => values[key] ?? `{{${key}}}`);
  if (Array.isArray(value)) return value.map((v) => fill(v, values));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fill(v, values)]));
  return value;
}

export function teamsFixture(name: string, values: Record<string, string>): Json {
  return fill(JSON.parse(readFileSync(`test/fixtures/teams/${name}.json`, 'utf8')), values) as Json;
}

export class TeamsDriver {
  private seq = 0;

  constructor(
    readonly baseUrl: string,
    readonly keys: SigningKeys,
    readonly appId: string,
    readonly tenantId: string,
    readonly serviceUrl: string,
  ) {}

  nextActivityId(): string {
    return `${1_767_600_000_000 + ++this.seq}`;
  }

  private values(person: TeamsPerson, extra: Record<string, string>): Record<string, string> {
    return {
      appId: this.appId,
      tenantId: this.tenantId,
      serviceUrl: this.serviceUrl,
      userId: person.id,
      userName: person.name,
      aadObjectId: person.aadObjectId,
      activityId: this.nextActivityId(),
      ...extra,
    };
  }

  async post(activity: Json, headers: Record<string, string>): Promise<Sent> {
    const res = await fetch(`${this.baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(activity),
    });
    return { status: res.status, body: await res.text() };
  }

  async signed(activity: Json, claims: Partial<TokenClaims> = {}): Promise<Sent> {
    const token = await this.keys.sign({ audience: this.appId, serviceUrl: String(activity.serviceUrl), ...claims });
    return this.post(activity, { authorization: `Bearer ${token}` });
  }

  /** `@Screener <command>` in a channel; `@@name` in the command becomes a mention of that person. */
  commandActivity(person: TeamsPerson, channelId: string, command: string, mentions: TeamsPerson[] = []): Json {
    let text = command;
    for (const m of mentions) text = text.replace(`@@${m.name}`, `<at>${m.name}</at>`);
    const activity = teamsFixture('channel-command', this.values(person, { channelId, command: text }));
    const entities = activity.entities as Json[];
    for (const m of mentions)
      entities.push({ type: 'mention', text: `<at>${m.name}</at>`, mentioned: { id: m.id, name: m.name } });
    return activity;
  }

  command(person: TeamsPerson, channelId: string, command: string, mentions: TeamsPerson[] = []): Promise<Sent> {
    return this.signed(this.commandActivity(person, channelId, command, mentions));
  }

  personalActivity(person: TeamsPerson, conversationId: string, text: string, activityId?: string): Json {
    return teamsFixture(
      'personal-message',
      this.values(person, { conversationId, text, ...(activityId ? { activityId } : {}) }),
    );
  }

  say(person: TeamsPerson, conversationId: string, text: string, activityId?: string): Promise<Sent> {
    return this.signed(this.personalActivity(person, conversationId, text, activityId));
  }

  edit(person: TeamsPerson, conversationId: string, activityId: string, text: string): Promise<Sent> {
    return this.signed(teamsFixture('message-update', this.values(person, { conversationId, text, activityId })));
  }

  decide(
    person: TeamsPerson,
    channelId: string,
    cardActivityId: string,
    interviewId: string,
    decision: string,
  ): Promise<Sent> {
    return this.signed(
      teamsFixture('card-submit', this.values(person, { channelId, cardActivityId, interviewId, decision })),
    );
  }
}
