/**
 * `npm run cli -- <command> [args]`. Each command lives in its own file under ./commands and exports
 * `run(args: string[], io: CliIo): Promise<number>` returning the exit status.
 */
import type { CliIo } from './io.js';
import { processIo } from './io.js';

type CommandModule = { run(args: string[], io: CliIo): Promise<number>; summary: string };

const commands: Record<string, () => Promise<CommandModule>> = {
  demo: () => import('./commands/demo.js'),
  score: () => import('./commands/score.js'),
  report: () => import('./commands/report.js'),
  rescore: () => import('./commands/rescore.js'),
  jobs: () => import('./commands/jobs.js'),
};

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  const load = name ? commands[name] : undefined;
  if (!load) {
    processIo.err(`Usage: npm run cli -- <command>\nCommands: ${Object.keys(commands).join(', ')}`);
    return name ? 2 : 0;
  }
  const command = await load();
  return command.run(args, processIo);
}

process.exitCode = await main(process.argv.slice(2));
