import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Project } from '../../../shared/domain/project';
import { createConfSettingsStore } from './conf-settings-store';
import { createSettingsStore } from './settings-store';
import { setAsideUnreadableSettingsFile, settingsFilePath } from './unreadable-settings-file';

const FIELD_TM: Project = {
  id: 'github.com/hotosm/field-tm',
  name: 'field-tm',
  remoteUrl: 'https://github.com/hotosm/field-tm.git',
  repository: { kind: 'github', host: 'github.com', owner: 'hotosm', repo: 'field-tm' },
  localPath: '/home/me/src/field-tm',
  clonePath: '/home/me/.config/Release Desk/projects/github.com/hotosm/field-tm',
  addedAt: '2025-01-02T03:04:05.000Z',
  configFile: null,
  practice: null,
};

describe('conf-backed settings store', () => {
  let dataDir: string;

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'release-desk-settings-'));
  });
  afterEach(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  const writeRaw = (text: string): void => writeFileSync(settingsFilePath(dataDir), text);
  const readRaw = (): string => readFileSync(settingsFilePath(dataDir), 'utf8');

  it('starts with no projects in an empty data directory', () => {
    expect(createConfSettingsStore(dataDir).get('projects')).toEqual([]);
  });

  it('persists across instances, in config.json inside the data directory', () => {
    createConfSettingsStore(dataDir).set('projects', [FIELD_TM]);

    expect(createConfSettingsStore(dataDir).get('projects')).toEqual([FIELD_TM]);
    expect(JSON.parse(readRaw())).toEqual({ projects: [FIELD_TM], githubAccounts: [], servers: [] });
  });

  it('sees what another instance wrote after it was opened (the app and the CLI share the file)', () => {
    const app = createConfSettingsStore(dataDir);
    const cli = createConfSettingsStore(dataDir);
    cli.set('projects', [FIELD_TM]);
    expect(app.get('projects')).toEqual([FIELD_TM]);
  });

  it('reads an entry written before configFile existed, with configFile defaulted to null', () => {
    const { configFile: _configFile, ...older } = FIELD_TM;
    writeRaw(JSON.stringify({ projects: [older] }));
    expect(createConfSettingsStore(dataDir).get('projects')).toEqual([{ ...older, configFile: null }]);
  });

  it.each<[string, unknown]>([
    ['projects is a string', { projects: 'oops' }],
    ['projects is null', { projects: null }],
    ['projects is an object', { projects: { 'github.com/hotosm/field-tm': FIELD_TM } }],
    ['the only entry is a number', { projects: [42] }],
    ['the only entry is missing fields', { projects: [{ id: 'github.com/hotosm/field-tm' }] }],
    ['the only entry has a field of the wrong type', { projects: [{ ...FIELD_TM, localPath: 7 }] }],
    [
      'the only entry has an unknown repository kind',
      { projects: [{ ...FIELD_TM, repository: { ...FIELD_TM.repository, kind: 'gitlab' } }] },
    ],
    ['the whole file is null', null],
    ['the whole file is an array', [FIELD_TM]],
  ])('reads defaults instead of throwing when %s', (_label, content) => {
    writeRaw(JSON.stringify(content));
    const store = createConfSettingsStore(dataDir);
    expect(store.get('projects')).toEqual([]);
    // And it recovers: the next write lands and reads back.
    store.set('projects', [FIELD_TM]);
    expect(createConfSettingsStore(dataDir).get('projects')).toEqual([FIELD_TM]);
  });

  it('keeps the valid projects when one entry is broken, so the next write cannot lose them', () => {
    const other = { ...FIELD_TM, id: 'github.com/hotosm/tasking-manager', name: 'tasking-manager' };
    writeRaw(JSON.stringify({ projects: [FIELD_TM, { id: 'half-written' }, other] }));
    const store = createConfSettingsStore(dataDir);
    expect(store.get('projects').map((project) => project.id)).toEqual([FIELD_TM.id, other.id]);
    store.set('projects', [...store.get('projects')]);
    expect(
      createConfSettingsStore(dataDir)
        .get('projects')
        .map((project) => project.id),
    ).toEqual([FIELD_TM.id, other.id]);
  });

  it.each([['{"projects": ['], ['{"projects": [],}'], [''], ['\u0000\u0000\u0000']])(
    'starts with defaults when config.json is not JSON (%j), and keeps the unreadable file aside',
    (text) => {
      writeRaw(text);

      const store = createConfSettingsStore(dataDir);

      expect(store.get('projects')).toEqual([]);
      const aside = readdirSync(dataDir).filter((name) => name.startsWith('config.json.unreadable-'));
      expect(aside).toHaveLength(1);
      expect(readFileSync(join(dataDir, aside[0] ?? ''), 'utf8')).toBe(text);
      store.set('projects', [FIELD_TM]);
      expect(createConfSettingsStore(dataDir).get('projects')).toEqual([FIELD_TM]);
    },
  );

  it('validates on set: an invalid value throws and the file is left as it was', () => {
    const store = createConfSettingsStore(dataDir);
    store.set('projects', [FIELD_TM]);
    const before = readRaw();

    expect(() => store.set('projects', 'oops' as never)).toThrow();
    expect(() => store.set('projects', [{ id: 'github.com/x/y' }] as never)).toThrow();
    expect(() => store.set('projects', [{ ...FIELD_TM, name: '' }])).toThrow();

    expect(readRaw()).toBe(before);
    expect(store.get('projects')).toEqual([FIELD_TM]);
  });
});

describe('setAsideUnreadableSettingsFile', () => {
  let dataDir: string;

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'release-desk-settings-'));
  });
  afterEach(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('leaves a missing or readable file alone', () => {
    expect(setAsideUnreadableSettingsFile(dataDir)).toBeNull();
    writeFileSync(settingsFilePath(dataDir), '{"projects":"oops"}');
    expect(setAsideUnreadableSettingsFile(dataDir)).toBeNull();
    expect(readFileSync(settingsFilePath(dataDir), 'utf8')).toBe('{"projects":"oops"}');
  });

  it('renames an unreadable file with a timestamp, never deleting it', () => {
    writeFileSync(settingsFilePath(dataDir), '{"projects": [');
    const aside = setAsideUnreadableSettingsFile(dataDir, new Date('2025-03-04T05:06:07.890Z'));
    expect(aside).toBe(join(dataDir, 'config.json.unreadable-2025-03-04T05-06-07-890Z'));
    expect(existsSync(settingsFilePath(dataDir))).toBe(false);
    expect(readFileSync(aside ?? '', 'utf8')).toBe('{"projects": [');
  });
});

describe('createSettingsStore over any backend', () => {
  it('validates reads and writes against the schema, whatever the backend holds', () => {
    const data = new Map<string, unknown>([['projects', [{ id: 'half' }]]]);
    const store = createSettingsStore({ get: (key) => data.get(key), set: (key, value) => data.set(key, value) });

    expect(store.get('projects')).toEqual([]);
    store.set('projects', [FIELD_TM]);
    expect(data.get('projects')).toEqual([FIELD_TM]);
    expect(() => store.set('projects', [{ ...FIELD_TM, addedAt: '' }])).toThrow();
    expect(data.get('projects')).toEqual([FIELD_TM]);
  });
});
