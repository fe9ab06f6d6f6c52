/**
 * Removes a suite's seeded workspace and everything under it. The delete cascades through the foreign keys; the
 * referencing sides are indexed (Turn.parentTurnId and AnswerMessage.answerId since the index_cascade_keys
 * migration), so even 10,000 seeded interviews go in about a second.
 */
import type { Db } from '../../src/store/prisma.js';

export async function deleteWorkspaceRows(db: Db, workspaceId: string): Promise<void> {
  await db.workspace.delete({ where: { id: workspaceId } });
}
