/**
 * What does not fit on the report card, as plain-text replies in the card's thread: first the lines of the
 * questions the card had to leave out (when it left any out), then the whole text report from renderText, in parts.
 * Teams has no "Full report" button to open the rest later, so it is posted with the card; each message is kept
 * under the same byte budget as the card, measured on the activity as sent, so any report is posted in full.
 */
import { renderText } from '../../../report/render-text.js';
import type { Report } from '../../../report/schema.js';
import type { OutgoingActivity } from '../connector.js';
import { MAX_TEXT_CHARS } from '../delivery/messenger.js';
import { splitForTeams } from '../text.js';
import { activityBytes, CARD_BYTE_BUDGET, questionLine } from './report-card.js';

/** Room for the heading added after splitting: up to 150 UTF-16 units of title, even all escaped, and "part N of M". */
const HEADING_BYTES = 1_000;

const plainMessage = (text: string): OutgoingActivity => ({ type: 'message', text, textFormat: 'plain' });

/** Pieces of `text` whose message fits the budget with a heading still to come; halves a piece until it does. */
function fittingPieces(text: string, max = MAX_TEXT_CHARS): string[] {
  return splitForTeams(text, max).flatMap((piece) =>
    activityBytes(plainMessage(piece)) + HEADING_BYTES <= CARD_BYTE_BUDGET || piece.length <= 1
      ? [piece]
      : fittingPieces(piece, Math.ceil(piece.length / 2)),
  );
}

function parts(title: string, text: string): OutgoingActivity[] {
  const pieces = fittingPieces(text);
  return pieces.map((piece, i) =>
    plainMessage(`${title}${pieces.length > 1 ? `, part ${i + 1} of ${pieces.length}` : ''}\n\n${piece}`),
  );
}

/** The thread's messages for a card that shows `report.questions.slice(0, shownQuestions)`. */
export function followUpMessages(report: Report, shownQuestions: number): OutgoingActivity[] {
  const left = report.questions.slice(shownQuestions);
  const questions = left.length
    ? parts(
        `Questions not on the card (${left.length} of ${report.questions.length})`,
        left.map((q) => questionLine(q, Infinity, false)).join('\n\n'),
      )
    : [];
  return [...questions, ...parts(`Full screening report: ${report.candidate.name}`.slice(0, 150), renderText(report))];
}
