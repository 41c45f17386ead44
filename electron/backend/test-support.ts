// Helpers for backend tests: a real backend on a temporary data folder.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Backend, createBackend } from "./app";
import { JsonFileSettingsStore } from "./settings/store";

export function tempDir(prefix = "flowsmith-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function testBackend(dataDir = tempDir()): Backend {
  return createBackend({
    dataDir,
    mode: "web",
    version: "0.0.0-test",
    settings: JsonFileSettingsStore.inDir(dataDir),
    log: () => {},
  });
}
