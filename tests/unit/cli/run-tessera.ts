/** Runs the `tessera` command as users run it (`node cli/tessera.mjs ...` in a child process), for the CLI tests. */
import { execFile } from 'node:child_process';

/** What a run printed and its exit code. */
export interface TesseraRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `tessera` with these arguments; resolves when it exits. */
export function tessera(...args: string[]): Promise<TesseraRun> {
  return new Promise((resolve) => {
    execFile('node', ['cli/tessera.mjs', ...args], { maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
    });
  });
}
