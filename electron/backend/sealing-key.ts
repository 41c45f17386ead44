// The key that seals secured inputs and outputs in the run journal (engine/sealed-values.ts): 32
// random bytes in a file beside the database, readable by this user only, made on first start. A key
// file that is not a key is moved aside with a timestamp (never deleted) and a new one is made:
// runs journaled before keep their sealed values, which the old file may still open.

import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Notice } from "../../shared/api";
import { SEAL_KEY_BYTES } from "./engine/sealed-values";

export const SEALING_KEY_FILE = "secured-values.key";

export function loadSealingKey(dataDir: string, now: () => Date): { key: Buffer; notices: Notice[] } {
  const file = join(dataDir, SEALING_KEY_FILE);
  const notices: Notice[] = [];
  if (existsSync(file)) {
    const key = readFileSync(file);
    if (key.length === SEAL_KEY_BYTES) return { key, notices };
    const aside = `${file}.unreadable-${now().toISOString().replace(/[:.]/g, "-")}`;
    renameSync(file, aside);
    notices.push({
      id: `sealing-key-moved-${now().getTime()}`,
      level: "warning",
      title: "The key of secured values was not a key",
      message: `${SEALING_KEY_FILE} was moved aside to ${aside} and a new key was made. Runs that were waiting with secured values may not be able to go on.`,
    });
  }
  const key = randomBytes(SEAL_KEY_BYTES);
  writeFileSync(file, key, { mode: 0o600, flag: "wx" });
  return { key, notices };
}
