import type { PracticeAuthor, PracticeCommit } from './fast-import-batch';
import { initialFiles, versionFiles } from './practice-files';

/** One step of the practice project's history, replayed in order against the sandbox server. */
export type HistoryStep =
  /** Commits pushed straight onto a branch (a new branch starts at `from`). */
  | { kind: 'push'; branch: string; from?: string; commits: PracticeCommit[] }
  /**
   * A pull request from `head` into `base`. With commits, `head` is a new branch cut from `base` (or
   * `from`) that gets them first; without, `head` is an existing lane (a freeze, promotion or
   * back-merge). `merge: null` leaves it open.
   */
  | {
      kind: 'pull';
      head: string;
      base: string;
      from?: string;
      title: string;
      body: string;
      commits: PracticeCommit[];
      merge: 'merge' | 'squash' | null;
    }
  /** A published GitHub release whose tag the server creates on `main`'s tip. */
  | { kind: 'release'; tag: string; body: string };

const amara: PracticeAuthor = { name: 'Amara Okafor', email: 'amara.okafor@example.org', timezone: '+0100' };
const lucas: PracticeAuthor = { name: 'Lucas Moreau', email: 'lucas.moreau@example.org', timezone: '+0200' };
const priya: PracticeAuthor = { name: 'Priya Raman', email: 'priya.raman@example.org', timezone: '+0530' };
const tomas: PracticeAuthor = { name: 'Tomás Herrera', email: 'tomas.herrera@example.org', timezone: '-0500' };
const renovate: PracticeAuthor = {
  name: 'renovate[bot]',
  email: '29139614+renovate[bot]@users.noreply.github.com',
  timezone: '+0000',
};

/** The people who wrote the practice history, for tests and for the app's "who" hints. */
export const PRACTICE_AUTHORS: readonly PracticeAuthor[] = [amara, lucas, priya, tomas, renovate];

function commit(author: PracticeAuthor, date: string, message: string, files: Record<string, string>): PracticeCommit {
  return { author, date, message, files };
}

/** A source file whose content says which change wrote it, so no two changes ever conflict. */
function source(path: string, summary: string): Record<string, string> {
  const comment = path.endsWith('.py') ? '#' : '//';
  return { [path]: `${comment} ${summary}\n` };
}

function bump(from: string, to: string, date: string): PracticeCommit {
  return commit(amara, date, `bump: version ${from} → ${to}`, versionFiles(to));
}

/** A freeze, a promotion or a back-merge: a PR between two existing branches, merged with a merge commit. */
function lanePull(head: string, base: string, title: string, body: string): HistoryStep {
  return { kind: 'pull', head, base, title, body, commits: [], merge: 'merge' };
}

/** A feature freeze: development goes to staging for testing. */
function freeze(): HistoryStep {
  return lanePull(
    'development',
    'staging',
    'Freeze: development → staging',
    'Feature freeze: this goes to staging for testing.',
  );
}

/** The first version the files declare; it has no tag, as if the project started just before Release Desk. */
export const INITIAL_VERSION = '2026.8.0';

/** The newest release: its tag is on `main` and both version files on `main` declare it. */
export const LATEST_RELEASE = { tag: 'v2026.10.1', version: '2026.10.1' } as const;

/**
 * The practice project's history, oldest first. Two ordinary release cycles (2026.9.0, 2026.10.0) and
 * a hotfix release (2026.10.1) back-merged into development; then the current cycle, which leaves:
 * - staging ahead of main by a freeze (#14, #15) and a hotfix (#17) that development does not have;
 * - development ahead of staging by five merged PRs (#18–#22): conventional and plain titles, merge
 *   commits and squashes, several authors, plus a direct commit; and one open PR (#23).
 *
 * Commits written here have fixed authors and dates. The server writes merge and squash commits with
 * the signed-in user and the build's clock, as GitHub writes them with its own; bot PRs are merged
 * (not squashed) so their author stays in the history.
 */
export function practiceHistory(): HistoryStep[] {
  return [
    {
      kind: 'push',
      branch: 'development',
      commits: [
        commit(amara, '2026-08-03T08:30:00Z', 'chore: initial commit', initialFiles(INITIAL_VERSION)),
        commit(amara, '2026-08-04T10:05:00Z', 'docs: how to run the backend locally', {
          'docs/development.md': '# Development\n\nRun `docker compose up` and open http://localhost:7050.\n',
        }),
      ],
    },
    // The lanes start together; `main` is where releases are tagged.
    { kind: 'push', branch: 'staging', from: 'development', commits: [] },
    { kind: 'push', branch: 'main', from: 'development', commits: [] },

    // Cycle 2026.9.0
    {
      kind: 'pull',
      head: 'feat/task-splitting',
      base: 'development',
      title: 'feat(tasks): split tasks by number of buildings',
      body: 'Project managers can now split an area into tasks holding roughly the same number of buildings.',
      merge: 'squash',
      commits: [
        commit(
          lucas,
          '2026-08-12T14:20:00Z',
          'feat(tasks): split tasks by number of buildings',
          source('backend/app/tasks/splitting.py', 'Split an area into tasks of about N buildings.'),
        ),
        commit(
          lucas,
          '2026-08-13T09:45:00Z',
          'test(tasks): cover areas with no buildings',
          source('backend/tests/test_splitting.py', 'An area without buildings makes one task.'),
        ),
      ],
    },
    {
      kind: 'pull',
      head: 'fix/login-redirect',
      base: 'development',
      title: 'fix(auth): keep the page you came from after OSM login',
      body: 'Fixes the redirect to the home page after signing in.',
      merge: 'merge',
      commits: [
        commit(
          priya,
          '2026-08-18T11:00:00Z',
          'fix(auth): keep the page you came from after OSM login',
          source('frontend/src/auth/redirect.ts', 'Remember the page to return to after login.'),
        ),
      ],
    },
    {
      kind: 'pull',
      head: 'renovate/fastapi-0.x',
      base: 'development',
      title: 'chore(deps): update dependency fastapi to v0.116.1',
      body: 'This PR contains the following updates: fastapi `0.115.6` → `0.116.1`.',
      merge: 'merge',
      commits: [
        commit(
          renovate,
          '2026-08-20T03:12:00Z',
          'chore(deps): update dependency fastapi to v0.116.1',
          source('backend/requirements.lock', 'fastapi==0.116.1'),
        ),
      ],
    },
    { kind: 'push', branch: 'development', commits: [bump(INITIAL_VERSION, '2026.9.0', '2026-08-24T16:00:00Z')] },
    freeze(),
    lanePull('staging', 'main', 'Release 2026.9.0: staging → main', 'Promote the tested staging build.'),
    {
      kind: 'release',
      tag: 'v2026.9.0',
      body: '## Features\n- Split tasks by number of buildings (#1)\n\n## Fixes\n- Keep the page you came from after OSM login (#2)\n',
    },

    // Cycle 2026.10.0
    {
      kind: 'pull',
      head: 'feat/project-templates',
      base: 'development',
      title: 'feat(projects): start a project from a template',
      body: 'Adds a template picker to the create-project form.',
      merge: 'merge',
      commits: [
        commit(
          tomas,
          '2026-09-08T15:30:00Z',
          'feat(projects): project templates in the API',
          source('backend/app/projects/templates.py', 'Project templates: buildings, roads, waterways.'),
        ),
        commit(
          tomas,
          '2026-09-09T10:10:00Z',
          'Add a template picker to the create form',
          source('frontend/src/projects/TemplatePicker.tsx', 'Pick a template when creating a project.'),
        ),
      ],
    },
    {
      kind: 'pull',
      head: 'priya/offline-basemap',
      base: 'development',
      title: 'Cache basemap tiles for offline mapping',
      body: 'Mappers in the field can keep working without a connection.',
      merge: 'squash',
      commits: [
        commit(
          priya,
          '2026-09-15T08:40:00Z',
          'Cache basemap tiles in the service worker',
          source('frontend/src/map/tile-cache.ts', 'Cache basemap tiles for offline use.'),
        ),
      ],
    },
    {
      kind: 'pull',
      head: 'fix/task-lock-timeout',
      base: 'development',
      title: 'fix(api): release task locks after two hours',
      body: 'A task locked by someone who left stayed locked forever.',
      merge: 'merge',
      commits: [
        commit(
          lucas,
          '2026-09-22T13:25:00Z',
          'fix(api): release task locks after two hours',
          source('backend/app/tasks/locks.py', 'Locks expire after two hours.'),
        ),
      ],
    },
    { kind: 'push', branch: 'development', commits: [bump('2026.9.0', '2026.10.0', '2026-09-28T16:00:00Z')] },
    freeze(),
    lanePull('staging', 'main', 'Release 2026.10.0: staging → main', 'Promote the tested staging build.'),
    {
      kind: 'release',
      tag: 'v2026.10.0',
      body: '## Features\n- Start a project from a template (#6)\n- Cache basemap tiles for offline mapping (#7)\n\n## Fixes\n- Release task locks after two hours (#8)\n',
    },

    // Hotfix 2026.10.1, released and back-merged into development.
    {
      kind: 'pull',
      head: 'hotfix/export-without-tasks',
      base: 'staging',
      title: 'fix(export): crash when a project has no tasks',
      body: 'Hotfix for 2026.10.0: exporting a project before it was split crashed the API.',
      merge: 'merge',
      commits: [
        commit(
          amara,
          '2026-10-06T09:15:00Z',
          'fix(export): handle projects without tasks',
          source('backend/app/projects/export.py', 'Export works before a project is split into tasks.'),
        ),
        bump('2026.10.0', '2026.10.1', '2026-10-06T09:30:00Z'),
      ],
    },
    lanePull('staging', 'main', 'Release 2026.10.1: staging → main', 'Hotfix release.'),
    {
      kind: 'release',
      tag: LATEST_RELEASE.tag,
      body: '## Fixes\n- Crash when a project has no tasks (#11)\n',
    },
    lanePull('main', 'development', 'Back-merge 2026.10.1 into development', 'Brings the hotfix back to development.'),

    // The current cycle: frozen into staging, a hotfix since, and new work on development.
    {
      kind: 'pull',
      head: 'feat/mapper-leaderboard',
      base: 'development',
      title: 'feat(stats): leaderboard of mappers per project',
      body: 'Shows who mapped the most buildings in a project.',
      merge: 'squash',
      commits: [
        commit(
          tomas,
          '2026-10-13T17:00:00Z',
          'feat(stats): leaderboard of mappers per project',
          source('backend/app/stats/leaderboard.py', 'Mappers ranked by mapped buildings.'),
        ),
      ],
    },
    {
      kind: 'pull',
      head: 'lucas/validate-geojson',
      base: 'development',
      title: 'Validate uploaded GeoJSON before creating tasks',
      body: 'Rejects self-intersecting polygons with a message that says which feature is wrong.',
      merge: 'merge',
      commits: [
        commit(
          lucas,
          '2026-10-19T10:30:00Z',
          'Validate uploaded GeoJSON',
          source('backend/app/projects/geojson.py', 'Reject invalid polygons on upload.'),
        ),
      ],
    },
    freeze(),
    {
      kind: 'pull',
      head: 'hotfix/duplicate-submissions',
      base: 'staging',
      title: 'fix(submissions): ignore duplicate submissions from one device',
      body: 'Hotfix found in staging testing: a flaky connection submitted the same form twice.',
      merge: 'squash',
      commits: [
        commit(
          priya,
          '2026-10-27T12:45:00Z',
          'fix(submissions): ignore duplicate submissions from one device',
          source('backend/app/submissions/dedupe.py', 'Drop a submission already received from the device.'),
        ),
      ],
    },
    {
      kind: 'pull',
      head: 'feat/dark-mode',
      base: 'development',
      title: 'feat(ui): dark mode for the mapping screen',
      body: 'Follows the system setting.',
      merge: 'merge',
      commits: [
        commit(
          priya,
          '2026-11-02T09:00:00Z',
          'feat(ui): dark theme tokens',
          source('frontend/src/theme/dark.ts', 'Dark theme colours.'),
        ),
        commit(
          priya,
          '2026-11-03T14:10:00Z',
          'Use the theme tokens in the map toolbar',
          source('frontend/src/map/Toolbar.tsx', 'Toolbar colours come from the theme.'),
        ),
      ],
    },
    {
      kind: 'pull',
      head: 'fix/project-list-pagination',
      base: 'development',
      title: 'fix(api): paginate the project list',
      body: 'The list endpoint returned every project at once.',
      merge: 'squash',
      commits: [
        commit(
          lucas,
          '2026-11-06T16:20:00Z',
          'fix(api): paginate the project list',
          source('backend/app/projects/list.py', 'Projects come 50 to a page.'),
        ),
      ],
    },
    {
      kind: 'push',
      branch: 'development',
      commits: [
        commit(amara, '2026-11-09T08:00:00Z', 'docs: describe the release train', {
          'docs/releasing.md':
            '# Releasing\n\nFeature PRs go to `development`, which is frozen into `staging`, promoted to `main` and released.\n',
        }),
      ],
    },
    {
      kind: 'pull',
      head: 'tomas/translations',
      base: 'development',
      title: 'Update Spanish and French translations',
      body: 'From the translation platform.',
      merge: 'merge',
      commits: [
        commit(
          tomas,
          '2026-11-12T19:40:00Z',
          'Update Spanish and French translations',
          source('frontend/src/locales/es-fr.ts', 'Spanish and French strings, November.'),
        ),
      ],
    },
    {
      kind: 'pull',
      head: 'renovate/react-monorepo',
      base: 'development',
      title: 'chore(deps): update react monorepo to v19.2.1',
      body: 'This PR contains the following updates: react `19.1.0` → `19.2.1`, react-dom `19.1.0` → `19.2.1`.',
      merge: 'merge',
      commits: [
        commit(
          renovate,
          '2026-11-16T02:05:00Z',
          'chore(deps): update react monorepo to v19.2.1',
          source('frontend/package-lock.json', 'react@19.2.1 react-dom@19.2.1'),
        ),
      ],
    },
    {
      kind: 'pull',
      head: 'amara/task-history',
      base: 'development',
      title: 'Show who locked a task in the task history',
      body: 'Validators asked to see who held a task before them.',
      merge: 'squash',
      commits: [
        commit(
          amara,
          '2026-11-18T11:30:00Z',
          'Show who locked a task in the task history',
          source('frontend/src/tasks/History.tsx', 'Task history lists who locked the task.'),
        ),
      ],
    },
    {
      kind: 'pull',
      head: 'feat/qr-join',
      base: 'development',
      title: 'feat: join a project by scanning a QR code',
      body: 'Work in progress.',
      merge: null,
      commits: [
        commit(
          tomas,
          '2026-11-20T15:00:00Z',
          'feat: QR code that opens the project in the mobile app',
          source('frontend/src/projects/JoinQr.tsx', 'QR code linking to the project.'),
        ),
      ],
    },
  ];
}
