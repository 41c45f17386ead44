// The backend as one object: database, stores, the contract's handlers and the event bus.
// Plain Node: the Electron main process and the web-mode server both wrap it.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Database } from "better-sqlite3";
import type { AppInfo, Notice } from "../../shared/api";
import { createDispatch, type Dispatch } from "./api/dispatch";
import { createHandlers } from "./api/handlers";
import { openDatabase } from "./db/open";
import { EventBus } from "./events";
import { FlowStore } from "./flows/store";
import type { SettingsStore } from "./settings/store";

export interface BackendOptions {
  dataDir: string;
  mode: AppInfo["mode"];
  version: string;
  settings: SettingsStore;
  now?: () => number;
  log?: (message: string) => void;
}

export interface Backend {
  dispatch: Dispatch;
  events: EventBus;
  db: Database;
  flows: FlowStore;
  settings: SettingsStore;
  info(): AppInfo;
  close(): void;
}

export const DATABASE_FILE_NAME = "flowsmith.db";

export function createBackend(options: BackendOptions): Backend {
  mkdirSync(options.dataDir, { recursive: true });
  const databaseFile = join(options.dataDir, DATABASE_FILE_NAME);
  const now = options.now ?? Date.now;
  const { db, notices } = openDatabase(databaseFile, { now: () => new Date(now()) });
  const log = options.log ?? ((message: string) => console.error(message));
  for (const notice of notices) log(`${notice.title}: ${notice.message}`);

  const flows = new FlowStore(db, { now });
  flows.purgeExpired();
  const events = new EventBus();
  const openNotices: Notice[] = [...notices];

  const info = (): AppInfo => ({
    name: "Flowsmith",
    version: options.version,
    mode: options.mode,
    dataDir: options.dataDir,
    databaseFile,
    notices: [...openNotices],
  });

  const handlers = createHandlers({
    flows,
    settings: options.settings,
    events,
    info,
    dismissNotice: (id) => {
      const index = openNotices.findIndex((n) => n.id === id);
      if (index >= 0) openNotices.splice(index, 1);
    },
  });

  return {
    dispatch: createDispatch(handlers, log),
    events,
    db,
    flows,
    settings: options.settings,
    info,
    close: () => db.close(),
  };
}
