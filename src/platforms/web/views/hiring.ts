/** The web hiring channel: a report card per posted report, rendered from the report model, with the decision. */
import { DECISIONS, type DecisionKind } from '../../../engine/index.js';
import { DIMENSION_LABELS, PERFORMANCE_LEVEL_LABELS, capitalize } from '../../../report/labels.js';
import { dimensionValueText } from '../../../report/not-assessed.js';
import { formatScore } from '../../../report/numbers.js';
import { rescoredSentence } from '../../../report/rescored.js';
import type { Report } from '../../../report/schema.js';
import { writtenSummaryText } from '../../../report/written-summary.js';
import { DIMENSIONS } from '../../../scoring/types.js';
import { html, page, type SafeHtml } from '../html.js';

export interface PostedReport {
  interviewId: string;
  report: Report;
  decision: { kind: DecisionKind; deciderId: string; at: Date } | null;
}

const WORDS: Record<DecisionKind, string> = { advance: 'Advance', hold: 'Hold', reject: 'Reject' };

function dimensionRows(report: Report): SafeHtml[] {
  return DIMENSIONS.map(
    (d) =>
      html`<tr><th scope="row">${capitalize(DIMENSION_LABELS[d])}</th><td>${dimensionValueText(report, d)}</td></tr>`,
  );
}

function decisionPart(posted: PostedReport, csrf: string): SafeHtml {
  if (posted.decision) {
    return html`<p class="decided"><strong>Decision: ${WORDS[posted.decision.kind]}</strong>, recorded ${posted.decision.at.toUTCString()}.</p>`;
  }
  const buttons = DECISIONS.map(
    (d) => html`<button type="submit" name="decision" value="${d}" class="decision-${d}">${WORDS[d]}</button>`,
  );
  return html`<form method="post" action="/hiring/${posted.interviewId}/decision" class="decisions" aria-label="Decision for ${posted.report.candidate.name}">
<input type="hidden" name="csrf" value="${csrf}">${buttons}</form>`;
}

export function reportCard(posted: PostedReport, csrf: string): SafeHtml {
  const { report } = posted;
  const headingId = `card-${posted.interviewId}`;
  return html`<article class="card" aria-labelledby="${headingId}">
<h2 id="${headingId}">${report.candidate.name}${report.role?.title ? html` · ${report.role.title}` : ''}</h2>
<p class="score">Final score <strong>${formatScore(report.finalScore)}</strong> / 10 · ${capitalize(PERFORMANCE_LEVEL_LABELS[report.performanceLevel])}</p>
${report.metadata.rescored ? html`<p class="rescored">${rescoredSentence(report.metadata.rescored)}</p>` : ''}
<p>Recommendation: <strong>${WORDS[report.recommendation.decision]}</strong>. A person decides.</p>
<ul class="rationale">${report.recommendation.rationale.map((line) => html`<li>${line}</li>`)}</ul>
<p class="summary">${report.summary}</p>
${report.writtenSummary ? html`<p class="written-summary">${writtenSummaryText(report.writtenSummary)}</p>` : ''}
<table class="dimensions"><caption>Scores by rubric dimension</caption><tbody>${dimensionRows(report)}</tbody></table>
${report.flags.length ? html`<ul class="flags" aria-label="Flags">${report.flags.map((f) => html`<li>${f.message}</li>`)}</ul>` : ''}
${decisionPart(posted, csrf)}
<p class="scored">Scored by ${report.metadata.scorers.map((s) => s.label).join('; ') || 'no scorer'}. Interviewer: ${report.metadata.interviewer}.</p>
<p><a href="/hiring/${posted.interviewId}/report">Full report<span class="sr"> for ${report.candidate.name}</span></a></p>
</article>`;
}

export function hiringPage(input: { csrf: string; posted: PostedReport[]; notice?: string | undefined }): string {
  const body = html`<h1>Hiring channel</h1>
${input.notice ? html`<p class="notice" role="status">${input.notice}</p>` : ''}
${input.posted.length ? input.posted.map((p) => reportCard(p, input.csrf)) : html`<p>No report cards yet. A card appears here once a screen is finished and scored.</p>`}`;
  return page({ title: 'Hiring channel', body, nav: true });
}

/**
 * The text report's ruled lines (`=====`, `-----`) are as wide as the report, wider than a phone: on the page they
 * are borders that take the width there is. The text is otherwise as the report renders it, wrapped where needed.
 */
function reportBody(text: string): SafeHtml[] {
  const parts: SafeHtml[] = [];
  let run: string[] = [];
  const flush = () => {
    // Each run ends with its line break, so the text reads (and copies) line by line around the rules.
    if (run.length) parts.push(html`${run.join('\n')}\n`);
    run = [];
  };
  for (const line of text.split('\n')) {
    const rule = /^(=+|-+)$/.exec(line)?.[1];
    if (rule && rule.length >= 10) {
      flush();
      parts.push(
        html`<span class="rule ${rule.startsWith('=') ? 'rule-strong' : 'rule-light'}" aria-hidden="true"></span>`,
      );
    } else run.push(line);
  }
  flush();
  return parts;
}

export function fullReportPage(name: string, text: string): string {
  const body = html`<h1>Full report: ${name}</h1><p><a href="/hiring">Back to the hiring channel</a></p><pre class="report">${reportBody(text)}</pre>`;
  return page({ title: `Full report`, body, nav: true });
}
