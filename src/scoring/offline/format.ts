/** "a", "a and b", "a, b and c". */
export function joinList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** Plural-aware count: "1 sentence", "3 sentences". */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

export const round2 = (x: number): number => Math.round(x * 100) / 100;

/** Feedback is shown in chat as plain text: no markup may slip in from bank or question text. */
export function plain(sentence: string): string {
  return sentence
    .replace(/[*#`•]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
