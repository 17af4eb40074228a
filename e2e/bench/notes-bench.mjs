// Times `release-desk notes --offline` on the field-tm replica's largest range beside git-cliff (from npm)
// on the same range. Prints figures; asserts nothing. Run with `npm run bench` (it builds first).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CLI = join(ROOT, 'out', 'main', 'cli.js');
const BUNDLE = resolve(ROOT, '..', 'shared', 'fixtures', 'field-tm-history.bundle');
const FROM = '2025.7.0';
const TO = '2026.1.0';
const RUNS = 5;
const print = (line = '') => process.stdout.write(`${line}\n`);

if (!existsSync(CLI)) {
  print('notes bench: out/main/cli.js is missing; run npm run build first.');
  process.exit(1);
}
if (!existsSync(BUNDLE)) {
  print(`notes bench: the field-tm replica is missing at ${BUNDLE}.`);
  process.exit(1);
}

// git-cliff ships its binary in a per-platform npm package. It is not a dependency of the project (npm's
// lock file cannot hold its per-platform optional packages portably), so it is installed for the bench.
const GIT_CLIFF_VERSION = '2.14.2';
const cliffPrefix = mkdtempSync(join(tmpdir(), 'release-desk-git-cliff-'));
let cliff;
try {
  execFileSync(
    'npm',
    ['install', '--silent', '--no-audit', '--no-fund', '--prefix', cliffPrefix, `git-cliff@${GIT_CLIFF_VERSION}`],
    {
      stdio: 'ignore',
    },
  );
  const require = createRequire(join(cliffPrefix, 'package.json'));
  cliff = join(
    dirname(require.resolve(`git-cliff-${process.platform}-${process.arch}/package.json`)),
    'bin',
    'git-cliff',
  );
} catch {
  print(
    `notes bench: could not install git-cliff ${GIT_CLIFF_VERSION} for ${process.platform}-${process.arch}; only Release Desk is timed.`,
  );
}

const work = mkdtempSync(join(tmpdir(), 'release-desk-notes-bench-'));
const env = { ...process.env, HOME: work, GIT_CONFIG_NOSYSTEM: '1', RELEASE_DESK_HOME: join(work, 'data') };
const git = (args, cwd = work) => execFileSync('git', args, { cwd, env, encoding: 'utf8', maxBuffer: 1 << 28 }).trim();

const mirror = join(work, 'field-tm.git');
const clone = join(work, 'field-tm');
git(['clone', '--quiet', '--mirror', '--', BUNDLE, mirror]);
// git-cliff reads a repository with a work tree; give it one (no checkout needed) with all the tags.
git(['clone', '--quiet', '--no-checkout', '--branch', 'dev', '--', mirror, clone]);
git(['fetch', '--quiet', 'origin', 'refs/tags/*:refs/tags/*'], clone);
const config = join(work, 'release-desk.yml');
writeFileSync(config, 'branches:\n  development: dev\n');

function timed(command, args, cwd) {
  const started = process.hrtime.bigint();
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8', maxBuffer: 1 << 28 });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr}`);
  return { ms, stdout: result.stdout };
}
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const ours = [
  'notes',
  '--repo',
  mirror,
  '--config',
  config,
  '--from',
  FROM,
  '--to',
  TO,
  '--offline',
  '--format',
  'markdown',
];
const theirs = [`${FROM}..${TO}`];
// Warm up both (page cache, commit-graph reads), then alternate so machine load hits both alike.
timed(process.execPath, [CLI, ...ours], ROOT);
if (cliff) timed(cliff, theirs, clone);
const oursMs = [];
const theirsMs = [];
for (let run = 0; run < RUNS; run += 1) {
  oursMs.push(timed(process.execPath, [CLI, ...ours], ROOT).ms);
  if (cliff) theirsMs.push(timed(cliff, theirs, clone).ms);
}
const commits = Number(git(['rev-list', '--count', `${FROM}..${TO}`], mirror));
const entries = JSON.parse(timed(process.execPath, [CLI, ...ours.slice(0, -2), '--format', 'json'], ROOT).stdout)
  .entries.length;
const auto = JSON.parse(
  timed(process.execPath, [CLI, 'notes', '--repo', mirror, '--config', config, '--to', TO, '--format', 'json'], ROOT)
    .stdout,
);
const node = median(Array.from({ length: 3 }, () => timed(process.execPath, ['-e', '0'], ROOT).ms));

print(
  `Offline notes, field-tm replica, ${FROM}..${TO} (${commits.toLocaleString('en')} commits, ${entries.toLocaleString('en')} entries)`,
);
print(
  `  release-desk notes   median ${median(oursMs).toFixed(0)} ms   (runs: ${oursMs.map((ms) => ms.toFixed(0)).join(', ')})`,
);
if (cliff) {
  const ratio = median(oursMs) / median(theirsMs);
  print(
    `  git-cliff            median ${median(theirsMs).toFixed(0)} ms   (runs: ${theirsMs.map((ms) => ms.toFixed(0)).join(', ')})`,
  );
  print(
    `  ratio                ${ratio.toFixed(2)}×   goal: no slower than git-cliff (≤ 1.00×) — ${ratio <= 1 ? 'met' : 'not met'}`,
  );
}
print(`  Node's bare startup  ${node.toFixed(0)} ms`);
print(
  `  Without --from, ${TO} is read as a ${auto.range.mode} range from ${auto.range.from}: ${auto.entries.length} entries (a plain ancestry range has ${entries}).`,
);
rmSync(work, { recursive: true, force: true });
rmSync(cliffPrefix, { recursive: true, force: true });
