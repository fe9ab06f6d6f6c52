/**
 * `npm run cli -- report <interviewId> [--json | --transcript]`: prints an interview's stored report, or with
 * `--transcript` the interview itself in the transcript format `cli score` reads (bank questions by id), so it can be
 * scored again anywhere.
 */
import { loadConfigOrExit } from '../../config/load.js';
import { exportTranscript } from '../export-transcript.js';
import { renderJson } from '../../report/render-json.js';
import { renderText } from '../../report/render-text.js';
import { ReportSchema } from '../../report/schema.js';
import { systemClock } from '../../shared/clock.js';
import { createPrisma, type Db } from '../../store/prisma.js';
import type { CliIo } from '../io.js';
import { findStoredInterview } from '../stored-interview.js';

export const summary =
  'print the stored report of an interview (text, or JSON with --json), or with --transcript the interview as a transcript for `score`';

const USAGE = 'Usage: npm run cli -- report <interviewId> [--json | --transcript]';
const OPTIONS = new Set(['--json', '--transcript']);

async function printTranscript(io: CliIo, db: Db, interviewId: string): Promise<number> {
  const found = await findStoredInterview(db, interviewId);
  if (!found.ok) {
    io.err(found.message);
    return found.exitCode;
  }
  const transcript = exportTranscript(found.interview, systemClock.now());
  if (transcript.turns.length === 0) {
    io.err(`Interview ${interviewId} has no answered questions yet.`);
    return 1;
  }
  io.out(JSON.stringify(transcript, null, 2));
  return 0;
}

async function printReport(io: CliIo, db: Db, interviewId: string, json: boolean): Promise<number> {
  const row = await db.report.findUnique({ where: { interviewId } });
  if (!row) {
    const exists = (await db.interview.count({ where: { id: interviewId } })) > 0;
    io.err(exists ? `Interview ${interviewId} has no report yet.` : `No interview with id ${interviewId}.`);
    return 2;
  }
  const parsed = ReportSchema.safeParse(row.data);
  if (!parsed.success) {
    io.err(`The stored report of interview ${interviewId} does not match the report format.`);
    return 1;
  }
  io.out(json ? renderJson(parsed.data) : renderText(parsed.data));
  return 0;
}

export async function run(args: string[], io: CliIo): Promise<number> {
  const json = args.includes('--json');
  const transcript = args.includes('--transcript');
  const rest = args.filter((a) => !OPTIONS.has(a));
  const [interviewId] = rest;
  if (!interviewId || rest.length > 1 || interviewId.startsWith('-') || (json && transcript)) {
    io.err(USAGE);
    return 2;
  }
  const env = loadConfigOrExit();
  const db = createPrisma(env.DATABASE_URL);
  try {
    return transcript ? await printTranscript(io, db, interviewId) : await printReport(io, db, interviewId, json);
  } finally {
    await db.$disconnect();
  }
}
