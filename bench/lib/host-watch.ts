/**
 * What else was going on while a phase ran: this process's CPU use and event-loop delay, and the host's load
 * average. On a shared machine a latency tail can come from a neighbour; a note that carries these lets a reader
 * tell a slow app from a busy host.
 */
import { cpus, loadavg } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';

export interface HostConditions {
  /** CPU time of this process over wall time (1 = one core busy). */
  cpuShare: number;
  lagP99Ms: number;
  lagMaxMs: number;
  /** The higher of the 1-minute load average at the start and at the end. */
  load1: number;
}

export function watchHost(): { stop(): HostConditions } {
  const lag = monitorEventLoopDelay({ resolution: 5 });
  lag.enable();
  const cpuBefore = process.cpuUsage();
  const wallBefore = performance.now();
  const loadBefore = loadavg()[0] ?? 0;
  return {
    stop() {
      lag.disable();
      const cpu = process.cpuUsage(cpuBefore);
      return {
        cpuShare: (cpu.user + cpu.system) / 1000 / (performance.now() - wallBefore),
        lagP99Ms: lag.percentile(99) / 1e6,
        lagMaxMs: lag.max / 1e6,
        load1: Math.max(loadBefore, loadavg()[0] ?? 0),
      };
    },
  };
}

/** The worst of several phases' conditions. */
export function worst(all: readonly HostConditions[]): HostConditions {
  return {
    cpuShare: Math.max(0, ...all.map((c) => c.cpuShare)),
    lagP99Ms: Math.max(0, ...all.map((c) => c.lagP99Ms)),
    lagMaxMs: Math.max(0, ...all.map((c) => c.lagMaxMs)),
    load1: Math.max(0, ...all.map((c) => c.load1)),
  };
}

export function describeHost(c: HostConditions): string {
  return `host load ${c.load1.toFixed(1)} on ${cpus().length} CPUs, this process ${(c.cpuShare * 100).toFixed(0)}% of a CPU, event-loop delay p99 ${c.lagP99Ms.toFixed(1)} ms / max ${c.lagMaxMs.toFixed(1)} ms`;
}
