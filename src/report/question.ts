/** One interview turn, with its score, as the report shows it. */
import {
  ANSWER_FLAGS,
  DIMENSIONS,
  type AnswerFlag,
  type AnswerScore,
  type Dimension,
  type TurnKind,
} from '../scoring/types.js';
import { questionOverall } from './aggregate.js';
import { round2 } from './numbers.js';
import { toPlainItem } from './plain-text.js';
import type { OlderScore, QuestionStatus, ReportQuestion, ScorerDescription } from './schema.js';

export interface ReportTurn {
  /** Position in the interview; turns are reported in this order. */
  index: number;
  kind: TurnKind;
  /** For a follow-up: the `index` of the turn it follows. @defaultValue null (not known: it counts as technical) */
  parentIndex?: number | null;
  question: string;
  answer: string;
  wordCount: number;
  skipped: boolean;
  flags: readonly AnswerFlag[];
  /** Null when no score was recorded. A score with status 'failed' is shown as missing too. */
  score: AnswerScore | null;
  /** The bank question it was, when it was one. @defaultValue null */
  questionId?: string | null;
  /** Older scoring runs of the same answer (earlier scorer versions), newest first. @defaultValue [] */
  olderScores?: readonly AnswerScore[];
}

export type QuestionTurn = ReportTurn & { kind: ReportQuestion['kind'] };

function statusOf(turn: ReportTurn): QuestionStatus {
  if (turn.skipped || turn.score?.status === 'skipped') return 'skipped';
  if (turn.score === null || turn.score.status === 'failed') return 'not_scored';
  return 'scored';
}

/** A value the scorer gave, if it is a usable 0-10 number; anything else counts as missing, never as a default. */
function usableValue(value: number | null | undefined): number | null {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 10) return null;
  return round2(value);
}

/**
 * The values, their evidence, and the dimensions the scorer chose not to judge: on an ok score a value of exactly
 * null is "not assessed" (the evidence says why); anything else unusable is missing.
 */
function dimensionsOf(
  score: AnswerScore | null,
): Pick<ReportQuestion, 'dimensions' | 'dimensionEvidence' | 'notAssessed'> {
  const dimensions = {} as ReportQuestion['dimensions'];
  const dimensionEvidence = {} as ReportQuestion['dimensionEvidence'];
  const notAssessed: Dimension[] = [];
  for (const d of DIMENSIONS) {
    const given = score?.dimensions[d];
    dimensions[d] = usableValue(given?.value);
    dimensionEvidence[d] = given ? toPlainItem(given.evidence) || null : null;
    if (score?.status === 'ok' && given?.value === null) notAssessed.push(d);
  }
  return { dimensions, dimensionEvidence, notAssessed };
}

/** A behavioral answer's STAR, and a follow-up's to a behavioral question (it counts with the stories). */
function starOf(kind: ReportQuestion['kind'] | 'story', score: AnswerScore | null): ReportQuestion['star'] {
  const star = score?.star;
  if ((kind !== 'behavioral' && kind !== 'story') || !star) return null;
  const { situation, task, action, result } = star;
  return { situation, task, action, result, value: usableValue(star.value), evidence: toPlainItem(star.evidence) };
}

function flagsOf(turn: ReportTurn, status: QuestionStatus): AnswerFlag[] {
  const given = new Set<AnswerFlag>([...turn.flags, ...(turn.score?.flags ?? [])]);
  if (status === 'skipped') given.add('skipped');
  if (turn.score?.status === 'failed') given.add('scoring_failed');
  return ANSWER_FLAGS.filter((flag) => given.has(flag));
}

function cleanItems(items: readonly string[]): string[] {
  return items.map(toPlainItem).filter((item) => item.length > 0);
}

export function scorerLabel(score: AnswerScore, scorers: readonly ScorerDescription[]): string {
  const known = scorers.find((s) => s.id === score.scorerId && s.version === score.scorerVersion);
  return known?.label ?? score.label ?? `${score.scorerId} ${score.scorerVersion}`;
}

/** An older run's overall, combined exactly as the shown one is; null when that run has no usable score. */
function olderScoreOf(
  kind: ReportQuestion['kind'] | 'story',
  score: AnswerScore,
  scorers: readonly ScorerDescription[],
): OlderScore {
  const usable = score.status === 'ok' ? score : null;
  const overall = usable ? questionOverall(dimensionsOf(usable).dimensions, starOf(kind, usable)?.value ?? null) : null;
  return { id: score.scorerId, version: score.scorerVersion, label: scorerLabel(score, scorers), overall };
}

/**
 * `number` is the 1-based question number shown to the reader; `parent` is a follow-up's parent question as
 * numbered in the report. Only a scored turn keeps its values.
 */
export function toReportQuestion(
  turn: QuestionTurn,
  number: number,
  scorers: readonly ScorerDescription[],
  parent: ReportQuestion['parent'] = null,
): ReportQuestion {
  const status = statusOf(turn);
  const score = status === 'scored' ? turn.score : null;
  const { dimensions, dimensionEvidence, notAssessed } = dimensionsOf(score);
  const story = turn.kind === 'follow_up' && parent?.kind === 'behavioral' ? 'story' : turn.kind;
  const star = starOf(story, score);
  const shown = turn.score && status !== 'skipped' ? turn.score : null;
  return {
    index: number,
    questionId: turn.questionId ?? null,
    kind: turn.kind,
    parent: turn.kind === 'follow_up' ? parent : null,
    question: turn.question,
    answer: turn.answer,
    wordCount: turn.wordCount,
    status,
    dimensions,
    dimensionEvidence,
    notAssessed,
    star,
    overall: status === 'scored' ? questionOverall(dimensions, star?.value ?? null) : null,
    strengths: cleanItems(score?.strengths ?? []),
    improvements: cleanItems(score?.improvements ?? []),
    flags: flagsOf(turn, status),
    scorer: shown ? scorerLabel(shown, scorers) : null,
    scoredWith: shown ? { id: shown.scorerId, version: shown.scorerVersion } : null,
    olderScores:
      status === 'skipped' ? [] : (turn.olderScores ?? []).map((older) => olderScoreOf(story, older, scorers)),
  };
}
