/** Building blocks of the plain-text report: headings, indented blocks and fixed-format values. */
import { formatScore } from './numbers.js';
import { toPlainItem, toPlainText } from './plain-text.js';

export const WIDTH = 70;
export const RULE = '='.repeat(WIDTH);
export const UNDERLINE = '-'.repeat(40);

export function banner(title: string): string[] {
  return [RULE, title, RULE, ''];
}

export function section(title: string, lines: readonly string[]): string[] {
  return [title, UNDERLINE, ...lines, ''];
}

/** "7.6 / 10", or "not scored". */
export function scoreOutOf10(value: number | null): string {
  return value === null ? formatScore(null) : `${formatScore(value)} / 10`;
}

/** ISO time as "2026-01-06 15:48:14 UTC": the same text on every machine, whatever its locale or time zone. */
export function formatTime(iso: string): string {
  const normalized = new Date(iso).toISOString();
  return `${normalized.slice(0, 10)} ${normalized.slice(11, 19)} UTC`;
}

/** Free text (answers, questions) as plain text, every line indented, so no line of it can look like a heading. */
export function indentedText(text: string, indent = '  '): string[] {
  const plain = toPlainText(text);
  if (plain === '') return [`${indent}(no text)`];
  return plain.split('\n').map((line) => (line === '' ? '' : `${indent}${line}`));
}

export function bulletList(items: readonly string[], indent = '  '): string[] {
  const plain = items.map(toPlainItem).filter((item) => item !== '');
  return plain.length > 0 ? plain.map((item) => `${indent}- ${item}`) : [`${indent}None.`];
}

/** Single-line free text (a question, a quote) as plain text. */
export function inline(text: string): string {
  return toPlainItem(text);
}
