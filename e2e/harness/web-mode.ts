// Starts Flowsmith's web mode as a real process on a fresh data folder, as a person would.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const projectRoot = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const cli = join(projectRoot, "dist", "server", "cli.js");

export interface WebModeProcess {
  url: string;
  origin: string;
  output: () => string;
  stop(): Promise<void>;
}

/** A fresh port unless one is given (a server started again where the last one was). */
export async function startWebMode(dataDir: string, port?: number): Promise<WebModeProcess> {
  if (!existsSync(cli)) throw new Error("dist/server/cli.js is missing: run npm run build first.");
  const args = [cli, "--data-dir", dataDir, "--no-open", ...(port ? ["--port", String(port)] : [])];
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: projectRoot,
    env: { ...process.env, CI: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`web mode did not start:\n${output}`)), 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /http:\/\/127\.0\.0\.1:\d+\/\?token=\S+/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[0]);
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`web mode exited with ${code}:\n${output}`));
    });
  });
  return {
    url,
    origin: new URL(url).origin,
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
