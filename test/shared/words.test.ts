/**
 * One word count everywhere: the count the engine stores with an answer is the one the report prints, and no other
 * module keeps a counter of its own that could disagree by one on the same answer.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countWords as engineCount } from '../../src/engine/index.js';
import { countWords as reportCount } from '../../src/report/statistics.js';
import { countWords } from '../../src/shared/words.js';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return path.includes('generated') ? [] : sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

describe('countWords', () => {
  it('counts runs of non-space characters', () => {
    expect(countWords('')).toBe(0);
    expect(countWords(' \n\t ')).toBe(0);
    expect(countWords("  I don't use TTL-based caching — ever.\n\nSecond\u00a0line ")).toBe(9);
  });

  it('is the function the engine and the report use', () => {
    expect(engineCount).toBe(countWords);
    expect(reportCount).toBe(countWords);
  });

  it('has no second definition anywhere in src', () => {
    const definitions = sourceFiles('src').flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/function\s+(\w*(?:count\w*words|word\w*count)\w*)\s*\(/gi)].map(
        (m) => `${file}: ${m[1]}`,
      ),
    );
    expect(definitions).toEqual(['src/shared/words.ts: countWords']);
  });
});
