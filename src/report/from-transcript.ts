/**
 * Scores an interview transcript file (the shape of test/fixtures/seed-transcript.json) into a report, offline. The
 * introduction gives the profile; every other turn goes to the scorer, an empty answer included (the scorer flags it
 * rather than this code guessing). Every answer and the introduction pass the answer guard first, whatever scorer is
 * given: text addressed to the scorer is cut out, flagged on its question, and never scored. The report's generation time is the end of the interview, so the same transcript
 * always gives the same report.
 */
import { z } from 'zod';
import { guardedText, mergeFlags, scoreGuarded } from '../providers/answer-guard.js';
import { AppError } from '../shared/errors.js';
import { LEVELS, SKILL_AREAS, classifyAnswer, extractProfile, type AnswerFlag, type AnswerScore, type AnswerScorer, type SkillArea } from '../scoring/index.js';
import { buildReport, type ReportTurn } from './build.js';
import type { Report } from './schema.js';
import { countWords } from './statistics.js';

const isoTime = z.iso.datetime({ offset: true });

export const TranscriptSchema = z
  .object({
    candidate: z.object({ name: z.string().trim().min(1) }),
    role: z
      .object({ title: z.string().trim().min(1), skillArea: z.enum(SKILL_AREAS).optional(), level: z.enum(LEVELS).optional() })
      .nullable()
      .optional(),
    startedAt: isoTime,
    endedAt: isoTime,
    turns: z
      .array(
        z.object({
          kind: z.enum(['introduction', 'technical', 'behavioral', 'follow_up']),
          question: z.string().trim().min(1),
          answer: z.string(),
          /** The candidate chose to skip the question. @defaultValue false */
          skipped: z.boolean().optional(),
        }),
      )
      .min(1),
  })
  .refine((t) => Date.parse(t.endedAt) >= Date.parse(t.startedAt), { path: ['endedAt'], message: 'earlier than startedAt' });

export type Transcript = z.infer<typeof TranscriptSchema>;

/** `turns[2].answer` */
export function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(top level)';
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)), '');
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const message = issue.message.replace(/^Invalid input: /, '');
  return `${formatPath(issue.path)}: ${message.replace(/, received undefined$/, ' (missing)')}`;
}

/** Validates parsed JSON as a transcript; the error names the first bad field, e.g. `turns[2].answer: expected string`. */
export function parseTranscript(data: unknown): Transcript {
  const result = TranscriptSchema.safeParse(data);
  if (result.success) return result.data;
  const [first, ...rest] = result.error.issues;
  const more = rest.length > 0 ? ` (and ${rest.length} more ${rest.length === 1 ? 'problem' : 'problems'})` : '';
  throw new AppError('invalid_input', `${first ? describeIssue(first) : 'invalid transcript'}${more}`);
}

export interface ScoreTranscriptOptions {
  scorer: AnswerScorer;
  /** The role's skill area; given, it wins over the transcript's. @defaultValue the transcript's, else none */
  roleFamily?: SkillArea;
}

type TranscriptTurn = Transcript['turns'][number];

interface ScoredTurn {
  score: AnswerScore | null;
  /** The guard's flags (and the shape flags of the scored text); kept when the scorer failed. */
  flags: AnswerFlag[];
}

async function scoreTurn(turn: TranscriptTurn, scorer: AnswerScorer): Promise<ScoredTurn> {
  if (turn.kind === 'introduction' || turn.skipped) return { score: null, flags: [] };
  const result = await scoreGuarded(scorer, { question: { kind: turn.kind, text: turn.question }, answer: turn.answer });
  // A scorer failure is shown as a missing score on that question (flagged); it never becomes a made-up value.
  return result.ok ? { score: result.score, flags: result.score.flags } : { score: null, flags: [...result.guarded.flags, 'scoring_failed'] };
}

async function toReportTurns(transcript: Transcript, scorer: AnswerScorer): Promise<ReportTurn[]> {
  const turns: ReportTurn[] = [];
  // One at a time, in order: scorers may be rate-limited services, and the order of calls stays the same every run.
  for (const [index, turn] of transcript.turns.entries()) {
    const { score, flags } = await scoreTurn(turn, scorer);
    turns.push({
      index,
      kind: turn.kind,
      question: turn.question,
      answer: turn.answer,
      wordCount: countWords(turn.answer),
      skipped: turn.skipped ?? false,
      flags: mergeFlags(turn.kind === 'introduction' ? [] : classifyAnswer(turn.answer), flags),
      score,
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
    turns: await toReportTurns(transcript, scorer),
  });
}
