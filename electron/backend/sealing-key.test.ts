import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadSealingKey, SEALING_KEY_FILE } from "./sealing-key";
import { tempDir } from "./test-support";

const now = () => new Date(Date.UTC(2026, 10, 24, 9, 30));

describe("the key of secured values", () => {
  it("is made once, readable by this user only, and the same on the next start", () => {
    const dir = tempDir();
    const first = loadSealingKey(dir, now);
    expect(first.key).toHaveLength(32);
    expect(first.notices).toEqual([]);
    expect(statSync(join(dir, SEALING_KEY_FILE)).mode & 0o777).toBe(0o600);
    expect(loadSealingKey(dir, now).key.equals(first.key)).toBe(true);
  });

  it("that is not a key is moved aside, never deleted, and a new one is made, with a notice", () => {
    const dir = tempDir();
    writeFileSync(join(dir, SEALING_KEY_FILE), "not a key");
    const { key, notices } = loadSealingKey(dir, now);
    expect(key).toHaveLength(32);
    expect(notices).toMatchObject([{ level: "warning", title: "The key of secured values was not a key" }]);
    const aside = readdirSync(dir).find((f) => f.startsWith(`${SEALING_KEY_FILE}.unreadable-`));
    expect(aside && readFileSync(join(dir, aside), "utf8")).toBe("not a key");
    expect(existsSync(join(dir, SEALING_KEY_FILE))).toBe(true);
  });
});
