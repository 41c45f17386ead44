// The application menu as data: labels, shortcuts, and either a built-in Electron role or one of
// our shell commands, which main.ts forwards to the focused window. Tests read it without Electron.
import type { ShellCommand } from "../../shared/api";

export type MenuRole =
  | "cut"
  | "copy"
  | "paste"
  | "selectAll"
  | "zoomIn"
  | "zoomOut"
  | "resetZoom"
  | "togglefullscreen"
  | "toggleDevTools"
  | "quit"
  | "close"
  | "about"
  | "hide"
  | "hideOthers"
  | "unhide"
  | "appMenu";

export type MenuEntry =
  | { type: "separator" }
  | { label: string; accelerator?: string; role: MenuRole }
  | { label: string; accelerator?: string; command: ShellCommand };

export interface MenuSection {
  label: string;
  role?: MenuRole;
  items: MenuEntry[];
}

const separator = { type: "separator" } as const;

export function menuTemplate(platform: NodeJS.Platform, options: { devTools: boolean }): MenuSection[] {
  const mac = platform === "darwin";
  const sections: MenuSection[] = [];
  if (mac) sections.push({ label: "Flowsmith", role: "appMenu", items: [] });
  sections.push(
    {
      label: "File",
      items: [
        { label: "New flow", accelerator: "CmdOrCtrl+N", command: "file.newFlow" },
        separator,
        { label: "Close", accelerator: "CmdOrCtrl+W", command: "file.close" },
        ...(mac ? [] : [{ label: "Quit", accelerator: "CmdOrCtrl+Q", role: "quit" } as const]),
      ],
    },
    {
      label: "Edit",
      items: [
        // Undo, redo and delete act on the flow (or the focused text field): the renderer decides.
        { label: "Undo", accelerator: "CmdOrCtrl+Z", command: "edit.undo" },
        { label: "Redo", accelerator: mac ? "Shift+Cmd+Z" : "Ctrl+Y", command: "edit.redo" },
        separator,
        // Cut, copy and paste use the native roles: they raise the DOM clipboard events that the
        // designer listens to, and still work in every text field.
        { label: "Cut", accelerator: "CmdOrCtrl+X", role: "cut" },
        { label: "Copy", accelerator: "CmdOrCtrl+C", role: "copy" },
        { label: "Paste", accelerator: "CmdOrCtrl+V", role: "paste" },
        { label: "Delete", accelerator: "Delete", command: "edit.delete" },
        separator,
        // Every step of the flow in the designer; a text field's text (or the page's) elsewhere.
        { label: "Select all", accelerator: "CmdOrCtrl+A", command: "edit.selectAll" },
        separator,
        // The designer's own find: its canvas draws only the cards on screen, so the page's find cannot.
        { label: "Find a step…", accelerator: "CmdOrCtrl+F", command: "edit.find" },
      ],
    },
    {
      label: "View",
      items: [
        { label: "Zoom in", accelerator: "CmdOrCtrl+=", role: "zoomIn" },
        { label: "Zoom out", accelerator: "CmdOrCtrl+-", role: "zoomOut" },
        { label: "Actual size", accelerator: "CmdOrCtrl+0", role: "resetZoom" },
        separator,
        { label: "Toggle dark mode", accelerator: "CmdOrCtrl+Shift+D", command: "view.toggleDarkMode" },
        { label: "Full screen", accelerator: mac ? "Ctrl+Cmd+F" : "F11", role: "togglefullscreen" },
        ...(options.devTools
          ? [
              separator,
              { label: "Developer tools", accelerator: "CmdOrCtrl+Shift+I", role: "toggleDevTools" } as const,
            ]
          : []),
      ],
    },
    {
      label: "Help",
      items: [
        { label: "Keyboard shortcuts", accelerator: "CmdOrCtrl+/", command: "help.shortcuts" },
        separator,
        { label: "About Flowsmith", command: "help.about" },
      ],
    },
  );
  return sections;
}

/** Every shell command reachable from the menu (the renderer must handle each of them). */
export function menuCommands(sections: readonly MenuSection[]): ShellCommand[] {
  return sections.flatMap((section) =>
    section.items.flatMap((item) => ("command" in item ? [item.command] : [])),
  );
}
