#!/usr/bin/env node
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { processIo } from './cli-io';
import { readPackageVersion } from './package-version';
import { runCli } from './program';

// This file is built to out/main/cli.js, two folders below package.json, both in the repository and in an
// installed package. Only the entry file can rely on that: shared code may be moved into a chunk.
const version = readPackageVersion(join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'package.json'));

void runCli(process.argv.slice(2), {
  io: processIo(),
  version,
  // Imported on demand: the services pull in conf, simple-git and zod, which --help does not need.
  openServices: async () =>
    (await import('./open-services')).openCoreServices(process.env, process.platform, homedir()),
}).then((exitCode) => {
  // exitCode rather than process.exit(): stdout may still be draining into a pipe.
  process.exitCode = exitCode;
});
