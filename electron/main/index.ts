import { join } from 'node:path';
import { writeFile } from 'node:fs/promises';
import { app, BrowserWindow, clipboard, dialog, ipcMain, Menu, Notification, shell } from 'electron';
import { EVENT_CHANNELS, wireName } from '../../shared/ipc/channels';
import type { EventOf } from '../../shared/ipc/contract';
import { createKeychainSecretStore } from '../services/secrets/secret-store';
import { createAppServices } from './app-services';
import { checkInstalledGit } from '../services/git/git-version';
import { registerAppSchemePrivileges, serveRendererFrom } from './app-protocol';
import { createElectronSettingsStore } from './electron-settings-store';
import { createDeployNotifier } from './deploy-notices';
import { createHandlers } from './handlers';
import { createDispatch } from './ipc/dispatch';
import { registerIpc } from './ipc/register';
import { buildAppMenu } from './menu';
import { hardenApp } from './security';
import { createMainWindow } from './window';

// The data directory is chosen before the lock, because the lock is per userData: a test instance with
// its own RELEASE_DESK_HOME must not collide with the user's running app.
if (process.env.RELEASE_DESK_HOME) app.setPath('userData', process.env.RELEASE_DESK_HOME);

// A second launch focuses the running window instead of racing it over the same clones and settings.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.enableSandbox();
  registerAppSchemePrivileges();
  hardenApp();

  let mainWindow: BrowserWindow | null = null;
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  void app.whenReady().then(async () => {
    try {
      await checkInstalledGit();
    } catch (error) {
      // Nothing in Release Desk works without git: say so plainly instead of failing on every screen.
      dialog.showErrorBox('Release Desk needs git', error instanceof Error ? error.message : String(error));
      app.quit();
      return;
    }
    const dataDir = app.getPath('userData');
    const services = createAppServices({
      dataDir,
      settings: createElectronSettingsStore(dataDir),
      secrets: createKeychainSecretStore(),
    });
    // The practice server runs in this process; stop it with the app so its port is freed.
    app.on('will-quit', () => void services.practice.close());
    // A deploy watch can take many minutes: a desktop notification says how it ended, even when the
    // window is behind others or the wizard was closed.
    const deployNotifier = createDeployNotifier((notice) => {
      if (Notification.isSupported()) new Notification({ title: notice.title, body: notice.body }).show();
    });
    const handlers = createHandlers({
      appInfo: { name: app.getName(), version: app.getVersion(), platform: process.platform },
      registry: services.registry,
      train: services.train,
      notes: services.notes,
      github: services.github,
      trainGitHub: services.trainGitHub,
      flows: services.flows,
      practice: services.practice,
      demos: services.demos,
      demoBranches: services.demoBranches,
      writeClipboard: (text) => clipboard.writeText(text),
      saveTextFile: async (suggestedName, text) => {
        const options: Electron.SaveDialogOptions = { title: 'Export release notes', defaultPath: suggestedName };
        const result = mainWindow
          ? await dialog.showSaveDialog(mainWindow, options)
          : await dialog.showSaveDialog(options);
        if (result.canceled || !result.filePath) return null;
        await writeFile(result.filePath, text, 'utf8');
        return result.filePath;
      },
      pickConfigFile: async () => {
        const options: Electron.OpenDialogOptions = {
          properties: ['openFile'],
          title: 'Choose a Release Desk config file',
          filters: [{ name: 'YAML', extensions: ['yml', 'yaml'] }],
        };
        const result = mainWindow
          ? await dialog.showOpenDialog(mainWindow, options)
          : await dialog.showOpenDialog(options);
        return result.canceled ? null : (result.filePaths[0] ?? null);
      },
      pickKeyFile: async () => {
        // Main reads the chosen key and hands it to the keychain; the renderer only learns the path.
        const options: Electron.OpenDialogOptions = {
          properties: ['openFile', 'showHiddenFiles'],
          title: 'Choose your SSH private key',
          defaultPath: join(app.getPath('home'), '.ssh'),
        };
        const result = mainWindow
          ? await dialog.showOpenDialog(mainWindow, options)
          : await dialog.showOpenDialog(options);
        return result.canceled ? null : (result.filePaths[0] ?? null);
      },
      pickFolder: async () => {
        const options: Electron.OpenDialogOptions = { properties: ['openDirectory'], title: 'Choose a local clone' };
        const result = mainWindow
          ? await dialog.showOpenDialog(mainWindow, options)
          : await dialog.showOpenDialog(options);
        return result.canceled ? null : (result.filePaths[0] ?? null);
      },
      openExternal: (url) => shell.openExternal(url),
      emit: (event, payload) => {
        if (!(EVENT_CHANNELS as readonly string[]).includes(event)) return;
        if (event === 'flows.progress') deployNotifier.update(payload as EventOf<'flows.progress'>);
        for (const window of BrowserWindow.getAllWindows()) window.webContents.send(wireName(event), payload);
      },
    });
    registerIpc(
      ipcMain,
      createDispatch(handlers, (channel, error) =>
        console.error(`[ipc] ${channel} failed:`, error instanceof Error ? error.stack : error),
      ),
    );
    serveRendererFrom(join(import.meta.dirname, '../renderer'));
    Menu.setApplicationMenu(buildAppMenu());
    mainWindow = createMainWindow();
    mainWindow.on('closed', () => {
      mainWindow = null;
    });
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) mainWindow = createMainWindow();
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
