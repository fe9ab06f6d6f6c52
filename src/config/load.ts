import { formatProblems, parseEnv, type Env } from './env.js';

/** EX_CONFIG from sysexits.h: the conventional status for "configuration error". */
export const EXIT_CONFIG = 78;

/**
 * Parses the process environment once. On bad configuration it prints every problem (never a value, never a
 * stack trace) and exits 78, before anything connects anywhere.
 */
export function loadConfigOrExit(source: Record<string, string | undefined> = process.env): Env {
  const result = parseEnv(source);
  if (result.ok) return result.env;
  process.stderr.write(`${formatProblems(result.problems)}\n`);
  process.exit(EXIT_CONFIG);
}
