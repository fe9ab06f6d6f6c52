/** Prints "N passed, N failed" from vitest's JSON report: the closing line CI reads. */
import { readFileSync } from 'node:fs';

interface VitestJson {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests?: number;
  numTodoTests?: number;
  testResults?: Array<{ status: string; message?: string }>;
}

const report = JSON.parse(readFileSync(process.argv[2] ?? 'vitest-report.json', 'utf8')) as VitestJson;
// A test file that fails to load runs no test; count it as a failure so it cannot hide.
const brokenFiles = (report.testResults ?? []).filter(
  (file) => file.status === 'failed' && (file.message ?? '') !== '',
).length;
const failed = report.numFailedTests + brokenFiles;
const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
console.log(`${report.numPassedTests} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
