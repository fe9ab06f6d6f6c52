/**
 * A command run in a pseudo terminal, as a person at a terminal runs it: `script` gives it a pty for stdin, stdout
 * and stderr, so a process that only ends when its input closes (a pipe's EOF) hangs here as it would for them.
 * Input is typed by writing to `script`, which never closes the terminal's input unless asked.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';

export interface Terminal {
  child: ChildProcessWithoutNullStreams;
  /** Everything the terminal showed, with the terminal's \r\n as \n and colour codes removed. */
  output(): string;
  type(line: string): void;
  exited(): Promise<number | null>;
}

function shellQuote(arg: string): string {
  return `'${arg.replaceAll("'", "'\\''")}'`;
}

export function runInTerminal(command: string[], env: Record<string, string | undefined>): Terminal {
  const child = spawn('script', ['-qfec', command.map(shellQuote).join(' '), '/dev/null'], {
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  const collect = (chunk: string) => (out += chunk);
  child.stdout.setEncoding('utf8').on('data', collect);
  child.stderr.setEncoding('utf8').on('data', collect);
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child,
    // eslint-disable-next-line no-control-regex
    output: () => out.replaceAll('\r\n', '\n').replace(/\x1b\[[0-9;]*[A-Za-z]/g, ''),
    type: (line) => void child.stdin.write(`${line}\n`),
    exited: () => exit,
  };
}
