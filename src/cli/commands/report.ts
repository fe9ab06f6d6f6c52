/** `npm run cli -- report <interviewId> [--json]`: prints an interview's stored report. */
import { loadConfigOrExit } from '../../config/load.js';
import { renderJson } from '../../report/render-json.js';
import { renderText } from '../../report/render-text.js';
import { ReportSchema } from '../../report/schema.js';
import { createPrisma } from '../../store/prisma.js';
import type { CliIo } from '../io.js';

export const summary = 'print the stored report of an interview (text, or JSON with --json)';

const USAGE = 'Usage: npm run cli -- report <interviewId> [--json]';

export async function run(args: string[], io: CliIo): Promise<number> {
  const json = args.includes('--json');
  const rest = args.filter((a) => a !== '--json');
  const [interviewId] = rest;
  if (!interviewId || rest.length > 1 || interviewId.startsWith('-')) {
    io.err(USAGE);
    return 2;
  }
  const env = loadConfigOrExit();
  const db = createPrisma(env.DATABASE_URL);
  try {
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
  } finally {
    await db.$disconnect();
  }
}
