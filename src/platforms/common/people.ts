/** A workspace's recruiters and hiring managers, the same lists on every chat platform. */
import type { Db } from '../../store/prisma.js';

export type PeopleList = 'recruiters' | 'managers';

const LIST_COLUMN = { recruiters: 'recruiterIds', managers: 'hiringManagerIds' } as const;

/** Adds or removes people; returns the list as it is afterwards. Concurrent edits of one list are rare enough
 * (an admin typing commands) that a read-modify-write inside a transaction is plenty. */
export async function changePeople(
  db: Db,
  workspaceId: string,
  list: PeopleList,
  change: { add?: string[]; remove?: string[] },
): Promise<string[]> {
  const column = LIST_COLUMN[list];
  return db.$transaction(async (tx) => {
    const row = await tx.workspace.findUniqueOrThrow({
      where: { id: workspaceId },
      select: { recruiterIds: true, hiringManagerIds: true },
    });
    const next = [...new Set([...row[column], ...(change.add ?? [])])].filter(
      (id) => !(change.remove ?? []).includes(id),
    );
    await tx.workspace.update({ where: { id: workspaceId }, data: { [column]: next } });
    return next;
  });
}
