/** Slack's Block Kit limits (api.slack.com/reference/block-kit): a payload over them is rejected whole. */
export const SLACK_LIMITS = {
  blocksPerMessage: 50,
  sectionText: 3000,
  headerText: 150,
  fieldsPerSection: 10,
  fieldText: 2000,
  contextElements: 10,
  buttonText: 75,
  actionElements: 25,
  /** `text` of chat.postMessage is truncated by Slack past 40,000; keep the fallback far below. */
  messageText: 4000,
} as const;

/** Cuts at a word boundary and marks the cut, so a limit never splits a word or hides that text is missing. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const room = max - 1;
  const cut = text.lastIndexOf(' ', room);
  return `${text.slice(0, cut > room * 0.6 ? cut : room).trimEnd()}…`;
}

/** Slack mrkdwn treats &, < and > as markup; candidate text must show as typed. */
export function escapeMrkdwn(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}
