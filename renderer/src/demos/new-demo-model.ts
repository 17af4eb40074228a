import { DEMO_ENV_NAME_PATTERN, parseExpiry } from '../../../shared/domain/demos/demo';
import { demoNameProblem, suggestDemoName } from '../../../shared/domain/demos/demo-name';
import type { DemoBranches, InputOf } from '../../../shared/ipc/contract';
import { MAX_DEMO_ENV_ENTRIES, MAX_DEMO_ENV_VALUE } from '../../../shared/ipc/contract';

/** One environment row of the New demo dialog. `id` keys the row while its name is being typed. */
export interface EnvRow {
  id: string;
  key: string;
  value: string;
}

/** What the user chose in the New demo dialog, as typed. */
export interface NewDemoValues {
  projectId: string;
  /** `branch:<name>` or `pr:<number>`; empty until something is chosen. */
  source: string;
  name: string;
  server: string;
  expires: string;
  env: EnvRow[];
}

/** The fields of the dialog that can hold a problem. */
export type NewDemoField = 'project' | 'source' | 'name' | 'server' | 'expires' | 'env';

/** The request to launch, or what to fix, field by field (env problems by row id). */
export type NewDemoCheck =
  | { ok: true; request: InputOf<'demos.up'> }
  | { ok: false; problems: Partial<Record<NewDemoField, string>>; envProblems: Record<string, string> };

/** The option value of a branch in the source list. */
export function branchSource(branch: string): string {
  return `branch:${branch}`;
}

/** The option value of an open PR in the source list. */
export function pullSource(number: number): string {
  return `pr:${number}`;
}

/** The branch a source option runs (a PR runs its head branch), or null when nothing is chosen. */
export function branchOfSource(source: string, pulls: DemoBranches['pulls']): string | null {
  if (source.startsWith('branch:')) return source.slice('branch:'.length) || null;
  if (source.startsWith('pr:')) {
    const number = Number(source.slice('pr:'.length));
    return pulls.find((pull) => pull.number === number)?.head ?? null;
  }
  return null;
}

/** The name the dialog suggests for a source: from its branch (`suggestDemoName`). */
export function suggestedName(source: string, pulls: DemoBranches['pulls']): string {
  const branch = branchOfSource(source, pulls);
  return branch ? suggestDemoName(branch) : '';
}

/** Problems of the environment rows, keyed by row id. Blank rows are ignored. */
export function envRowProblems(rows: readonly EnvRow[]): Record<string, string> {
  const problems: Record<string, string> = {};
  const seen = new Set<string>();
  for (const row of rows) {
    const key = row.key.trim();
    if (key === '' && row.value === '') continue;
    if (key === '') problems[row.id] = 'Give this value a name, e.g. API_KEY.';
    else if (!DEMO_ENV_NAME_PATTERN.test(key)) {
      problems[row.id] = 'A name is upper-case letters, digits and _, not starting with a digit (e.g. API_KEY).';
    } else if (seen.has(key)) problems[row.id] = `${key} is given twice; keep one.`;
    else if (row.value.length > MAX_DEMO_ENV_VALUE) {
      problems[row.id] = `A value is at most ${MAX_DEMO_ENV_VALUE} characters; this one has ${row.value.length}.`;
    }
    seen.add(key);
  }
  return problems;
}

/**
 * Checks the dialog's values the way main will, so the user sees each problem beside its field before
 * anything is sent: the name with `demoNameProblem`, the expiry with `parseExpiry`, the environment
 * names with `DEMO_ENV_NAME_PATTERN`.
 */
export function checkNewDemo(values: NewDemoValues, pulls: DemoBranches['pulls']): NewDemoCheck {
  const problems: Partial<Record<NewDemoField, string>> = {};
  if (!values.projectId) problems.project = 'Choose a project.';
  const branch = branchOfSource(values.source, pulls);
  if (!branch) problems.source = 'Choose the branch or pull request to run.';
  const nameProblem = demoNameProblem(values.name.trim());
  if (nameProblem) problems.name = nameProblem;
  if (!values.server) problems.server = 'Choose the server to run the demo on.';
  if (parseExpiry(values.expires) === null) {
    problems.expires = 'Give the expiry as hours, days or weeks, e.g. 14d, 36h or 2w (at most 90 days).';
  }
  const envProblems = envRowProblems(values.env);
  const filled = values.env.filter((row) => row.key.trim() !== '' || row.value !== '');
  if (filled.length > MAX_DEMO_ENV_ENTRIES) {
    problems.env = `A demo takes at most ${MAX_DEMO_ENV_ENTRIES} environment values; remove ${filled.length - MAX_DEMO_ENV_ENTRIES}.`;
  }
  if (Object.keys(problems).length > 0 || Object.keys(envProblems).length > 0 || !branch) {
    return { ok: false, problems, envProblems };
  }
  return {
    ok: true,
    request: {
      projectId: values.projectId,
      server: values.server,
      branch,
      name: values.name.trim(),
      expires: values.expires.trim(),
      env: Object.fromEntries(filled.map((row) => [row.key.trim(), row.value])),
    },
  };
}
