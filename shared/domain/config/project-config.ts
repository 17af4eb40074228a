import { z } from 'zod';
import { checkRefName } from '../refs/ref-name';

/** The three lanes of the release train, in promotion order. */
export const LANES = ['development', 'staging', 'main'] as const;

/** One lane of the train. */
export type Lane = (typeof LANES)[number];

const branchName = z
  .string()
  .min(1)
  .max(200)
  .superRefine((name, context) => {
    // git's own ref-name rules, so `config check` names the field instead of git failing later.
    const check = checkRefName(name);
    if (!check.ok) context.addIssue({ code: 'custom', message: check.reason });
  });

/** One notes category, in the shape of GitHub's `.github/release.yml` (`title`, `labels`) plus commit types. */
const categorySchema = z
  .object({
    title: z.string().min(1),
    /** PR labels that put a change here; `*` matches any. */
    labels: z.array(z.string()).default([]),
    /** Conventional-commit types that put a change here, e.g. `feat`, `fix`. */
    types: z.array(z.string()).default([]),
  })
  .strict();

const deploymentSchema = z
  .object({
    /** The workflow file (e.g. `deploy.yml`) that deploys this lane's environment. */
    workflow: z.string().min(1),
    environment: z.string().min(1).optional(),
  })
  .strict();

/**
 * `.release-desk.yml`, shared by the team at the repository root. Every field has a default that
 * follows the train in DESIGN.md, so an empty file (or none) is a valid config.
 */
export const projectConfigSchema = z
  .object({
    branches: z
      .object({
        development: branchName.default('development'),
        staging: branchName.default('staging'),
        main: branchName.default('main'),
      })
      .strict()
      .default({ development: 'development', staging: 'staging', main: 'main' }),
    versioning: z
      .object({
        /** `auto` infers CalVer (YYYY.N.P) or SemVer from the existing tags. */
        scheme: z.enum(['auto', 'calver', 'semver']).default('auto'),
        /** Text before the version in a release tag; `auto` infers `v` or nothing from the tags. */
        tagPrefix: z.union([z.literal('auto'), z.string().max(40)]).default('auto'),
        /** Tag families that are not releases, in commitizen's form, e.g. `osm-fieldwork-$version`. */
        ignoredTagFormats: z.array(z.string().min(1)).default([]),
      })
      .strict()
      .default({ scheme: 'auto', tagPrefix: 'auto', ignoredTagFormats: [] }),
    /**
     * Files that carry the version, as `path` or `path:pattern` (commitizen's form), relative to the
     * repository root. When empty, commitizen's `version_files` from a `pyproject.toml` are used.
     */
    versionFiles: z.array(z.string().min(1)).default([]),
    notes: z
      .object({
        categories: z.array(categorySchema).default([]),
        exclude: z
          .object({ labels: z.array(z.string()).default([]), authors: z.array(z.string()).default([]) })
          .strict()
          .default({ labels: [], authors: [] }),
      })
      .strict()
      .default({ categories: [], exclude: { labels: [], authors: [] } }),
    deployments: z
      .object({
        development: deploymentSchema.optional(),
        staging: deploymentSchema.optional(),
        main: deploymentSchema.optional(),
      })
      .strict()
      .default({}),
    freeze: z
      .object({
        /**
         * `branch` cuts `release/<version>` at the frozen commit and opens the freeze PR from it, so later
         * merges to development stay out; `direct` opens the freeze PR from development itself.
         */
        mode: z.enum(['branch', 'direct']).default('branch'),
        /** How the freeze PR is merged; a merge commit keeps the frozen sha in staging's history. */
        method: z.enum(['merge', 'squash', 'rebase']).default('merge'),
      })
      .strict()
      .default({ mode: 'branch', method: 'merge' }),
    demos: z
      .object({
        /**
         * `ssh`: run the demo script on a server over SSH; `workflow`: push `feature-demo/<name>` and
         * watch the GitHub workflow that push starts.
         */
        mode: z.enum(['ssh', 'workflow']).default('ssh'),
        /** The workflow (file name or name) a `feature-demo/<name>` push starts, in `workflow` mode. */
        workflow: z.string().min(1).optional(),
        /** A project script to run instead of the bundled `feature-demo.sh`, relative to the root. */
        script: z.string().min(1).optional(),
        deployCommand: z.string().min(1).optional(),
        stopCommand: z.string().min(1).optional(),
        /** The demo's URL; `{name}` is replaced by the demo name. */
        urlTemplate: z.string().min(1).optional(),
        expiryDays: z.number().int().min(1).max(90).default(14),
      })
      .strict()
      .default({ mode: 'ssh', expiryDays: 14 }),
  })
  .strict();

/** The validated, defaulted project config. */
export type ProjectConfig = z.infer<typeof projectConfigSchema>;

/** Where each part of the effective config came from, for `config check` and the UI. */
export interface ConfigSources {
  /** The `.release-desk.yml` (or `--config` file) that was read, if any. */
  file: string | null;
  /** The `pyproject.toml` whose commitizen settings were used, if any. */
  commitizen: string | null;
}

/**
 * Formats zod issues as one line per field, naming the field and, for enums, the allowed values:
 * `versioning.scheme: expected one of "auto", "calver", "semver"`.
 */
export function describeConfigIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const field = issue.path.length > 0 ? issue.path.join('.') : '(top level)';
    if (issue.code === 'invalid_value' && 'values' in issue) {
      const allowed = (issue.values as unknown[]).map((value) => JSON.stringify(value)).join(', ');
      return `${field}: expected one of ${allowed}`;
    }
    if (issue.code === 'unrecognized_keys' && 'keys' in issue) {
      return `${field}: unknown field(s) ${(issue.keys as string[]).map((key) => `"${key}"`).join(', ')}`;
    }
    return `${field}: ${issue.message}`;
  });
}
