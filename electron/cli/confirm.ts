import { createInterface } from 'node:readline';
import type { CliIo } from './cli-io';

/**
 * Asks a yes/no question on stderr (stdout may be piped into a file or `jq`) and reads one line from
 * stdin. Anything but "y" or "yes", including end of input, is a no: the safe answer for a destructive step.
 */
export async function askYesNo(io: CliIo, question: string): Promise<boolean> {
  io.stderr.write(`${question} [y/N] `);
  const lines = createInterface({ input: io.stdin, terminal: false });
  try {
    const answer = await new Promise<string | null>((resolve) => {
      lines.once('line', resolve);
      lines.once('close', () => resolve(null));
    });
    return answer !== null && /^\s*y(es)?\s*$/i.test(answer);
  } finally {
    // Closing pauses stdin again, so the process can exit once the command is done.
    lines.close();
  }
}
