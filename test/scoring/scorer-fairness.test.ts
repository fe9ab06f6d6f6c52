import { describe, expect, it } from 'vitest';
import { createOfflineScorer, type ScoringQuestion } from '../../src/scoring/index.js';
import { scoringQuestion } from './helpers.js';

/**
 * The score must not move when only a person's name, gender or origin changes. Each template is filled with every
 * variant and all the resulting scores must be deep-equal, evidence and feedback included.
 */
interface Person {
  name: string;
  subject: string;
  object: string;
  possessive: string;
  origin: string;
  demonym: string;
}

const PEOPLE: readonly Person[] = [
  { name: 'Priya', subject: 'she', object: 'her', possessive: 'her', origin: 'India', demonym: 'Indian' },
  { name: 'John', subject: 'he', object: 'him', possessive: 'his', origin: 'Canada', demonym: 'Canadian' },
  { name: 'Mary Ann', subject: 'she', object: 'her', possessive: 'her', origin: 'Ireland', demonym: 'Irish' },
  {
    name: 'Mohammed Al-Rashid',
    subject: 'he',
    object: 'him',
    possessive: 'his',
    origin: 'Saudi Arabia',
    demonym: 'Saudi',
  },
  { name: 'Wei', subject: 'they', object: 'them', possessive: 'their', origin: 'China', demonym: 'Chinese' },
  { name: 'Oluwaseun', subject: 'he', object: 'him', possessive: 'his', origin: 'Nigeria', demonym: 'Nigerian' },
  { name: 'Ms. Kowalska', subject: 'she', object: 'her', possessive: 'her', origin: 'Poland', demonym: 'Polish' },
];

function fill(template: string, p: Person): string {
  const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
  return template
    .replaceAll('{Name}', p.name)
    .replaceAll('{She}', capital(p.subject))
    .replaceAll('{she}', p.subject)
    .replaceAll('{her}', p.object)
    .replaceAll('{their}', p.possessive)
    .replaceAll('{Origin}', p.origin)
    .replaceAll('{Demonym}', p.demonym);
}

const CASES: ReadonlyArray<{ label: string; question: () => ScoringQuestion; template: string }> = [
  {
    label: 'a strong behavioral story',
    question: () => scoringQuestion('bh-disagreement-01'),
    template:
      'At my previous company I disagreed with my teammate {Name} about notifications: {she} wanted a message queue ' +
      'and I thought a table with a scheduled job was enough. I was responsible for that design, so I needed us to ' +
      'agree. I asked {her} to explain {their} reasons and listened carefully. {Name} worried about traffic spikes. ' +
      'I proposed that we measure, so I wrote a benchmark and we listed the trade-offs together. In the end we ' +
      'agreed on the simpler design and shipped on time, and I learned that data settles arguments.',
  },
  {
    label: 'a weak behavioral story that names the manager',
    question: () => scoringQuestion('bh-mistake-01'),
    template: 'I told my manager {Name} about the bug and {she} said it was fine. {She} is from {Origin}.',
  },
  {
    label: 'a technical answer that mentions a colleague and their origin',
    question: () => scoringQuestion('be-caching-01'),
    template:
      'Our {Demonym} colleague {Name} suggested cache-aside with Redis, and {she} was right. On a miss we read the ' +
      'database and store the value with a TTL; on writes we delete the key so readers do not see stale data for ' +
      'long. For example, {Name} measured a 40 percent drop in database load. However, invalidation adds risk.',
  },
  {
    label: 'an ad-hoc question',
    question: () => ({ kind: 'behavioral', text: 'Tell me about a time you helped a colleague from another team.' }),
    template:
      '{Name} from the {Origin} office was stuck on a deployment, so I paired with {her} for an afternoon. I found ' +
      'the missing permission, and as a result {she} shipped the release on time.',
  },
];

describe('name, gender and origin independence', () => {
  it.each(CASES.map((c) => [c.label, c] as const))(
    'gives identical scores for every person (%s)',
    async (_label, c) => {
      const scorer = createOfflineScorer();
      const scores = [];
      for (const person of PEOPLE)
        scores.push(await scorer.score({ question: c.question(), answer: fill(c.template, person) }));
      const [first, ...rest] = scores;
      expect(first?.status).toBe('ok');
      for (const [i, score] of rest.entries()) expect(score, PEOPLE[i + 1]?.name).toEqual(first);
    },
  );

  it('really swaps the words it claims to (the templates differ per person)', () => {
    const filled = new Set(PEOPLE.map((p) => fill(CASES[0]?.template ?? '', p)));
    expect(filled.size).toBe(PEOPLE.length);
  });

  it('does not let a name stand in for a missing answer', async () => {
    const scorer = createOfflineScorer();
    const score = await scorer.score({ question: scoringQuestion('bh-mistake-01'), answer: 'Priya.' });
    expect(score.flags).toContain('very_short');
    expect(score.dimensions.technicalAccuracy.value).toBe(0);
  });
});
