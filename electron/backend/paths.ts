// Where Flowsmith keeps its data when Electron does not say (web mode): the platform's usual place.
import { homedir } from "node:os";
import { join } from "node:path";

export const APP_DIR_NAME = "Flowsmith";

export function platformDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
): string {
  if (platform === "win32") return join(env.APPDATA ?? join(home, "AppData", "Roaming"), APP_DIR_NAME);
  if (platform === "darwin") return join(home, "Library", "Application Support", APP_DIR_NAME);
  return join(env.XDG_DATA_HOME || join(home, ".local", "share"), APP_DIR_NAME);
}
