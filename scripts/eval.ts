/**
 * `npm run eval`: scores the blind-graded answers in eval/graded.json with the configured provider (OpenAI when
 * OPENAI_API_KEY is set, the offline scorer otherwise) and prints how well the scores agree with the grades:
 * Spearman rank correlation, the share of same-question pairs put in the grades' order, mean absolute error and the
 * mean per category, against the targets; then how the labelled answers in eval/answers.json rank, and how much
 * two independent runs differ. The figures are written to eval/results.json.
 *
 * Options: --file <path> (a graded set, default eval/graded.json), --labelled <path> (default eval/answers.json;
 * "none" to skip), --out <path> (default eval/results.json), --check (exit 1 when a target is missed),
 * --min-spearman <x> (exit 1 when the labelled set's Spearman is below it).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { formatProblems, parseEnv } from '../src/config/env.js';
import {
  DIMENSIONS,
  QUESTION_FAMILIES,
  defaultQuestionBank,
  findBankQuestion,
  toScoringQuestion,
  type ScoringQuestion,
} from '../src/scoring/index.js';
import {
  UsageAccumulator,
  createInterviewProvider,
  type InterviewProvider,
  type ProviderAnswerScore,
} from '../src/providers/index.js';
import { questionOverall } from '../src/report/aggregate.js';
import {
  checkTargets,
  gradedFigures,
  gradedSetSchema,
  type GradedFigures,
  type GradedItem,
  type ScoredItem,
  type TargetCheck,
} from '../src/providers/evaluation/graded-set.js';
import {
  kendallTauB,
  meanAbsoluteDifference,
  pairwiseAccuracy,
  spearman,
} from '../src/providers/evaluation/rank-agreement.js';

const QUALITIES = ['off_topic', 'weak', 'adequate', 'strong'] as const;

const itemSchema = z.object({
  id: z.string(),
  family: z.enum(QUESTION_FAMILIES),
  kind: z.enum(['technical', 'behavioral']),
  bankQuestionId: z.string().optional(),
  question: z.string().min(10),
  quality: z.enum(QUALITIES),
  answer: z.string(),
});
const fileSchema = z.object({ items: z.array(itemSchema).min(1) });
type EvalItem = z.infer<typeof itemSchema>;

interface Scored {
  item: EvalItem;
  score: ProviderAnswerScore;
  overall: number | null;
}

function openAiEnv() {
  const names = ['OPENAI_API_KEY', 'OPENAI_BASE_URL', 'OPENAI_MODEL'] as const;
  const parsed = parseEnv(Object.fromEntries(names.map((name) => [name, process.env[name]])));
  if (!parsed.ok) {
    process.stderr.write(`${formatProblems(parsed.problems)}\n`);
    process.exit(78);
  }
  return parsed.env;
}

/** The answer's overall as the report computes it: the dimensions' weighted mean with STAR for behavioral answers. */
function overallOf(score: ProviderAnswerScore): number | null {
  const values = Object.fromEntries(DIMENSIONS.map((d) => [d, score.dimensions[d].value])) as Record<
    (typeof DIMENSIONS)[number],
    number | null
  >;
  return score.status === 'ok' ? questionOverall(values, score.star?.value ?? null) : null;
}

/** The bank question when it still exists (its rubric helps every scorer), else the question as written. */
function questionFor(item: EvalItem): ScoringQuestion {
  const bank = item.bankQuestionId ? findBankQuestion(defaultQuestionBank(), item.bankQuestionId) : undefined;
  return bank ? { ...toScoringQuestion(bank), text: item.question } : { kind: item.kind, text: item.question };
}

async function scoreAll(provider: InterviewProvider, items: EvalItem[], usage: UsageAccumulator): Promise<Scored[]> {
  const scored: Scored[] = [];
  // Small batches: the provider limits concurrency itself, this only keeps memory and log noise down.
  for (let start = 0; start < items.length; start += 8) {
    const batch = items.slice(start, start + 8);
    const scores = await Promise.all(
      batch.map((item) =>
        provider.scoreAnswer({ answerId: item.id, question: questionFor(item), answer: item.answer }),
      ),
    );
    scores.forEach((score, i) => {
      usage.add(score);
      scored.push({ item: batch[i]!, score, overall: overallOf(score) });
    });
  }
  return scored;
}

const fmt = (value: number | null, digits = 2): string =>
  value === null ? '  n/a' : value.toFixed(digits).padStart(5);

function agreementLine(name: string, rows: Scored[]): string {
  const usable = rows.filter((r): r is Scored & { overall: number } => r.overall !== null);
  const labels = usable.map((r) => QUALITIES.indexOf(r.item.quality));
  const scores = usable.map((r) => r.overall);
  return `  ${name.padEnd(11)} n=${String(usable.length).padStart(3)}  Spearman ${fmt(spearman(labels, scores))}  Kendall tau-b ${fmt(kendallTauB(labels, scores))}  pairwise ${fmt(pairwiseAccuracy(labels, scores))}`;
}

function questionsInLabelOrder(rows: Scored[]): string {
  const byQuestion = new Map<string, Scored[]>();
  for (const row of rows) byQuestion.set(row.item.question, [...(byQuestion.get(row.item.question) ?? []), row]);
  let inOrder = 0;
  for (const group of byQuestion.values()) {
    const ordered = [...group].sort((a, b) => QUALITIES.indexOf(a.item.quality) - QUALITIES.indexOf(b.item.quality));
    const overall = ordered.map((r) => r.overall);
    if (overall.every((v, i) => v !== null && (i === 0 || v > (overall[i - 1] ?? Infinity)))) inOrder++;
  }
  return `${inOrder} of ${byQuestion.size}`;
}

function repeatability(first: Scored[], second: Scored[]): { overall: number | null; dimension: number | null } {
  const pairs = first.map((row, i) => [row, second[i]!] as const);
  const both = pairs.filter(([a, b]) => a.overall !== null && b.overall !== null);
  const dims = pairs.flatMap(([a, b]) =>
    DIMENSIONS.flatMap((d) => {
      const x = a.score.dimensions[d].value;
      const y = b.score.dimensions[d].value;
      return x === null || y === null ? [] : [[x, y] as const];
    }),
  );
  return {
    overall: meanAbsoluteDifference(
      both.map(([a]) => a.overall!),
      both.map(([, b]) => b.overall!),
    ),
    dimension: meanAbsoluteDifference(
      dims.map(([x]) => x),
      dims.map(([, y]) => y),
    ),
  };
}

function printReport(
  provider: InterviewProvider,
  first: Scored[],
  second: Scored[],
  usage: UsageAccumulator,
): number | null {
  const failed = first.filter((r) => r.score.status !== 'ok').length;
  const fallback = first.filter((r) => r.score.fallbackFrom).length;
  const lines = [
    `Screener eval: ${first.length} labelled answers, provider: ${provider.label}`,
    `Scores: ${first.length - failed} ok (${fallback} by the offline fallback), ${failed} failed`,
    '',
    `Rank agreement with the labels (${QUALITIES.join(' < ')}), overall score = the report's weighted overall of the dimensions and STAR:`,
    agreementLine('all', first),
    ...QUESTION_FAMILIES.map((family) =>
      agreementLine(
        family,
        first.filter((r) => r.item.family === family),
      ),
    ),
    `  questions whose four answers score in label order: ${questionsInLabelOrder(first)}`,
    '',
    `Mean overall score by label: ${QUALITIES.map((q) => `${q} ${fmt(mean(first.filter((r) => r.item.quality === q)))}`).join('  ')}`,
  ];
  const repeat = repeatability(first, second);
  lines.push(
    `Repeatability over two independent runs: mean absolute difference ${fmt(repeat.overall, 3)} (overall), ${fmt(repeat.dimension, 3)} (per dimension)`,
  );
  const tokens = usage.total();
  lines.push(
    `Tokens (the graded set once, the labelled set twice): ${tokens.calls} calls, ${tokens.promptTokens} prompt (${tokens.cachedPromptTokens} cached), ${tokens.completionTokens} completion`,
  );
  console.log(lines.join('\n'));
  const all = first.filter((r) => r.overall !== null);
  return spearman(
    all.map((r) => QUALITIES.indexOf(r.item.quality)),
    all.map((r) => r.overall!),
  );
}

function mean(rows: Scored[]): number | null {
  const values = rows.map((r) => r.overall).filter((v): v is number => v !== null);
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
}

/** A graded item's question: its bank question's rubric with the text as asked, or the text alone (ad hoc). */
function gradedQuestionFor(item: GradedItem): ScoringQuestion {
  const bank = item.bankQuestionId ? findBankQuestion(defaultQuestionBank(), item.bankQuestionId) : undefined;
  return bank
    ? { ...toScoringQuestion(bank), text: item.question }
    : { kind: item.kind ?? 'technical', text: item.question };
}

async function scoreGraded(
  provider: InterviewProvider,
  items: GradedItem[],
  usage: UsageAccumulator,
): Promise<Array<ScoredItem & { score: ProviderAnswerScore }>> {
  const scored: Array<ScoredItem & { score: ProviderAnswerScore }> = [];
  for (let start = 0; start < items.length; start += 8) {
    const batch = items.slice(start, start + 8);
    const scores = await Promise.all(
      batch.map((item) =>
        provider.scoreAnswer({ answerId: item.id, question: gradedQuestionFor(item), answer: item.answer }),
      ),
    );
    scores.forEach((score, i) => {
      usage.add(score);
      scored.push({ item: batch[i]!, score, overall: overallOf(score) });
    });
  }
  return scored;
}

function printGraded(file: string, figures: GradedFigures, checks: readonly TargetCheck[]): void {
  const lines = [
    `Agreement with blind grades (${file}): ${figures.n} answers, ${figures.unscored} not scored`,
    `  Spearman ${fmt(figures.spearman)}   pairwise order ${fmt(figures.pairwise)} (${figures.pairs} same-question pairs 2+ grades apart)   mean absolute error ${fmt(figures.meanAbsoluteError)}`,
    '  mean per category (score / grade):',
    ...figures.categories.map(
      (c) => `    ${c.category.padEnd(18)} n=${String(c.n).padStart(3)}  ${fmt(c.meanScore)} / ${fmt(c.meanGrade)}`,
    ),
    '  Spearman per family:',
    ...figures.families.map((f) => `    ${f.family.padEnd(18)} n=${String(f.n).padStart(3)}  ${fmt(f.spearman)}`),
    '  targets:',
    ...checks.map(
      (c) => `    ${c.met ? 'met   ' : 'MISSED'} ${c.name.padEnd(26)} ${fmt(c.value)}  (target ${c.target})`,
    ),
    '',
  ];
  console.log(lines.join('\n'));
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      file: { type: 'string', default: 'eval/graded.json' },
      labelled: { type: 'string', default: 'eval/answers.json' },
      out: { type: 'string', default: 'eval/results.json' },
      check: { type: 'boolean', default: false },
      'min-spearman': { type: 'string' },
    },
  });
  const env = openAiEnv();
  const usage = new UsageAccumulator();
  // Two providers, so the second run shares no score cache with the first: the difference is the scorer's own.
  const provider = createInterviewProvider({ env });
  console.log(`Screener eval, provider: ${provider.label}\n`);
  const graded = gradedSetSchema.parse(JSON.parse(readFileSync(values.file, 'utf8'))).items;
  const gradedRows = await scoreGraded(provider, graded, usage);
  const figures = gradedFigures(gradedRows);
  const checks = checkTargets(figures);
  printGraded(values.file, figures, checks);
  let rho: number | null = null;
  let labelled: { first: Scored[]; second: Scored[] } | null = null;
  if (values.labelled !== 'none') {
    const items = fileSchema.parse(JSON.parse(readFileSync(values.labelled, 'utf8'))).items;
    const first = await scoreAll(provider, items, usage);
    const second = await scoreAll(createInterviewProvider({ env }), items, usage);
    rho = printReport(provider, first, second, usage);
    labelled = { first, second };
  }
  writeFileSync(
    values.out,
    `${JSON.stringify(resultsJson(provider, values.file, figures, checks, gradedRows, labelled), null, 2)}\n`,
  );
  const minimum = values['min-spearman'] === undefined ? null : Number(values['min-spearman']);
  if (minimum !== null && (rho === null || rho < minimum)) {
    console.error(`Spearman ${fmt(rho)} is below the required ${minimum}`);
    process.exitCode = 1;
  }
  const missed = checks.filter((c) => !c.met);
  if (values.check && missed.length > 0) {
    console.error(`Missed targets: ${missed.map((c) => `${c.name} ${fmt(c.value)} (target ${c.target})`).join('; ')}`);
    process.exitCode = 1;
  }
}

function resultsJson(
  provider: InterviewProvider,
  file: string,
  figures: GradedFigures,
  checks: readonly TargetCheck[],
  rows: ReadonlyArray<ScoredItem & { score: ProviderAnswerScore }>,
  labelled: { first: Scored[]; second: Scored[] } | null,
) {
  return {
    provider: provider.label,
    scorers: [...new Set(rows.map((r) => `${r.score.scorerId} ${r.score.scorerVersion}`))],
    graded: { file, ...figures, targets: checks },
    labelled: labelled && { n: labelled.first.length, repeatability: repeatability(labelled.first, labelled.second) },
    answers: rows.map((r) => ({
      id: r.item.id,
      category: r.item.category ?? null,
      grade: r.item.grade,
      score: r.overall,
      flags: r.score.flags,
    })),
  };
}

await main();
