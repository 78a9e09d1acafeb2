import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const electronMock = vi.hoisted(() => {
  const log: string[] = [];
  const appListeners = new Map<string, (...args: unknown[]) => void>();
  const windows: { options: unknown; url?: string; shown: boolean }[] = [];
  let hasLock = true;
  let resolveReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => {
    resolveReady = resolve;
  });
  class FakeBrowserWindow {
    static fromWebContents() {
      return null;
    }
    readonly record: { options: unknown; url?: string; shown: boolean };
    readonly webContents = { id: 1, once: () => undefined };
    constructor(options: unknown) {
      log.push('new BrowserWindow');
      this.record = { options, shown: false };
      windows.push(this.record);
    }
    once(_event: string, listener: () => void) {
      listener();
    }
    show() {
      this.record.shown = true;
    }
    loadURL(url: string) {
      this.record.url = url;
      return Promise.resolve();
    }
    isMinimized() {
      return false;
    }
    focus() {}
  }
  const session = {
    setPermissionRequestHandler: () => log.push('setPermissionRequestHandler'),
    setPermissionCheckHandler: () => log.push('setPermissionCheckHandler'),
    webRequest: { onBeforeRequest: () => log.push('onBeforeRequest') },
    setSpellCheckerEnabled: () => log.push('setSpellCheckerEnabled'),
    setSpellCheckerDictionaryDownloadURL: () => log.push('setSpellCheckerDictionaryDownloadURL'),
    on: () => log.push('session.on'),
  };
  return {
    log,
    appListeners,
    windows,
    setLock: (value: boolean) => (hasLock = value),
    resolveReady: () => resolveReady(),
    module: {
      app: {
        enableSandbox: () => log.push('enableSandbox'),
        getPath: (name: string) => `/home/user/.config-${name}`,
        setPath: (name: string, value: string) => log.push(`setPath ${name} ${value}`),
        requestSingleInstanceLock: () => {
          log.push('requestSingleInstanceLock');
          return hasLock;
        },
        quit: () => log.push('quit'),
        exit: (code: number) => log.push(`exit ${code}`),
        on: (event: string, listener: (...args: unknown[]) => void) => {
          log.push(`app.on ${event}`);
          appListeners.set(event, listener);
        },
        whenReady: () => {
          log.push('whenReady');
          return ready;
        },
      },
      protocol: {
        registerSchemesAsPrivileged: (schemes: unknown) => log.push(`registerSchemesAsPrivileged ${JSON.stringify(schemes)}`),
        handle: (scheme: string) => log.push(`protocol.handle ${scheme}`),
      },
      session: { defaultSession: session },
      BrowserWindow: FakeBrowserWindow,
      Menu: {
        buildFromTemplate: (template: unknown) => template,
        setApplicationMenu: () => log.push('setApplicationMenu'),
      },
      dialog: {},
      ipcMain: { handle: (channel: string) => log.push(`ipcMain.handle ${channel}`) },
    },
  };
});

vi.mock('electron', () => electronMock.module);

const { describeApp, pinUserDataFolder, resolveAppPaths, startApp, USER_DATA_FOLDER_NAME } = await import(
  '#electron/app'
);
const { buildMenuTemplate } = await import('#electron/menu');
const { trustedSenderIds } = await import('#electron/ipc');

beforeEach(() => {
  electronMock.log.length = 0;
});

describe('startApp', () => {
  it('quits at once, before anything else, when another instance holds the lock', () => {
    electronMock.setLock(false);
    startApp('/opt/tessera/out/main');
    expect(electronMock.log).toEqual([
      'registerSchemesAsPrivileged [{"scheme":"tessera","privileges":{"standard":true,"secure":true,"supportFetchAPI":true}}]',
      'enableSandbox',
      `setPath userData ${path.join('/home/user/.config-appData', 'Tessera')}`,
      'requestSingleInstanceLock',
      'quit',
    ]);
  });

  it('registers the scheme and the sandbox before ready, then hardens, serves, and opens one trusted window', async () => {
    electronMock.setLock(true);
    startApp('/opt/tessera/out/main');
    expect(electronMock.log.slice(0, 4)).toEqual([
      expect.stringMatching(/^registerSchemesAsPrivileged /),
      'enableSandbox',
      expect.stringMatching(/^setPath userData /),
      'requestSingleInstanceLock',
    ]);
    expect(electronMock.log).toContain('app.on web-contents-created');
    expect(electronMock.log).not.toContain('new BrowserWindow');

    electronMock.resolveReady();
    await vi.waitFor(() => expect(electronMock.windows).toHaveLength(1));
    const afterReady = electronMock.log.slice(electronMock.log.indexOf('whenReady') + 1);
    // The session is hardened and the protocol served before the window exists.
    expect(afterReady.indexOf('onBeforeRequest')).toBeLessThan(afterReady.indexOf('new BrowserWindow'));
    expect(afterReady.indexOf('setPermissionRequestHandler')).toBeLessThan(afterReady.indexOf('new BrowserWindow'));
    expect(afterReady.indexOf('protocol.handle tessera')).toBeLessThan(afterReady.indexOf('new BrowserWindow'));
    expect(afterReady.filter((entry) => entry.startsWith('ipcMain.handle')).sort()).toEqual([
      'ipcMain.handle appInfo',
      'ipcMain.handle backupProject',
      'ipcMain.handle listBackups',
      'ipcMain.handle openFiles',
      'ipcMain.handle readBackup',
      'ipcMain.handle saveFile',
    ]);

    const window = electronMock.windows[0];
    expect(window?.url).toBe('tessera://app/index.html');
    expect(window?.shown).toBe(true);
    expect(window?.options).toMatchObject({
      webPreferences: {
        preload: path.join('/opt/tessera/out', 'preload', 'preload.cjs'),
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
      },
    });
    expect(trustedSenderIds.has(1)).toBe(true);
  });

  it('hardens every web contents the app creates', () => {
    const listener = electronMock.appListeners.get('web-contents-created');
    const registeredEvents: string[] = [];
    let openHandlerSet = false;
    listener?.({}, {
      on: (event: string) => registeredEvents.push(event),
      setWindowOpenHandler: () => (openHandlerSet = true),
    });
    expect(registeredEvents.sort()).toEqual(['will-attach-webview', 'will-frame-navigate', 'will-navigate', 'will-redirect']);
    expect(openHandlerSet).toBe(true);
  });
});

describe('every session', () => {
  it('is hardened when Electron creates it, once even if announced again (the default session is)', () => {
    const listener = electronMock.appListeners.get('session-created');
    expect(listener).toBeTypeOf('function');
    const calls: string[] = [];
    const created = {
      setPermissionRequestHandler: () => calls.push('setPermissionRequestHandler'),
      setPermissionCheckHandler: () => calls.push('setPermissionCheckHandler'),
      webRequest: { onBeforeRequest: () => calls.push('onBeforeRequest') },
      setSpellCheckerEnabled: (enabled: boolean) => calls.push(`setSpellCheckerEnabled ${enabled}`),
      setSpellCheckerDictionaryDownloadURL: () => calls.push('setSpellCheckerDictionaryDownloadURL'),
      on: (event: string) => calls.push(`on ${event}`),
    };
    listener?.(created);
    listener?.(created);
    expect(calls.sort()).toEqual([
      'on will-download',
      'onBeforeRequest',
      'setPermissionCheckHandler',
      'setPermissionRequestHandler',
      'setSpellCheckerDictionaryDownloadURL',
      'setSpellCheckerEnabled false',
    ]);
  });
});

describe('app helpers', () => {
  it('finds the preload and renderer next to the built main script', () => {
    expect(resolveAppPaths(path.join('/opt', 'tessera', 'out', 'main'))).toEqual({
      preload: path.join('/opt', 'tessera', 'out', 'preload', 'preload.cjs'),
      renderer: path.join('/opt', 'tessera', 'out', 'renderer'),
    });
  });

  it('pins the data folder to a fixed name (a renamed folder would lose every project, like a renamed origin)', () => {
    expect(USER_DATA_FOLDER_NAME).toBe('Tessera');
    const calls: [string, string][] = [];
    pinUserDataFolder({ getPath: () => '/appdata', setPath: (name: string, value: string) => calls.push([name, value]) });
    expect(calls).toEqual([['userData', path.join('/appdata', 'Tessera')]]);
  });

  it('describes itself as the Electron platform', () => {
    expect(describeApp()).toMatchObject({ name: 'Tessera', platform: 'electron' });
    expect(describeApp().runtime).toMatch(/^Electron .+ on /);
  });

  it('builds a menu of standard roles with no Help menu (its items open web pages)', () => {
    for (const platform of ['linux', 'win32', 'darwin'] as const) {
      const roles = buildMenuTemplate(platform).map((item) => item.role);
      expect(roles).not.toContain('help');
      expect(roles).toContain('editMenu');
    }
    expect(buildMenuTemplate('darwin')[0]?.role).toBe('appMenu');
    expect(buildMenuTemplate('linux')[0]?.role).toBe('fileMenu');
  });
});

describe('the electron/ sources', () => {
  const electronDir = fileURLToPath(new URL('../../../electron/', import.meta.url));

  /** Each source file's code with its comments removed (comments may name what the code must not use). */
  async function sources(): Promise<[string, string][]> {
    const names = (await readdir(electronDir)).filter((name) => /\.(ts|mjs)$/.test(name) && !name.endsWith('.d.mts'));
    expect(names).toContain('app.ts');
    return Promise.all(
      names.map(async (name) => {
        const text = await readFile(path.join(electronDir, name), 'utf8');
        return [name, text.replace(/\/\*[\s\S]*?\*\/|(^|[^:])\/\/.*$/gm, '$1')] as [string, string];
      }),
    );
  }

  it('never use autoUpdater or start the crashReporter (offline app, sensitive data)', async () => {
    for (const [name, text] of await sources()) {
      expect(text, name).not.toMatch(/\bautoUpdater\b|crashReporter\s*\.\s*start/);
    }
  });

  it('use raw ipcMain only in ipc.ts and ipcRenderer only in preload.ts', async () => {
    for (const [name, code] of await sources()) {
      if (name !== 'ipc.ts') expect(code, name).not.toMatch(/\bipcMain\b/);
      if (name !== 'preload.ts') expect(code, name).not.toMatch(/\bipcRenderer\b/);
    }
  });

  it('never load Node into the page or switch a security flag off', async () => {
    for (const [name, text] of await sources()) {
      expect(text, name).not.toMatch(/nodeIntegration:\s*true|contextIsolation:\s*false|sandbox:\s*false|webSecurity:\s*false/);
      expect(text, name).not.toMatch(/\bshell\.openExternal\b/);
    }
  });
});
