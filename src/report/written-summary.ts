/** The interviewer provider's notes as one attributed paragraph, for the cards (Block Kit, Adaptive Card, web). */
import type { WrittenSummary } from './schema.js';

export function writtenSummaryText(w: WrittenSummary): string {
  const points = [...w.strengths.map((x) => `+ ${x}`), ...w.concerns.map((x) => `- ${x}`)];
  return [`Notes by ${w.author} (no scores; those come from the rubric): ${w.overview}`, ...points].join('\n');
}
