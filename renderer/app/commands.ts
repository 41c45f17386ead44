// Named commands, as in Node-RED: the Electron menu and the keyboard both trigger command names,
// and whichever screen is showing registers what each name does there.
import { useEffect, useRef } from "react";
import type { ShellCommand } from "../../shared/api";
import { api } from "../api/client";

type Handler = () => void;
const handlers = new Map<ShellCommand, Handler[]>();

/** The latest registered handler wins, so a dialog or the designer overrides the page under it. */
export function useCommand(command: ShellCommand, handler: Handler, enabled = true): void {
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => {
    if (!enabled) return;
    const entry: Handler = () => latest.current();
    handlers.set(command, [...(handlers.get(command) ?? []), entry]);
    return () => {
      handlers.set(
        command,
        (handlers.get(command) ?? []).filter((h) => h !== entry),
      );
    };
  }, [command, enabled]);
}

export function isEditableTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) {
    return !["checkbox", "radio", "button", "submit", "reset", "range", "color", "file"].includes(
      target.type,
    );
  }
  return false;
}

/**
 * A screen whose fields write to its own undo history (the designer): given Undo or Redo in a field,
 * it takes the command when the edit to undo or redo is that field's typing, and says so.
 */
export type FieldHistory = (command: "edit.undo" | "edit.redo", field: HTMLElement) => boolean;
const fieldHistories: FieldHistory[] = [];

export function useFieldHistory(history: FieldHistory): void {
  const latest = useRef(history);
  latest.current = history;
  useEffect(() => {
    const entry: FieldHistory = (command, field) => latest.current(command, field);
    fieldHistories.push(entry);
    return () => {
      fieldHistories.splice(fieldHistories.indexOf(entry), 1);
    };
  }, []);
}

/** Undo or Redo in a field: the screen's history when it claims the field's typing. */
function fieldHistoryTakes(command: ShellCommand, field: Element | null): boolean {
  if ((command !== "edit.undo" && command !== "edit.redo") || !(field instanceof HTMLElement)) return false;
  const history = fieldHistories[fieldHistories.length - 1];
  return history !== undefined && history(command, field);
}

const NATIVE_EDIT: Partial<Record<ShellCommand, string>> = {
  "edit.undo": "undo",
  "edit.redo": "redo",
  "edit.delete": "delete",
  "edit.selectAll": "selectAll",
};

export function runCommand(command: ShellCommand): boolean {
  // In a text field, edit commands belong to the field, as in every desktop app.
  const native = NATIVE_EDIT[command];
  if (native && isEditableTarget(document.activeElement)) {
    if (!fieldHistoryTakes(command, document.activeElement)) document.execCommand(native);
    return true;
  }
  const list = handlers.get(command);
  const handler = list?.[list.length - 1];
  if (!handler) {
    // No screen claims Select all: the page's text, as the menu's native role would.
    if (command === "edit.selectAll") {
      document.execCommand("selectAll");
      return true;
    }
    return false;
  }
  handler();
  return true;
}

/** The keyboard shortcut's command, or undefined. Mirrors the Electron menu's accelerators. */
export function commandForKey(
  event: Pick<KeyboardEvent, "key" | "ctrlKey" | "metaKey" | "shiftKey" | "altKey">,
): ShellCommand | undefined {
  const mod = event.ctrlKey || event.metaKey;
  const key = event.key.toLowerCase();
  if (event.altKey) return undefined;
  if (mod && !event.shiftKey && key === "n") return "file.newFlow";
  if (mod && !event.shiftKey && key === "z") return "edit.undo";
  if (mod && event.shiftKey && key === "z") return "edit.redo";
  if (mod && !event.shiftKey && key === "y") return "edit.redo";
  if (mod && event.shiftKey && key === "d") return "view.toggleDarkMode";
  if (!mod && !event.shiftKey && key === "delete") return "edit.delete";
  if (mod && !event.shiftKey && key === "f") return "edit.find";
  if (mod && !event.shiftKey && key === "a") return "edit.selectAll";
  if (mod && key === "/") return "help.shortcuts";
  if (!mod && key === "?") return "help.shortcuts";
  return undefined;
}

/** Installs the two sources of commands: the menu (through the contract) and, in web mode, keys. */
export function useCommandSources(): void {
  useEffect(() => {
    const unsubscribe = api.subscribe((message) => {
      if (message.event === "shell.command")
        runCommand((message.payload as { command: ShellCommand }).command);
    });
    const onKeyDown = (event: KeyboardEvent) => {
      // In Electron the menu's accelerators own these keys and send the command themselves.
      if (api.mode === "electron" || event.defaultPrevented) return;
      const command = commandForKey(event);
      if (!command) return;
      // Edit keys and a bare "?" belong to a text field being typed in; Find works from anywhere.
      const typed =
        (command.startsWith("edit.") && command !== "edit.find") ||
        (command === "help.shortcuts" && event.key === "?");
      if (typed && isEditableTarget(event.target)) {
        if (fieldHistoryTakes(command, event.target as Element)) event.preventDefault();
        return;
      }
      if (runCommand(command)) event.preventDefault();
    };
    window.addEventListener("keydown", onKeyDown);
    return () => {
      unsubscribe();
      window.removeEventListener("keydown", onKeyDown);
    };
  }, []);
}
