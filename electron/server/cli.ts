// `npm start` (where Electron cannot start) and `npm run start:web`: the backend and the renderer
// served on 127.0.0.1 with a per-launch token.
import { mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import pkg from "../../package.json" with { type: "json" };
import { createBackend } from "../backend/app";
import { platformDataDir } from "../backend/paths";
import { JsonFileSettingsStore } from "../backend/settings/store";
import { parseWebModeArgs, WEB_MODE_HELP } from "./args";
import { startHookServer } from "./hook-server";
import { openBrowser } from "./open-browser";
import { newLaunchToken } from "./security";
import { startWebServer } from "./server";

async function main(): Promise<void> {
  let args: ReturnType<typeof parseWebModeArgs>;
  try {
    args = parseWebModeArgs(process.argv.slice(2));
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
  if (args.help) {
    console.log(WEB_MODE_HELP);
    return;
  }
  const dataDir = resolve(args.dataDir ?? platformDataDir());
  mkdirSync(dataDir, { recursive: true });
  const settings = JsonFileSettingsStore.inDir(dataDir);
  const backend = createBackend({ dataDir, mode: "web", version: pkg.version, settings });
  const here = dirname(fileURLToPath(import.meta.url));
  const server = await startWebServer({
    dispatch: backend.dispatch,
    events: backend.events,
    token: newLaunchToken(),
    staticDir: join(here, "..", "renderer"),
    ...(args.port !== undefined ? { port: args.port } : {}),
    log: (message) => console.error(message),
  });
  const hookServer = await startHookServer(backend.hooks, { log: (message) => console.error(message) });

  console.log(`Flowsmith is running in web mode. Open this address (it carries this launch's access token):`);
  console.log(`  ${server.url}`);
  console.log(`Data folder: ${dataDir}`);
  console.log(`Flows started by an HTTP request answer at ${hookServer.origin}/hooks/…`);
  if (args.open && !process.env.CI) {
    const opened = await openBrowser(server.url);
    console.log(
      opened ? "Opened it in your browser." : "No browser could be opened here; open the address yourself.",
    );
  }
  console.log("Press Ctrl+C to stop.");

  let stopping = false;
  const stop = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    await Promise.all([server.close(), hookServer.close()]);
    backend.close();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop());
  process.on("SIGTERM", () => void stop());
}

main().catch((error: unknown) => {
  console.error(`Flowsmith could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
