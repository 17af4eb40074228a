import { applyDraft, publishedEntries, rememberEntries, type EntryEdit } from '../../../shared/domain/notes/draft';
import type { ReleaseNotes } from '../../../shared/domain/notes/notes-model';
import type { NextVersion, NotesFormat, NotesWorkspaceView } from '../../../shared/domain/notes/notes-view';
import { renderChangelogSection } from '../../../shared/domain/notes/render-changelog';
import { renderReleaseMarkdown } from '../../../shared/domain/notes/render-markdown';
import { repositoryWebUrl } from '../../../shared/domain/remote-url';
import { AppError } from '../../../shared/ipc/errors';
import type { ProjectRegistry } from '../projects/project-registry';
import type { DraftStore } from './draft-store';
import { generateNotes } from './notes-service';

export type { NotesWorkspaceView };

/** Options for generating a project's notes. */
export interface GenerateOptions {
  from?: string;
  to?: string;
  /** `YYYY-MM-DD`, for the CalVer year. */
  date?: string;
  version?: string;
}

/** Generate, edit and render notes for registered projects, keeping each draft across regenerations. */
export interface NotesWorkspace {
  generate(projectId: string, options: GenerateOptions): Promise<NotesWorkspaceView>;
  saveDraft(
    projectId: string,
    version: string,
    changes: { summary?: string; edits?: Record<string, EntryEdit>; order?: string[] },
  ): NotesWorkspaceView;
  /** The last generated notes of a project, rendered in a format (for copy and export). */
  render(projectId: string, version: string, format: NotesFormat): string;
}

/** Creates the {@link NotesWorkspace}. The last generation per project is kept in memory for edits. */
export function createNotesWorkspace(deps: {
  registry: ProjectRegistry;
  drafts: DraftStore;
  hooksDir: string;
  now?: () => Date;
}): NotesWorkspace {
  const now = deps.now ?? (() => new Date());
  const latest = new Map<
    string,
    { notes: ReleaseNotes; version: NextVersion; generatedAt: string; releaseDay: string }
  >();

  const view = (
    projectId: string,
    notes: ReleaseNotes,
    version: NextVersion,
    generatedAt: string,
    releaseDay: string,
  ): NotesWorkspaceView => {
    const draft = applyDraft(notes.entries, deps.drafts.load(projectId, version.next));
    const entries = publishedEntries(draft);
    const rendered = renderReleaseMarkdown({ summary: draft.summary, entries, notes });
    return {
      projectId,
      notes,
      version,
      draft,
      markdown: rendered.markdown,
      changelog: renderChangelogSection(version.next, releaseDay, entries),
      warnings: [...notes.warnings, ...rendered.warnings],
      generatedAt,
    };
  };

  return {
    async generate(projectId, options) {
      const project = deps.registry.list().find((candidate) => candidate.id === projectId);
      if (!project)
        throw new AppError('NOT_FOUND', `There is no project "${projectId}". Add it on the Projects screen first.`);
      const date = options.date ? new Date(`${options.date}T00:00:00Z`) : now();
      if (Number.isNaN(date.getTime()))
        throw new AppError('INVALID_ARGUMENTS', `"${options.date}" is not a date (YYYY-MM-DD).`);
      const { notes, version } = await generateNotes(
        {
          dir: project.clonePath,
          ...(project.configFile ? { configFile: project.configFile } : {}),
          ...(options.from ? { from: options.from } : {}),
          ...(options.to ? { to: options.to } : {}),
          ...(options.version ? { version: options.version } : {}),
          date,
          repositoryUrl: repositoryWebUrl(project.repository),
        },
        { hooksDir: deps.hooksDir },
      );
      const generatedAt = now().toISOString();
      // The CHANGELOG heading carries the release date the user chose, not the day of generation.
      const releaseDay = date.toISOString().slice(0, 10);
      latest.set(projectId, { notes, version, generatedAt, releaseDay });
      const result = view(projectId, notes, version, generatedAt, releaseDay);
      // Remember what this generation had, so the next one can mark new and vanished entries.
      deps.drafts.save(
        projectId,
        version.next,
        rememberEntries(deps.drafts.load(projectId, version.next), notes.entries, now()),
      );
      return result;
    },

    saveDraft(projectId, version, changes) {
      const last = latest.get(projectId);
      if (!last || last.version.next !== version) {
        throw new AppError('NOT_FOUND', `Generate the notes for ${version} first, then edit them.`);
      }
      const current = deps.drafts.load(projectId, version);
      const edits = { ...current.edits };
      for (const [key, edit] of Object.entries(changes.edits ?? {})) {
        const generated = last.notes.entries.find((entry) => entry.key === key);
        const merged = { ...edits[key], ...edit };
        // An edit back to the generated title is no edit: regeneration may then update it again.
        if (generated && merged.title === generated.title) delete merged.title;
        if (merged.hidden === false) delete merged.hidden;
        if (Object.keys(merged).length === 0) delete edits[key];
        else edits[key] = merged;
      }
      deps.drafts.save(projectId, version, {
        ...current,
        summary: changes.summary ?? current.summary,
        edits,
        order: changes.order ?? current.order,
        updatedAt: now().toISOString(),
      });
      return view(projectId, last.notes, last.version, last.generatedAt, last.releaseDay);
    },

    render(projectId, version, format) {
      const last = latest.get(projectId);
      if (!last || last.version.next !== version) {
        throw new AppError('NOT_FOUND', `Generate the notes for ${version} first.`);
      }
      const current = view(projectId, last.notes, last.version, last.generatedAt, last.releaseDay);
      if (format === 'markdown') return current.markdown;
      if (format === 'changelog') return current.changelog;
      return `${JSON.stringify({ version: current.version, range: current.notes.range, entries: current.draft.entries.filter((item) => !item.hidden).map((item) => ({ ...item.entry, title: item.title })), contributors: current.notes.contributors, warnings: current.warnings }, null, 2)}\n`;
    },
  };
}
