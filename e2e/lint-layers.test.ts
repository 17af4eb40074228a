import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');

let eslint: ESLint;

beforeAll(() => {
  // The real eslint.config.js, exactly as `npm run lint` loads it.
  eslint = new ESLint({ cwd: repoRoot });
});

/** Lints `code` as if it lived at `file` (repository-relative) and returns the messages of one rule. */
async function messagesOf(file: string, code: string, ruleId: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(repoRoot, file) });
  if (!result) throw new Error(`ESLint returned no result for ${file}`);
  const fatal = result.messages.filter((message) => message.fatal);
  if (fatal.length > 0) throw new Error(`${file} did not parse: ${fatal.map((m) => m.message).join('; ')}`);
  return result.messages.filter((message) => message.ruleId === ruleId).map((message) => message.message);
}

const layerErrorsOf = (file: string, code: string): Promise<string[]> => messagesOf(file, code, 'layers/imports');

describe('the layer rule (layers/imports) in eslint.config.js', () => {
  it.each<[string, string, string]>([
    ['services importing electron', 'electron/services/git/probe.ts', "import { app } from 'electron';\nvoid app;"],
    [
      'services importing electron types only',
      'electron/services/git/probe.ts',
      "import type { WebContents } from 'electron';\nexport type W = WebContents;",
    ],
    [
      'services importing electron dynamically',
      'electron/services/git/probe.ts',
      "export const load = () => import('electron');",
    ],
    ['services re-exporting electron', 'electron/services/git/probe.ts', "export { app } from 'electron';"],
    ['services importing an electron subpath', 'electron/services/probe.ts', "import 'electron/main';"],
    [
      'renderer importing node:fs',
      'renderer/src/probe.ts',
      "import { readFileSync } from 'node:fs';\nvoid readFileSync;",
    ],
    ['renderer importing fs', 'renderer/src/probe.ts', "import { readFileSync } from 'fs';\nvoid readFileSync;"],
    [
      'renderer importing fs/promises',
      'renderer/src/probe.tsx',
      "import { readFile } from 'fs/promises';\nvoid readFile;",
    ],
    ['renderer importing child_process', 'renderer/src/probe.ts', "import 'node:child_process';"],
    [
      'renderer importing electron',
      'renderer/src/probe.ts',
      "import { ipcRenderer } from 'electron';\nvoid ipcRenderer;",
    ],
    [
      'renderer importing electron/services',
      'renderer/src/projects/probe.ts',
      "import { createGitService } from '../../../electron/services/git/git-service';\nvoid createGitService;",
    ],
    [
      'renderer importing electron/main',
      'renderer/src/probe.ts',
      "import { createHandlers } from '../../electron/main/handlers';\nvoid createHandlers;",
    ],
    ['shared importing node:path', 'shared/domain/probe.ts', "import { join } from 'node:path';\nvoid join;"],
    ['shared importing path', 'shared/domain/probe.ts', "import { join } from 'path';\nvoid join;"],
    [
      'shared importing simple-git',
      'shared/domain/probe.ts',
      "import { simpleGit } from 'simple-git';\nvoid simpleGit;",
    ],
    ['shared importing yaml', 'shared/domain/probe.ts', "import { parse } from 'yaml';\nvoid parse;"],
    [
      'shared importing services',
      'shared/domain/probe.ts',
      "import { classifyGitError } from '../../electron/services/git/git-errors';\nvoid classifyGitError;",
    ],
    ['shared/ipc importing electron', 'shared/ipc/probe.ts', "import { ipcMain } from 'electron';\nvoid ipcMain;"],
    [
      'shared non-test code importing the test runner',
      'shared/domain/probe.ts',
      "import { expect } from 'vitest';\nvoid expect;",
    ],
    [
      'preload importing services',
      'electron/preload/probe.ts',
      "import { createGitService } from '../services/git/git-service';\nvoid createGitService;",
    ],
    [
      'preload importing shared outside shared/ipc',
      'electron/preload/probe.ts',
      "import { projectSchema } from '../../shared/domain/project';\nvoid projectSchema;",
    ],
    [
      'preload importing Node',
      'electron/preload/probe.ts',
      "import { readFileSync } from 'node:fs';\nvoid readFileSync;",
    ],
    ['flows importing electron', 'electron/flows/probe.ts', "import { app } from 'electron';\nvoid app;"],
    [
      'flows importing main',
      'electron/flows/probe.ts',
      "import { createHandlers } from '../main/handlers';\nvoid createHandlers;",
    ],
    ['cli importing electron', 'electron/cli/probe.ts', "import { app } from 'electron';\nvoid app;"],
    ['sandbox importing electron', 'electron/sandbox/probe.ts', "import { app } from 'electron';\nvoid app;"],
    ['services importing flows', 'electron/services/probe.ts', "import { plan } from '../flows/freeze';\nvoid plan;"],
    [
      'services code (not a test) importing the GitHub-compatible server',
      'electron/services/probe.ts',
      "import { startGitHubServer } from '../sandbox/github-server/github-server';\nvoid startGitHubServer;",
    ],
  ])('refuses %s', async (_label, file, code) => {
    const errors = await layerErrorsOf(file, code);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^Layer '[a-z/]+' may not import '.+'/);
  });

  it.each<[string, string, string]>([
    ['shared importing zod', 'shared/domain/probe.ts', "import { z } from 'zod';\nexport const s = z.string();"],
    [
      'shared importing shared',
      'shared/domain/probe.ts',
      "import { AppError } from '../ipc/errors';\nexport const e = AppError;",
    ],
    [
      'a shared test importing the test runner',
      'shared/domain/probe.test.ts',
      "import { expect, it } from 'vitest';\nit('x', () => expect(1).toBe(1));",
    ],
    [
      'preload importing electron and the channel names',
      'electron/preload/probe.ts',
      "import { contextBridge } from 'electron';\nimport { wireName } from '../../shared/ipc/channels';\ncontextBridge.exposeInMainWorld('x', wireName);",
    ],
    ['main importing electron', 'electron/main/probe.ts', "import { app } from 'electron';\nvoid app;"],
    [
      'a services test importing the GitHub-compatible server it runs against',
      'electron/services/probe.test.ts',
      "import { startGitHubServer } from '../sandbox/github-server/github-server';\nvoid startGitHubServer;",
    ],
    [
      'main importing services and Node',
      'electron/main/probe.ts',
      "import { join } from 'node:path';\nimport { createCoreServices } from '../services/core-services';\nvoid join;\nvoid createCoreServices;",
    ],
    [
      'services importing Node, npm and shared',
      'electron/services/git/probe.ts',
      "import { join } from 'node:path';\nimport { simpleGit } from 'simple-git';\nimport { AppError } from '../../../shared/ipc/errors';\nvoid join;\nvoid simpleGit;\nvoid AppError;",
    ],
    [
      'flows importing services',
      'electron/flows/probe.ts',
      "import { createGitService } from '../services/git/git-service';\nvoid createGitService;",
    ],
    [
      'cli importing flows, services and npm',
      'electron/cli/probe.ts',
      "import { Command } from 'commander';\nimport { createCoreServices } from '../services/core-services';\nvoid Command;\nvoid createCoreServices;",
    ],
    [
      'renderer importing react and shared',
      'renderer/src/probe.tsx',
      "import { useState } from 'react';\nimport { createApi } from '../../shared/ipc/api';\nvoid useState;\nvoid createApi;",
    ],
  ])('allows %s', async (_label, file, code) => {
    expect(await layerErrorsOf(file, code)).toEqual([]);
  });

  it('names the layer and the import in its message', async () => {
    expect(await layerErrorsOf('electron/services/probe.ts', "import 'electron';")).toEqual([
      "Layer 'services' may not import 'electron' (electron). See the layer table in README.md / DESIGN.md.",
    ]);
  });
});

describe('focused tests', () => {
  it.each([['it'], ['test'], ['describe']])('reports %s.only in a test file', async (fn) => {
    const code = `import { ${fn} } from 'vitest';\n${fn}.only('focused', () => {});\n`;
    expect(await messagesOf('electron/services/probe.test.ts', code, 'no-restricted-syntax')).toEqual([
      'Focused tests (.only) must not be committed.',
    ]);
  });

  it('does not report an ordinary test', async () => {
    const code = "import { it } from 'vitest';\nit('not focused', () => {});\n";
    expect(await messagesOf('electron/services/probe.test.ts', code, 'no-restricted-syntax')).toEqual([]);
  });
});
