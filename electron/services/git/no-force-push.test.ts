import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * DESIGN.md: "no force-push, ever". This scans the source for every spelling of one, so a force-push
 * cannot slip in through review. It is deliberately strict: a comment that spells a force flag fails
 * too. The one exemption is a statement that fetches and does not push (`fetch --force`, or a `+`
 * refspec on fetch, only update local refs).
 */
const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

interface Finding {
  line: number;
  variant: string;
  text: string;
}

/** Force spellings that are forbidden wherever they appear, outside a fetch-only statement. */
const ANYWHERE: [string, RegExp][] = [
  ['--force-with-lease', /--force-with-lease\b/g],
  ['--force-if-includes', /--force-if-includes\b/g],
  ['--force', /--force(?![\w-])/g],
  ['+refs/ refspec', /\+refs\//g],
  ['+HEAD refspec', /\+HEAD\b/g],
];

/** Spellings that force only as arguments of a push: `-f` (alone or in a cluster such as `-uf`) and `+src:dst`. */
const IN_PUSH: [string, RegExp][] = [
  ['-f', /(?<![\w-])-[uqvnd]*f[uqvnd]*(?![\w-])/g],
  ['+refspec', /['"`]\+/g],
];

/** `push` and `force` on one line: `pushForce`, `{ push: { force: true } }`, `push(..., { force })`. */
const PUSH_THEN_FORCE = /push.*force/i;

/** Finds every force-push spelling in one file's source. */
function findForcePushes(source: string): Finding[] {
  const findings: Finding[] = [];
  const lineAt = (offset: number): number => source.slice(0, offset).split('\n').length;
  const report = (offset: number, variant: string): void => {
    const line = lineAt(offset);
    findings.push({ line, variant, text: (source.split('\n')[line - 1] ?? '').trim() });
  };

  // A statement (up to `;`) is the unit: an argument list spread over several lines stays together.
  let start = 0;
  for (const statement of source.split(';')) {
    const pushes = /\bpush\b/i.test(statement);
    const fetchOnly = /\bfetch\b/i.test(statement) && !pushes;
    const patterns = [...(fetchOnly ? [] : ANYWHERE), ...(pushes ? IN_PUSH : [])];
    for (const [variant, pattern] of patterns) {
      for (const match of statement.matchAll(pattern)) report(start + (match.index ?? 0), variant);
    }
    start += statement.length + 1;
  }
  source.split('\n').forEach((text, index) => {
    if (PUSH_THEN_FORCE.test(text)) findings.push({ line: index + 1, variant: 'push…force', text: text.trim() });
  });
  return findings;
}

/** Every source file under `dir`, test files excluded. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.[cm]?tsx?$/.test(entry.name) && !/\.test\.[cm]?tsx?$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

describe('the force-push scanner (self-check)', () => {
  it.each<[string, string]>([
    ['--force', "await git.raw(['push', '--force', 'origin', 'main']);"],
    ['--force', "await git.push('origin', 'main', { '--force': null });"],
    ['--force-with-lease', "await git.push('origin', 'main', ['--force-with-lease']);"],
    ['--force-with-lease', "await git.raw(['push', '--force-with-lease=main:abc123', 'origin', 'main']);"],
    ['--force-if-includes', "await git.push(['--force-if-includes']);"],
    ['--force', 'const FLAG = `--force`;'],
    ['-f', "await git.raw(['push', '-f', 'origin', 'main']);"],
    ['-f', "await git.raw([\n  'push',\n  'origin',\n  '-f',\n  'main',\n]);"],
    ['-f', "await git.raw(['push', '-uf', 'origin', 'main']);"],
    ['-f', "await git.push('origin', 'main', ['-f']);"],
    ['-f', 'run(`git push -f origin ${branch}`);'],
    ['+refs/ refspec', "await git.raw(['push', 'origin', '+refs/heads/main:refs/heads/main']);"],
    ['+refs/ refspec', 'const refspec = `+refs/heads/${branch}:refs/heads/${branch}`;'],
    ['+HEAD refspec', "await git.raw(['push', 'origin', '+HEAD:main']);"],
    ['+refspec', "await git.raw(['push', 'origin', `+${branch}:${branch}`]);"],
    ['push…force', 'const options = { push: { force: true } };'],
    ['push…force', 'const pushForce = true;'],
    ['push…force', 'await git.push(remote, branch, { force: true });'],
  ])('detects %s in %j', (variant, sample) => {
    expect(findForcePushes(sample).map((finding) => finding.variant)).toContain(variant);
  });

  it.each([
    ["await git.raw(['push', '--', remote, 'main']);"],
    ["await git.raw(['push', '--follow-tags', '--set-upstream', '--', 'origin', 'refs/heads/main:refs/heads/main']);"],
    ["await git.raw(['fetch', '--prune', '--force', '--', 'origin', '+refs/tags/*:refs/tags/*']);"],
    ["await git.raw(['merge', '--no-ff', '--', branch]);"],
    ["await git.raw(['tag', '-f', name]);"],
    ['await rm(dir, { recursive: true, force: true });'],
    ['remotes.push({ name, url });'],
    ["await git.raw(['checkout', '-f', '--', branch]);"],
  ])('does not flag %j', (sample) => {
    expect(findForcePushes(sample)).toEqual([]);
  });

  it('reports the line of a finding', () => {
    expect(findForcePushes("const a = 1;\n\nawait git.raw([\n  'push',\n  '-f',\n]);")).toEqual([
      { line: 5, variant: '-f', text: "'-f'," },
    ]);
  });
});

describe('no force-push in electron/ and shared/', () => {
  const files = [...sourceFiles(join(repoRoot, 'electron')), ...sourceFiles(join(repoRoot, 'shared'))];

  it('scans the real source tree', () => {
    const names = files.map((file) => relative(repoRoot, file).split('\\').join('/'));
    expect(names).toContain('electron/services/git/git-service.ts');
    expect(names).toContain('shared/ipc/contract.ts');
    expect(names.some((name) => name.endsWith('.test.ts'))).toBe(false);
  });

  it('finds none', () => {
    const findings = files.flatMap((file) =>
      findForcePushes(readFileSync(file, 'utf8')).map(
        (finding) => `${relative(repoRoot, file)}:${finding.line} ${finding.variant}: ${finding.text}`,
      ),
    );
    expect(findings, 'Release Desk never force-pushes (DESIGN.md). Remove these:').toEqual([]);
  });
});
