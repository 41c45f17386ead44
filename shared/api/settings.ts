// User settings: one schema for electron-store (Electron) and the JSON file (web mode).
import { z } from "zod";

export const THEMES = ["system", "light", "dark"] as const;
export const LANGUAGES = ["en"] as const;

export const windowStateSchema = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(200).max(20000),
  height: z.number().int().min(200).max(20000),
  maximized: z.boolean(),
});
export type WindowState = z.infer<typeof windowStateSchema>;

export const settingsSchema = z.object({
  theme: z.enum(THEMES).default("system"),
  language: z.enum(LANGUAGES).default("en"),
  window: windowStateSchema.optional(),
});
export type Settings = z.infer<typeof settingsSchema>;

export const settingsPatchSchema = z
  .object({
    theme: z.enum(THEMES),
    language: z.enum(LANGUAGES),
    window: windowStateSchema,
  })
  .partial()
  .strict();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({});
