/** `npm run worker`: the background job workers. */
import { startRuntime } from './runtime.js';
import { handleShutdown } from './shared/lifecycle.js';

const runtime = startRuntime('worker');
const { env, logger } = runtime;

logger.info('Screener worker started');

handleShutdown(logger, [{ name: 'connections', run: () => runtime.close() }], env.SHUTDOWN_TIMEOUT_MS);
