/**
 * The visible projection of an answer folded further, for finding text addressed to the scorer: what a model would
 * still read as "ignore previous instructions" after a candidate disguised it. Diacritics go ("dé" reads "de"),
 * letters from another script that look like Latin ones inside a Latin word become Latin ("ignоre" with a Cyrillic
 * о), digits written for letters inside a word become letters ("1gn0re"), and four or more single letters joined by
 * one repeated separator become a word ("i g n o r e", "s.c.o.r.e", "I-G-N-O-R-E"). Every step keeps, for each
 * character, where in the original it came from, so a match still maps back to the candidate's own text.
 *
 * The injection patterns are written in plain letters and folded the same way (`foldPattern`), so a pattern for
 * "инструкций" or "instruções" matches the folded answer.
 */
import type { VisibleText } from './visible.js';

/** Combining marks of the Latin, Greek and Cyrillic scripts; kana voicing marks and others are kept. */
const COMBINING = /[\u0300-\u036F]/gu;

/** Letters of other scripts that look like Latin ones; used only inside a word that has Latin letters too. */
const LOOKALIKES: Readonly<Record<string, string>> = {
  а: 'a',
  е: 'e',
  о: 'o',
  р: 'p',
  с: 'c',
  х: 'x',
  у: 'y',
  і: 'i',
  ј: 'j',
  ѕ: 's',
  к: 'k',
  м: 'm',
  т: 't',
  н: 'h',
  в: 'b',
  ο: 'o',
  α: 'a',
  ε: 'e',
  ι: 'i',
  κ: 'k',
  ν: 'v',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
};

/** Digits and signs that stand for letters in "1gn0re" or "$c0re". */
const LEET: Readonly<Record<string, string>> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '@': 'a',
  $: 's',
};

/** A word as the letter substitutions see it: letters, digits and the two signs. */
const WORD = /[\p{L}\p{N}@$]+/gu;
/**
 * Four or more single letters, each pair joined by the same one separator. The separator is captured, so a run of
 * "i g n o r e  p r e v i o u s" (two blanks between the words) becomes two words, not one.
 */
const SPACED_LETTERS = /(?<![\p{L}\p{N}])\p{L}([ .\-_*·•+|/\\~])\p{L}(?:\1\p{L}){2,}(?![\p{L}\p{N}])/gu;

export function foldPattern(source: string): string {
  return source.normalize('NFKD').replace(COMBINING, '').normalize('NFC');
}

/** Keeps the units of `visible` for which `keep(i)` holds, with their origins. */
function filterUnits(visible: VisibleText, keep: (index: number) => boolean): VisibleText {
  let text = '';
  const originStart: number[] = [];
  const originEnd: number[] = [];
  for (let i = 0; i < visible.text.length; i++) {
    if (!keep(i)) continue;
    text += visible.text[i];
    originStart.push(visible.originStart[i]!);
    originEnd.push(visible.originEnd[i]!);
  }
  return { text, originStart, originEnd };
}

/** Removes combining marks ("é" reads "e"); each unit of a decomposed letter keeps the origin of the letter. */
function stripDiacritics(visible: VisibleText): VisibleText {
  if (!/[^ -~\s]/u.test(visible.text)) return visible;
  let text = '';
  const originStart: number[] = [];
  const originEnd: number[] = [];
  for (let i = 0; i < visible.text.length; i++) {
    const unit = visible.text[i]!;
    const folded = unit.charCodeAt(0) < 0x80 ? unit : unit.normalize('NFKD').replace(COMBINING, '').normalize('NFC');
    text += folded;
    for (let k = 0; k < folded.length; k++) {
      originStart.push(visible.originStart[i]!);
      originEnd.push(visible.originEnd[i]!);
    }
  }
  return { text, originStart, originEnd };
}

/** Look-alike letters and leetspeak digits inside words written in Latin letters; one unit for one, so origins stay. */
function substituteLetters(visible: VisibleText): VisibleText {
  if (!/[a-z][0-9@$]|[0-9@$][a-z]|[\u0370-\u04FF]/iu.test(visible.text)) return visible;
  const text = visible.text.replace(WORD, (word) => {
    const latin = (word.match(/[a-z]/giu) ?? []).length;
    if (latin === 0) return word;
    // "10", "x509" and "h264" stay as they are: a word needs two Latin letters before its digits read as letters.
    const leet = latin >= 2 && /[0-9@$]/u.test(word) && !/^[0-9]+$/u.test(word);
    let out = '';
    for (const char of word) out += LOOKALIKES[char.toLowerCase()] ?? (leet ? (LEET[char] ?? char) : char);
    return out.length === word.length ? out : word;
  });
  return { ...visible, text };
}

/** Drops the separators inside runs of single letters. */
function joinSpacedLetters(visible: VisibleText): VisibleText {
  const drop = new Set<number>();
  for (const match of visible.text.matchAll(SPACED_LETTERS)) {
    const separator = match[1];
    for (let k = 0; k < match[0].length; k++) if (match[0][k] === separator) drop.add(match.index + k);
  }
  return drop.size === 0 ? visible : filterUnits(visible, (i) => !drop.has(i));
}

export function foldForDetection(visible: VisibleText): VisibleText {
  return joinSpacedLetters(substituteLetters(stripDiacritics(visible)));
}
