/**
 * Report build (issue item 6): the time to build the report of a 40-question interview from its scored turns and
 * render it three ways (plain text, the Slack Block Kit card, the Teams Adaptive Card), against JSON.parse of the
 * same report's JSON as the baseline, the same number of times in the same process.
 *
 * The input is realistic: 40 questions from the default bank (technical, behavioral and follow-ups), each answered
 * with its reference answer and scored by the real offline rubric scorer once, before timing. No I/O is timed.
 */
import { buildReport, renderText, type Report, type ReportInput, type ReportTurn } from '../../src/report/index.js';
import { cardMessage } from '../../src/platforms/slack/cards/card-message.js';
import { renderTeamsCard } from '../../src/platforms/teams/cards/report-card.js';
import {
  classifyAnswer,
  createOfflineScorer,
  defaultQuestionBank,
  extractProfile,
  toScoringQuestion,
} from '../../src/scoring/index.js';
import type { ScoringQuestion } from '../../src/scoring/types.js';
import type { BenchContext, BenchResult, BenchSuite } from '../lib/result.js';
import { result } from '../lib/result.js';
import { mean } from '../lib/stats.js';

const QUESTIONS = 40;
const INTRO =
  'I am a back-end developer with four years of experience building APIs in Node.js and PostgreSQL. I built a payments service and a search indexer.';
const INTERVIEW_ID = '00000000-0000-4000-8000-000000000040';

/** 40 scored turns after the introduction: bank questions in order, every fourth one followed by a follow-up. */
export async function fortyQuestionInput(): Promise<ReportInput> {
  const scorer = createOfflineScorer();
  const bank = defaultQuestionBank().questions.filter((q) => q.family === 'backend' || q.family === 'behavioral');
  const turns: ReportTurn[] = [
    {
      index: 0,
      kind: 'introduction',
      question: 'Tell me about yourself.',
      answer: INTRO,
      wordCount: INTRO.split(/\s+/).length,
      skipped: false,
      flags: [],
      score: null,
    },
  ];
  for (let i = 0; turns.length <= QUESTIONS; i++) {
    const q = bank[i % bank.length];
    if (!q) throw new Error('empty question bank');
    const full = toScoringQuestion(q);
    const asked: Array<{ kind: ReportTurn['kind']; text: string; question: ScoringQuestion }> = [
      { kind: q.kind, text: q.text, question: full },
    ];
    if (i % 4 === 3)
      asked.push({
        kind: 'follow_up',
        text: q.followUps[0] ?? q.text,
        question: { ...full, kind: 'follow_up', text: q.followUps[0] ?? q.text },
      });
    for (const a of asked) {
      if (turns.length > QUESTIONS) break;
      const answer = a.kind === 'follow_up' ? q.referenceAnswer.split('. ').slice(0, 2).join('. ') : q.referenceAnswer;
      const score = await scorer.score({ question: a.question, answer, answerId: `bench-${turns.length}` });
      turns.push({
        index: turns.length,
        kind: a.kind,
        question: a.text,
        answer,
        wordCount: answer.split(/\s+/).length,
        skipped: false,
        flags: classifyAnswer(answer),
        score,
      });
    }
  }
  return {
    candidate: { name: 'Bench Candidate' },
    role: { title: 'Backend engineer (mid)', skillArea: 'backend', level: 'mid' },
    startedAt: '2026-02-02T10:00:00Z',
    endedAt: '2026-02-02T11:10:00Z',
    generatedAt: '2026-02-02T11:10:00Z',
    interviewerLabel: 'Screener (bench)',
    profile: extractProfile(INTRO),
    scorers: [{ id: scorer.id, version: scorer.version, label: scorer.label }],
    turns,
  };
}

interface Parts {
  build: number;
  text: number;
  slack: number;
  teams: number;
}

/** Runs build + the three renderers `iterations` times; returns the mean ms of each part. `sink` defeats dead-code elimination. */
function timeBuildAndRender(input: ReportInput, iterations: number, sink: { bytes: number }): Parts {
  const totals: Parts = { build: 0, text: 0, slack: 0, teams: 0 };
  for (let i = 0; i < iterations; i++) {
    const t0 = performance.now();
    const report = buildReport(input);
    const t1 = performance.now();
    const text = renderText(report);
    const t2 = performance.now();
    const slack = cardMessage(report, INTERVIEW_ID, null);
    const t3 = performance.now();
    const teams = renderTeamsCard(report, INTERVIEW_ID, null);
    const t4 = performance.now();
    totals.build += t1 - t0;
    totals.text += t2 - t1;
    totals.slack += t3 - t2;
    totals.teams += t4 - t3;
    sink.bytes += text.length + slack.blocks.length + (teams.attachments?.length ?? 0);
  }
  return {
    build: totals.build / iterations,
    text: totals.text / iterations,
    slack: totals.slack / iterations,
    teams: totals.teams / iterations,
  };
}

function timeParse(json: string, iterations: number, sink: { bytes: number }): number {
  const start = performance.now();
  for (let i = 0; i < iterations; i++) sink.bytes += (JSON.parse(json) as Report).questions.length;
  return (performance.now() - start) / iterations;
}

export const reportBuildSuite: BenchSuite = {
  name: 'report_build',
  description:
    'build + render (text, Block Kit, Adaptive Card) of a 40-question report vs JSON.parse of the same report',
  async run(ctx: BenchContext): Promise<BenchResult[]> {
    const input = await fortyQuestionInput();
    const report = buildReport(input);
    const json = JSON.stringify(report);
    const iterations = ctx.quick ? 200 : 1_000;
    const rounds = ctx.quick ? 3 : 5;
    const sink = { bytes: 0 };
    // Warm-up: let V8 optimize both paths before anything is timed.
    timeBuildAndRender(input, Math.ceil(iterations / 4), sink);
    timeParse(json, iterations, sink);
    // Alternate the two in rounds, so a noisy moment on a shared host hits both alike; keep each round's mean.
    const measured: Parts[] = [];
    const parsed: number[] = [];
    for (let r = 0; r < rounds; r++) {
      measured.push(timeBuildAndRender(input, iterations, sink));
      parsed.push(timeParse(json, iterations * 4, sink));
    }
    const part = (key: keyof Parts) => Math.min(...measured.map((m) => m[key]));
    const total = Math.min(...measured.map((m) => m.build + m.text + m.slack + m.teams));
    const baseline = Math.min(...parsed);
    ctx.log(
      `${report.questions.length} questions, report JSON ${(json.length / 1024).toFixed(1)} KiB, ${rounds} rounds x ${iterations} builds (sink ${sink.bytes})`,
    );
    ctx.log(
      `per report: build ${part('build').toFixed(3)} ms, text ${part('text').toFixed(3)} ms, Block Kit ${part('slack').toFixed(3)} ms, Adaptive Card ${part('teams').toFixed(3)} ms; JSON.parse ${baseline.toFixed(3)} ms (mean of rounds ${mean(parsed).toFixed(3)})`,
    );
    const common = { unit: 'ms', baseline, target: 'none (ratio to JSON.parse reported)', met: null };
    return [
      result({
        name: 'report_build.total',
        value: total,
        ...common,
        note: `buildReport + renderText + Slack card + Teams card for ${report.questions.length} questions (${(json.length / 1024).toFixed(0)} KiB of report JSON), best of ${rounds} rounds of ${iterations}; baseline: JSON.parse of the same report JSON`,
      }),
      result({
        name: 'report_build.build',
        value: part('build'),
        ...common,
        note: 'buildReport alone (aggregate, rationale, summary, zod validation)',
      }),
      result({ name: 'report_build.render_text', value: part('text'), ...common, note: 'renderText' }),
      result({
        name: 'report_build.render_block_kit',
        value: part('slack'),
        ...common,
        note: 'Slack cardMessage (Block Kit, with decision buttons)',
      }),
      result({
        name: 'report_build.render_adaptive_card',
        value: part('teams'),
        ...common,
        note: 'Teams renderTeamsCard (Adaptive Card 1.5, clipped to the 26 KB budget)',
      }),
    ];
  },
};
