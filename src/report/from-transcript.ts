/**
 * Scores an interview transcript file (the shape of test/fixtures/seed-transcript.json) into a report, offline. The
 * introduction gives the profile; every other turn goes to the scorer, an empty answer included (the scorer flags it
 * rather than this code guessing). Every answer and the introduction pass the answer guard first, whatever scorer is
 * given: text addressed to the scorer is cut out, flagged on its question, and never scored. A turn that was a bank
 * question (by `questionId`, or by its text) is scored against that question's rubric, and a follow-up with the
 * nearest earlier question as its parent. The report's generation time is the end of the interview, so the same
 * transcript always gives the same report.
 *
 * It is also the format `cli report <id> --transcript` writes, so any stored interview can be scored again anywhere.
 */
import { z } from 'zod';
import { guardedText, mergeFlags, scoreGuarded } from '../providers/answer-guard.js';
import { AppError } from '../shared/errors.js';
import {
  LEVELS,
  SKILL_AREAS,
  classifyAnswer,
  defaultQuestionBank,
  extractProfile,
  type AnswerFlag,
  type AnswerScore,
  type AnswerScorer,
  type BankQuestion,
  type QuestionBank,
  type ScoringQuestion,
  type SkillArea,
} from '../scoring/index.js';
import { BankMatcher, scoringQuestionOf } from './bank-match.js';
import { buildReport, type ReportTurn } from './build.js';
import type { Report } from './schema.js';
import { countWords } from './statistics.js';

const isoTime = z.iso.datetime({ offset: true });

const roleObject = z.object({
  title: z.string().trim().min(1),
  skillArea: z.enum(SKILL_AREAS).optional(),
  level: z.enum(LEVELS).optional(),
});

export const TranscriptSchema = z
  .object({
    candidate: z.object({ name: z.string().trim().min(1) }),
    /** The role: an object, or just its title. */
    role: z
      .union([
        z
          .string()
          .trim()
          .min(1)
          .transform((title): z.infer<typeof roleObject> => ({ title })),
        roleObject,
      ])
      .nullable()
      .optional(),
    startedAt: isoTime,
    endedAt: isoTime,
    turns: z
      .array(
        z.object({
          kind: z.enum(['introduction', 'technical', 'behavioral', 'follow_up']),
          question: z.string().trim().min(1),
          /** The bank question it was (see src/scoring/banks); without it, a question is matched by its text. */
          questionId: z.string().trim().min(1).optional(),
          answer: z.string(),
          /** The candidate chose to skip the question. @defaultValue false */
          skipped: z.boolean().optional(),
        }),
      )
      .min(1),
  })
  .refine((t) => Date.parse(t.endedAt) >= Date.parse(t.startedAt), {
    path: ['endedAt'],
    message: 'earlier than startedAt',
  });

export type Transcript = z.infer<typeof TranscriptSchema>;

/** `turns[2].answer` */
export function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(top level)';
  return path.reduce<string>(
    (out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)),
    '',
  );
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const message = issue.message.replace(/^Invalid input: /, '');
  return `${formatPath(issue.path)}: ${message.replace(/, received undefined$/, ' (missing)')}`;
}

export interface ParseTranscriptOptions {
  /** The bank `questionId`s must name. @defaultValue the shipped banks */
  bank?: QuestionBank;
}

/**
 * Validates parsed JSON as a transcript. The error names every problem, one per line, each with its field path,
 * e.g. `turns[2].answer: expected string`.
 */
export function parseTranscript(data: unknown, options: ParseTranscriptOptions = {}): Transcript {
  const result = TranscriptSchema.safeParse(data);
  if (!result.success)
    throw new AppError('invalid_input', result.error.issues.map(describeIssue).join('\n') || 'invalid transcript');
  const matcher = new BankMatcher(options.bank ?? defaultQuestionBank());
  const problems = result.data.turns.flatMap((turn, i) => {
    const problem = matcher.problemOf(turn);
    return problem ? [`${formatPath(['turns', i, 'questionId'])}: ${problem}`] : [];
  });
  if (problems.length > 0) throw new AppError('invalid_input', problems.join('\n'));
  return result.data;
}

export interface ScoreTranscriptOptions {
  scorer: AnswerScorer;
  /** The role's skill area; given, it wins over the transcript's. @defaultValue the transcript's, else none */
  roleFamily?: SkillArea;
  /** The bank that turns are matched against. @defaultValue the shipped banks */
  bank?: QuestionBank;
}

type TranscriptTurn = Transcript['turns'][number];

interface ScoredTurn {
  score: AnswerScore | null;
  /** The guard's flags (and the shape flags of the scored text); kept when the scorer failed. */
  flags: AnswerFlag[];
}

async function scoreTurn(
  turn: TranscriptTurn,
  question: ScoringQuestion | null,
  scorer: AnswerScorer,
): Promise<ScoredTurn> {
  if (!question || turn.skipped) return { score: null, flags: [] };
  const result = await scoreGuarded(scorer, { question, answer: turn.answer });
  // A scorer failure is shown as a missing score on that question (flagged); it never becomes a made-up value.
  return result.ok
    ? { score: result.score, flags: result.score.flags }
    : { score: null, flags: [...result.guarded.flags, 'scoring_failed'] };
}

interface AskedQuestion {
  kind: 'technical' | 'behavioral';
  question: string;
  bankQuestion: BankQuestion | undefined;
}

/** Each turn's bank question and, for a follow-up, the nearest earlier technical or behavioral turn as its parent. */
function questionsOf(
  transcript: Transcript,
  bank: QuestionBank,
): { bankQuestion: BankQuestion | undefined; question: ScoringQuestion | null }[] {
  const matcher = new BankMatcher(bank);
  let parent: AskedQuestion | null = null;
  return transcript.turns.map((turn) => {
    if (turn.kind === 'introduction') return { bankQuestion: undefined, question: null };
    const bankQuestion = matcher.match(turn);
    const question = scoringQuestionOf({ kind: turn.kind, question: turn.question }, bankQuestion, parent);
    if (turn.kind !== 'follow_up') parent = { kind: turn.kind, question: turn.question, bankQuestion };
    return { bankQuestion, question };
  });
}

async function toReportTurns(transcript: Transcript, scorer: AnswerScorer, bank: QuestionBank): Promise<ReportTurn[]> {
  const turns: ReportTurn[] = [];
  const questions = questionsOf(transcript, bank);
  // One at a time, in order: scorers may be rate-limited services, and the order of calls stays the same every run.
  for (const [index, turn] of transcript.turns.entries()) {
    const { bankQuestion, question } = questions[index] ?? { bankQuestion: undefined, question: null };
    const { score, flags } = await scoreTurn(turn, question, scorer);
    turns.push({
      index,
      kind: turn.kind,
      question: turn.question,
      answer: turn.answer,
      wordCount: countWords(turn.answer),
      skipped: turn.skipped ?? false,
      flags: mergeFlags(turn.kind === 'introduction' ? [] : classifyAnswer(turn.answer), flags),
      score,
      questionId: bankQuestion?.id ?? null,
    });
  }
  return turns;
}

function roleOf(transcript: Transcript, roleFamily: SkillArea | undefined): Report['role'] {
  const role = transcript.role ?? null;
  if (!role && !roleFamily) return null;
  return { title: role?.title ?? null, skillArea: roleFamily ?? role?.skillArea ?? null, level: role?.level ?? null };
}

export async function scoreTranscript(transcript: Transcript, options: ScoreTranscriptOptions): Promise<Report> {
  const { scorer } = options;
  const introduction = transcript.turns.filter((t) => t.kind === 'introduction').map((t) => t.answer);
  return buildReport({
    candidate: { name: transcript.candidate.name },
    role: roleOf(transcript, options.roleFamily),
    startedAt: transcript.startedAt,
    endedAt: transcript.endedAt,
    generatedAt: transcript.endedAt,
    interviewerLabel: 'Imported transcript',
    profile: introduction.length > 0 ? extractProfile(guardedText(introduction.join('\n\n'))) : null,
    scorers: [{ id: scorer.id, version: scorer.version, label: scorer.label }],
    turns: await toReportTurns(transcript, scorer, options.bank ?? defaultQuestionBank()),
  });
}
