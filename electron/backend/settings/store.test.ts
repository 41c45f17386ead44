import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "../../../shared/api";
import { tempDir } from "../test-support";
import { coerceSettings, DEFAULT_STORED_SETTINGS, JsonFileSettingsStore } from "./store";

describe("settings", () => {
  it("starts from defaults and persists updates to a JSON file", () => {
    const dir = tempDir();
    const store = JsonFileSettingsStore.inDir(dir);
    expect(store.get()).toEqual(DEFAULT_SETTINGS);
    store.update({ theme: "dark" });
    expect(JSON.parse(readFileSync(join(dir, "settings.json"), "utf8")).theme).toBe("dark");
    expect(JsonFileSettingsStore.inDir(dir).get().theme).toBe("dark");
  });

  it("keeps the valid fields of a file with a bad one", () => {
    expect(coerceSettings({ theme: "dark", language: "klingon" })).toEqual({
      settings: { ...DEFAULT_STORED_SETTINGS, theme: "dark" },
      dropped: ["language"],
    });
  });

  it("drops a passphrase hash that is not one, keeping the rest", () => {
    const { settings, dropped } = coerceSettings({
      theme: "dark",
      role: "admin",
      adminCredential: { hash: 1 },
    });
    expect(dropped).toEqual(["adminCredential"]);
    expect(settings).toEqual({ ...DEFAULT_STORED_SETTINGS, theme: "dark", role: "admin" });
  });

  it("survives a file that is not JSON, keeping it aside instead of overwriting it", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "settings.json"), "{ this is not json");
    const store = JsonFileSettingsStore.inDir(dir);
    expect(store.get()).toEqual(DEFAULT_SETTINGS);
    store.update({ theme: "light" });
    const kept = readdirSync(dir).find((name) => name.startsWith("settings.json.invalid-"));
    expect(kept && readFileSync(join(dir, kept), "utf8")).toBe("{ this is not json");
  });
});
