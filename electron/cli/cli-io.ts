/** Something text can be written to: `process.stdout`, `process.stderr`, or a buffer in a test. */
export interface TextSink {
  write(text: string): unknown;
}

/**
 * Everything the command line touches of its process, passed in so the program can run in a test
 * with buffers and a fake terminal instead of the real streams.
 */
export interface CliIo {
  stdout: TextSink;
  stderr: TextSink;
  stdin: NodeJS.ReadableStream;
  env: NodeJS.ProcessEnv;
  /**
   * The working directory relative folder arguments are resolved against. A function, because
   * `process.cwd()` throws when the shell's directory was deleted, and only `add <relative>` needs it.
   */
  cwd(): string;
  /** Whether a person is at the other end: stdin decides if we may ask, stderr if progress may redraw a line. */
  isTTY: { stdin: boolean; stderr: boolean };
}

/** The {@link CliIo} of the running process. */
export function processIo(): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    env: process.env,
    cwd: () => process.cwd(),
    isTTY: { stdin: process.stdin.isTTY === true, stderr: process.stderr.isTTY === true },
  };
}
