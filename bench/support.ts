// What the browser benches share: Debian's Chromium, a web-mode server on a fresh data folder, and a
// static server for the baseline page.
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, resolve } from "node:path";
import { type Browser, chromium } from "playwright-core";
import { CHROMIUM_ARGS, chromiumPath } from "../e2e/harness/chromium";

// The benches run bundled from .bench-cache/, so the project is where npm started them.
export const projectRoot = resolve(process.env.FLOWSMITH_ROOT ?? process.cwd());

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: CHROMIUM_ARGS,
  });
}

export interface WebMode {
  origin: string;
  port: number;
  token: string;
  call<T>(method: string, input: unknown): Promise<T>;
  stop(): Promise<void>;
}

/** Starts dist/server/cli.js on a data folder and talks to its contract with the launch token. */
export async function startWebMode(dataDir: string): Promise<WebMode> {
  const child: ChildProcess = spawn(
    process.execPath,
    [join(projectRoot, "dist", "server", "cli.js"), "--data-dir", dataDir, "--no-open"],
    {
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, CI: "1" },
    },
  );
  let output = "";
  const url = await new Promise<string>((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error(`web mode did not start:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /http:\/\/127\.0\.0\.1:\d+\/\?token=\S+/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolvePromise(match[0]);
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
  });
  const parsed = new URL(url);
  const token = parsed.searchParams.get("token") ?? "";
  return {
    origin: parsed.origin,
    port: Number(parsed.port),
    token,
    async call<T>(method: string, input: unknown): Promise<T> {
      const response = await fetch(`${parsed.origin}/api/call/${method}`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
        body: JSON.stringify(input),
      });
      const envelope = (await response.json()) as { ok: boolean; value?: T; error?: { message: string } };
      if (!envelope.ok) throw new Error(`${method}: ${envelope.error?.message}`);
      return envelope.value as T;
    },
    stop: () =>
      new Promise((resolveStop) => {
        child.once("exit", () => resolveStop());
        child.kill("SIGTERM");
      }),
  };
}

const MIME: Record<string, string> = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css" };

export async function serveStatic(dir: string): Promise<{ origin: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const path = join(dir, (req.url ?? "/").split("?")[0]?.replace(/^\/$/, "/index.html") ?? "/index.html");
    try {
      const body = readFileSync(path);
      res.writeHead(200, { "content-type": MIME[extname(path)] ?? "application/octet-stream" });
      res.end(body);
    } catch {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((r) => server.close(() => r())),
  };
}
