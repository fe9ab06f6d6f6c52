/**
 * The one definition of Screener's environment. Parsed once at start; every bad variable is reported together,
 * each with the shape it should have, and no value is ever echoed back (many of them are secrets).
 */
import { z } from 'zod';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

function urlWithProtocols(protocols: string[], example: string) {
  const message = `must be a ${protocols.map((p) => `${p}//`).join(' or ')} URL, e.g. ${example}`;
  return z.string({ error: message }).refine((value) => {
    try {
      return protocols.includes(new URL(value).protocol);
    } catch {
      return false;
    }
  }, message);
}

function prefixed(prefix: string, what: string) {
  const message = `must be ${what} starting with "${prefix}"`;
  return z
    .string({ error: message })
    .refine((value) => value.startsWith(prefix) && value.length > prefix.length + 8, message);
}

function nonEmpty(what: string) {
  return z.string({ error: `must be ${what}` }).min(1, `must be ${what}`);
}

/** A whole number of at least `min` (and at most `max`); every way a value can miss gets the same message. */
function wholeNumber(what: string, min: number, max?: number) {
  const message = `must be ${what}`;
  const atLeast = z.coerce.number({ error: message }).int(message).min(min, message);
  return max === undefined ? atLeast : atLeast.max(max, message);
}

/** Each key is an environment variable; README's configuration table lists exactly these (a test keeps them equal). */
export const envSchema = z.object({
  NODE_ENV: z
    .enum(['development', 'test', 'production'], { error: 'must be one of development, test, production' })
    .default('development'),
  DATABASE_URL: urlWithProtocols(['postgresql:', 'postgres:'], 'postgresql://postgres@127.0.0.1:5432/screener').default(
    'postgresql://postgres@127.0.0.1:5432/screener',
  ),
  REDIS_URL: urlWithProtocols(['redis:', 'rediss:'], 'redis://127.0.0.1:6379').default('redis://127.0.0.1:6379'),
  HOST: nonEmpty('a host name or IP address to listen on, e.g. 127.0.0.1 or 0.0.0.0').default('127.0.0.1'),
  PORT: wholeNumber('a port number from 0 to 65535', 0, 65535).default(3000),
  WORKER_PORT: wholeNumber('a port number from 0 to 65535', 0, 65535).default(3001),
  WORKER_CONCURRENCY: wholeNumber('a whole number from 1 to 256', 1, 256).default(8),
  JOB_LOCK_MS: wholeNumber('a whole number of milliseconds, at least 100', 100).default(30_000),
  OUTBOX_LEASE_MS: wholeNumber('a whole number of milliseconds, at least 100', 100).default(300_000),
  RECONCILE_INTERVAL_MS: wholeNumber('a whole number of milliseconds, at least 100', 100).default(60_000),
  POST_INTERVAL_MS: wholeNumber('a whole number of milliseconds (0: no pacing)', 0).default(1_100),
  QUEUE_PREFIX: z
    .string({ error: 'must be letters, digits, - or _ (no colon), e.g. screener' })
    .regex(/^[A-Za-z0-9_-]+$/, 'must be letters, digits, - or _ (no colon), e.g. screener')
    .default('screener'),
  LOG_LEVEL: z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` }).default('info'),
  SHUTDOWN_TIMEOUT_MS: wholeNumber('a whole number of milliseconds, e.g. 10000', 0).default(10_000),

  SLACK_SIGNING_SECRET: nonEmpty("the Slack app's signing secret").optional(),
  SLACK_BOT_TOKEN: prefixed('xoxb-', 'a Slack bot token').optional(),
  SLACK_CLIENT_ID: nonEmpty("the Slack app's client id").optional(),
  SLACK_CLIENT_SECRET: nonEmpty("the Slack app's client secret").optional(),
  SLACK_STATE_SECRET: z
    .string({ error: 'must be a random string of at least 32 characters' })
    .min(32, 'must be a random string of at least 32 characters')
    .optional(),
  SLACK_APP_TOKEN: prefixed('xapp-', 'a Slack app-level token').optional(),
  SLACK_API_URL: urlWithProtocols(['http:', 'https:'], 'https://slack.com/api/').optional(),
  SLACK_TOKEN_ENCRYPTION_KEY: z
    .string({
      error: 'must be 32 random bytes, base64-encoded (44 characters), e.g. the output of `openssl rand -base64 32`',
    })
    .refine(
      (value) => /^[A-Za-z0-9+/]{43}=$/.test(value) && Buffer.from(value, 'base64').length === 32,
      'must be 32 random bytes, base64-encoded (44 characters), e.g. the output of `openssl rand -base64 32`',
    )
    .optional(),

  TEAMS_APP_ID: nonEmpty("the bot's Microsoft app id").optional(),
  TEAMS_APP_PASSWORD: nonEmpty("the bot's client secret").optional(),
  TEAMS_TENANT_ID: nonEmpty('the Microsoft Entra tenant id of the single-tenant bot').optional(),
  TEAMS_ADMIN_IDS: z
    .string({ error: 'must be a comma-separated list of Microsoft Entra object ids' })
    .regex(
      /^[0-9a-fA-F-]{36}(,[0-9a-fA-F-]{36})*$/,
      'must be a comma-separated list of Microsoft Entra object ids (GUIDs), no spaces',
    )
    .optional(),
  TEAMS_ALLOW_UNAUTHENTICATED: z.enum(['true', 'false'], { error: 'must be true or false' }).default('false'),
  TEAMS_OPENID_METADATA_URL: urlWithProtocols(
    ['http:', 'https:'],
    'https://login.botframework.com/v1/.well-known/openidconfiguration',
  ).optional(),
  TEAMS_TOKEN_ISSUER: nonEmpty('the issuer of tokens the channel sends, e.g. https://api.botframework.com').optional(),
  TEAMS_LOGIN_URL: urlWithProtocols(
    ['http:', 'https:'],
    'https://login.microsoftonline.com/<tenant>/oauth2/v2.0/token',
  ).optional(),

  OPENAI_API_KEY: nonEmpty('an API key for OpenAI or an OpenAI-compatible server').optional(),
  OPENAI_BASE_URL: urlWithProtocols(['http:', 'https:'], 'https://api.openai.com/v1').optional(),
  OPENAI_MODEL: nonEmpty('a model name, e.g. gpt-4o-mini').optional(),

  SANDBOX: z.enum(['auto', 'on', 'off'], { error: 'must be one of auto, on, off' }).default('auto'),
  PUBLIC_URL: urlWithProtocols(['http:', 'https:'], 'https://screener.example.com').optional(),
  LINK_SECRET: z
    .string({ error: 'must be a random string of at least 32 characters' })
    .min(32, 'must be a random string of at least 32 characters')
    .optional(),
});

export type Env = z.infer<typeof envSchema>;

export interface ConfigProblem {
  variable: string;
  problem: string;
}

type GroupCheck = (env: Env, raw: Record<string, string>) => ConfigProblem[];

function missing(env: Env, names: Array<keyof Env>): Array<keyof Env> {
  return names.filter((name) => env[name] === undefined);
}

function anySet(env: Env, names: Array<keyof Env>): boolean {
  return names.some((name) => env[name] !== undefined);
}

const SLACK_OAUTH = ['SLACK_CLIENT_ID', 'SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET'] as const;
const SLACK_ALL = [
  'SLACK_SIGNING_SECRET',
  'SLACK_BOT_TOKEN',
  ...SLACK_OAUTH,
  'SLACK_APP_TOKEN',
  'SLACK_API_URL',
  'SLACK_TOKEN_ENCRYPTION_KEY',
] as const;
const TEAMS_ALL = ['TEAMS_APP_ID', 'TEAMS_APP_PASSWORD', 'TEAMS_TENANT_ID'] as const;
const TEAMS_OPTIONAL = [
  'TEAMS_ADMIN_IDS',
  'TEAMS_OPENID_METADATA_URL',
  'TEAMS_TOKEN_ISSUER',
  'TEAMS_LOGIN_URL',
] as const;
const OPENAI_ALL = ['OPENAI_API_KEY', 'OPENAI_BASE_URL', 'OPENAI_MODEL'] as const;

const checkSlack: GroupCheck = (env) => {
  if (!anySet(env, [...SLACK_ALL])) return [];
  const problems: ConfigProblem[] = [];
  if (env.SLACK_SIGNING_SECRET === undefined) {
    problems.push({ variable: 'SLACK_SIGNING_SECRET', problem: 'is required when any SLACK_* variable is set' });
  }
  const oauthMissing = missing(env, [...SLACK_OAUTH]);
  const oauthPartly = oauthMissing.length > 0 && oauthMissing.length < SLACK_OAUTH.length;
  for (const name of oauthPartly ? oauthMissing : []) {
    problems.push({
      variable: name,
      problem: `is required with ${SLACK_OAUTH.filter((n) => !oauthMissing.includes(n)).join(' and ')} (Slack OAuth needs all three)`,
    });
  }
  if (oauthMissing.length === 0 && env.SLACK_TOKEN_ENCRYPTION_KEY === undefined) {
    problems.push({
      variable: 'SLACK_TOKEN_ENCRYPTION_KEY',
      problem: 'is required with Slack OAuth: installation tokens are stored encrypted with it',
    });
  }
  // The signing secret alone is a valid first step (docs/slack-setup.md): the server answers Slack's URL check.
  // Socket Mode has no URL to check, so there it needs a way to talk to Slack from the start.
  if (
    env.SLACK_APP_TOKEN !== undefined &&
    env.SLACK_BOT_TOKEN === undefined &&
    oauthMissing.length === SLACK_OAUTH.length
  ) {
    problems.push({
      variable: 'SLACK_BOT_TOKEN',
      problem: `is required for Slack Socket Mode unless ${SLACK_OAUTH.join(', ')} are all set`,
    });
  }
  return problems;
};

const checkTeams: GroupCheck = (env) =>
  anySet(env, [...TEAMS_ALL, ...TEAMS_OPTIONAL]) || env.TEAMS_ALLOW_UNAUTHENTICATED === 'true'
    ? missing(env, [...TEAMS_ALL]).map((name) => ({
        variable: name,
        problem: `is required when any TEAMS_* variable is set (${TEAMS_ALL.join(', ')})`,
      }))
    : [];

const checkOpenAi: GroupCheck = (env) =>
  anySet(env, [...OPENAI_ALL]) && env.OPENAI_API_KEY === undefined
    ? [{ variable: 'OPENAI_API_KEY', problem: 'is required when OPENAI_BASE_URL or OPENAI_MODEL is set' }]
    : [];

const checkProduction: GroupCheck = (env, raw) => {
  if (env.NODE_ENV !== 'production') return [];
  // Developer defaults must not silently reach production.
  const defaults = (['DATABASE_URL', 'REDIS_URL'] as const)
    .filter((name) => raw[name] === undefined)
    .map((name) => ({ variable: name, problem: 'must be set explicitly when NODE_ENV=production' }));
  // Accepting unsigned Teams activities is for the Bot Framework Emulator on a laptop, never for production.
  const unauthenticated =
    env.TEAMS_ALLOW_UNAUTHENTICATED === 'true'
      ? [{ variable: 'TEAMS_ALLOW_UNAUTHENTICATED', problem: 'must not be true when NODE_ENV=production' }]
      : [];
  return [...defaults, ...unauthenticated];
};

/** The sandbox has no sign-in: it must never run where others can reach it. */
const checkSandbox: GroupCheck = (env) =>
  env.NODE_ENV === 'production' && env.SANDBOX === 'on'
    ? [{ variable: 'SANDBOX', problem: 'must not be on when NODE_ENV=production (the sandbox has no sign-in)' }]
    : [];

const GROUP_CHECKS: GroupCheck[] = [checkSlack, checkTeams, checkOpenAi, checkProduction, checkSandbox];

export type ParseResult = { ok: true; env: Env } | { ok: false; problems: ConfigProblem[] };

/** Empty strings count as unset, so `FOO=` in a .env file or compose file behaves like no FOO at all. */
function withoutEmpty(source: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(source)) if (value !== undefined && value.trim() !== '') out[key] = value;
  return out;
}

export function parseEnv(source: Record<string, string | undefined>): ParseResult {
  const raw = withoutEmpty(source);
  const parsed = envSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => ({
      variable: String(issue.path[0] ?? '(environment)'),
      problem: issue.message,
    }));
    return { ok: false, problems };
  }
  const problems = GROUP_CHECKS.flatMap((check) => check(parsed.data, raw));
  return problems.length ? { ok: false, problems } : { ok: true, env: parsed.data };
}

export function formatProblems(problems: ConfigProblem[]): string {
  const lines = problems.map((p) => `  - ${p.variable} ${p.problem}`);
  return `Screener cannot start: the configuration is invalid.\n${lines.join('\n')}\nSee the configuration table in README.md.`;
}
