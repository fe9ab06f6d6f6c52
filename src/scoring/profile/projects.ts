import { parseCount } from './count-words.js';

export interface ProjectFinding {
  count: number;
  evidence: string;
}

/** "three personal projects", "5 projects". */
const STATED_COUNT = /\b(\d{1,2}|two|three|four|five|six|seven|eight|nine|ten)\s+(?:[\w-]+\s+){0,2}?projects\b/i;

/** "projects such as A, B, and C, which ..." up to the end of the list. */
const LISTED = new RegExp(
  String.raw`\bprojects?\s*(?:such as|like|include[sd]?|including|are|were|for example|e\.g\.,?|:)\s+` +
    String.raw`(.+?)(?=,?\s+(?:which|that|where|who)\b|[.;!?](?:\s|$)|$)`,
  'i',
);

/** "I built a ...", "I developed an ...": one project each. */
const BUILT = new RegExp(
  String.raw`\bI\s+(?:have\s+|also\s+)?(?:built|developed|created|designed|shipped|launched|implemented|made)\s+` +
    String.raw`(?:a|an|my|our)\b[^.;!?]*?(?=\s+and\s+I\b|,\s*(?:and\s+)?I\b|[.;!?]|$)`,
  'gi',
);

/** Projects the candidate mentions: a stated number, else the items of a list, else "I built a ..." statements. */
export function findProjects(text: string): ProjectFinding | null {
  const stated = STATED_COUNT.exec(text);
  if (stated?.[1] !== undefined) {
    const n = parseCount(stated[1]);
    if (n !== undefined && n > 0) return { count: n, evidence: stated[0].trim() };
  }
  const listed = LISTED.exec(text);
  if (listed?.[1] !== undefined) {
    const items = splitList(listed[1]);
    if (items.length > 0) return { count: items.length, evidence: listed[0].trim() };
  }
  const built = [...text.matchAll(BUILT)].map((m) => m[0].trim());
  if (built.length > 0) return { count: built.length, evidence: built.join('; ') };
  return null;
}

/**
 * Items of an English list. With commas, the commas separate items and "and" may sit inside one ("task and expense
 * management applications"); the last item is split at its "and" only when the list has no serial comma
 * ("a weather app, a chat server and a budget tracker"). Without commas, "and" is the only separator there is.
 */
function splitList(list: string): string[] {
  if (!list.includes(',')) return clean(list.split(/\s+(?:and|or)\s+/i));
  const parts = list.split(',');
  const last = parts.pop() ?? '';
  const serialComma = /^\s*(?:and|or)\s/i.test(last);
  return clean([...parts, ...(serialComma ? [last] : splitAtLastAnd(last))]);
}

function splitAtLastAnd(item: string): string[] {
  const match = /^(.*)\s+(?:and|or)\s+(.*)$/i.exec(item);
  return match?.[1] !== undefined && match[2] !== undefined ? [match[1], match[2]] : [item];
}

function clean(items: string[]): string[] {
  return items
    .map((p) =>
      p
        .trim()
        .replace(/^(?:and|or)\s+/i, '')
        .trim(),
    )
    .filter((p) => /\p{L}/u.test(p));
}
