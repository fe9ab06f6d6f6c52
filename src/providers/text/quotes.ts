/**
 * Checks that evidence a model quotes is really in the candidate's text. Both sides are normalised the same way
 * first (Unicode forms, case, curly quotes, dashes, angle brackets, runs of white space), because models retype
 * quotes with small typographic changes; an ellipsis in a quote may stand for left-out words.
 */
import { INVISIBLE } from './visible.js';

const INVISIBLE_ALL = new RegExp(INVISIBLE.source, 'gu');
/** A quote shorter than this (or than the whole answer) proves nothing. */
const MIN_QUOTE_CHARS = 6;

export function normalizeForMatch(text: string): string {
  return text
    .normalize('NFKC')
    .replace(INVISIBLE_ALL, '')
    .toLowerCase()
    .replace(/[‘’‚‛′`´]/gu, "'")
    .replace(/[“”„‟″]/gu, '"')
    .replace(/[‐‑‒–—―−]/gu, '-')
    .replace(/[<>«»‹›"*_]/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
}

/** The quote's parts, without surrounding quote marks and end punctuation; an ellipsis separates parts. */
function quoteFragments(quote: string): string[] {
  return quote
    .split(/\.{3}|…|\[\.\.\.\]/u)
    .map((part) => normalizeForMatch(part).replace(/^[\s'".,;:!?()-]+|[\s'".,;:!?()-]+$/gu, ''))
    .filter((part) => part.length > 0);
}

/** Whether every part of the quote occurs in the text, in order. */
export function quoteIsInText(quote: string, normalizedText: string): boolean {
  const fragments = quoteFragments(quote);
  const length = fragments.reduce((sum, f) => sum + f.length, 0);
  if (fragments.length === 0 || length < Math.min(MIN_QUOTE_CHARS, normalizedText.length)) return false;
  let from = 0;
  for (const fragment of fragments) {
    const at = normalizedText.indexOf(fragment, from);
    if (at < 0) return false;
    from = at + fragment.length;
  }
  return true;
}
