/**
 * Reports are read in chat clients and terminals, where markdown shows up as stray symbols. Candidate answers and
 * scorer comments may carry it (`**cache-aside**`, "*   **Concise:**", backticks); this turns such text into
 * plain text with the words intact. Emoji are dropped: a report card is not the place for them.
 */

// Alternatives rather than one character class: joiners and modifiers inside a class are easy to misread.
const EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}|\p{Emoji_Modifier}|\u{FE0F}|\u{200D}|\u{20E3}/u;
/** A run of emoji with the spaces before it, so "TTL 🚀." becomes "TTL." rather than "TTL .". */
const EMOJI_RUN = new RegExp(`[ \\t]*(?:${EMOJI.source})+`, 'gu');
const HEADING = /^(\s*)#{1,6}\s+/;
const BULLET = /^(\s*)[*+\u2022]\s+/;
const LINK = /\[([^\]\n]+)\]\(([^)\s]+)\)/g;
const STRONG = /\*\*/g;
const CODE = /`+/g;
/** `*word*` emphasis; an asterisk with spaces round it (as in "a * b") is left alone. */
const EMPHASIS = /(^|[\s(])\*(?=\S)([^*\n]*?\S)\*(?=[\s).,;:!?]|$)/g;

function withoutEmoji(line: string): string {
  const stripped = line.replace(EMOJI_RUN, '');
  // A line that started with an emoji keeps no stray space in its place.
  return /^\s/.test(line) ? stripped : stripped.trimStart();
}

function cleanLine(line: string): string {
  return withoutEmoji(line)
    .replace(HEADING, '$1')
    .replace(BULLET, '$1- ')
    .replace(LINK, '$1 ($2)')
    .replace(STRONG, '')
    .replace(CODE, '')
    .replace(EMPHASIS, '$1$2')
    .replace(/(\S) {2,}/g, '$1 ')
    .trimEnd();
}

/** Plain text: markup removed, list bullets as "- ", at most one blank line in a row, no blank lines at the ends. */
export function toPlainText(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map(cleanLine)
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\n+|\n+$/g, '');
}

/** One list item as plain text on one line, without a bullet of its own (the renderer adds one); '' if nothing is left. */
export function toPlainItem(text: string): string {
  return toPlainText(text)
    .split('\n')
    .map((line) => line.replace(/^\s*-\s+/, '').trim())
    .filter((line) => line.length > 0)
    .join(' ');
}
