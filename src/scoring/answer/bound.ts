import type { BoundedAnswer } from '../types.js';

/** Only this much of an answer is scored: enough for any honest answer, and it keeps scoring time flat. */
export const SCORING_CHAR_LIMIT = 12_000;

/** How far back from the limit a word boundary is looked for before cutting mid-word. */
const WORD_BOUNDARY_WINDOW = 400;

/** The prefix of the answer that is scored, cut at a word boundary; `truncated` says whether anything was left out. */
export function boundForScoring(text: string): BoundedAnswer {
  if (text.length <= SCORING_CHAR_LIMIT) return { text, truncated: false };
  const head = text.slice(0, SCORING_CHAR_LIMIT);
  // Cutting between two halves of a surrogate pair would leave half an emoji behind.
  const safeHead = /[\uD800-\uDBFF]$/.test(head) ? head.slice(0, -1) : head;
  const lastSpace = safeHead.search(/\s\S*$/);
  const cut = lastSpace >= SCORING_CHAR_LIMIT - WORD_BOUNDARY_WINDOW ? safeHead.slice(0, lastSpace) : safeHead;
  return { text: cut.trimEnd(), truncated: true };
}
