import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CommitGraph } from './commit-graph';
import { createSandboxGit, type SandboxGit } from './sandbox-git';

// A tangled history (five lanes that keep merging into each other, criss-cross merges included),
// written with one fast-import; every range the graph answers must be exactly what `git rev-list` says.

let root: string;
let git: SandboxGit;
let shas: string[];

/** A small seeded generator (mulberry32), so the history is the same on every run. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let value = Math.imul(state ^ (state >>> 15), 1 | state);
    value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value;
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'release-desk-graph-'));
  const bare = join(root, 'graph.git');
  git = createSandboxGit(bare, join(root, 'hooks'));
  await git.run(['init', '--bare', '--quiet', '--', bare], { cwd: root });
  const random = seeded(42);
  const lanes: (number | undefined)[] = [undefined, undefined, undefined, undefined, undefined];
  const stream: string[] = [];
  const count = 300;
  for (let mark = 1; mark <= count; mark += 1) {
    const lane = Math.floor(random() * lanes.length);
    const other = lanes[Math.floor(random() * lanes.length)];
    const parent = lanes[lane] ?? lanes.find((tip) => tip !== undefined);
    const merge = other !== undefined && other !== parent && random() < 0.3 ? other : undefined;
    const message = `commit ${mark}`;
    stream.push(
      `commit refs/heads/lane-${lane}`,
      `mark :${mark}`,
      `committer Dev <dev@example.test> ${1_700_000_000 + mark * 60} +0000`,
      `data ${message.length}`,
      message,
      ...(parent === undefined ? [] : [`from :${parent}`]),
      ...(merge === undefined ? [] : [`merge :${merge}`]),
      `M 100644 inline file-${mark}.txt`,
      `data ${String(mark).length}`,
      String(mark),
    );
    lanes[lane] = mark;
  }
  stream.push(...Array.from({ length: count }, (_, index) => `get-mark :${index + 1}`), '');
  shas = execFileSync('git', ['--git-dir', bare, 'fast-import', '--quiet', '--cat-blob-fd=1'], {
    input: stream.join('\n'),
    encoding: 'utf8',
  })
    .split('\n')
    .filter(Boolean);
});
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('CommitGraph', () => {
  it('answers base..tip exactly as git rev-list does, merges and criss-crosses included', async () => {
    expect(shas).toHaveLength(300);
    expect(Number(await git.text(['rev-list', '--count', '--merges', '--all']))).toBeGreaterThan(30);
    const random = seeded(7);
    const pick = () => shas[Math.floor(random() * shas.length)] as string;
    const pairs = Array.from({ length: 25 }, () => [pick(), pick()] as const);
    const graph = await CommitGraph.load(
      git,
      pairs.flatMap((pair) => pair),
    );
    let nonEmpty = 0;
    for (const [base, tip] of pairs) {
      const expected = (await git.text(['rev-list', `${base}..${tip}`])).split('\n').filter(Boolean);
      if (expected.length > 0) nonEmpty += 1;
      expect(graph.range(base, tip).sort()).toEqual(expected.sort());
    }
    // The sample must include real ranges, not only empty ones.
    expect(nonEmpty).toBeGreaterThan(5);
  });

  it('gives nothing for base..base, and the whole history for a base it does not know', async () => {
    const tip = shas[299] as string;
    const graph = await CommitGraph.load(git, [tip]);
    expect(graph.range(tip, tip)).toEqual([]);
    const all = (await git.text(['rev-list', tip])).split('\n');
    expect(graph.range('0'.repeat(40), tip).sort()).toEqual(all.sort());
    expect(graph.has(tip)).toBe(true);
  });
});
