/**
 * Report-level flags: every gap in the evidence, each naming its question, so no average hides one; and every
 * answer that addressed the scorer, so a reviewer sees it on the card and not only on the question's line.
 */
import { addressesScorer } from '../providers/answer-guard.js';
import { DIMENSIONS } from '../scoring/types.js';
import { DIMENSION_LABELS, capitalize } from './labels.js';
import { notAssessedQuestions, notAssessedReason, notAssessedText, notAssessedWhere } from './not-assessed.js';
import type { ReportFlag, ReportQuestion } from './schema.js';

function missingValueNames(question: ReportQuestion): string[] {
  const names = DIMENSIONS.filter((d) => question.dimensions[d] === null && !question.notAssessed.includes(d)).map(
    (d) => DIMENSION_LABELS[d],
  );
  if (question.kind === 'behavioral' && (question.star === null || question.star.value === null))
    names.push('STAR structure');
  return names;
}

function joinNames(names: readonly string[]): string {
  return names.length === 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

function flagsOfQuestion(question: ReportQuestion): ReportFlag[] {
  const n = question.index;
  if (question.status === 'skipped') {
    return [
      { code: 'skipped_question', question: n, message: `Question ${n} was skipped; it is left out of every average.` },
    ];
  }
  if (question.status === 'not_scored') {
    const why = question.flags.includes('scoring_failed') ? 'the scorer failed' : 'no score was recorded';
    return [
      {
        code: 'missing_score',
        question: n,
        message: `Question ${n} has no score (${why}); it is left out of every average.`,
      },
    ];
  }
  const missing = missingValueNames(question);
  if (missing.length === 0) return [];
  if (question.overall === null) {
    return [
      {
        code: 'missing_score',
        question: n,
        message: `Question ${n} has no value for any dimension; it is left out of every average.`,
      },
    ];
  }
  const names = joinNames(missing);
  return [
    {
      code: 'missing_value',
      question: n,
      message: `Question ${n} has no value for ${names}; only the values it has are counted.`,
    },
  ];
}

const PROFILE_GAP_MESSAGES = {
  no_introduction: 'There is no introduction, so the profile is empty.',
  not_analysed: 'The introduction was not analysed, so the profile is empty.',
} as const;

/** One flag per dimension the scorer did not judge, naming the questions: a choice of the scorer, not a gap. */
function notAssessedFlags(questions: readonly ReportQuestion[]): ReportFlag[] {
  return DIMENSIONS.flatMap((d) => {
    if (notAssessedQuestions(questions, d).length === 0) return [];
    const why = notAssessedText(notAssessedReason(questions, d));
    const message = `${capitalize(DIMENSION_LABELS[d])} is ${why} ${notAssessedWhere(questions, d)}; it is left out of those answers' overall and of every average, and is not a scoring failure.`;
    return [{ code: 'not_assessed' as const, question: null, message }];
  });
}

/** Also for answers stored with the older `prompt_injection` flag: it meant the same. */
function scorerInstructionFlag(question: ReportQuestion): ReportFlag[] {
  if (!addressesScorer(question.flags)) return [];
  const n = question.index;
  return [
    {
      code: 'instruction_to_scorer',
      question: n,
      message: `Question ${n} contains instructions to the scorer or an AI; that text was cut out and not scored.`,
    },
  ];
}

export function collectFlags(
  questions: readonly ReportQuestion[],
  profileGap: keyof typeof PROFILE_GAP_MESSAGES | null,
): ReportFlag[] {
  const flags: ReportFlag[] = [];
  if (profileGap) flags.push({ code: 'no_profile', question: null, message: PROFILE_GAP_MESSAGES[profileGap] });
  for (const question of questions) flags.push(...scorerInstructionFlag(question), ...flagsOfQuestion(question));
  flags.push(...notAssessedFlags(questions));
  return flags;
}

/** The report flags a card shows above its question lines: the answers that addressed the scorer, at most `max` lines. */
export function cardWarnings(report: { flags: readonly ReportFlag[] }, max = 5): string[] {
  const warnings = report.flags.filter((f) => f.code === 'instruction_to_scorer').map((f) => f.message);
  return warnings.length <= max
    ? warnings
    : [...warnings.slice(0, max - 1), `…and ${warnings.length - max + 1} more in the full report.`];
}
