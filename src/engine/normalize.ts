/**
 * Chat markup to plain, readable text. Slack escapes `&`, `<`, `>` and wraps mentions and links in angle brackets;
 * scoring and the report want the words, and a code block should stay a code block.
 */

const FENCE = /```([\s\S]*?)```/g;

function decodeEntities(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

function replaceAngleMarkup(inner: string): string {
  const [target = '', label] = inner.split('|', 2);
  if (target.startsWith('@')) return label ? `@${label.replace(/^@/, '')}` : '@user';
  if (target.startsWith('#')) return label ? `#${label}` : '#channel';
  if (target.startsWith('!subteam^')) return label ?? '@team';
  if (target.startsWith('!')) return `@${target.slice(1).split('^')[0] ?? ''}`;
  if (/^(https?|mailto|tel):/i.test(target)) {
    const bare = target.replace(/^(mailto|tel):/i, '');
    if (!label || label === target || label === bare) return bare;
    return `${label} (${target})`;
  }
  return `<${inner}>`;
}

function normalizeProse(text: string): string {
  const marked = text.replace(/<([^<>\s][^<>]*)>/g, (_whole, inner: string) => replaceAngleMarkup(inner));
  return decodeEntities(marked)
    .split('\n')
    .map((line) => line.replace(/[ \t]+$/g, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n');
}

function normalizeCode(code: string): string {
  // Keep indentation; only put the fences on their own lines so the block reads as one.
  const body = decodeEntities(code).replace(/^\n+|\n+$/g, '');
  return `\n\`\`\`\n${body}\n\`\`\`\n`;
}

export function normalizeText(raw: string): string {
  const text = raw.normalize('NFC').replace(/\r\n?/g, '\n');
  let out = '';
  let last = 0;
  for (const match of text.matchAll(FENCE)) {
    out += normalizeProse(text.slice(last, match.index)) + normalizeCode(match[1] ?? '');
    last = match.index + match[0].length;
  }
  out += normalizeProse(text.slice(last));
  return out.replace(/\n{3,}/g, '\n\n').trim();
}

export { countWords } from '../shared/words.js';
