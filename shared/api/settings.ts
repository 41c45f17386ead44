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

/** How long ended runs stay in run history, in days; null keeps them all. The choices offered. */
export const RUN_RETENTION_CHOICES = [7, 28, 90, 365] as const;
export const DEFAULT_RUN_RETENTION_DAYS = 90;
export const runRetentionDaysSchema = z.number().int().min(1).max(3650).nullable();

export const CONNECTOR_CLASSES = ["business", "non-business", "blocked"] as const;
export const connectorPolicySchema = z.object({
  /** Connector id ("shared_office365") → its data group. Unlisted connectors fall in `default`. */
  connectors: z.record(z.string().min(1).max(200), z.enum(CONNECTOR_CLASSES)).default({}),
  default: z.enum(CONNECTOR_CLASSES).optional(),
});
export type ConnectorPolicySetting = z.infer<typeof connectorPolicySchema>;

export const settingsSchema = z.object({
  theme: z.enum(THEMES).default("system"),
  language: z.enum(LANGUAGES).default("en"),
  window: windowStateSchema.optional(),
  /** The privacy statement of Automate: shown before first use; declining is remembered. */
  automateConsent: z.enum(["unknown", "accepted", "declined"]).default("unknown"),
  /** Administration is open to the administrator only. */
  role: z.enum(["maker", "admin"]).default("maker"),
  /** The administrator's switch for the whole Automate feature. */
  automateEnabled: z.boolean().default(true),
  connectorPolicy: connectorPolicySchema.default({ connectors: {} }),
  /** Ended runs older than this many days leave run history; running and waiting runs stay. */
  runRetentionDays: runRetentionDaysSchema.default(DEFAULT_RUN_RETENTION_DAYS),
});
export type Settings = z.infer<typeof settingsSchema>;

/** What settings.update may change; the administration's fields go through admin.setPolicy. */
export const settingsPatchSchema = z
  .object({
    theme: z.enum(THEMES),
    language: z.enum(LANGUAGES),
    window: windowStateSchema,
    automateConsent: z.enum(["unknown", "accepted", "declined"]),
    role: z.enum(["maker", "admin"]),
    runRetentionDays: runRetentionDaysSchema,
  })
  .partial()
  .strict();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({});
