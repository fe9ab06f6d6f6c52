/**
 * Child processes for suites that measure the real server or worker: a TypeScript entry of this project run on this
 * Node (24) with tsx, its output kept, its RSS and CPU time read from /proc, and a stop that never leaves it behind.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface Child {
  child: ChildProcess;
  pid: number;
  output(): string;
  /** Resolves with the first output line matching `pattern`; rejects when the child exits or after `timeoutMs`. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<string>;
  /** SIGTERM (a clean shutdown, which also writes a --cpu-prof profile), SIGKILL after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

const running = new Set<Child>();

/** Runs `entry` (relative to the project root) with `node [nodeArgs] --import tsx entry`, env added to ours. */
export function spawnTs(entry: string, env: Record<string, string | undefined>, nodeArgs: string[] = []): Child {
  const child = spawn(
    process.execPath,
    [...nodeArgs, '--import', 'tsx', '--disable-warning=ExperimentalWarning', entry],
    {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  if (child.pid === undefined) throw new Error(`could not start ${entry}`);
  let out = '';
  const keep = (chunk: string) => {
    out += chunk;
    if (out.length > 1_000_000) out = out.slice(-500_000);
  };
  child.stdout?.setEncoding('utf8').on('data', keep);
  child.stderr?.setEncoding('utf8').on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const handle: Child = {
    child,
    pid: child.pid,
    output: () => out,
    waitFor(pattern, timeoutMs = 30_000) {
      return new Promise((resolve, reject) => {
        const started = Date.now();
        const poll = setInterval(() => {
          const line = out.split('\n').find((l) => pattern.test(l));
          if (line !== undefined) {
            clearInterval(poll);
            resolve(line);
          } else if (child.exitCode !== null || child.signalCode !== null || Date.now() - started > timeoutMs) {
            clearInterval(poll);
            reject(
              new Error(
                `${entry}: no output line matching ${pattern} (exit ${child.exitCode ?? child.signalCode}); output:\n${out.slice(-4_000)}`,
              ),
            );
          }
        }, 25);
      });
    },
    async stop(graceMs = 10_000) {
      running.delete(handle);
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
  running.add(handle);
  return handle;
}

/** Stops every child still running (a suite that failed half-way); suites call it in `finally`. */
export async function stopAll(): Promise<void> {
  await Promise.all([...running].map((c) => c.stop(3_000)));
}

/** Resident set size of a process in bytes (VmRSS), or NaN when it is gone. */
export function rssBytes(pid: number): number {
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** CPU time (user + system) a process has used so far, in milliseconds. */
export function cpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start after the last ')'; utime and stime are 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return Number.NaN;
  }
}

/** Busy and total CPU time of the whole machine so far (all cores), in milliseconds, from /proc/stat. */
export function machineCpuMs(): { busy: number; total: number } {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
  const values = line.trim().split(/\s+/).slice(1).map(Number);
  const total = values.reduce((a, b) => a + b, 0);
  const idle = (values[3] ?? 0) + (values[4] ?? 0);
  return { busy: ((total - idle) * 1000) / TICKS_PER_SECOND, total: (total * 1000) / TICKS_PER_SECOND };
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
