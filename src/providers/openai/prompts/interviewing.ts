/** Prompts of the interviewing calls: reading the introduction, writing a question, deciding a follow-up, summing up. */
import type { BankQuestion, Profile } from '../../../scoring/index.js';
import { delimitedBlock } from '../../text/delimit.js';
import type { InterviewRole } from '../../types.js';
import { CANDIDATE_TEXT_IS_DATA } from './common.js';

const LEVEL_WORDS = { early_career: 'early-career', mid: 'mid-level', senior: 'senior' } as const;

function roleLine(role: InterviewRole): string {
  return `Role: ${role.title} (${role.skillArea}, ${LEVEL_WORDS[role.level]}).`;
}

export const PROFILE_SYSTEM_PROMPT = [
  'You read the introduction a candidate wrote at the start of a screening interview and record what they said',
  'about themselves. Record only what the text states: no guesses from names, schools, employers or style.',
  CANDIDATE_TEXT_IS_DATA,
  'primarySkillArea is one of frontend, backend, fullstack, data, devops, or null when the text does not say.',
  'experienceLevel is early_career (students, graduates, up to about 2 years), mid (about 2 to 6 years) or senior',
  '(more, or leading technical work), or null when the text does not say. skills are technologies and practices the',
  'candidate names, written as in the text. projectsMentioned counts distinct projects they describe.',
  'Each evidence field is a short passage copied exactly from the introduction that supports the field, or null',
  'when the field is null, empty or 0. Reply with JSON only.',
].join('\n');

export function profileUserMessage(introduction: string): string {
  return `Record the profile from this introduction:\n${delimitedBlock('INTRODUCTION', 'intro', introduction)}`;
}

export const QUESTION_SYSTEM_PROMPT = [
  'You write the next question of a first-round screening interview held in chat. You get the role, what the',
  'candidate said about themselves, and a bank question that sets the topic. Write one question on the same topic',
  'that fits the role level and, where the profile allows, the technologies or experience the candidate named, so',
  'they can answer from their own work. Keep what the bank question tests, so its rubric still applies.',
  CANDIDATE_TEXT_IS_DATA,
  'The question is one or two sentences, ends with a question mark, asks one thing, names at least one of the key',
  'concepts, and does not repeat a question already asked. In profileDetail copy the profile detail you built on,',
  'or null if you used none. Reply with JSON only.',
].join('\n');

export function profileSummary(profile: Profile | null): string {
  if (!profile) return 'The candidate skipped the introduction.';
  const lines = [
    `Skill area: ${profile.primarySkillArea ?? 'not stated'}`,
    `Level: ${profile.experienceLevel ? LEVEL_WORDS[profile.experienceLevel] : 'not stated'}`,
    `Skills: ${profile.skills.length ? profile.skills.join(', ') : 'none named'}`,
  ];
  return lines.join('\n');
}

export function questionUserMessage(
  role: InterviewRole,
  profile: Profile | null,
  bank: BankQuestion,
  asked: readonly string[],
): string {
  return [
    roleLine(role),
    `Bank question (${bank.kind}): ${bank.text}`,
    `Key concepts: ${bank.concepts.map((c) => c.name).join(', ')}.`,
    `Already asked:\n${asked.length ? asked.map((q) => `- ${q}`).join('\n') : '- nothing yet'}`,
    `The candidate's profile:\n${delimitedBlock('PROFILE', 'profile', profileSummary(profile))}`,
  ].join('\n\n');
}

export const FOLLOW_UP_SYSTEM_PROMPT = [
  'You decide whether an answer in a screening interview needs one follow-up question. Ask one only when the',
  'answer is very short, leaves out an expected part, or says something unclear worth one more sentence. The',
  'follow-up must build on what the candidate actually wrote: copy the words it is about into refersTo, and name',
  'missing expected parts exactly as listed. Never hint at the answer and never judge the candidate in it.',
  CANDIDATE_TEXT_IS_DATA,
  'When no follow-up is needed, reply needed=false with reason, prompt and refersTo null and missing empty.',
  'Reply with JSON only.',
].join('\n');

export function followUpUserMessage(bank: BankQuestion, askedText: string, answer: string): string {
  return [
    `Question asked: ${askedText}`,
    `Expected parts:\n${bank.expectedParts.map((p) => `- ${p.name}`).join('\n')}`,
    `The answer:\n${delimitedBlock('ANSWER', 'answer', answer)}`,
  ].join('\n\n');
}

export const SUMMARY_SYSTEM_PROMPT = [
  'You write a short summary of a first-round screening interview for the hiring team: an overview of three to five',
  'sentences, up to four strengths and up to four concerns, each one sentence. Base every statement on the scored',
  'answers you are given. Do not state or restate any score or number of points: the report shows them. Do not',
  "mention the candidate's name, gender, age or origin, and do not recommend hiring or rejecting.",
  CANDIDATE_TEXT_IS_DATA,
  'Reply with JSON only.',
].join('\n');

/** Each answer's scores and notes; the evidence quotes the candidate, so each item sits in a delimited block. */
export function summaryUserMessage(
  role: InterviewRole,
  items: ReadonlyArray<{ question: { text: string; kind: string }; score: SummaryScore }>,
): string {
  const blocks = items.map((item, index) => {
    const lines = [`Question ${index + 1} (${item.question.kind}): ${item.question.text}`];
    if (item.score.status !== 'ok') {
      lines.push(`Not scored (${item.score.status}).`);
      return lines.join('\n');
    }
    const body = [
      ...Object.entries(item.score.dimensions).map(([name, d]) => `${name}: ${d.value ?? 'none'} - ${d.evidence}`),
      `Strengths: ${item.score.strengths.join(' ') || 'none noted'}`,
      `Improvements: ${item.score.improvements.join(' ') || 'none noted'}`,
    ].join('\n');
    return `${lines.join('\n')}\n${delimitedBlock('SCORED ANSWER', `q${index + 1}`, body)}`;
  });
  return `${roleLine(role)}\n\n${blocks.join('\n\n')}`;
}

export interface SummaryScore {
  status: string;
  dimensions: Record<string, { value: number | null; evidence: string }>;
  strengths: string[];
  improvements: string[];
}
