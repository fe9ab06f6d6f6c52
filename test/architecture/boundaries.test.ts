/**
 * One-way dependencies, enforced: platform SDKs stay in their adapters; the interview engine, scoring and report
 * code know no database, queue, HTTP framework or platform; platforms and background work meet only in src/outbound
 * (docs/architecture.md).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return path.includes('generated') ? [] : sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found = [
    ...text.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g),
  ];
  return found.map((m) => m[1] ?? m[2] ?? '');
}

const files = sourceFiles('src').map((f) => ({ file: relative('.', f), imports: importsOf(f) }));

type SourceFile = { file: string; imports: string[] };
/** The background folder and the process wiring, seen from a platform adapter. */
const BACKGROUND_OR_WIRING = /\/(background|process)\//;
/** A platform adapter, its SDKs or an HTTP framework, seen from background work. */
const PLATFORM_SIDE = /^(@slack\/|botbuilder|botframework-|express)|\/platforms\//;
const INFRASTRUCTURE =
  /^(@prisma\/|bullmq|ioredis|pg$|express|@slack\/|botbuilder)|\/(store|jobs|platforms|http|generated)\//;

function offenders(inDir: RegExp, forbidden: RegExp, except?: RegExp, among: SourceFile[] = files): string[] {
  return among
    .filter(({ file }) => inDir.test(file) && !(except && except.test(file)))
    .flatMap(({ file, imports }) =>
      imports.filter((spec) => forbidden.test(spec)).map((spec) => `${file} imports ${spec}`),
    );
}

describe('dependency boundaries', () => {
  it('finds the source files it checks', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it('only src/platforms/slack imports Slack SDKs', () => {
    expect(offenders(/^src\//, /^@slack\//, /^src\/platforms\/slack\//)).toEqual([]);
  });

  it('only src/platforms/teams imports the Bot Framework SDK', () => {
    expect(offenders(/^src\//, /^(botbuilder|botframework-)/, /^src\/platforms\/teams\//)).toEqual([]);
  });

  it('only src/providers/openai imports the OpenAI SDK', () => {
    expect(offenders(/^src\//, /^openai(\/|$)/, /^src\/providers\/openai\//)).toEqual([]);
  });

  it('the engine, scoring and report know no database, queue, HTTP framework or platform', () => {
    expect(offenders(/^src\/(engine|scoring|report)\//, INFRASTRUCTURE)).toEqual([]);
  });

  it('platforms reach background work only through src/outbound: no platform imports src/background or src/process', () => {
    expect(offenders(/^src\/platforms\//, BACKGROUND_OR_WIRING)).toEqual([]);
  });

  it('src/background imports no platform, platform SDK or HTTP framework (it reaches platforms through src/outbound)', () => {
    expect(offenders(/^src\/background\//, PLATFORM_SIDE)).toEqual([]);
  });

  it('src/outbound, the interfaces between the two sides, imports neither side', () => {
    expect(offenders(/^src\/outbound\//, new RegExp(`${BACKGROUND_OR_WIRING.source}|${PLATFORM_SIDE.source}`))).toEqual(
      [],
    );
  });

  it('the background boundary check catches a planted import on either side', () => {
    const planted = [
      {
        file: 'src/platforms/slack/x.ts',
        imports: ['../../background/shared/lock.js', '../../outbound/messenger.js', '../../process/runtime.js'],
      },
      {
        file: 'src/background/jobs/y.ts',
        imports: ['@slack/web-api', 'botbuilder', '../../platforms/slack/client.js', '../../outbound/destination.js'],
      },
    ];
    expect(offenders(/^src\/platforms\//, BACKGROUND_OR_WIRING, undefined, planted)).toEqual([
      'src/platforms/slack/x.ts imports ../../background/shared/lock.js',
      'src/platforms/slack/x.ts imports ../../process/runtime.js',
    ]);
    expect(offenders(/^src\/background\//, PLATFORM_SIDE, undefined, planted)).toEqual([
      'src/background/jobs/y.ts imports @slack/web-api',
      'src/background/jobs/y.ts imports botbuilder',
      'src/background/jobs/y.ts imports ../../platforms/slack/client.js',
    ]);
  });

  it('the boundary check itself catches a forbidden import', () => {
    const planted = [
      { file: 'src/engine/x.ts', imports: ['../store/prisma.js', 'bullmq', '../scoring/index.js'] },
      { file: 'src/report/y.ts', imports: importsOf('src/store/prisma.ts') },
    ];
    expect(offenders(/^src\/(engine|scoring|report)\//, INFRASTRUCTURE, undefined, planted)).toEqual([
      'src/engine/x.ts imports ../store/prisma.js',
      'src/engine/x.ts imports bullmq',
      'src/report/y.ts imports @prisma/adapter-pg',
      'src/report/y.ts imports ../generated/prisma/client.js',
      'src/report/y.ts imports ../generated/prisma/client.js',
    ]);
  });
});

/** Relative imports resolved to source paths, so cycles between our own modules can be found. */
function localGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const { file, imports } of files) {
    const targets = imports
      .filter((spec) => spec.startsWith('.'))
      .map((spec) => normalize(join(dirname(file), spec.replace(/\.js$/, '.ts'))));
    graph.set(file, targets);
  }
  return graph;
}

function findCycle(graph: Map<string, string[]>): string[] | null {
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string): string[] | null => {
    if (state.get(node) === 'done') return null;
    if (state.get(node) === 'visiting') return [...stack.slice(stack.indexOf(node)), node];
    state.set(node, 'visiting');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    stack.pop();
    state.set(node, 'done');
    return null;
  };
  for (const node of graph.keys()) {
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return null;
}

describe('module graph', () => {
  it('has no import cycles', () => {
    expect(findCycle(localGraph())).toBeNull();
  });

  it('the cycle finder finds a planted cycle', () => {
    const planted = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts']],
    ]);
    expect(findCycle(planted)).toEqual(['a.ts', 'b.ts', 'c.ts', 'a.ts']);
  });
});
