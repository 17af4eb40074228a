import { resolve } from 'node:path';
import type { Command } from 'commander';
import { renderChangelogSection } from '../../../shared/domain/notes/render-changelog';
import { renderReleaseMarkdown } from '../../../shared/domain/notes/render-markdown';
import { AppError } from '../../../shared/ipc/errors';
import { generateNotes, type NotesResult } from '../../services/notes/notes-service';
import type { CliIo } from '../cli-io';
import { formatJson } from '../output';

/** What the `notes` and `version` commands need. */
export interface NotesCommandDeps {
  io: CliIo;
  /** The app's empty hooks folder (git runs no repository hooks). */
  hooksDir: () => string;
}

interface NotesOptions {
  repo: string;
  config?: string;
  from?: string;
  to?: string;
  format?: string;
  offline?: boolean;
  date?: string;
  json?: boolean;
}

const FORMATS = ['markdown', 'changelog', 'json'] as const;

/** Parses `--date YYYY-MM-DD` as a UTC day; the CalVer year comes from it. */
export function parseReleaseDate(text: string | undefined): Date | undefined {
  if (text === undefined) return undefined;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
  if (!date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== text) {
    throw new AppError('INVALID_ARGUMENTS', `--date must be a real day as YYYY-MM-DD, not "${text}".`);
  }
  return date;
}

/** The `notes --format json` document. */
export function notesJson(result: NotesResult): unknown {
  const { notes, version } = result;
  return {
    range: { from: notes.range.from, to: notes.range.to, mode: notes.range.mode, explanation: notes.range.explanation },
    version,
    entries: notes.entries.map((entry) => ({
      pr: entry.pr,
      title: entry.title,
      type: entry.type,
      scope: entry.scope,
      breaking: entry.breaking,
      category: entry.category,
      authors: entry.authors,
      commits: entry.commits,
    })),
    contributors: notes.contributors,
    compareUrl: notes.compareUrl,
    warnings: notes.warnings,
  };
}

/** Adds `notes` and `version`: release notes and the next version, from git alone. */
export function addNotesCommands(program: Command, deps: NotesCommandDeps): void {
  const { io } = deps;
  const run = async (options: NotesOptions): Promise<NotesResult> => {
    const date = parseReleaseDate(options.date);
    return generateNotes(
      {
        dir: resolve(io.cwd(), options.repo),
        ...(options.config ? { configFile: resolve(io.cwd(), options.config) } : {}),
        ...(options.from ? { from: options.from } : {}),
        ...(options.to ? { to: options.to } : {}),
        ...(date ? { date } : {}),
      },
      { hooksDir: deps.hooksDir() },
    );
  };
  const common = (command: Command): Command =>
    command
      .requiredOption('--repo <dir>', 'a clone or bare repository')
      .option('--config <file>', 'a .release-desk.yml to use instead of the repository’s own')
      .option('--from <ref>', 'the previous release (default: chosen from the tags, see the range explanation)')
      .option('--to <ref>', 'what is being released (default: the main branch)')
      .option('--date <YYYY-MM-DD>', 'the release date (default: today); decides the CalVer year');

  common(program.command('notes').description('release notes for a range, from git alone'))
    .option('--format <format>', `one of ${FORMATS.join(', ')}`, 'markdown')
    .option('--offline', 'use git alone (also what happens without a GitHub token)')
    .action(async (options: NotesOptions) => {
      const format = options.format ?? 'markdown';
      if (!(FORMATS as readonly string[]).includes(format)) {
        throw new AppError('INVALID_ARGUMENTS', `--format must be one of ${FORMATS.join(', ')}, not "${format}".`);
      }
      const result = await run(options);
      for (const warning of result.notes.warnings) io.stderr.write(`warning: ${warning}\n`);
      if (format === 'json') {
        io.stdout.write(formatJson(notesJson(result)));
      } else if (format === 'changelog') {
        const day = (parseReleaseDate(options.date) ?? new Date()).toISOString().slice(0, 10);
        io.stdout.write(renderChangelogSection(result.version.next, day, result.notes.entries));
      } else {
        const rendered = renderReleaseMarkdown({ summary: '', entries: result.notes.entries, notes: result.notes });
        for (const warning of rendered.warnings) io.stderr.write(`warning: ${warning}\n`);
        io.stdout.write(rendered.markdown);
      }
    });

  common(program.command('version').description('the next version, from the changes since the previous release'))
    .option('--json', 'print JSON')
    .action(async (options: NotesOptions) => {
      const { version, notes, versionFiles } = await run(options);
      const document = {
        ...version,
        range: { from: notes.range.from, to: notes.range.to, mode: notes.range.mode },
        versionFiles,
      };
      if (options.json) {
        io.stdout.write(formatJson(document));
        return;
      }
      const lines = [
        `${version.tag}  (${version.current ? `after ${version.current}` : 'first release'}; ${version.reason})`,
      ];
      if (versionFiles.length > 0) lines.push('', 'Version files');
      for (const file of versionFiles) {
        const state = file.matchesCurrent ? 'ok' : `disagrees: says ${file.declared ?? 'nothing readable'}`;
        lines.push(`  ${file.path}: ${state}`);
        if (file.edit)
          lines.push(`    line ${file.edit.line}: ${file.edit.before.trim()}  →  ${file.edit.after.trim()}`);
        if (file.problem) lines.push(`    cannot bump: ${file.problem}`);
      }
      io.stdout.write(`${lines.join('\n')}\n`);
    });
}
