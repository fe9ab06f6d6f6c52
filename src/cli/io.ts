import { createInterface } from 'node:readline';

/** What a CLI command may touch; tests drive commands through child processes, so this stays thin. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** Lines typed on standard input, in order; ends when input closes. */
  lines(): AsyncIterable<string>;
}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  lines: () => createInterface({ input: process.stdin, crlfDelay: Infinity, terminal: false }),
};
