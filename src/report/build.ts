/**
 * `buildReport` turns what an interview produced (turns, scores, profile) into a validated Report. It is pure: the
 * same input gives the same report, so the report can be rebuilt at any time from stored interviews.
 */
import { AppError } from '../shared/errors.js';
import type { Level, Profile, SkillArea, TokenCount } from '../scoring/types.js';
import { aggregate } from './aggregate.js';
import { developmentPlan } from './development-plan.js';
import { collectFlags } from './flags.js';
import { round2 } from './numbers.js';
import { toReportQuestion, type QuestionTurn, type ReportTurn } from './question.js';
import { writeRationale } from './rationale.js';
import { decide } from './recommend.js';
import { rescoredOf } from './rescored.js';
import {
  ReportSchema,
  type Report,
  type ReportQuestion,
  type ScorerDescription,
  type WrittenSummary,
} from './schema.js';
import { computeStatistics } from './statistics.js';
import { writeSummary } from './summary.js';

export type { ReportTurn } from './question.js';

export interface ReportInput {
  candidate: { name: string };
  role: { title: string | null; skillArea: SkillArea | null; level: Level | null } | null;
  startedAt: Date | string;
  endedAt: Date | string;
  /** Pass a fixed time (e.g. the end of the interview) where the output must be reproducible. */
  generatedAt: Date | string;
  /** Who ran the interview, e.g. "Screener (Slack)" or "Imported transcript". */
  interviewerLabel: string;
  /** From the introduction; null when there was none. */
  profile: Profile | null;
  /** Labels of the scorers behind the scores. @defaultValue [] (labels then read "<id> <version>") */
  scorers?: readonly ScorerDescription[];
  /** Every turn, the introduction included. */
  turns: readonly ReportTurn[];
  /** Model tokens spent outside scoring (question wording, follow-ups, the summary); added to the scores' own. */
  modelTokens?: TokenCount | null;
  /** The interviewer provider's notes, when a model wrote them. */
  writtenSummary?: WrittenSummary | null;
}

const EMPTY_PROFILE: Profile = {
  primarySkillArea: null,
  experienceLevel: null,
  skills: [],
  projectsMentioned: 0,
  evidence: { primarySkillArea: null, experienceLevel: null, skills: null, projectsMentioned: null },
};

function toIso(value: Date | string, field: string): string {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) throw new AppError('invalid_input', `${field}: not a valid time`);
  return date.toISOString();
}

function buildMetadata(input: ReportInput, questions: readonly ReportQuestion[]): Report['metadata'] {
  const startedAt = toIso(input.startedAt, 'startedAt');
  const endedAt = toIso(input.endedAt, 'endedAt');
  const durationMs = Date.parse(endedAt) - Date.parse(startedAt);
  if (durationMs < 0) throw new AppError('invalid_input', 'endedAt: earlier than startedAt');
  const scorers = [...(input.scorers ?? [])];
  for (const turn of input.turns) {
    const score = turn.score;
    if (score && !scorers.some((s) => s.id === score.scorerId && s.version === score.scorerVersion)) {
      scorers.push({
        id: score.scorerId,
        version: score.scorerVersion,
        label: score.label ?? `${score.scorerId} ${score.scorerVersion}`,
      });
    }
  }
  const tokens = sumTokens(input.turns, input.modelTokens ?? null);
  return {
    startedAt,
    endedAt,
    durationMinutes: round2(durationMs / 60_000),
    generatedAt: toIso(input.generatedAt, 'generatedAt'),
    scorers,
    interviewer: input.interviewerLabel,
    rescored: rescoredOf(questions, scorers),
    tokens,
  };
}

/** Tokens over every scored question and the rest of the interview, or null when nothing cost any (offline). */
function sumTokens(turns: ReportInput['turns'], modelTokens: TokenCount | null): Report['metadata']['tokens'] {
  const used = [
    ...turns.flatMap((t) => (t.score?.usage ? [t.score.usage] : [])),
    ...(modelTokens ? [modelTokens] : []),
  ];
  if (used.length === 0) return null;
  return used.reduce((a, u) => ({
    calls: a.calls + u.calls,
    promptTokens: a.promptTokens + u.promptTokens,
    cachedPromptTokens: a.cachedPromptTokens + u.cachedPromptTokens,
    completionTokens: a.completionTokens + u.completionTokens,
  }));
}

function profileGap(input: ReportInput): 'no_introduction' | 'not_analysed' | null {
  if (input.profile !== null) return null;
  return input.turns.some((t) => t.kind === 'introduction') ? 'not_analysed' : 'no_introduction';
}

function isQuestionTurn(turn: ReportTurn): turn is QuestionTurn {
  return turn.kind !== 'introduction';
}

/** The questions numbered from 1, each follow-up pointing at its parent by that number. */
function toReportQuestions(turns: readonly ReportTurn[], scorers: readonly ScorerDescription[]): ReportQuestion[] {
  const asked = turns.filter(isQuestionTurn);
  const parents = new Map<number, NonNullable<ReportQuestion['parent']>>();
  asked.forEach((turn, i) => {
    if (turn.kind === 'technical' || turn.kind === 'behavioral')
      parents.set(turn.index, { index: i + 1, kind: turn.kind });
  });
  return asked.map((turn, i) => toReportQuestion(turn, i + 1, scorers, parents.get(turn.parentIndex ?? -1) ?? null));
}

export function buildReport(input: ReportInput): Report {
  const turns = [...input.turns].sort((a, b) => a.index - b.index);
  const questions = toReportQuestions(turns, input.scorers ?? []);
  const introductionWords = turns.filter((t) => t.kind === 'introduction').reduce((sum, t) => sum + t.wordCount, 0);
  const aggregates = aggregate(questions);
  const profile = input.profile ?? EMPTY_PROFILE;
  const statistics = computeStatistics(questions, introductionWords);
  const outcome = decide(questions, aggregates);
  const summary = writeSummary({
    candidate: input.candidate,
    role: input.role,
    profile,
    statistics,
    questions,
    ...aggregates,
  });
  const report: Report = {
    candidate: { name: input.candidate.name },
    role: input.role,
    metadata: buildMetadata(input, questions),
    profile,
    statistics,
    ...aggregates,
    performanceLevel: outcome.performanceLevel,
    questions,
    flags: collectFlags(questions, profileGap(input)),
    summary,
    writtenSummary: input.writtenSummary ?? null,
    recommendation: {
      decision: outcome.decision,
      basis: outcome.basis,
      rationale: writeRationale(outcome, questions, aggregates),
      developmentPlan: developmentPlan(aggregates.dimensions, questions),
    },
  };
  return ReportSchema.parse(report);
}
