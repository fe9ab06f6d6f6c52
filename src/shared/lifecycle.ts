import type { Logger } from './logger.js';

export interface ShutdownStep {
  name: string;
  run(): Promise<void>;
}

/**
 * On SIGTERM or SIGINT: run the steps in order (stop accepting work first, close connections last), then exit 0.
 * A step that fails is logged and the rest still run. If everything has not finished within `timeoutMs`, the
 * process exits 1 so an orchestrator knows the shutdown was not clean.
 */
export function handleShutdown(logger: Logger, steps: ShutdownStep[], timeoutMs: number): void {
  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    let current = '';
    const deadline = setTimeout(() => {
      logger.error({ timeoutMs, step: current }, 'shutdown did not finish in time');
      process.exit(1);
    }, timeoutMs);
    deadline.unref();
    for (const step of steps) {
      current = step.name;
      try {
        await step.run();
      } catch (error) {
        logger.warn({ err: error, step: step.name }, 'shutdown step failed');
      }
    }
    logger.info('stopped');
    process.exit(0);
  };
  process.once('SIGTERM', (signal) => void stop(signal));
  process.once('SIGINT', (signal) => void stop(signal));
}
