#!/usr/bin/env node
// `npm run bench`: how long `release-desk status` takes against the field-tm replica and a generated
// repository of 100,000 commits, beside the raw git commands the status needs, run one after another.
// It prints figures and never asserts (DESIGN.md: benchmarks are not timed tests). The goal is a
// status at most 1.5× the raw git time.
//
// Plain Node ESM so it runs with `node` right after `npm run build`; it needs git on the PATH.
import { Buffer } from 'node:buffer';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CLI = join(ROOT, 'out', 'main', 'cli.js');
const BUNDLE = resolve(ROOT, '..', 'shared', 'fixtures', 'field-tm-history.bundle');
const GENERATED_COMMITS = 100_000;
const RUNS = 5;
const TARGET_RATIO = 1.5;

const print = (line = '') => process.stdout.write(`${line}\n`);

if (!existsSync(CLI)) {
  process.stderr.write(`${CLI} does not exist: run npm run build first.\n`);
  process.exit(1);
}

const work = mkdtempSync(join(tmpdir(), 'release-desk-bench-'));
const home = join(work, 'home');
mkdirSync(home);
// An isolated git world, as in the tests: no system or user config can change what git does or costs.
const env = {
  ...process.env,
  HOME: home,
  XDG_CONFIG_HOME: join(home, '.config'),
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_TERMINAL_PROMPT: '0',
  RELEASE_DESK_HOME: join(work, 'data'),
};
delete env.GIT_CONFIG_GLOBAL;
delete env.GIT_DIR;

/** Runs a command to completion; throws with its stderr when it fails. */
function run(command, args, options = {}) {
  const result = spawnSync(command, args, {
    cwd: options.cwd ?? work,
    env: options.env ?? env,
    input: options.input,
    maxBuffer: 1024 * 1024 * 1024,
    stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
  });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} exited ${result.status}: ${String(result.stderr).trim()}`);
  }
  return String(result.stdout);
}

/** Wall time of `fn` in milliseconds. */
function timed(fn) {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** One warm-up, then the median of RUNS timed runs. */
function benchmark(fn) {
  fn();
  return median(Array.from({ length: RUNS }, () => timed(fn)));
}

/**
 * Like {@link benchmark} for two things at once, alternating them run by run, so a busy machine slows
 * both alike and the ratio stays meaningful.
 */
function benchmarkAlternating(first, second) {
  first();
  second();
  const times = [[], []];
  for (let index = 0; index < RUNS; index += 1) {
    times[0].push(timed(first));
    times[1].push(timed(second));
  }
  return times.map(median);
}

// ---------------------------------------------------------------------------------------------------
// The generated repository, streamed into `git fast-import`.

/** A small deterministic PRNG (mulberry32), so every run builds the same history. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TYPES = ['feat', 'feat', 'fix', 'fix', 'chore', 'docs', 'refactor', 'test', 'ci', 'perf'];
const SCOPES = ['tasks', 'api', 'ui', 'auth', 'odk', 'projects', 'deps', 'db', 'frontend', 'backend'];
const WORDS = ['filter', 'map', 'login', 'upload', 'export', 'form', 'sync', 'layer', 'project', 'task', 'basemap'];

/**
 * Builds the fast-import stream: development with `total` commits overall (squash PRs, some merge-commit
 * PRs with topic commits, some direct commits, CalVer release bumps of VERSION), main at the last release
 * plus a hotfix, staging a few hundred commits behind development with three hotfixes (two of them
 * cherry-picked into development), and tags: CalVer releases and an `osm-fieldwork-*` family.
 */
function fastImportStream(total) {
  const rand = random(42);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const chunks = [];
  const who = 'Bench Author <bench@example.test>';
  const start = Date.UTC(2019, 0, 1) / 1000;
  let mark = 0;
  let count = 0;
  let pr = 0;
  const data = (text) => `data ${Buffer.byteLength(text)}\n${text}\n`;
  const commit = (ref, { from, merge, subject, files }) => {
    mark += 1;
    count += 1;
    const time = start + count * 1700;
    chunks.push(
      `commit ${ref}\nmark :${mark}\nauthor ${who} ${time} +0000\ncommitter ${who} ${time} +0000\n${data(`${subject}\n`)}` +
        (from ? `from :${from}\n` : '') +
        (merge ? `merge :${merge}\n` : '') +
        files.map(([path, text]) => `M 100644 inline ${path}\n${data(text)}`).join('') +
        '\n',
    );
    return mark;
  };
  const tag = (name, target, annotated) => {
    if (!annotated) {
      chunks.push(`reset refs/tags/${name}\nfrom :${target}\n\n`);
      return;
    }
    const time = start + count * 1700;
    chunks.push(`tag ${name}\nfrom :${target}\ntagger ${who} ${time} +0000\n${data(`Release ${name}\n`)}`);
  };
  const change = () => [[`src/m${count % 64}.txt`, `${count}\n`]];
  const yearOf = () => new Date((start + count * 1700) * 1000).getUTCFullYear();

  let dev = commit('refs/heads/development', {
    subject: 'chore: initial commit',
    files: [
      ['README.md', '# generated\n'],
      ['VERSION', '0.0.0\n'],
    ],
  });
  const hotfixes = [];
  let release = { year: 0, minor: 0 };
  let main = null;
  let staging = null;
  let releaseCount = 0;
  const mainAt = total - 5_000;
  const stagingAt = total - 400;
  const hotfixFile = (n) => [[`hotfix/${n}.txt`, `hotfix ${n}\n`]];

  while (count < total - 4) {
    // A release every 5,000 commits; main stays at the last one, plus a hotfix of its own.
    if (count >= (releaseCount + 1) * 5_000 && count <= mainAt) {
      releaseCount += 1;
      const year = yearOf();
      release = { year, minor: release.year === year ? release.minor + 1 : 1 };
      const version = `${release.year}.${release.minor}.0`;
      dev = commit('refs/heads/development', {
        from: dev,
        subject: `bump: version → ${version}`,
        files: [['VERSION', `${version}\n`]],
      });
      tag(version, dev, releaseCount % 2 === 0);
      tag(`osm-fieldwork-0.${releaseCount}.0`, dev - 3, false);
      if ((releaseCount + 1) * 5_000 > mainAt) {
        const hotfixVersion = `${release.year}.${release.minor}.1`;
        pr += 1;
        main = commit('refs/heads/main', {
          from: dev,
          subject: `fix(api): crash on start in production (#${pr})`,
          files: [...hotfixFile('main'), ['VERSION', `${hotfixVersion}\n`]],
        });
        tag(hotfixVersion, main, true);
      }
      continue;
    }
    if (staging === null && count >= stagingAt) {
      staging = dev;
      for (let n = 1; n <= 3; n += 1) {
        pr += 1;
        staging = commit('refs/heads/staging', {
          from: staging,
          subject: `fix(${pick(SCOPES)}): hotfix ${n} for the release (#${pr})`,
          files: hotfixFile(n),
        });
        hotfixes.push({ pr, n });
      }
      continue;
    }
    // Two of the three staging hotfixes are cherry-picked into development (same patch), one is not.
    if (staging !== null && hotfixes.length > 1 && count >= stagingAt + 100 * hotfixes.length) {
      const { pr: hotfixPr, n } = hotfixes.shift();
      dev = commit('refs/heads/development', {
        from: dev,
        subject: `fix(api): hotfix ${n} for the release (#${hotfixPr})`,
        files: hotfixFile(n),
      });
      continue;
    }
    const roll = rand();
    pr += 1;
    if (roll < 0.08) {
      let topic = dev;
      const parts = 1 + Math.floor(rand() * 3);
      for (let part = 0; part < parts && count < total - 5; part += 1) {
        topic = commit('refs/heads/topic', { from: topic, subject: `wip: ${pick(WORDS)} ${part}`, files: change() });
      }
      dev = commit('refs/heads/development', {
        from: dev,
        merge: topic,
        subject: `Merge pull request #${pr} from org/feat/${pick(WORDS)}-${pr}`,
        files: [],
      });
    } else if (roll < 0.12) {
      dev = commit('refs/heads/development', { from: dev, subject: `chore: ${pick(WORDS)} tidy`, files: change() });
    } else if (roll < 0.14) {
      dev = commit('refs/heads/development', {
        from: dev,
        subject: `[pre-commit.ci] pre-commit autoupdate (#${pr})`,
        files: change(),
      });
    } else {
      dev = commit('refs/heads/development', {
        from: dev,
        subject: `${pick(TYPES)}(${pick(SCOPES)}): ${pick(WORDS)} ${pick(WORDS)} ${pr} (#${pr})`,
        files: change(),
      });
    }
  }
  while (count < total) {
    dev = commit('refs/heads/development', { from: dev, subject: `chore: pad ${count}`, files: change() });
  }
  chunks.push('done\n');
  return { stream: Buffer.from(chunks.join('')), commits: count };
}

function generateRepository(dir) {
  run('git', ['init', '-q', '--bare', '--initial-branch=main', dir]);
  const { stream, commits } = fastImportStream(GENERATED_COMMITS);
  // fast-import frees and regrows its heap for every commit. On a VM that hands freed pages back to the
  // host (free-page reporting, as on this Firecracker VM) every brk is slow: 70 s instead of 12 s here.
  // Keeping the heap changes only how fast the repository is made, not what is in it.
  const GLIBC_TUNABLES = 'glibc.malloc.top_pad=67108864:glibc.malloc.trim_threshold=268435456';
  run('git', ['fast-import', '--quiet', '--done'], { cwd: dir, input: stream, env: { ...env, GLIBC_TUNABLES } });
  run('git', ['update-ref', '-d', 'refs/heads/topic'], { cwd: dir });
  return commits;
}

// ---------------------------------------------------------------------------------------------------
// The measurements.

/** `release-desk status --json` once; returns the parsed document (or throws with its stderr). */
function status(repo) {
  return JSON.parse(
    run(process.execPath, [CLI, 'status', '--repo', repo.dir, '--config', repo.config, '--json'], { cwd: ROOT }),
  );
}

/**
 * The git commands the status needs, as the service runs them, given the document (for the branch
 * names, the last release tag and the version files).
 */
function rawCommands(doc) {
  const F = '%x1f';
  const log = `--format=%H${F}%P${F}%cI${F}%an${F}%s%x1e`;
  const branch = Object.fromEntries(doc.lanes.map((lane) => [lane.name, lane.branch]));
  const commands = [
    [
      'for-each-ref',
      `--format=%(refname)${F}%(objectname)${F}%(*objectname)`,
      'refs/heads',
      'refs/remotes',
      'refs/tags',
    ],
    ...doc.lanes.map((lane) => ['log', '--max-count=1', log, lane.branch]),
  ];
  for (const pair of doc.pairs) {
    const range = `${branch[pair.to]}...${branch[pair.from]}`;
    commands.push(['rev-list', '--left-right', '--count', range]);
    commands.push(['log', log, `${branch[pair.to]}..${branch[pair.from]}`]);
  }
  for (const debt of doc.backMerge) {
    commands.push([
      'log',
      '--left-right',
      '--cherry-pick',
      `--format=%m${F}${log.slice(9)}`,
      `${branch.development}...${branch[debt.lane]}`,
    ]);
  }
  if (doc.lastRelease) {
    commands.push(['rev-list', '--left-right', '--count', `${doc.lastRelease.tag}...${branch.main}`]);
    // Only when the last release is not in main's history: which release tags are.
    if (!doc.lastRelease.isAncestor) commands.push(['tag', '--list', '--merged', branch.main]);
  }
  commands.push(['ls-tree', '-r', '--name-only', branch.main]);
  for (const file of doc.versionFiles) commands.push(['show', `${branch.main}:${file.path}`]);
  return commands;
}

/**
 * One more status run with git's trace2 events on (set in the bench HOME's .gitconfig, which the CLI's
 * git also reads): which git commands the status ran, when, for how long, and how much of its wall time
 * git was running at all. The rest is Node: startup, loading modules, and time between commands.
 */
function traceStatus(repo) {
  const target = join(work, 'trace2.json');
  rmSync(target, { force: true });
  writeFileSync(join(home, '.gitconfig'), `[trace2]\n\teventTarget = ${target}\n`);
  const startedAt = Date.now();
  try {
    status(repo);
  } finally {
    rmSync(join(home, '.gitconfig'), { force: true });
  }
  const endedAt = Date.now();
  const processes = new Map();
  for (const line of readFileSync(target, 'utf8').split('\n').filter(Boolean)) {
    const event = JSON.parse(line);
    const entry = processes.get(event.sid) ?? {};
    if (event.event === 'start') Object.assign(entry, { argv: event.argv.slice(1), start: Date.parse(event.time) });
    if (event.event === 'exit') entry.end = Date.parse(event.time);
    processes.set(event.sid, entry);
  }
  const runs = [...processes.values()].filter((entry) => entry.start && entry.end).sort((a, b) => a.start - b.start);
  let busy = 0;
  let coveredUntil = 0;
  for (const { start, end } of runs) {
    busy += Math.max(0, end - Math.max(start, coveredUntil));
    coveredUntil = Math.max(coveredUntil, end);
  }
  const first = runs[0]?.start ?? endedAt;
  return {
    wallMs: endedAt - startedAt,
    beforeFirstGitMs: first - startedAt,
    afterLastGitMs: runs.length ? endedAt - coveredUntil : 0,
    gitBusyMs: busy,
    gitSumMs: runs.reduce((sum, entry) => sum + (entry.end - entry.start), 0),
    runs: runs.map((entry) => ({
      at: entry.start - startedAt,
      ms: entry.end - entry.start,
      command: describe(entry.argv.filter((arg, index, all) => arg !== '-c' && all[index - 1] !== '-c')),
    })),
  };
}

/** A git command line for the report, with the long formats shortened. */
function describe(args) {
  return `git ${args.map((arg) => (arg.includes('%') ? '--format=…' : arg)).join(' ')}`;
}

function measure(repo) {
  const doc = status(repo);
  const commands = rawCommands(doc);
  const perCommand = commands.map(() => []);
  const rawSequence = () => {
    commands.forEach((args, index) => perCommand[index].push(timed(() => run('git', args, { cwd: repo.dir }))));
  };
  const [statusMs, rawMs] = benchmarkAlternating(() => status(repo), rawSequence);
  return {
    statusMs,
    rawMs,
    // The warm-up run is left out, as in the totals.
    perCommand: commands.map((args, index) => ({ command: describe(args), ms: median(perCommand[index].slice(1)) })),
    trace: traceStatus(repo),
    commits: Number(run('git', ['rev-list', '--count', '--all'], { cwd: repo.dir }).trim()),
  };
}

function table(headers, rows) {
  const widths = headers.map((header, column) =>
    Math.max(header.length, ...rows.map((row) => String(row[column]).length)),
  );
  const line = (cells) =>
    cells
      .map((cell, column) =>
        String(cell)
          .padStart(column === 0 ? 0 : widths[column])
          .padEnd(widths[column]),
      )
      .join('  ');
  return [line(headers), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}

try {
  print('Preparing the repositories…');
  const replica = { name: 'field-tm replica', dir: join(work, 'field-tm.git'), config: join(work, 'field-tm.yml') };
  run('git', ['clone', '-q', '--mirror', '--', BUNDLE, replica.dir]);
  writeFileSync(replica.config, 'branches: { development: dev }\n');

  const generated = { name: 'generated', dir: join(work, 'generated.git'), config: join(work, 'generated.yml') };
  const generatedIn = timed(() => generateRepository(generated.dir));
  writeFileSync(
    generated.config,
    'versionFiles: [VERSION]\nversioning: { ignoredTagFormats: ["osm-fieldwork-$version"] }\n',
  );
  print(
    `  generated ${GENERATED_COMMITS.toLocaleString('en')} commits with git fast-import in ${(generatedIn / 1000).toFixed(1)} s`,
  );

  const nodeMs = benchmark(() => run(process.execPath, ['-e', '0']));
  const results = [replica, generated].map((repo) => ({ repo, ...measure(repo) }));

  print('');
  print(`release-desk status --json vs the raw git commands it needs (median of ${RUNS} runs after one warm-up)`);
  print('');
  print(
    table(
      ['repository', 'commits', 'status ms', 'raw git ms', 'ratio', `target ≤ ${TARGET_RATIO}×`],
      results.map(({ repo, commits, statusMs, rawMs }) => [
        repo.name,
        commits.toLocaleString('en'),
        statusMs.toFixed(0),
        rawMs.toFixed(0),
        `${(statusMs / rawMs).toFixed(2)}×`,
        statusMs / rawMs <= TARGET_RATIO ? 'met' : 'not met',
      ]),
    ),
  );
  print('');
  print(`Node's bare startup (node -e 0): ${nodeMs.toFixed(0)} ms, a fixed cost inside every status figure.`);
  for (const { repo, perCommand, trace } of results) {
    print('');
    print(`Raw git commands, ${repo.name} (median ms each, within the sequences above):`);
    for (const { command, ms } of perCommand) print(`  ${ms.toFixed(0).padStart(6)}  ${command}`);
    const between = trace.wallMs - trace.beforeFirstGitMs - trace.gitBusyMs - trace.afterLastGitMs;
    print('');
    print(`One traced status run on ${repo.name}, ${trace.wallMs} ms in all:`);
    print(`  ${trace.beforeFirstGitMs} ms before its first git command (Node startup, loading modules)`);
    print(`  ${trace.gitBusyMs} ms with git running: ${trace.runs.length} commands, ${trace.gitSumMs} ms summed`);
    print(`  ${between} ms between git commands, ${trace.afterLastGitMs} ms after the last one`);
    print('  start ms  took ms  command');
    for (const entry of trace.runs) {
      print(`  ${String(entry.at).padStart(8)}  ${String(entry.ms).padStart(7)}  ${entry.command}`);
    }
  }
} finally {
  if (process.argv.includes('--keep')) print(`\nKept the repositories in ${work} (--keep).`);
  else rmSync(work, { recursive: true, force: true });
}
