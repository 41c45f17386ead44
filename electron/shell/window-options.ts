// The main window's options, built here so that tests can check every security flag without
// starting Electron. main.ts passes the result to BrowserWindow unchanged.
import type { WindowBounds } from "./window-state";

export interface SecureWebPreferences {
  preload: string;
  contextIsolation: true;
  sandbox: true;
  nodeIntegration: false;
  nodeIntegrationInWorker: false;
  nodeIntegrationInSubFrames: false;
  webSecurity: true;
  allowRunningInsecureContent: false;
  experimentalFeatures: false;
  webviewTag: false;
  navigateOnDragDrop: false;
  safeDialogs: true;
  spellcheck: boolean;
}

export interface MainWindowOptions extends Partial<WindowBounds> {
  width: number;
  height: number;
  minWidth: number;
  minHeight: number;
  title: string;
  show: false;
  backgroundColor: string;
  autoHideMenuBar: false;
  webPreferences: SecureWebPreferences;
}

export const MIN_WINDOW = { width: 960, height: 600 } as const;

export function buildWindowOptions(args: {
  preloadPath: string;
  bounds: WindowBounds;
  dark: boolean;
}): MainWindowOptions {
  const { x, y, width, height } = args.bounds;
  return {
    ...(x !== undefined && y !== undefined ? { x, y } : {}),
    width,
    height,
    minWidth: MIN_WINDOW.width,
    minHeight: MIN_WINDOW.height,
    title: "Flowsmith",
    // Shown on ready-to-show, so the person never sees a white flash before the theme applies.
    show: false,
    backgroundColor: args.dark ? "#16181d" : "#f6f7f9",
    autoHideMenuBar: false,
    webPreferences: {
      preload: args.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: true,
    },
  };
}
