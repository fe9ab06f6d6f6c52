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

/** A hard cut moved back so it never splits an escaped `&amp;`, `&lt;` or `&gt;`. */
function outsideEntity(text: string, cut: number): number {
  const amp = text.lastIndexOf('&', cut - 1);
  return amp > cut - 5 && amp > 0 && text.indexOf(';', amp) >= cut ? amp : cut;
}

/**
 * Splits text into pieces of at most `max` characters, preferring line breaks, then spaces; a run without either
 * (a pasted blob) is cut where it must be. Nothing is dropped: joining the pieces gives back every character
 * except the breaks the cuts fell on.
 */
export function splitText(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const window = rest.slice(0, max + 1);
    const atLine = window.lastIndexOf('\n');
    const atSpace = window.lastIndexOf(' ');
    const atBreak = atLine > max * 0.5 ? atLine : atSpace > max * 0.5 ? atSpace : -1;
    const cut = atBreak >= 0 ? atBreak : outsideEntity(rest, max);
    pieces.push(rest.slice(0, cut));
    rest = rest.slice(atBreak >= 0 ? cut + 1 : cut);
  }
  if (rest.length > 0 || pieces.length === 0) pieces.push(rest);
  return pieces;
}

/** Lines joined into as few texts as fit under `max` each; a line is never split between two. */
export function packLines(lines: string[], max: number): string[] {
  const texts: string[] = [];
  let current = '';
  for (const line of lines) {
    if (current && current.length + line.length + 1 > max) {
      texts.push(current);
      current = '';
    }
    current = current ? `${current}\n${line}` : line;
  }
  if (current) texts.push(current);
  return texts;
}
