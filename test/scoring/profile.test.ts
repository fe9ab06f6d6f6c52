import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractProfile } from '../../src/scoring/index.js';

const seed = JSON.parse(readFileSync(new URL('../fixtures/seed-transcript.json', import.meta.url), 'utf8')) as {
  turns: { kind: string; answer: string }[];
};
const seedIntroduction = seed.turns.find((t) => t.kind === 'introduction')?.answer ?? '';

describe('extractProfile on the seed introduction', () => {
  const profile = extractProfile(seedIntroduction);

  it('reads a front-end, early-career candidate with three projects', () => {
    expect(profile.primarySkillArea).toBe('frontend');
    expect(profile.experienceLevel).toBe('early_career');
    expect(profile.projectsMentioned).toBe(3);
  });

  it('quotes the candidate for every field', () => {
    expect(profile.evidence.primarySkillArea).toBe('I am a front-end developer');
    expect(profile.evidence.experienceLevel).toBe('early in my professional journey');
    expect(profile.evidence.projectsMentioned).toBe(
      'projects such as role-based login systems, task and expense management applications, and data-driven UIs',
    );
    for (const quote of Object.values(profile.evidence)) expect(seedIntroduction).toContain(quote);
  });

  it('lists the skills in the order mentioned, backend ones included', () => {
    expect(profile.skills).toEqual(['JavaScript', 'React', 'hooks', 'HTML', 'CSS', 'Node.js', 'Express', 'REST APIs']);
    expect(profile.evidence.skills).toMatch(/^My technical skills include HTML, CSS/);
  });
});

describe('extractProfile rules', () => {
  it('lets an explicit self-description outweigh listed skills', () => {
    const profile = extractProfile(
      'I work as a data engineer. I know React, Angular, CSS, HTML, Redux, Vue and Tailwind from side projects.',
    );
    expect(profile.primarySkillArea).toBe('data');
    expect(profile.evidence.primarySkillArea).toBe('I work as a data engineer');
  });

  it('uses listed skills when there is no self-description, discounting "basic" ones', () => {
    expect(extractProfile('I mostly use Docker, Kubernetes and Terraform, with some Python.').primarySkillArea).toBe(
      'devops',
    );
    const weak = extractProfile(
      'I build pages with React and CSS, and have basic backend knowledge of Node.js, Express and Django.',
    );
    expect(weak.primarySkillArea).toBe('frontend');
  });

  it('does not read other people as the candidate', () => {
    const profile = extractProfile('I worked with senior engineers and mentored junior developers on a React team.');
    expect(profile.experienceLevel).toBeNull();
  });

  it.each([
    ['I am a junior developer.', 'early_career', 'I am a junior developer'],
    ['I am a recent graduate in computer science.', 'early_career', 'recent graduate'],
    ['Last summer I was an intern at a bank.', 'early_career', 'an intern'],
    ['I have 1 year of experience with Python.', 'early_career', '1 year of experience'],
    ['I have 4 years of experience building APIs.', 'mid', '4 years of experience'],
    ['I have over ten years of experience in software.', 'senior', 'over ten years of experience'],
    ["I'm a senior backend engineer.", 'senior', "I'm a senior backend engineer"],
    ['I am the tech lead of the payments team.', 'senior', 'tech lead'],
    ['I am a staff engineer.', 'senior', 'staff engineer'],
  ] as const)('reads %j as %s', (intro, level, evidence) => {
    const profile = extractProfile(intro);
    expect(profile.experienceLevel).toBe(level);
    expect(profile.evidence.experienceLevel).toBe(evidence);
  });

  it.each([
    ['I have built three projects with Vue.', 3],
    ['My projects include a weather app, a chat server and a budget tracker.', 3],
    ['I built a payment service and I developed an internal search tool.', 2],
  ] as const)('counts the projects in %j', (intro, count) => {
    expect(extractProfile(intro).projectsMentioned).toBe(count);
  });

  it('leaves every field empty when nothing supports it', () => {
    expect(extractProfile('Hello! Happy to be here and looking forward to the conversation.')).toEqual({
      primarySkillArea: null,
      experienceLevel: null,
      skills: [],
      projectsMentioned: 0,
      evidence: { primarySkillArea: null, experienceLevel: null, skills: null, projectsMentioned: null },
    });
  });
});
