/**
 * The whole text report in the card's thread. renderText's layout is kept by showing it as preformatted text,
 * split into sections under Slack's 3,000-character limit and into several messages, each well under the size
 * Slack accepts for one message; a report of any length is posted in full, never refused.
 */
import { renderText } from '../../../report/render-text.js';
import type { Report } from '../../../report/schema.js';
import { escapeMrkdwn, SLACK_LIMITS, splitText } from '../limits.js';
import type { Block, SlackMessage } from './report-card.js';

/** Room for the code fences around each piece. */
const SECTION_TEXT = SLACK_LIMITS.sectionText - 10;
/** Slack refuses a message whose blocks are too long in total; three full sections stay far below that. */
const SECTIONS_PER_MESSAGE = 3;

function preformatted(text: string): Block {
  return { type: 'section', text: { type: 'mrkdwn', text: `\`\`\`${text}\`\`\`` } };
}

export function fullReportMessages(report: Report): SlackMessage[] {
  // Escaped before splitting, so the limit counts the characters Slack counts.
  const sections = splitText(escapeMrkdwn(renderText(report)), SECTION_TEXT).map(preformatted);
  const messages: SlackMessage[] = [];
  const parts = Math.ceil(sections.length / SECTIONS_PER_MESSAGE);
  for (let part = 0; part < parts; part += 1) {
    const blocks = sections.slice(part * SECTIONS_PER_MESSAGE, (part + 1) * SECTIONS_PER_MESSAGE);
    messages.push({ text: `Full screening report, part ${part + 1} of ${parts}`, blocks });
  }
  return messages;
}
