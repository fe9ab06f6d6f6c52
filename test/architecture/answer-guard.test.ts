/**
 * One answer guard on every path, enforced: nothing in src/ or scripts/ calls a scorer's `score` except the guard
 * module (src/providers/answer-guard.ts), and every provider that scores an answer reads it through the guard. A
 * new path that scores candidate text any other way fails here.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const GUARD_MODULE = 'src/providers/answer-guard.ts';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return path.includes('generated') ? [] : sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

interface SourceFile {
  file: string;
  text: string;
}

const files: SourceFile[] = [...sourceFiles('src'), ...sourceFiles('scripts')].map((f) => ({
  file: relative('.', f),
  text: readFileSync(f, 'utf8'),
}));

/** Calls of a `score` method (`scorer.score(`, `x?.score (`), not definitions such as `async score(input)`. */
const SCORE_CALL = /[\w\])]\s*\??\.\s*score\s*\(/g;

/** Files that call a scorer's `score` without being the guard; src/scoring defines the raw scorers and is left out. */
function unguardedCalls(among: SourceFile[]): string[] {
  return among
    .filter(({ file }) => file !== GUARD_MODULE && !file.startsWith('src/scoring/'))
    .flatMap(({ file, text }) =>
      [...text.matchAll(SCORE_CALL)].map((m) => `${file}:${text.slice(0, m.index).split('\n').length}`),
    );
}

/** A `scoreAnswer` method with a body, or a `scoreAnswer:` property; not the interface's declaration. */
const IMPLEMENTS_SCORING = /^\s*(?:async\s+)?scoreAnswer\s*(?::\s*(?:async\s*)?\(|\([^)]*\)[^;{]*\{)/m;

/** Provider files that implement `scoreAnswer` (a method or property) without importing the guard. */
function providersWithoutGuard(among: SourceFile[]): string[] {
  const importsGuard = /from\s+['"](?:\.\.?\/)+answer-guard\.js['"]/;
  return among
    .filter(
      ({ file, text }) =>
        file.startsWith('src/providers/') && IMPLEMENTS_SCORING.test(text) && !importsGuard.test(text),
    )
    .map((f) => f.file);
}

describe('the answer guard', () => {
  it('finds the files it checks, the guard and both providers among them', () => {
    const names = files.map((f) => f.file);
    expect(names).toEqual(
      expect.arrayContaining([
        GUARD_MODULE,
        'src/providers/offline.ts',
        'src/providers/openai/provider.ts',
        'scripts/eval.ts',
      ]),
    );
  });

  it('is the only code outside src/scoring that calls a scorer', () => {
    expect(unguardedCalls(files)).toEqual([]);
  });

  it('is imported by every provider that scores answers', () => {
    expect(providersWithoutGuard(files)).toEqual([]);
    const implementing = files.filter(
      ({ file, text }) => file.startsWith('src/providers/') && IMPLEMENTS_SCORING.test(text),
    );
    expect(implementing.map((f) => f.file).sort()).toEqual([
      'src/providers/offline.ts',
      'src/providers/openai/provider.ts',
    ]);
  });

  it('catches a planted unguarded call and a planted provider without the guard', () => {
    const planted: SourceFile[] = [
      { file: 'src/jobs/rescore.ts', text: 'const s = await deps.scorer.score({ question, answer: row.text });' },
      { file: 'src/cli/commands/x.ts', text: 'return createOfflineScorer()\n  .score({ question, answer });' },
      { file: GUARD_MODULE, text: 'const score = await scorer.score({ ...input });' },
      { file: 'src/providers/as-scorer.ts', text: 'async score(input) { return provider.scoreAnswer(input); }' },
      {
        file: 'src/providers/other/provider.ts',
        text: "import { x } from '../text/injection.js';\n  async scoreAnswer(input) {}",
      },
    ];
    expect(unguardedCalls(planted)).toEqual(['src/jobs/rescore.ts:1', 'src/cli/commands/x.ts:1']);
    expect(providersWithoutGuard(planted)).toEqual(['src/providers/other/provider.ts']);
  });
});
