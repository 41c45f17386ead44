// `npm start`: Flowsmith as a desktop app where Electron can start; otherwise web mode on
// 127.0.0.1, with one plain sentence saying why. `npm start -- --web` asks for web mode directly.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const forceWeb = args.includes("--web");
const webArgs = args.filter((arg) => arg !== "--web");

function newestChange(paths: string[]): number {
  let newest = 0;
  const visit = (path: string): void => {
    if (!existsSync(path)) return;
    const stat = statSync(path);
    if (stat.isDirectory()) {
      for (const entry of readdirSync(path)) if (entry !== "node_modules") visit(join(path, entry));
    } else newest = Math.max(newest, stat.mtimeMs);
  };
  for (const path of paths) visit(join(root, path));
  return newest;
}

function buildIfStale(): void {
  const stamp = join(root, "dist", ".build-stamp");
  const sources = ["renderer", "electron", "shared", "package.json", "vite.config.ts"];
  if (existsSync(stamp) && statSync(stamp).mtimeMs >= newestChange(sources)) return;
  console.log("Building Flowsmith…");
  const result = spawnSync(process.execPath, [join(root, "scripts", "build.ts")], {
    stdio: "inherit",
    cwd: root,
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/** The Electron binary's path, or why Electron cannot start here. */
function locateElectron(): { path: string } | { reason: string } {
  if (process.platform === "linux" && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return { reason: "there is no display to open a window on" };
  }
  const electronDir = dirname(createRequire(import.meta.url).resolve("electron/package.json"));
  const binary = (): string | undefined => {
    const pathFile = join(electronDir, "path.txt");
    if (!existsSync(pathFile)) return undefined;
    const path = join(electronDir, "dist", readFileSync(pathFile, "utf8").trim());
    return existsSync(path) ? path : undefined;
  };
  const present = binary();
  if (present) return { path: present };
  // Electron 42+ fetches its binary on first start rather than at install.
  console.log("Fetching Electron's binary (first start only)…");
  const fetched = spawnSync(process.execPath, [join(electronDir, "install.js")], {
    stdio: "ignore",
    timeout: 300_000,
  });
  const path = fetched.status === 0 ? binary() : undefined;
  return path ? { path } : { reason: "its binary could not be downloaded from this machine" };
}

function run(command: string, commandArgs: string[]): ChildProcess {
  const child = spawn(command, commandArgs, { stdio: "inherit", cwd: root });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
  return child;
}

function startWeb(): void {
  run(process.execPath, [join(root, "dist", "server", "cli.js"), ...webArgs]).on("exit", (code) =>
    process.exit(code ?? 0),
  );
}

buildIfStale();
if (forceWeb) {
  startWeb();
} else {
  const electron = locateElectron();
  if ("reason" in electron) {
    console.log(
      `Electron cannot start on this machine (${electron.reason}), so Flowsmith is starting in web mode.`,
    );
    startWeb();
  } else {
    const startedAt = Date.now();
    run(electron.path, [root]).on("exit", (code) => {
      // A crash within seconds means Electron cannot run here (missing libraries, no GPU…).
      if (code !== 0 && Date.now() - startedAt < 5000) {
        console.log("Electron failed to start on this machine, so Flowsmith is starting in web mode.");
        startWeb();
      } else process.exit(code ?? 0);
    });
  }
}
