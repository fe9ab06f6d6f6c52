import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * Candidate answers and names are personal data. Whatever the level, these keys are redacted wherever they
 * appear one or two levels deep in a log record, so a careless `log.info({ answer })` cannot leak them.
 */
export const PERSONAL_DATA_KEYS = [
  'text',
  'answer',
  'answers',
  'displayName',
  'candidateName',
  'name',
  'email',
  'question',
  'transcript',
  'raw',
];

const redactPaths = PERSONAL_DATA_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]);

export function createLogger(options: {
  level: string;
  service: string;
  destination?: pino.DestinationStream;
}): Logger {
  return pino(
    {
      level: options.level,
      base: { service: options.service },
      redact: { paths: redactPaths, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    options.destination,
  );
}
