#!/usr/bin/env node
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { processIo } from '../cli/cli-io';
import { readPackageVersion } from '../cli/package-version';
import { runCli } from '../cli/program';

// The composition root of the `release-desk` command. It lives in main, not cli, because it joins the
// CLI with the practice project from `sandbox`, and only main may import both (DESIGN.md's layer table).
// It imports nothing from Electron.
//
// This file is built to out/main/cli.js, two folders below package.json, both in the repository and in an
// installed package. Only the entry file can rely on that: shared code may be moved into a chunk.
const version = readPackageVersion(join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'package.json'));

void runCli(process.argv.slice(2), {
  io: processIo(),
  version,
  // Imported on demand: the services pull in conf, simple-git and zod, which --help does not need.
  openServices: async () =>
    (await import('../cli/open-services')).openCoreServices(process.env, process.platform, homedir()),
  // The sandbox (server, git, history) is loaded only when a sandbox command runs.
  practice: () => import('../sandbox/practice/practice-sandbox'),
}).then((exitCode) => {
  // exitCode rather than process.exit(): stdout may still be draining into a pipe.
  process.exitCode = exitCode;
});
