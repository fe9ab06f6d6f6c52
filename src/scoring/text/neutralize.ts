/**
 * Keeps names, gender and origin out of the score. Gendered words become neutral ones, and every run of capitalised
 * words the question does not use ("Priya", "John Smith", "Canada") becomes one placeholder token, so swapping one
 * person's name or origin for another's cannot change any count or match the scorer looks at.
 */
import { isStopword } from './stopwords.js';

export interface Token {
  /** As written (after neutralising). */
  raw: string;
  lower: string;
  stem: string;
  /** The characters between the previous token and this one (punctuation, spaces), for quoting the sentence. */
  gap: string;
}

/** Stands for a name-like run. It is neither a function word nor a content word. */
export const NAME_PLACEHOLDER = '§name';

const NEUTRAL: Readonly<Record<string, string>> = {
  he: 'they',
  she: 'they',
  him: 'them',
  her: 'them',
  his: 'their',
  hers: 'theirs',
  himself: 'themself',
  herself: 'themself',
  man: 'person',
  woman: 'person',
  men: 'people',
  women: 'people',
  guy: 'person',
  gal: 'person',
  boy: 'person',
  girl: 'person',
  gentleman: 'person',
  lady: 'person',
  guys: 'people',
  girls: 'people',
  boys: 'people',
  ladies: 'people',
  gentlemen: 'people',
  husband: 'spouse',
  wife: 'spouse',
  boyfriend: 'partner',
  girlfriend: 'partner',
  father: 'parent',
  mother: 'parent',
  dad: 'parent',
  mom: 'parent',
  mum: 'parent',
  son: 'child',
  daughter: 'child',
  brother: 'sibling',
  sister: 'sibling',
  chairman: 'chair',
  chairwoman: 'chair',
  businessman: 'professional',
  businesswoman: 'professional',
  salesman: 'salesperson',
  saleswoman: 'salesperson',
  manpower: 'staffing',
};

/** Honorifics carry gender and their trailing dot would split a sentence; they are dropped before anything else. */
export function dropHonorifics(text: string): string {
  return text.replace(/\b(?:Mr|Mrs|Ms|Mx|Miss|Dr|Prof|Sir|Madam)\.?\s+(?=\p{Lu})/gu, '');
}

export interface RawToken {
  text: string;
  /** Characters between the previous token and this one. */
  gapBefore: string;
}

/**
 * @param known stems the question or the scorer's own lexicon uses; a capitalised word among them is content,
 * not a name ("React", "Redis").
 */
export function neutralizeTokens(
  tokens: readonly RawToken[],
  known: ReadonlySet<string>,
  stemOf: (word: string) => string,
): Token[] {
  const out: Token[] = [];
  let inNameRun = false;
  for (const token of tokens) {
    const lower = token.text.toLowerCase();
    // Own keys only: "constructor" or "toString" in an answer must not find the object prototype's members.
    const neutral = Object.hasOwn(NEUTRAL, lower) ? NEUTRAL[lower] : undefined;
    if (neutral !== undefined) {
      out.push({ raw: neutral, lower: neutral, stem: stemOf(neutral), gap: token.gapBefore });
      inNameRun = false;
      continue;
    }
    const stem = stemOf(lower);
    if (isNameLike(token.text, stem, known)) {
      // A name written in several words ("Mary Ann", "O'Neil-Smith") still counts as one token.
      const continues = inNameRun && /^[\s\-‐–]*$/u.test(token.gapBefore);
      if (!continues)
        out.push({ raw: NAME_PLACEHOLDER, lower: NAME_PLACEHOLDER, stem: NAME_PLACEHOLDER, gap: token.gapBefore });
      inNameRun = true;
      continue;
    }
    out.push({ raw: token.text, lower, stem, gap: token.gapBefore });
    inNameRun = false;
  }
  return out;
}

function isNameLike(word: string, stem: string, known: ReadonlySet<string>): boolean {
  if (!/^\p{Lu}\p{Ll}/u.test(word)) return false;
  const lower = word.toLowerCase();
  return !known.has(stem) && !isStopword(lower) && !COMMON_CAPITALISED.has(lower);
}

/** Sentence openers and function words that are capitalised only because they start a sentence. */
const COMMON_CAPITALISED: ReadonlySet<string> = new Set(
  `a an and as at but by for from if in into it its i i'm i've i'd my of on or our so that the then there these they
  this those to we when where which while who with you your after before during once first second third next finally
  also however because since although though eventually overall instead meanwhile later initially afterwards
  yes no sure okay ok well never not nothing nobody none neither nor without avoid always often sometimes usually
  just only every each all both most many some any another other such`
    .split(/\s+/)
    .filter((w) => w.length > 0),
);
