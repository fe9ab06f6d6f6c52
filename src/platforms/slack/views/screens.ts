/** A recruiter's screens as lines of mrkdwn, shared by `/interview status` and the App Home tab. */
import { decisionWord } from '../cards/card-actions.js';
import { escapeMrkdwn } from '../limits.js';
import type { ScreenSummary } from '../store/interviews.js';

const STATUS_WORDS: Record<string, string> = {
  invited: 'waiting for the candidate to agree',
  consented: 'agreed, starting',
  in_progress: 'in progress',
  paused: 'paused by the candidate',
  completed: 'finished, scoring',
  scoring: 'scoring',
  scored: 'scored, report on its way',
  reported: 'report posted',
  expired: 'expired',
  withdrawn: 'withdrawn by the candidate',
  erased: 'withdrawn and erased',
  declined: 'declined by the candidate',
};

function dateOf(at: Date): string {
  const seconds = Math.floor(at.getTime() / 1000);
  return `<!date^${seconds}^{date_short}|${at.toISOString().slice(0, 10)}>`;
}

export function screenLine(screen: ScreenSummary): string {
  const who = screen.candidateUserId ? `<@${screen.candidateUserId}>` : 'a candidate who erased their data';
  const decided = screen.decision
    ? `, decided: *${decisionWord(screen.decision.kind)}* by <@${screen.decision.deciderId}>`
    : '';
  return `• ${who}, ${escapeMrkdwn(screen.roleTitle)}: ${STATUS_WORDS[screen.status] ?? screen.status}${decided} (started ${dateOf(screen.createdAt)})`;
}
