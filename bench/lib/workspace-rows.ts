/**
 * Removes a suite's seeded workspace and everything under it. The cascade from the workspace follows foreign keys
 * with no index on the referencing side (Turn.parentTurnId, AnswerMessage.answerId), so every deleted turn and
 * answer scanned those tables: with 10,000 interviews (40,000 turns) that took over a minute. Indexes made for the
 * delete and dropped after it bring it down to about a second, and leave the schema the suites measure as it was.
 */
import type { Db } from '../../src/store/prisma.js';

const TEMPORARY_INDEXES = [
  ['bench_tmp_turn_parent', 'Turn', 'parentTurnId'],
  ['bench_tmp_answer_message_answer', 'AnswerMessage', 'answerId'],
] as const;

export async function deleteWorkspaceRows(db: Db, workspaceId: string): Promise<void> {
  try {
    for (const [name, table, column] of TEMPORARY_INDEXES) await db.$executeRawUnsafe(`CREATE INDEX IF NOT EXISTS "${name}" ON "${table}" ("${column}")`);
    await db.workspace.delete({ where: { id: workspaceId } });
  } finally {
    for (const [name] of TEMPORARY_INDEXES) await db.$executeRawUnsafe(`DROP INDEX IF EXISTS "${name}"`);
  }
}
