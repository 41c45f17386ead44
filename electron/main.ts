// The Electron main process: thin wiring of Electron's APIs to the backend and to the pure shell
// functions in electron/shell. Everything worth testing lives in those functions.
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  type MenuItemConstructorOptions,
  protocol,
  screen,
  session,
} from "electron";
import Store from "electron-store";
import {
  ApiError,
  IPC_EVENT_CHANNEL,
  ipcChannel,
  METHOD_NAMES,
  type Settings,
  type ShellCommand,
} from "../shared/api";
import { type Backend, createBackend } from "./backend/app";
import type { AdminCredential } from "./backend/settings/admin-passphrase";
import {
  coerceSettings,
  mergeSettings,
  publicSettings,
  type SettingsChange,
  type SettingsStore,
  type StoredSettings,
} from "./backend/settings/store";
import { startHookServer } from "./server/hook-server";
import { SECURITY_HEADERS } from "./shell/csp";
import { type MenuSection, menuTemplate } from "./shell/menu";
import { APP_SCHEME, APP_START_URL, isAppUrl, resolveAppRequest } from "./shell/protocol";
import { leavesPage, UNLOAD_QUESTION } from "./shell/unload-question";
import { buildWindowOptions } from "./shell/window-options";
import { captureWindowState, restoreWindowBounds } from "./shell/window-state";

const here = fileURLToPath(new URL(".", import.meta.url));
const rendererDir = join(here, "..", "renderer");
const preloadPath = join(here, "preload.cjs");

/** electron-store behind the same interface, schema and coercion as web mode's JSON file. */
class ElectronSettingsStore implements SettingsStore {
  private readonly store = new Store<Record<string, unknown>>({ name: "settings", clearInvalidConfig: true });
  private stored(): StoredSettings {
    return coerceSettings(this.store.store).settings;
  }
  get(): Settings {
    return publicSettings(this.stored());
  }
  adminCredential(): AdminCredential | undefined {
    return this.stored().adminCredential;
  }
  update(patch: SettingsChange): Settings {
    const next = mergeSettings(this.stored(), patch);
    this.store.store = next as Record<string, unknown>;
    return publicSettings(next);
  }
}

// A data folder of its own, for tests and for people who keep several separate setups.
if (process.env.FLOWSMITH_DATA_DIR) app.setPath("userData", process.env.FLOWSMITH_DATA_DIR);

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let backend: Backend | undefined;
  let mainWindow: BrowserWindow | undefined;

  app.on("second-instance", () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  // Every web contents, present and future: no navigation away from the app, no new windows,
  // no <webview>.
  app.on("web-contents-created", (_event, contents) => {
    contents.on("will-navigate", (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on("will-redirect", (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.setWindowOpenHandler(() => ({ action: "deny" }));
    contents.on("will-attach-webview", (event) => event.preventDefault());
  });

  app.on("window-all-closed", () => {
    if (process.platform !== "darwin") app.quit();
  });

  app.on("will-quit", () => backend?.close());

  app
    .whenReady()
    .then(() => {
      const settings = new ElectronSettingsStore();
      backend = createBackend({
        dataDir: app.getPath("userData"),
        mode: "electron",
        version: app.getVersion(),
        settings,
      });
      const ready = backend;
      // Flows started by "When an HTTP request is received" answer on 127.0.0.1 (electron/server).
      void startHookServer(ready.hooks, { log: (message) => console.error(message) })
        .then((server) => app.on("will-quit", () => void server.close()))
        .catch((error: unknown) => console.error("The flows' HTTP addresses are not served:", error));

      session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) =>
        callback(false),
      );
      session.defaultSession.setPermissionCheckHandler(() => false);

      protocol.handle(APP_SCHEME, (request) => {
        const file = resolveAppRequest(request.url, rendererDir);
        if (!file) return new Response("Not found", { status: 404, headers: SECURITY_HEADERS });
        return new Response(new Uint8Array(file.body), {
          headers: { ...SECURITY_HEADERS, "Content-Type": file.contentType },
        });
      });

      for (const method of METHOD_NAMES) {
        ipcMain.handle(ipcChannel(method), (event, input: unknown) => {
          // Only our own pages may call the backend, never a frame that navigated elsewhere.
          if (!isAppUrl(event.senderFrame?.url)) {
            return {
              ok: false,
              error: new ApiError({ code: "forbidden", message: "Unknown sender." }).toData(),
            };
          }
          return ready.dispatch(method, input);
        });
      }
      ready.events.subscribe((message) => {
        for (const window of BrowserWindow.getAllWindows())
          window.webContents.send(IPC_EVENT_CHANNEL, message);
      });

      Menu.setApplicationMenu(buildMenu(menuTemplate(process.platform, { devTools: !app.isPackaged })));
      mainWindow = createMainWindow(ready);
    })
    .catch((error: unknown) => {
      console.error("Flowsmith could not start:", error);
      app.exit(1);
    });

  function createMainWindow(ready: Backend): BrowserWindow {
    const saved = ready.settings.get();
    const bounds = restoreWindowBounds(
      saved.window,
      screen.getAllDisplays().map((d) => d.workArea),
    );
    const window = new BrowserWindow(
      buildWindowOptions({ preloadPath, bounds, dark: saved.theme === "dark" }),
    );
    if (bounds.maximized) window.maximize();
    window.once("ready-to-show", () => window.show());
    window.webContents.on("will-prevent-unload", (event) => {
      if (leavesPage(dialog.showMessageBoxSync(window, UNLOAD_QUESTION))) event.preventDefault();
    });
    window.on("close", () => {
      ready.settings.update({ window: captureWindowState(window.getNormalBounds(), window.isMaximized()) });
    });
    window.on("closed", () => {
      if (mainWindow === window) mainWindow = undefined;
    });
    void window.loadURL(APP_START_URL);
    return window;
  }

  function sendCommand(command: ShellCommand): void {
    const target = BrowserWindow.getFocusedWindow() ?? mainWindow;
    if (command === "file.close") {
      target?.close();
      return;
    }
    backend?.events.emit("shell.command", { command });
  }

  function buildMenu(sections: MenuSection[]): Menu {
    const template: MenuItemConstructorOptions[] = sections.map((section) => ({
      label: section.label,
      ...(section.role ? { role: section.role } : {}),
      submenu: section.items.map((item): MenuItemConstructorOptions => {
        if ("type" in item) return { type: "separator" };
        const base = { label: item.label, ...(item.accelerator ? { accelerator: item.accelerator } : {}) };
        if ("role" in item) return { ...base, role: item.role };
        return { ...base, click: () => sendCommand(item.command) };
      }),
    }));
    return Menu.buildFromTemplate(template);
  }
}
