/** The buttons under a report card and what they carry: the interview id, never anything personal. */
import type { DecisionKind } from '../../../engine/index.js';
import { clip } from '../limits.js';
import type { Block } from './report-card.js';

export const DECISION_ACTION_PREFIX = 'screener_decide_';
export const FULL_REPORT_ACTION = 'screener_full_report';
export const CARD_ACTIONS_BLOCK = 'screener_card_actions';

export function decisionActionId(decision: DecisionKind): string {
  return `${DECISION_ACTION_PREFIX}${decision}`;
}

const WORDS: Record<DecisionKind, string> = { advance: 'Advance', hold: 'Hold', reject: 'Reject' };
const STYLES: Partial<Record<DecisionKind, 'primary' | 'danger'>> = { advance: 'primary', reject: 'danger' };

export function decisionWord(decision: DecisionKind): string {
  return WORDS[decision];
}

function decisionButton(decision: DecisionKind, interviewId: string): Block {
  const word = WORDS[decision];
  return {
    type: 'button',
    action_id: decisionActionId(decision),
    text: { type: 'plain_text', text: word },
    value: interviewId,
    ...(STYLES[decision] ? { style: STYLES[decision] } : {}),
    confirm: {
      title: { type: 'plain_text', text: `${word} this candidate?` },
      text: {
        type: 'mrkdwn',
        text: `This records *${word}* as the hiring decision for this screen. It cannot be changed from Slack afterwards.`,
      },
      confirm: { type: 'plain_text', text: word },
      deny: { type: 'plain_text', text: 'Cancel' },
    },
  };
}

/** Decision buttons while undecided; the full-report button always. */
export function cardActions(interviewId: string, decided: boolean): Block {
  const fullReport = {
    type: 'button',
    action_id: FULL_REPORT_ACTION,
    text: { type: 'plain_text', text: 'Full report' },
    value: interviewId,
  };
  const decisions = decided ? [] : (['advance', 'hold', 'reject'] as const).map((d) => decisionButton(d, interviewId));
  return { type: 'actions', block_id: CARD_ACTIONS_BLOCK, elements: [...decisions, fullReport] };
}

export interface RecordedDecision {
  kind: DecisionKind;
  deciderId: string;
  at: Date;
}

/** Slack shows the date in each reader's own time zone; the fallback is UTC. */
export function decisionLine(decision: RecordedDecision): string {
  const seconds = Math.floor(decision.at.getTime() / 1000);
  const fallback = `${decision.at.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  return clip(
    `*Decision: ${WORDS[decision.kind]}*, by <@${decision.deciderId}> on <!date^${seconds}^{date_short_pretty} at {time}|${fallback}>.`,
    3000,
  );
}
