import type { SandboxGit } from '../github-server/sandbox-git';

/** Someone who writes commits in the practice history. */
export interface PracticeAuthor {
  name: string;
  email: string;
  /** Their UTC offset as git writes it, e.g. `+0200`: only how the date is shown, not when it was. */
  timezone: string;
}

/** One commit of the practice history. */
export interface PracticeCommit {
  author: PracticeAuthor;
  /** When it was written, as an ISO-8601 UTC instant: fixed, so the history is the same on every build. */
  date: string;
  message: string;
  /** Files written by the commit, path → full content; every other file is kept from the parent. */
  files: Record<string, string>;
}

/** Byte length, as fast-import's `data` command counts. */
function data(text: string): string {
  return `data ${Buffer.byteLength(text)}\n${text}\n`;
}

function identity(author: PracticeAuthor, date: string): string {
  const seconds = Math.floor(Date.parse(date) / 1000);
  if (!Number.isFinite(seconds)) throw new Error(`Invalid commit date ${date}`);
  return `${author.name} <${author.email}> ${seconds} ${author.timezone}`;
}

/**
 * Commits collected into one `git fast-import` stream and written to a bare repository in a single
 * process: what pushes would leave there, at a fraction of the processes a working copy needs. `tips`
 * (branch → sha) is shared with the caller, who also moves it when the server merges a PR.
 */
export class FastImportBatch {
  private stream = '';
  private nextMark = 1;
  /** Branch → mark of its newest commit in this batch. */
  private readonly pending = new Map<string, number>();

  constructor(private readonly tips: Map<string, string>) {}

  /** The parent a new commit on `branch` gets: its pending commit, its tip, or else `from`'s. */
  private parentOf(branch: string, from: string | undefined): string | undefined {
    for (const name of [branch, from]) {
      if (name === undefined) continue;
      const mark = this.pending.get(name);
      if (mark !== undefined) return `:${mark}`;
      const sha = this.tips.get(name);
      if (sha !== undefined) return sha;
    }
    if (from !== undefined) throw new Error(`Cannot start ${branch} from unknown branch ${from}`);
    return undefined;
  }

  /** Adds a commit on `branch`; a new branch starts at `from` (a branch name), or as a root commit. */
  commit(branch: string, commit: PracticeCommit, from?: string): this {
    const parent = this.parentOf(branch, from);
    const mark = this.nextMark++;
    const message = commit.message.endsWith('\n') ? commit.message : `${commit.message}\n`;
    const who = identity(commit.author, commit.date);
    this.stream += `commit refs/heads/${branch}\nmark :${mark}\nauthor ${who}\ncommitter ${who}\n${data(message)}`;
    // Always name the parent: fast-import would otherwise start a branch it has not seen as a root.
    if (parent) this.stream += `from ${parent}\n`;
    for (const [path, content] of Object.entries(commit.files)) {
      this.stream += `M 100644 inline ${path}\n${data(content)}`;
    }
    this.pending.set(branch, mark);
    return this;
  }

  /** Points `branch` (new or not) at `from`'s newest commit, as `git branch -f` would. */
  branchAt(branch: string, from: string): this {
    const parent = this.parentOf(from, undefined);
    if (!parent) throw new Error(`Cannot point ${branch} at unknown branch ${from}`);
    this.stream += `reset refs/heads/${branch}\nfrom ${parent}\n\n`;
    if (parent.startsWith(':')) this.pending.set(branch, Number(parent.slice(1)));
    else this.tips.set(branch, parent);
    return this;
  }

  /** Writes the batch (nothing when it is empty) and records each branch's new tip. */
  async write(git: SandboxGit): Promise<void> {
    if (this.stream === '') return;
    const branches = [...this.pending.keys()];
    // `get-mark` answers on stdout, one sha per line, in the order asked.
    const queries = branches.map((branch) => `get-mark :${this.pending.get(branch)}\n`).join('');
    const { stdout } = await git.run(['fast-import', '--quiet'], { input: `${this.stream}${queries}` });
    const shas = stdout.trim().split('\n');
    branches.forEach((branch, index) => {
      const sha = shas[index];
      if (!sha || !/^[0-9a-f]{40}$/.test(sha)) throw new Error(`fast-import did not report the tip of ${branch}`);
      this.tips.set(branch, sha);
    });
    this.stream = '';
    this.pending.clear();
    this.nextMark = 1;
  }
}
