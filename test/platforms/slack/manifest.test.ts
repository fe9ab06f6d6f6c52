/**
 * The manifest asks for exactly what the code uses: the scopes of the Web API methods called under
 * src/platforms/slack, of the events subscribed to and of the slash commands, no more and no fewer.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EVENTS_PATH } from '../../../src/platforms/slack/transport/http-receiver.js';
import { REDIRECT_PATH } from '../../../src/platforms/slack/install/oauth-routes.js';
import { BOT_EVENTS, BOT_SCOPES, SLASH_COMMANDS } from '../../../src/platforms/slack/scopes.js';

const manifest = readFileSync('manifests/slack/manifest.yaml', 'utf8');

/**
 * The values of a block list at a path of keys, e.g. ['oauth_config', 'scopes', 'bot']. Enough YAML for this
 * manifest (nested maps, lists of scalars, lists of maps); the project has no YAML parser and needs none.
 */
function listAt(yaml: string, path: string[], field?: string): string[] {
  const stack: Array<{ indent: number; key: string }> = [];
  const found: string[] = [];
  for (const line of yaml.split('\n')) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    const indent = line.length - line.trimStart().length;
    const text = line.trim();
    while (
      stack.length &&
      stack.at(-1)!.indent >= indent &&
      !(text.startsWith('- ') && stack.at(-1)!.indent === indent)
    )
      stack.pop();
    const keys = stack.map((s) => s.key);
    const item = /^- (?:(\w+): )?(.*)$/.exec(text);
    if (item && keys.join('.') === path.join('.')) {
      if (!field && !item[1]) found.push(item[2]!.trim());
      if (field && item[1] === field) found.push(item[2]!.trim());
      continue;
    }
    const key = /^(?:- )?(\w+):(?:\s|$)/.exec(text);
    if (field && key?.[1] === field && keys.join('.') === path.join('.'))
      found.push(text.slice(text.indexOf(':') + 1).trim());
    if (key && !item) stack.push({ indent, key: key[1]! });
  }
  return found;
}

/** Bot scopes each Web API method needs (api.slack.com/methods). A method missing here fails the test. */
const METHOD_SCOPES: Record<string, string[]> = {
  'auth.test': [],
  'chat.postMessage': ['chat:write'],
  'chat.update': ['chat:write'],
  'chat.getPermalink': [],
  'conversations.open': ['im:write'],
  // Public and private hiring channels alike.
  'conversations.history': ['channels:history', 'groups:history'],
  'users.info': ['users:read'],
  'views.publish': [],
};
const EVENT_SCOPES: Record<string, string[]> = {
  'message.im': ['im:history'],
  app_home_opened: [],
  app_uninstalled: [],
  tokens_revoked: [],
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

function methodsCalled(): string[] {
  const text = sourceFiles('src/platforms/slack')
    .map((f) => readFileSync(f, 'utf8'))
    .join('\n');
  return [
    ...new Set(
      [...text.matchAll(/\.(auth|chat|conversations|users|views|files|reactions|team)\.(\w+)\(/g)].map(
        (m) => `${m[1]}.${m[2]}`,
      ),
    ),
  ].sort();
}

describe('the Slack manifest', () => {
  it('reads the lists it checks', () => {
    expect(listAt(manifest, ['oauth_config', 'scopes', 'bot']).length).toBeGreaterThan(3);
    expect(listAt('a:\n  b:\n    - x\n    - y\n  c:\n    - z\n', ['a', 'b'])).toEqual(['x', 'y']);
  });

  it('asks for exactly the bot scopes the code declares', () => {
    expect(listAt(manifest, ['oauth_config', 'scopes', 'bot']).sort()).toEqual([...BOT_SCOPES].sort());
  });

  it('declares exactly the scopes of the methods called, the events heard and the commands', () => {
    const called = methodsCalled();
    expect(called.length).toBeGreaterThan(5);
    for (const method of called) expect(METHOD_SCOPES, `scopes of ${method}`).toHaveProperty([method]);
    const needed = new Set([
      ...called.flatMap((m) => METHOD_SCOPES[m] ?? []),
      ...BOT_EVENTS.flatMap((e) => EVENT_SCOPES[e] ?? []),
      'commands',
    ]);
    expect([...needed].sort()).toEqual([...BOT_SCOPES].sort());
  });

  it('subscribes to the events and commands the app handles, escaping users and channels', () => {
    expect(listAt(manifest, ['settings', 'event_subscriptions', 'bot_events']).sort()).toEqual([...BOT_EVENTS].sort());
    expect(listAt(manifest, ['features', 'slash_commands'], 'command').sort()).toEqual([...SLASH_COMMANDS].sort());
    expect(listAt(manifest, ['features', 'slash_commands'], 'should_escape')).toEqual(['true', 'true']);
    expect(manifest).toMatch(/home_tab_enabled: true/);
    expect(manifest).toMatch(/messages_tab_enabled: true/);
  });

  it('points every URL at the placeholder host and the paths the server serves', () => {
    const urls = [...manifest.matchAll(/https?:\/\/\S+/g)].map((m) => m[0]);
    expect(urls.length).toBe(5); // two commands, the redirect, events, interactivity
    for (const url of urls) expect(url).toMatch(new RegExp(`^https://YOUR_HOST(${EVENTS_PATH}|${REDIRECT_PATH})$`));
  });
});
