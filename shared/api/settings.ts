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
  /**
   * Administration is open to the administrator only: the role becomes "admin" through the
   * administrator passphrase (admin.signIn, admin.setPassphrase), never through settings.update.
   */
  role: z.enum(["maker", "admin"]).default("maker"),
  /** Whether an administrator passphrase has been chosen (its hash never leaves the backend). */
  adminPassphraseSet: z.boolean().default(false),
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
    /** Leaving the administrator role needs nothing; entering it needs the passphrase. */
    role: z.literal("maker"),
    runRetentionDays: runRetentionDaysSchema,
  })
  .partial()
  .strict();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

/** The administrator passphrase: long enough to be more than a PIN, short enough to type. */
export const ADMIN_PASSPHRASE_MIN_LENGTH = 8;
export const adminPassphraseSchema = z
  .string()
  .min(
    ADMIN_PASSPHRASE_MIN_LENGTH,
    `The passphrase needs at least ${ADMIN_PASSPHRASE_MIN_LENGTH} characters.`,
  )
  .max(200, "The passphrase can have at most 200 characters.");

export const adminSignInInputSchema = z.object({ passphrase: z.string().min(1).max(200) }).strict();
/** The first passphrase (no `current`), or a new one by the administrator who knows the current one. */
export const adminSetPassphraseInputSchema = z
  .object({ current: z.string().min(1).max(200).optional(), next: adminPassphraseSchema })
  .strict();

export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({});
