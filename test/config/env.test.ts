import { describe, expect, it } from 'vitest';
import { formatProblems, parseEnv } from '../../src/config/env.js';
import { spawnTs } from '../support/processes.js';

const SECRET = 'super-secret-value-that-must-not-leak';

function problemsOf(env: Record<string, string>) {
  const result = parseEnv(env);
  if (result.ok) throw new Error('expected invalid configuration');
  return result.problems;
}

describe('configuration', () => {
  it('has defaults that work on a developer machine', () => {
    const result = parseEnv({});
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.env).toMatchObject({
      DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/screener',
      REDIS_URL: 'redis://127.0.0.1:6379',
      PORT: 3000,
      LOG_LEVEL: 'info',
    });
  });

  it('rejects a malformed URL and says what shape it should have', () => {
    const problems = problemsOf({ DATABASE_URL: 'mysql://root@localhost/x' });
    expect(problems).toEqual([{ variable: 'DATABASE_URL', problem: expect.stringContaining('postgresql://') }]);
  });

  it('names the missing variables of a half-set Slack group', () => {
    const problems = problemsOf({ SLACK_CLIENT_ID: '123.456', SLACK_BOT_TOKEN: 'xoxb-1234567890-abc' });
    const variables = problems.map((p) => p.variable).sort();
    expect(variables).toEqual(['SLACK_CLIENT_SECRET', 'SLACK_SIGNING_SECRET', 'SLACK_STATE_SECRET']);
  });

  it('takes the signing secret alone (the URL check of a new app), and needs a bot token or the whole OAuth trio for Socket Mode', () => {
    expect(parseEnv({ SLACK_SIGNING_SECRET: 'abc' }).ok).toBe(true);
    expect(
      problemsOf({ SLACK_SIGNING_SECRET: 'abc', SLACK_APP_TOKEN: 'xapp-1-abcdefghijk' }).map((p) => p.variable),
    ).toEqual(['SLACK_BOT_TOKEN']);
    expect(parseEnv({ SLACK_SIGNING_SECRET: 'abc', SLACK_BOT_TOKEN: 'xoxb-1234567890-abc' }).ok).toBe(true);
    const oauth = {
      SLACK_SIGNING_SECRET: 'abc',
      SLACK_CLIENT_ID: '1.2',
      SLACK_CLIENT_SECRET: 's',
      SLACK_STATE_SECRET: 'x'.repeat(32),
    };
    expect(problemsOf(oauth).map((p) => p.variable)).toEqual(['SLACK_TOKEN_ENCRYPTION_KEY']);
    expect(parseEnv({ ...oauth, SLACK_TOKEN_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64') }).ok).toBe(true);
  });

  it('treats Teams and OpenAI as all-or-nothing groups', () => {
    expect(
      problemsOf({ TEAMS_APP_ID: 'id' })
        .map((p) => p.variable)
        .sort(),
    ).toEqual(['TEAMS_APP_PASSWORD', 'TEAMS_TENANT_ID']);
    expect(problemsOf({ OPENAI_MODEL: 'gpt-4o-mini' }).map((p) => p.variable)).toEqual(['OPENAI_API_KEY']);
    expect(parseEnv({ OPENAI_API_KEY: 'sk-test' }).ok).toBe(true);
  });

  it('lists several problems at once', () => {
    const problems = problemsOf({
      PORT: 'eighty',
      REDIS_URL: 'localhost:6379',
      LOG_LEVEL: 'loud',
      TEAMS_TENANT_ID: 't',
    });
    expect(problems.map((p) => p.variable).sort()).toEqual(['LOG_LEVEL', 'PORT', 'REDIS_URL']);
    // Group checks run once the basic shapes are right; then they too are listed together.
    const grouped = problemsOf({
      TEAMS_TENANT_ID: 't',
      OPENAI_BASE_URL: 'http://127.0.0.1:9/v1',
      SLACK_APP_TOKEN: 'xapp-1-abcdefghijk',
    });
    expect(grouped.map((p) => p.variable).sort()).toEqual([
      'OPENAI_API_KEY',
      'SLACK_BOT_TOKEN',
      'SLACK_SIGNING_SECRET',
      'TEAMS_APP_ID',
      'TEAMS_APP_PASSWORD',
    ]);
  });

  it('never echoes a value back', () => {
    const problems = problemsOf({
      SLACK_BOT_TOKEN: SECRET,
      SLACK_STATE_SECRET: SECRET.slice(0, 10),
      DATABASE_URL: SECRET,
    });
    expect(formatProblems(problems)).not.toContain(SECRET.slice(0, 10));
  });

  it('refuses developer defaults for the database and Redis in production', () => {
    const problems = problemsOf({ NODE_ENV: 'production' });
    expect(problems.map((p) => p.variable).sort()).toEqual(['DATABASE_URL', 'REDIS_URL']);
  });

  it.each([
    ['a missing required variable', { SLACK_BOT_TOKEN: 'xoxb-1234567890-abc' }, ['SLACK_SIGNING_SECRET']],
    ['a malformed URL', { REDIS_URL: 'http://127.0.0.1:6379' }, ['REDIS_URL']],
    [
      'half a Slack group',
      { SLACK_SIGNING_SECRET: 's', SLACK_CLIENT_ID: '1.2' },
      ['SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET'],
    ],
    [
      'several at once',
      { PORT: '-1', DATABASE_URL: 'nope', LOG_LEVEL: 'chatty' },
      ['DATABASE_URL', 'LOG_LEVEL', 'PORT'],
    ],
  ])(
    'a process started with %s exits 78 listing every problem, without a stack trace or secret',
    async (_label, env, variables) => {
      const proc = spawnTs('src/process/server.ts', [], {
        ...env,
        SLACK_CLIENT_SECRET: undefined,
        PORT: 'PORT' in env ? env.PORT : '0',
      });
      const { code } = await proc.exited();
      expect(code).toBe(78);
      const stderr = proc.stderr();
      for (const variable of variables) expect(stderr).toContain(`- ${variable} `);
      expect(stderr.match(/^ {2}- /gm)?.length).toBe(variables.length);
      expect(stderr).not.toMatch(/\n\s+at /);
      for (const value of Object.values(env)) if (value.length > 3) expect(stderr).not.toContain(value);
    },
  );
});
