import { z } from "zod";

export const APP_MODES = ["electron", "web"] as const;

/** Something the person must be told once: a database moved aside, a missed schedule… */
export const noticeSchema = z.object({
  id: z.string(),
  level: z.enum(["info", "warning", "error"]),
  title: z.string(),
  message: z.string(),
});
export type Notice = z.infer<typeof noticeSchema>;

export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  mode: z.enum(APP_MODES),
  dataDir: z.string(),
  databaseFile: z.string(),
  notices: z.array(noticeSchema),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

/** Commands of the application menu (Electron) and their keyboard shortcuts (both modes). */
export const SHELL_COMMANDS = [
  "file.newFlow",
  "file.close",
  "edit.undo",
  "edit.redo",
  "edit.cut",
  "edit.copy",
  "edit.paste",
  "edit.delete",
  "edit.selectAll",
  "edit.find",
  "view.toggleDarkMode",
  "help.shortcuts",
  "help.about",
] as const;
export const shellCommandSchema = z.enum(SHELL_COMMANDS);
export type ShellCommand = z.infer<typeof shellCommandSchema>;
