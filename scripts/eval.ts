/**
 * `npm run eval`: scores the labelled answers in eval/answers.json with the configured provider (OpenAI when
 * OPENAI_API_KEY is set, the offline scorer otherwise) and prints how well the scores rank the answers in the
 * order of their labels, and how much two independent runs differ.
 *
 * Options: --file <path> (default eval/answers.json), --min-spearman <x> (exit 1 below it, for CI).
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { formatProblems, parseEnv } from '../src/config/env.js';
import { DIMENSIONS, QUESTION_FAMILIES, defaultQuestionBank, findBankQuestion, toScoringQuestion, type ScoringQuestion } from '../src/scoring/index.js';
import { UsageAccumulator, createInterviewProvider, type InterviewProvider, type ProviderAnswerScore } from '../src/providers/index.js';
import {
  kendallTauB,
  meanAbsoluteDifference,
  overallScore,
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
    const scores = await Promise.all(batch.map((item) => provider.scoreAnswer({ answerId: item.id, question: questionFor(item), answer: item.answer })));
    scores.forEach((score, i) => {
      usage.add(score);
      scored.push({ item: batch[i]!, score, overall: overallScore(score) });
    });
  }
  return scored;
}

const fmt = (value: number | null, digits = 2): string => (value === null ? '  n/a' : value.toFixed(digits).padStart(5));

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
    overall: meanAbsoluteDifference(both.map(([a]) => a.overall!), both.map(([, b]) => b.overall!)),
    dimension: meanAbsoluteDifference(dims.map(([x]) => x), dims.map(([, y]) => y)),
  };
}

function printReport(provider: InterviewProvider, first: Scored[], second: Scored[], usage: UsageAccumulator): number | null {
  const failed = first.filter((r) => r.score.status !== 'ok').length;
  const fallback = first.filter((r) => r.score.fallbackFrom).length;
  const lines = [
    `Screener eval: ${first.length} labelled answers, provider: ${provider.label}`,
    `Scores: ${first.length - failed} ok (${fallback} by the offline fallback), ${failed} failed`,
    '',
    `Rank agreement with the labels (${QUALITIES.join(' < ')}), overall score = mean of the dimensions and STAR:`,
    agreementLine('all', first),
    ...QUESTION_FAMILIES.map((family) => agreementLine(family, first.filter((r) => r.item.family === family))),
    `  questions whose four answers score in label order: ${questionsInLabelOrder(first)}`,
    '',
    `Mean overall score by label: ${QUALITIES.map((q) => `${q} ${fmt(mean(first.filter((r) => r.item.quality === q)))}`).join('  ')}`,
  ];
  const repeat = repeatability(first, second);
  lines.push(`Repeatability over two independent runs: mean absolute difference ${fmt(repeat.overall, 3)} (overall), ${fmt(repeat.dimension, 3)} (per dimension)`);
  const tokens = usage.total();
  lines.push(`Tokens over both runs: ${tokens.calls} calls, ${tokens.promptTokens} prompt (${tokens.cachedPromptTokens} cached), ${tokens.completionTokens} completion`);
  console.log(lines.join('\n'));
  const all = first.filter((r) => r.overall !== null);
  return spearman(all.map((r) => QUALITIES.indexOf(r.item.quality)), all.map((r) => r.overall!));
}

function mean(rows: Scored[]): number | null {
  const values = rows.map((r) => r.overall).filter((v): v is number => v !== null);
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { file: { type: 'string', default: 'eval/answers.json' }, 'min-spearman': { type: 'string' } } });
  const items = fileSchema.parse(JSON.parse(readFileSync(values.file, 'utf8'))).items;
  const env = openAiEnv();
  const usage = new UsageAccumulator();
  // Two providers, so the second run shares no score cache with the first: the difference is the scorer's own.
  const provider = createInterviewProvider({ env });
  const first = await scoreAll(provider, items, usage);
  const second = await scoreAll(createInterviewProvider({ env }), items, usage);
  const rho = printReport(provider, first, second, usage);
  const minimum = values['min-spearman'] === undefined ? null : Number(values['min-spearman']);
  if (minimum !== null && (rho === null || rho < minimum)) {
    console.error(`Spearman ${fmt(rho)} is below the required ${minimum}`);
    process.exitCode = 1;
  }
}

await main();
