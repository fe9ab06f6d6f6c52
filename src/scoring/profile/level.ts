import type { Level } from '../types.js';
import { parseCount } from './count-words.js';

interface LevelCue {
  level: Level;
  pattern: RegExp;
  /** Titles and stated years weigh more than soft phrases. */
  weight: number;
}

const ROLE = '(?:developer|engineer|dev|analyst|scientist|consultant|programmer|sre)';

/** "I am a senior backend engineer", "junior developer", "I'm junior"; not "senior engineers" (other people). */
function titleCue(word: string): RegExp {
  return new RegExp(
    `\\b(?:(?:i am|i'm|as) (?:an? )?)?${word}(?:\\s+[\\w-]+)?\\s+${ROLE}\\b(?!s)|\\b(?:i am|i'm) (?:a )?${word}\\b`,
    'i',
  );
}

const CUES: readonly LevelCue[] = [
  {
    level: 'early_career',
    weight: 2,
    pattern: /\bearly (?:in|on|into) (?:my )?(?:professional |tech |software |engineering )?(?:journey|career)\b/i,
  },
  { level: 'early_career', weight: 3, pattern: titleCue('junior') },
  {
    level: 'early_career',
    weight: 2,
    pattern: /\b(?:recent|fresh|new) (?:graduate|grad)\b|\brecently graduated\b|\bjust graduated\b/i,
  },
  { level: 'early_career', weight: 2, pattern: /\b(?:an? )?intern\b|\binternships?\b/i },
  {
    level: 'early_career',
    weight: 2,
    pattern:
      /\bentry[\s-]level\b|\bmy first (?:job|role)\b|\b(?:a|final[\s-]year|computer science) student\b|\bbootcamp\b/i,
  },
  { level: 'mid', weight: 3, pattern: /\bmid[\s-]?level\b|\bintermediate (?:developer|engineer)\b/i },
  { level: 'senior', weight: 3, pattern: titleCue('senior') },
  {
    level: 'senior',
    weight: 3,
    pattern: /\b(?:tech(?:nical)?|team|engineering) lead\b|\blead (?:developer|engineer)\b/i,
  },
  { level: 'senior', weight: 3, pattern: new RegExp(`\\b(?:staff|principal)\\s+${ROLE}\\b`, 'i') },
];

/** "5 years of experience", "over ten years as", "2+ years working with". */
const YEARS = new RegExp(
  [
    String.raw`\b(?:over |more than |almost |nearly )?(\d{1,2}|[a-z]+)\+?\s*(?:years?|yrs?)\s+`,
    String.raw`(?:of\s+(?:professional\s+|industry\s+|hands-on\s+|work\s+)?experience|experience|as\b`,
    String.raw`|in\s+(?:the\s+)?industry|working|in\s+software|professionally)`,
  ].join(''),
  'gi',
);

export function levelFromYears(years: number): Level {
  if (years < 2) return 'early_career';
  if (years < 6) return 'mid';
  return 'senior';
}

export interface LevelFinding {
  level: Level;
  evidence: string;
}

/** The level the candidate states, weighing every cue; ties go to the lower level (the safer question set). */
export function findLevel(text: string): LevelFinding | null {
  const scores = new Map<Level, { weight: number; evidence: string }>();
  const add = (level: Level, weight: number, evidence: string) => {
    const current = scores.get(level);
    if (current === undefined) scores.set(level, { weight, evidence });
    else current.weight += weight;
  };
  for (const cue of CUES) {
    const match = cue.pattern.exec(text);
    if (match) add(cue.level, cue.weight, match[0].trim());
  }
  for (const years of text.matchAll(YEARS)) {
    const count = years[1] === undefined ? undefined : parseCount(years[1]);
    if (count === undefined) continue;
    add(levelFromYears(count), 3, years[0].trim());
    break;
  }
  let best: LevelFinding | null = null;
  let bestWeight = 0;
  for (const level of ['early_career', 'mid', 'senior'] as const) {
    const entry = scores.get(level);
    if (entry && entry.weight > bestWeight) {
      best = { level, evidence: entry.evidence };
      bestWeight = entry.weight;
    }
  }
  return best;
}
