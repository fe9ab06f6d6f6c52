/** The card as posted and as updated: the report, its decision state and its buttons. */
import type { Report } from '../../../report/schema.js';
import { cardActions, decisionLine, type RecordedDecision } from './card-actions.js';
import { renderReportCard, type SlackMessage } from './report-card.js';

export function cardMessage(report: Report, interviewId: string, decision: RecordedDecision | null): SlackMessage {
  return renderReportCard(report, {
    ...(decision ? { decisionLine: decisionLine(decision) } : {}),
    actions: cardActions(interviewId, decision !== null),
  });
}
