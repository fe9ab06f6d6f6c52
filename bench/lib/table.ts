/** The plain-text table `npm run bench` prints; docs/benchmarks.md keeps one from a full run. */
import type { BenchResult } from './result.js';

function formatNumber(value: number | null): string {
  if (value === null || Number.isNaN(value)) return '-';
  if (Math.abs(value) >= 100) return value.toFixed(0);
  if (Math.abs(value) >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

function metLabel(met: boolean | null): string {
  if (met === null) return '-';
  return met ? 'met' : 'MISSED';
}

export function formatTable(results: readonly BenchResult[]): string {
  const header = ['name', 'value', 'unit', 'baseline', 'ratio', 'target', 'met'];
  const rows = results.map((r) => [
    r.name,
    formatNumber(r.value),
    r.unit,
    formatNumber(r.baseline),
    formatNumber(r.ratio),
    r.target,
    metLabel(r.met),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}
