import { mkdirSync } from 'node:fs';
import { createGitService, type GitService } from './git/git-service';
import { createDraftStore } from './notes/draft-store';
import { createNotesWorkspace, type NotesWorkspace } from './notes/notes-workspace';
import { dataLayout } from './paths/app-paths';
import { createProjectRegistry, type ProjectRegistry } from './projects/project-registry';
import type { SettingsStore } from './settings/settings-store';
import { createTrainService, type TrainService } from './train/train-service';

/** The services every front end (app, CLI, e2e bridge) builds on. */
export interface CoreServices {
  dataDir: string;
  git: GitService;
  registry: ProjectRegistry;
  train: TrainService;
  notes: NotesWorkspace;
}

/** Wires the core services over one data directory and settings store. */
export function createCoreServices(options: { dataDir: string; settings: SettingsStore }): CoreServices {
  const layout = dataLayout(options.dataDir);
  mkdirSync(layout.projectsDir, { recursive: true });
  const git = createGitService({ hooksDir: layout.hooksDir });
  const registry = createProjectRegistry({ dataDir: options.dataDir, git, settings: options.settings });
  const train = createTrainService({ registry, hooksDir: layout.hooksDir });
  const notes = createNotesWorkspace({
    registry,
    drafts: createDraftStore(options.dataDir),
    hooksDir: layout.hooksDir,
  });
  return { dataDir: options.dataDir, git, registry, train, notes };
}
