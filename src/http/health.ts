/** A dependency the process needs; `check` rejects when it does not answer. */
export interface DependencyCheck {
  name: string;
  check(): Promise<void>;
}

export interface DependencyStatus {
  status: 'up' | 'down';
  latencyMs: number;
  error?: string;
  /** What a down dependency's check knows beyond its message (e.g. the pending migrations). */
  [detail: string]: unknown;
}

/** A check's failure with details for /healthz: `{ pendingMigrations: [...] }` and the like. */
export class DependencyDown extends Error {
  constructor(
    message: string,
    readonly details: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DependencyDown';
  }
}

export interface HealthReport {
  status: 'ok' | 'unavailable';
  dependencies: Record<string, DependencyStatus>;
}

function withTimeout(promise: Promise<void>, ms: number, name: string): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${name} did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Runs every check in parallel, each bounded by `timeoutMs`, so one hung dependency cannot hang /healthz. */
export async function checkDependencies(checks: DependencyCheck[], timeoutMs = 2_000): Promise<HealthReport> {
  const entries = await Promise.all(
    checks.map(async (dep): Promise<[string, DependencyStatus]> => {
      const started = performance.now();
      try {
        await withTimeout(dep.check(), timeoutMs, dep.name);
        return [dep.name, { status: 'up', latencyMs: Math.round(performance.now() - started) }];
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        const details = error instanceof DependencyDown ? error.details : {};
        return [
          dep.name,
          { status: 'down', latencyMs: Math.round(performance.now() - started), error: message, ...details },
        ];
      }
    }),
  );
  const dependencies = Object.fromEntries(entries);
  const allUp = entries.every(([, s]) => s.status === 'up');
  return { status: allUp ? 'ok' : 'unavailable', dependencies };
}
