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
  lines: () => stdinLines(),
};

/**
 * Standard input line by line. When the reader stops early (the interview ended while a terminal is still open),
 * stdin is destroyed too: a paused terminal stream still holds the process open, so it would wait for Ctrl-D.
 */
async function* stdinLines(): AsyncGenerator<string> {
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity, terminal: false });
  try {
    yield* lines;
  } finally {
    lines.close();
    process.stdin.destroy();
  }
}
