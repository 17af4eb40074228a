import type { SandboxGit } from './sandbox-git';

const TIP = 1;
const BASE = 2;

/**
 * The commit graph below some commits, read with one `git rev-list`, answering `base..tip` ranges in
 * memory. A repository of 5,000 commits has about 2,000 PR ranges; one git process per range costs
 * seconds, while this costs one process and a short walk per range.
 */
export class CommitGraph {
  private constructor(
    private readonly parents: Map<string, string[]>,
    /** 1 for a root, else one more than the highest parent: a child always ranks above its parents. */
    private readonly generations: Map<string, number>,
  ) {}

  /** Loads every commit reachable from `starts` (40-hex shas only: they are written to git's stdin). */
  static async load(git: SandboxGit, starts: Iterable<string>): Promise<CommitGraph> {
    const unique = [...new Set(starts)];
    const parents = new Map<string, string[]>();
    const generations = new Map<string, number>();
    if (unique.length === 0) return new CommitGraph(parents, generations);
    // Parents before children, so one pass can number the generations.
    const listed = await git.text(['rev-list', '--topo-order', '--reverse', '--parents', '--stdin'], {
      input: `${unique.join('\n')}\n`,
    });
    for (const line of listed.split('\n')) {
      const [sha, ...own] = line.split(' ');
      if (!sha) continue;
      parents.set(sha, own);
      generations.set(sha, 1 + Math.max(0, ...own.map((parent) => generations.get(parent) ?? 0)));
    }
    return new CommitGraph(parents, generations);
  }

  /** True when the graph holds the commit. */
  has(sha: string): boolean {
    return this.parents.has(sha);
  }

  /**
   * The commits reachable from `tip` and not from `base`, as `git rev-list base..tip` gives them (in
   * another order). Marks flow down from both ends, highest generation first, so a commit is settled
   * only after all its children were: it is in the range when only `tip` reached it. The walk stops as
   * soon as nothing reached from `tip` alone is left, near the merge base rather than at the root.
   */
  range(base: string, tip: string): string[] {
    const marks = new Map<string, number>();
    const queue = new Map<number, string[]>();
    let tipOnlyQueued = 0;
    let highest = 0;
    const mark = (sha: string, flag: number) => {
      const generation = this.generations.get(sha);
      if (generation === undefined) return;
      const old = marks.get(sha);
      if (old === undefined) {
        marks.set(sha, flag);
        const bucket = queue.get(generation);
        if (bucket) bucket.push(sha);
        else queue.set(generation, [sha]);
        if (flag === TIP) tipOnlyQueued += 1;
        highest = Math.max(highest, generation);
      } else if ((old & flag) === 0) {
        if (old === TIP) tipOnlyQueued -= 1;
        marks.set(sha, old | flag);
      }
    };
    mark(base, BASE);
    mark(tip, TIP);
    const inRange: string[] = [];
    while (tipOnlyQueued > 0) {
      let bucket = queue.get(highest);
      while (!bucket || bucket.length === 0) {
        highest -= 1;
        bucket = queue.get(highest);
      }
      const sha = bucket.pop() as string;
      const flag = marks.get(sha) === TIP ? TIP : BASE;
      if (flag === TIP) {
        tipOnlyQueued -= 1;
        inRange.push(sha);
      }
      for (const parent of this.parents.get(sha) ?? []) mark(parent, flag);
    }
    return inRange;
  }
}
