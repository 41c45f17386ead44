// Opens the printed address in the person's browser, when there is one and a screen to show it on.
import { spawn } from "node:child_process";

export function browserCommand(
  url: string,
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
): [string, string[]] | undefined {
  if (platform === "darwin") return ["open", [url]];
  if (platform === "win32") return ["cmd", ["/c", "start", "", url]];
  if (!env.DISPLAY && !env.WAYLAND_DISPLAY) return undefined;
  return ["xdg-open", [url]];
}

/** Resolves true when a browser was asked to open the address. */
export function openBrowser(url: string): Promise<boolean> {
  const command = browserCommand(url);
  if (!command) return Promise.resolve(false);
  return new Promise((resolve) => {
    const child = spawn(command[0], command[1], { stdio: "ignore", detached: true });
    child.once("error", () => resolve(false));
    child.once("spawn", () => {
      child.unref();
      resolve(true);
    });
  });
}
