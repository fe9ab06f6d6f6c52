/**
 * A Teams channel as a report destination.
 *
 * Why a card is posted exactly once: a bot cannot list a channel's messages through the Bot Connector (only Graph
 * can, with extra permissions), so Slack's "look in the history" does not exist here. Instead, the moment the
 * connector returns the new card's activity id, the id is written to PostgreSQL as a `teams.card.posted` audit
 * event naming the interview and the destination, and `findPosted` reads that record. post-report.ts already holds
 * a lock per (report, destination) around find-then-post, and records the post in ReportPost afterwards; this
 * record narrows the one remaining window, a worker killed between the connector's answer and our insert, to the
 * few milliseconds of one INSERT (where a retry would post a second card, whose decision the database would
 * still accept only once).
 *
 * What the card cannot hold (the questions it leaves out, and the full text report) is posted right after it as
 * replies in its thread (`<channel>;messageid=<card>`, as Teams threads channel messages), in the same job run.
 * The same audit record counts them (`followUps: { total, sent }`, updated after each), and since a retry that
 * finds the card never calls `post`, they are never posted twice.
 */
import type { PostedCard, ReportDestination } from '../../../outbound/destination.js';
import type { Report } from '../../../report/schema.js';
import type { Db } from '../../../store/prisma.js';
import { followUpMessages } from '../cards/follow-ups.js';
import { renderTeamsCard, renderTeamsCardParts } from '../cards/report-card.js';
import type { ConversationTarget, TeamsConnector } from '../connector.js';
import { decisionOf } from '../store/interviews.js';

export const CARD_POSTED_ACTION = 'teams.card.posted';

export function teamsDestinationId(tenantId: string, channelId: string): string {
  return `teams:${tenantId}:${channelId}`;
}

/** A reply in the thread a channel message started. */
export function threadOf(target: ConversationTarget, activityId: string): ConversationTarget {
  return {
    ...target,
    conversationId: `${target.conversationId.split(';')[0] ?? target.conversationId};messageid=${activityId}`,
  };
}

/** `teams:<tenant>:<channel>`; channel ids contain colons themselves (19:...@thread.tacv2). */
export function parseTeamsDestinationId(id: string): { tenantId: string; channelId: string } | null {
  const match = /^teams:([^:]+):(.+)$/.exec(id);
  return match?.[1] && match[2] ? { tenantId: match[1], channelId: match[2] } : null;
}

export function teamsReportDestination(
  deps: { db: Db; connector: TeamsConnector },
  target: ConversationTarget,
): ReportDestination {
  const id = teamsDestinationId(target.tenantId, target.conversationId);
  return {
    id,
    async findPosted(reportKey): Promise<PostedCard | null> {
      const record = await deps.db.auditEvent.findFirst({
        where: {
          action: CARD_POSTED_ACTION,
          subject: `interview:${reportKey}`,
          data: { path: ['destination'], equals: id },
        },
        orderBy: { createdAt: 'asc' },
      });
      const activityId = (record?.data as { activityId?: unknown } | undefined)?.activityId;
      return typeof activityId === 'string' ? { messageId: activityId } : null;
    },
    async post(report: Report, reportKey: string): Promise<PostedCard> {
      const card = renderTeamsCardParts(report, reportKey, await decisionOf(deps.db, reportKey));
      const followUps = followUpMessages(report, card.shownQuestions);
      const activityId = await deps.connector.send(target, card.activity);
      const recorded = (sent: number) => ({
        destination: id,
        activityId,
        followUps: { total: followUps.length, sent },
      });
      const record = await deps.db.auditEvent.create({
        data: { actor: 'system', action: CARD_POSTED_ACTION, subject: `interview:${reportKey}`, data: recorded(0) },
      });
      const thread = threadOf(target, activityId);
      for (const [index, message] of followUps.entries()) {
        await deps.connector.send(thread, message);
        await deps.db.auditEvent.update({ where: { id: record.id }, data: { data: recorded(index + 1) } });
      }
      return { messageId: activityId };
    },
    async update(messageId: string, report: Report): Promise<void> {
      const record = await deps.db.auditEvent.findFirst({
        where: { action: CARD_POSTED_ACTION, data: { path: ['activityId'], equals: messageId } },
      });
      const interviewId = record?.subject.replace(/^interview:/, '');
      if (!interviewId) throw new Error(`activity ${messageId} is not a Screener report card in ${id}`);
      await deps.connector.update(
        target,
        messageId,
        renderTeamsCard(report, interviewId, await decisionOf(deps.db, interviewId)),
      );
    },
  };
}
