import { ReportSchema, type Report } from './schema.js';

/**
 * The report as JSON: keys in the schema's order (parsing rebuilds every object in that order and drops anything
 * the schema does not know), two-space indent, a final newline. The same report always gives the same bytes.
 */
export function renderJson(report: Report): string {
  return `${JSON.stringify(ReportSchema.parse(report), null, 2)}\n`;
}
