// One settings interface with two homes: electron-store in Electron (wired in main.ts) and a JSON
// file in web mode. Both keep the same schema; a bad value is dropped, never the whole file.
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { z } from "zod";
import { type Settings, type SettingsPatch, settingsSchema } from "../../../shared/api";
import { type AdminCredential, adminCredentialSchema } from "./admin-passphrase";

/** What is kept on disk: the settings, and the administrator passphrase's hash instead of whether one is set. */
export const storedSettingsSchema = settingsSchema
  .omit({ adminPassphraseSet: true })
  .extend({ adminCredential: adminCredentialSchema.optional() });
export type StoredSettings = z.infer<typeof storedSettingsSchema>;
export const DEFAULT_STORED_SETTINGS: StoredSettings = storedSettingsSchema.parse({});

/**
 * A settings change: what the person may change, plus the administration's fields (admin.setPolicy)
 * and the role and passphrase (admin.signIn, admin.setPassphrase).
 */
export type SettingsChange = Omit<SettingsPatch, "role"> &
  Partial<Pick<Settings, "automateEnabled" | "connectorPolicy" | "role">> & {
    adminCredential?: AdminCredential;
  };

export interface SettingsStore {
  /** The settings as the contract gives them (no passphrase hash). */
  get(): Settings;
  update(patch: SettingsChange): Settings;
  /** The administrator passphrase's hash, if one was chosen. */
  adminCredential(): AdminCredential | undefined;
}

/** Reads what is on disk field by field: valid fields are kept, invalid ones fall back to defaults. */
export function coerceSettings(raw: unknown): { settings: StoredSettings; dropped: string[] } {
  const whole = storedSettingsSchema.safeParse(raw ?? {});
  if (whole.success) return { settings: whole.data, dropped: [] };
  const source = typeof raw === "object" && raw !== null ? (raw as Record<string, unknown>) : {};
  const settings: Record<string, unknown> = { ...DEFAULT_STORED_SETTINGS };
  const dropped: string[] = [];
  for (const [key, field] of Object.entries(storedSettingsSchema.shape)) {
    if (!(key in source)) continue;
    const parsed = field.safeParse(source[key]);
    if (parsed.success) settings[key] = parsed.data;
    else dropped.push(key);
  }
  return { settings: storedSettingsSchema.parse(settings), dropped };
}

export function mergeSettings(current: StoredSettings, patch: SettingsChange): StoredSettings {
  return storedSettingsSchema.parse({ ...current, ...patch });
}

/** The settings as the contract gives them: whether a passphrase is set, never its hash. */
export function publicSettings(stored: StoredSettings): Settings {
  const { adminCredential, ...rest } = stored;
  return { ...rest, adminPassphraseSet: adminCredential !== undefined };
}

export class JsonFileSettingsStore implements SettingsStore {
  private current: StoredSettings;

  constructor(private readonly file: string) {
    this.current = this.read();
  }

  static inDir(dir: string): JsonFileSettingsStore {
    return new JsonFileSettingsStore(join(dir, "settings.json"));
  }

  get(): Settings {
    return publicSettings(this.current);
  }

  adminCredential(): AdminCredential | undefined {
    return this.current.adminCredential;
  }

  update(patch: SettingsChange): Settings {
    const next = mergeSettings(this.current, patch);
    // Write to a temporary file and rename: a crash leaves the old file or the new one, never half.
    const tmp = `${this.file}.tmp`;
    writeFileSync(tmp, `${JSON.stringify(next, null, 2)}\n`, "utf8");
    renameSync(tmp, this.file);
    this.current = next;
    return publicSettings(next);
  }

  private read(): StoredSettings {
    if (!existsSync(this.file)) return DEFAULT_STORED_SETTINGS;
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(this.file, "utf8"));
    } catch (error) {
      // Keep the person's file for them to look at; the next save would otherwise overwrite it.
      const keptAt = `${this.file}.invalid-${new Date().toISOString().replace(/[:.]/g, "-")}`;
      renameSync(this.file, keptAt);
      console.warn(
        `[settings] ${this.file} is not valid JSON (${(error as Error).message}); kept it at ${keptAt} and using defaults.`,
      );
      return DEFAULT_STORED_SETTINGS;
    }
    const { settings, dropped } = coerceSettings(raw);
    if (dropped.length > 0) {
      console.warn(`[settings] ignored invalid values in ${this.file}: ${dropped.join(", ")}`);
    }
    return settings;
  }

  get directory(): string {
    return dirname(this.file);
  }
}
