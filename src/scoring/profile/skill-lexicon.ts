import type { SkillArea } from '../types.js';

export interface SkillEntry {
  /** How the skill is shown in the profile. */
  name: string;
  pattern: RegExp;
  /** The areas the skill points to, with how strongly (a language used everywhere points weakly). */
  areas: Partial<Record<SkillArea, number>>;
}

function skill(name: string, source: string, areas: Partial<Record<SkillArea, number>>): SkillEntry {
  return { name, pattern: new RegExp(`(?<![\\w.])(?:${source})(?![\\w])`, 'i'), areas };
}

/** Skills a candidate may list, and which skill areas they suggest. Order is irrelevant; matching is per entry. */
export const SKILLS: readonly SkillEntry[] = [
  skill('HTML', 'html5?', { frontend: 1 }),
  skill('CSS', 'css3?', { frontend: 1 }),
  skill('JavaScript', 'javascript|js(?=\\s*\\(?es)', { frontend: 0.6, backend: 0.3 }),
  skill('TypeScript', 'typescript', { frontend: 0.5, backend: 0.5 }),
  skill('React', 'react(?:\\.js|js)?', { frontend: 1 }),
  skill('Angular', 'angular(?:js)?', { frontend: 1 }),
  skill('Vue', 'vue(?:\\.js|js)?', { frontend: 1 }),
  skill('Svelte', 'svelte', { frontend: 1 }),
  skill('Redux', 'redux', { frontend: 1 }),
  skill('Next.js', 'next\\.js|nextjs', { frontend: 0.7, fullstack: 0.3 }),
  skill('Tailwind CSS', 'tailwind(?:\\s*css)?', { frontend: 1 }),
  skill('hooks', 'hooks', { frontend: 0.5 }),
  skill('Node.js', 'node(?:\\.js|js)?', { backend: 1 }),
  skill('Express', 'express(?:\\.js|js)?', { backend: 1 }),
  skill('Django', 'django', { backend: 1 }),
  skill('Flask', 'flask', { backend: 1 }),
  skill('FastAPI', 'fastapi', { backend: 1 }),
  skill('Spring', 'spring(?:\\s*boot)?', { backend: 1 }),
  skill('Java', 'java(?!script)', { backend: 1 }),
  skill('Go', 'golang|go(?=\\s+(?:and|or|,|programming|language|services?|developer))', { backend: 1 }),
  skill('Ruby on Rails', 'ruby on rails|rails', { backend: 1 }),
  skill('PHP', 'php|laravel', { backend: 1 }),
  skill('REST APIs', 'rest(?:ful)?(?:\\s+apis?)?', { backend: 0.7 }),
  skill('GraphQL', 'graphql', { backend: 0.6, frontend: 0.3 }),
  skill('PostgreSQL', 'postgres(?:ql)?', { backend: 0.8, data: 0.2 }),
  skill('MySQL', 'mysql', { backend: 0.8, data: 0.2 }),
  skill('MongoDB', 'mongo(?:db)?', { backend: 1 }),
  skill('Redis', 'redis', { backend: 1 }),
  skill('Kafka', 'kafka', { backend: 0.5, data: 0.5 }),
  skill('SQL', 'sql', { data: 0.6, backend: 0.4 }),
  skill('Python', 'python', { data: 0.5, backend: 0.5 }),
  skill('pandas', 'pandas', { data: 1 }),
  skill('NumPy', 'numpy', { data: 1 }),
  skill('Spark', 'spark|pyspark', { data: 1 }),
  skill('Airflow', 'airflow', { data: 1 }),
  skill('dbt', 'dbt', { data: 1 }),
  skill('Snowflake', 'snowflake', { data: 1 }),
  skill('BigQuery', 'bigquery', { data: 1 }),
  skill('Tableau', 'tableau', { data: 1 }),
  skill('Power BI', 'power\\s*bi', { data: 1 }),
  skill('machine learning', 'machine learning|ml models?', { data: 1 }),
  skill('TensorFlow', 'tensorflow', { data: 1 }),
  skill('PyTorch', 'pytorch', { data: 1 }),
  skill('ETL', 'etl|elt', { data: 1 }),
  skill('Docker', 'docker', { devops: 1 }),
  skill('Kubernetes', 'kubernetes|k8s', { devops: 1 }),
  skill('Terraform', 'terraform', { devops: 1 }),
  skill('Ansible', 'ansible', { devops: 1 }),
  skill('Jenkins', 'jenkins', { devops: 1 }),
  skill('CI/CD', 'ci\\s*/\\s*cd|continuous integration', { devops: 1 }),
  skill('AWS', 'aws|amazon web services', { devops: 0.8, backend: 0.2 }),
  skill('Azure', 'azure', { devops: 0.8, backend: 0.2 }),
  skill('Google Cloud', 'gcp|google cloud', { devops: 0.8, backend: 0.2 }),
  skill('Linux', 'linux', { devops: 1 }),
  skill('Prometheus', 'prometheus', { devops: 1 }),
  skill('Grafana', 'grafana', { devops: 1 }),
];

/** "<one of these words> developer|engineer|dev", optionally with "web" or "software" in between. */
function title(words: readonly string[]): RegExp {
  return new RegExp(String.raw`\b(?:${words.join('|')})\s+(?:web\s+|software\s+)?(?:developer|engineer|dev)\b`, 'i');
}

/** Role titles per area, as a candidate would describe themselves. */
export const ROLE_TITLES: Readonly<Record<SkillArea, RegExp>> = {
  fullstack: title([String.raw`full[\s-]?stack`, String.raw`mern[\s-]stack`, String.raw`mean[\s-]stack`]),
  frontend: title([String.raw`front[\s-]?end`, 'ui', 'react', 'angular', 'vue']),
  backend: title([
    String.raw`back[\s-]?end`,
    String.raw`server[\s-]side`,
    'api',
    'java',
    String.raw`node(?:\.js)?`,
    'python',
    'go',
  ]),
  data: /\b(?:data\s+(?:engineer|scientist|analyst)|(?:machine learning|ml|analytics|bi)\s+(?:engineer|developer|analyst))\b/i,
  devops: new RegExp(
    String.raw`\b(?:devops(?:\s+engineer)?|site reliability engineer|sre|platform engineer|cloud engineer` +
      String.raw`|infrastructure engineer|systems? administrator|sysadmin)\b`,
    'i',
  ),
};

/**
 * Words before a role title that make it the candidate's own description of themselves ("I am a", "I work as"),
 * with at most a few words in between and no "but", "and", "with" that would start talking about someone else.
 */
export const SELF_DESCRIPTION = new RegExp(
  String.raw`\b(?:i am|i'm|i work as|i worked as|i have worked as|i've worked as|working as|work as|as an?` +
    String.raw`|my (?:current )?(?:role|title|job) is|currently)\b(?:(?!\b(?:but|and|with|who|which)\b)[^.;!?]){0,40}$`,
  'i',
);

/**
 * A qualifier that makes the skills after it weak signals, up to a contrast ("basic backend development with
 * Node.js and Express, and familiarity with REST APIs").
 */
export const WEAK_QUALIFIER =
  /\b(?:basic|basics|familiarity|familiar|some experience|exposure|learning|beginner|introductory|a bit of)\b(?:(?!\b(?:but|however|while|whereas)\b)[^;])*$/i;
