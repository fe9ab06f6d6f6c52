/** How a recorded decision reads on a card and in replies. */
import type { DecisionKind } from '../../../engine/index.js';
import type { RecordedDecision } from '../store/interviews.js';

export const DECISION_WORDS: Record<DecisionKind, string> = { advance: 'Advance', hold: 'Hold', reject: 'Reject' };

export function decisionLine(decision: RecordedDecision): string {
  const when = decision.at.toISOString().slice(0, 16).replace('T', ' ');
  return `Decision: **${DECISION_WORDS[decision.kind]}**, recorded ${when} UTC. A person decided; Screener only recommended.`;
}
