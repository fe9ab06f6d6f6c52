import { SKILL_AREAS, type Profile, type SkillArea } from '../types.js';
import { findLevel } from './level.js';
import { findProjects } from './projects.js';
import { ROLE_TITLES, SELF_DESCRIPTION, SKILLS, WEAK_QUALIFIER } from './skill-lexicon.js';

/** A listed skill after "basic", "familiarity with" and the like counts this much. */
const WEAK_SKILL_FACTOR = 0.3;
/** Listed skills decide the area only with this much weight and this lead over the runner-up. */
const MIN_AREA_WEIGHT = 2;
const MIN_AREA_LEAD = 1.5;
/** Self-descriptions are checked in this order so "full-stack developer" is not read as a front-end one. */
const TITLE_ORDER: readonly SkillArea[] = ['fullstack', 'frontend', 'backend', 'data', 'devops'];

interface FoundSkill {
  name: string;
  sentence: number;
  position: number;
  weak: boolean;
  areas: Partial<Record<SkillArea, number>>;
}

/**
 * What the candidate says about themselves, each field backed by their own words. A field nothing supports is
 * null (or 0 projects with null evidence): the profile never guesses.
 */
export function extractProfile(introduction: string): Profile {
  const sentences = introduction
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  const skills = findSkills(sentences);
  const area = findSelfDescribedArea(sentences) ?? areaFromSkills(skills, sentences);
  const level = findLevel(introduction);
  const projects = findProjects(introduction);
  return {
    primarySkillArea: area?.area ?? null,
    experienceLevel: level?.level ?? null,
    skills: skills.map((s) => s.name),
    projectsMentioned: projects?.count ?? 0,
    evidence: {
      primarySkillArea: area?.evidence ?? null,
      experienceLevel: level?.evidence ?? null,
      skills: skills.length > 0 ? richestSentence(skills, sentences) : null,
      projectsMentioned: projects?.evidence ?? null,
    },
  };
}

function findSelfDescribedArea(sentences: readonly string[]): { area: SkillArea; evidence: string } | null {
  for (const sentence of sentences) {
    for (const area of TITLE_ORDER) {
      const title = ROLE_TITLES[area].exec(sentence);
      if (!title) continue;
      const self = SELF_DESCRIPTION.exec(sentence.slice(0, title.index));
      if (self) return { area, evidence: sentence.slice(self.index, title.index + title[0].length).trim() };
    }
  }
  return null;
}

function findSkills(sentences: readonly string[]): FoundSkill[] {
  const found = new Map<string, FoundSkill>();
  sentences.forEach((sentence, index) => {
    for (const entry of SKILLS) {
      const match = entry.pattern.exec(sentence);
      if (!match || found.has(entry.name)) continue;
      const weak = WEAK_QUALIFIER.test(sentence.slice(0, match.index));
      found.set(entry.name, { name: entry.name, sentence: index, position: match.index, weak, areas: entry.areas });
    }
  });
  return [...found.values()].sort((a, b) => a.sentence - b.sentence || a.position - b.position);
}

function areaFromSkills(skills: readonly FoundSkill[], sentences: readonly string[]) {
  const totals = new Map<SkillArea, number>(SKILL_AREAS.map((a) => [a, 0]));
  for (const skill of skills) {
    for (const [area, weight] of Object.entries(skill.areas) as [SkillArea, number][]) {
      totals.set(area, (totals.get(area) ?? 0) + weight * (skill.weak ? WEAK_SKILL_FACTOR : 1));
    }
  }
  const ranked = [...totals.entries()].sort((a, b) => b[1] - a[1]);
  const [first, second] = ranked;
  if (first === undefined || first[1] < MIN_AREA_WEIGHT) return null;
  const evidence = richestSentence(skills, sentences);
  if (second === undefined || first[1] >= second[1] * MIN_AREA_LEAD) return { area: first[0], evidence };
  const pair = new Set([first[0], second[0]]);
  // Strong front-end and back-end skills in about equal measure is what full-stack means.
  if (pair.has('frontend') && pair.has('backend') && second[1] >= MIN_AREA_WEIGHT)
    return { area: 'fullstack' as const, evidence };
  return null;
}

function richestSentence(skills: readonly FoundSkill[], sentences: readonly string[]): string {
  const perSentence = new Map<number, number>();
  for (const s of skills) perSentence.set(s.sentence, (perSentence.get(s.sentence) ?? 0) + 1);
  const [best] = [...perSentence.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  return best === undefined ? '' : (sentences[best[0]] ?? '');
}
