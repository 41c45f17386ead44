// The Electron side of the harness: starts the packaged main process where Electron's binary can
// run, and otherwise says why not, so the Electron project is reported as skipped with a reason.
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { _electron, type ElectronApplication } from "@playwright/test";
import { projectRoot } from "./web-mode";

export function electronBinary(): { path: string } | { reason: string } {
  const electronDir = dirname(createRequire(import.meta.url).resolve("electron/package.json"));
  const pathFile = join(electronDir, "path.txt");
  if (!existsSync(pathFile)) {
    return { reason: "Electron's binary is not installed (it cannot be downloaded on this machine)" };
  }
  const binary = join(electronDir, "dist", readFileSync(pathFile, "utf8").trim());
  if (!existsSync(binary)) return { reason: `Electron's binary is missing at ${binary}` };
  if (process.platform === "linux" && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return { reason: "there is no display for Electron's window (set DISPLAY, e.g. under Xvfb)" };
  }
  return { path: binary };
}

export async function launchElectron(binary: string, dataDir: string): Promise<ElectronApplication> {
  return _electron.launch({
    executablePath: binary,
    args: [projectRoot],
    cwd: projectRoot,
    env: { ...process.env, FLOWSMITH_DATA_DIR: dataDir } as Record<string, string>,
  });
}
