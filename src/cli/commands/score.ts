/**
 * `npm run cli -- score <transcript.json> [--json] [--role <family>]`: scores a transcript offline and prints the
 * report. Answers pass the answer guard inside scoreTranscript, so text addressed to the scorer is flagged, not
 * scored. Bad input exits 2 with one line per problem, each naming the file and the field; nothing else is printed.
 */
import { readFile } from 'node:fs/promises';
import { isAppError } from '../../shared/errors.js';
import { SKILL_AREAS, createOfflineScorer, type SkillArea } from '../../scoring/index.js';
import { parseTranscript, renderJson, renderText, scoreTranscript } from '../../report/index.js';
import type { CliIo } from '../io.js';

export const summary =
  'score <transcript.json> [--json] [--role <family>]: score an interview transcript offline and print the report';

const USAGE = `Usage: npm run cli -- score <transcript.json> [--json] [--role <${SKILL_AREAS.join('|')}>]`;
const EXIT_OK = 0;
const EXIT_FAILURE = 1;
const EXIT_USAGE = 2;

interface ScoreArgs {
  file: string;
  json: boolean;
  roleFamily?: SkillArea;
}

class UsageError extends Error {}

function isSkillArea(value: string): value is SkillArea {
  return (SKILL_AREAS as readonly string[]).includes(value);
}

function parseArgs(args: readonly string[]): ScoreArgs {
  let file: string | undefined;
  let json = false;
  let roleFamily: SkillArea | undefined;
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] ?? '';
    if (arg === '--json') json = true;
    else if (arg === '--role') {
      const value = args[(i += 1)];
      if (value === undefined || !isSkillArea(value)) {
        throw new UsageError(`--role: expected one of ${SKILL_AREAS.join(', ')}, got ${value ?? 'nothing'}`);
      }
      roleFamily = value;
    } else if (arg.startsWith('-')) throw new UsageError(`unknown option ${arg}`);
    else if (file === undefined) file = arg;
    else throw new UsageError(`unexpected argument ${arg}`);
  }
  if (file === undefined) throw new UsageError('missing the transcript file');
  return { file, json, ...(roleFamily ? { roleFamily } : {}) };
}

/** Reads and validates the file; every failure is one message that names the file. */
async function loadTranscript(file: string): Promise<ReturnType<typeof parseTranscript>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(
      `${file}: cannot read the file (${code === 'ENOENT' ? 'no such file' : (code ?? 'unknown error')})`,
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${file}: not valid JSON (${(error as Error).message})`);
  }
  try {
    return parseTranscript(data);
  } catch (error) {
    if (isAppError(error) && error.code === 'invalid_input')
      throw new UsageError(
        error.message
          .split('\n')
          .map((line) => `${file}: ${line}`)
          .join('\n'),
      );
    throw error;
  }
}

export async function run(args: string[], io: CliIo): Promise<number> {
  try {
    if (args.includes('--help') || args.includes('-h')) {
      io.out(USAGE);
      return EXIT_OK;
    }
    const options = parseArgs(args);
    const transcript = await loadTranscript(options.file);
    const report = await scoreTranscript(transcript, { scorer: createOfflineScorer(), roleFamily: options.roleFamily });
    io.out(options.json ? renderJson(report) : renderText(report));
    return EXIT_OK;
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(
        error.message
          .split('\n')
          .map((line) => `score: ${line}`)
          .join('\n'),
      );
      return EXIT_USAGE;
    }
    // Anything else is a bug or a broken installation: say so in one line, without a stack trace.
    io.err(`score: failed: ${error instanceof Error ? error.message : String(error)}`);
    return EXIT_FAILURE;
  }
}
