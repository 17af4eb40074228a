import type { Lane } from '../../../shared/domain/config/project-config';
import type { WorkflowConfig } from '../github-server/workflow-config';

/** One deploy workflow of the practice project: which branch deploys which environment. */
interface DeployTarget {
  lane: Lane;
  /** File name under `.github/workflows/`. */
  file: string;
  /** The workflow's `name:`, as GitHub shows it. */
  name: string;
  branch: string;
  environment: string;
}

/** The three deploy workflows, one per lane, as `.release-desk.yml` names them. */
export const DEPLOY_TARGETS: readonly DeployTarget[] = [
  {
    lane: 'development',
    file: 'deploy-development.yml',
    name: 'Deploy to development',
    branch: 'development',
    environment: 'development',
  },
  { lane: 'staging', file: 'deploy-staging.yml', name: 'Deploy to staging', branch: 'staging', environment: 'staging' },
  {
    lane: 'main',
    file: 'deploy-production.yml',
    name: 'Deploy to production',
    branch: 'main',
    environment: 'production',
  },
];

/** The workflow that publishes images when a GitHub release is published. */
export const RELEASE_WORKFLOW = { file: 'release.yml', name: 'Release' } as const;

/** A small but realistic deploy workflow: build the images, then deploy them to one environment. */
function deployWorkflowYaml(target: DeployTarget): string {
  return `name: ${target.name}

on:
  push:
    branches: [${target.branch}]
  workflow_dispatch:

# One deployment per environment at a time; a newer push replaces a queued one.
concurrency:
  group: deploy-${target.environment}
  cancel-in-progress: true

jobs:
  deploy:
    runs-on: ubuntu-latest
    environment: ${target.environment}
    steps:
      - uses: actions/checkout@v4
      - name: Build images
        run: docker compose build backend frontend
      - name: Deploy
        run: ./scripts/deploy.sh ${target.environment}
        env:
          DEPLOY_HOST: \${{ secrets.DEPLOY_HOST }}
          DEPLOY_KEY: \${{ secrets.DEPLOY_KEY }}
`;
}

const RELEASE_WORKFLOW_YAML = `name: ${RELEASE_WORKFLOW.name}

on:
  release:
    types: [published]

jobs:
  publish:
    runs-on: ubuntu-latest
    permissions:
      contents: read
      packages: write
    steps:
      - uses: actions/checkout@v4
      - name: Build and push images tagged with the release
        run: ./scripts/publish-images.sh "\${{ github.event.release.tag_name }}"
`;

/**
 * `.release-desk.yml`: the train's branches, CalVer tags with a `v`, the two version files and the
 * deploy workflow of each lane (see `shared/domain/config/project-config.ts`).
 */
const RELEASE_DESK_YAML = `# Release Desk settings for this project, shared by the team.
branches:
  development: development
  staging: staging
  main: main

versioning:
  scheme: calver
  tagPrefix: v

# Files that carry the version, as path:pattern (the first line matching the pattern holds it).
versionFiles:
  - 'frontend/package.json:"version"'
  - 'backend/pyproject.toml:^version'

deployments:
${DEPLOY_TARGETS.map(
  (target) => `  ${target.lane}:\n    workflow: ${target.file}\n    environment: ${target.environment}\n`,
).join('')}`;

/** `frontend/package.json` declaring `version`. */
export function frontendPackageJson(version: string): string {
  return `${JSON.stringify(
    {
      name: 'tasking-manager-frontend',
      version,
      private: true,
      type: 'module',
      scripts: { dev: 'vite', build: 'tsc && vite build', test: 'vitest run' },
      dependencies: { react: '^19.1.0', 'react-dom': '^19.1.0', maplibre: '^5.6.0' },
    },
    null,
    2,
  )}\n`;
}

/** `backend/pyproject.toml` declaring `version`. */
export function backendPyproject(version: string): string {
  return `[project]
name = "tasking-manager-backend"
version = "${version}"
description = "API of the practice tasking manager"
requires-python = ">=3.12"
dependencies = [
    "fastapi>=0.115",
    "sqlalchemy>=2.0",
    "geoalchemy2>=0.15",
]
`;
}

/** Both version files at `version`: what a `bump:` commit writes. */
export function versionFiles(version: string): Record<string, string> {
  return { 'frontend/package.json': frontendPackageJson(version), 'backend/pyproject.toml': backendPyproject(version) };
}

/** Every file of the project's first commit. */
export function initialFiles(version: string): Record<string, string> {
  const workflows: Record<string, string> = {};
  for (const target of DEPLOY_TARGETS) workflows[`.github/workflows/${target.file}`] = deployWorkflowYaml(target);
  workflows[`.github/workflows/${RELEASE_WORKFLOW.file}`] = RELEASE_WORKFLOW_YAML;
  return {
    'README.md': `# Tasking Manager (practice)

A practice copy of a humanitarian mapping project, made by Release Desk. Freeze, promote, release and
back-merge here as much as you like: nothing leaves your computer.

- \`development\` deploys to the development server, \`staging\` to staging, \`main\` to production.
- Releases are CalVer tags (\`vYYYY.N.P\`) on \`main\`.
`,
    '.gitignore': 'node_modules/\n__pycache__/\n.env\n',
    '.release-desk.yml': RELEASE_DESK_YAML,
    ...workflows,
    ...versionFiles(version),
    'frontend/src/App.tsx': `export function App() {\n  return <main>Tasking Manager</main>;\n}\n`,
    'backend/app/main.py': `from fastapi import FastAPI\n\napp = FastAPI(title="Tasking Manager")\n`,
    'scripts/deploy.sh': '#!/bin/sh\nset -eu\necho "Deploying to $1"\n',
  };
}

/**
 * What the sandbox server runs for the practice project: a deploy per lane on push, and the release
 * workflow on a published release. Names and paths match the files above.
 */
export function practiceWorkflowConfig(): WorkflowConfig[] {
  return [
    ...DEPLOY_TARGETS.map((target): WorkflowConfig => ({
      name: target.name,
      path: `.github/workflows/${target.file}`,
      on: { push: { branches: [target.branch] } },
    })),
    { name: RELEASE_WORKFLOW.name, path: `.github/workflows/${RELEASE_WORKFLOW.file}`, on: { release: true } },
  ];
}
