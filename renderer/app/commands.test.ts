import { describe, expect, it, vi } from "vitest";

vi.mock("../api/client", () => ({ api: { mode: "web", subscribe: () => () => {} } }));
const { commandForKey } = await import("./commands");

const key = (k: string, mods: { ctrl?: boolean; shift?: boolean; alt?: boolean; meta?: boolean } = {}) => ({
  key: k,
  ctrlKey: mods.ctrl ?? false,
  metaKey: mods.meta ?? false,
  shiftKey: mods.shift ?? false,
  altKey: mods.alt ?? false,
});

describe("keyboard shortcuts, as the Electron menu's accelerators", () => {
  it("map to the menu's commands", () => {
    expect(commandForKey(key("n", { ctrl: true }))).toBe("file.newFlow");
    expect(commandForKey(key("z", { meta: true }))).toBe("edit.undo");
    expect(commandForKey(key("Z", { ctrl: true, shift: true }))).toBe("edit.redo");
    expect(commandForKey(key("y", { ctrl: true }))).toBe("edit.redo");
    expect(commandForKey(key("D", { ctrl: true, shift: true }))).toBe("view.toggleDarkMode");
    expect(commandForKey(key("Delete"))).toBe("edit.delete");
    expect(commandForKey(key("f", { ctrl: true }))).toBe("edit.find");
    expect(commandForKey(key("F", { meta: true }))).toBe("edit.find");
    expect(commandForKey(key("a", { ctrl: true }))).toBe("edit.selectAll");
  });

  it("open the list of shortcuts with ? or Ctrl+/", () => {
    expect(commandForKey(key("?", { shift: true }))).toBe("help.shortcuts");
    expect(commandForKey(key("/", { ctrl: true }))).toBe("help.shortcuts");
    expect(commandForKey(key("/"))).toBeUndefined();
  });

  it("leave other keys alone, and anything with Alt", () => {
    expect(commandForKey(key("n"))).toBeUndefined();
    expect(commandForKey(key("f"))).toBeUndefined();
    expect(commandForKey(key("F", { ctrl: true, shift: true }))).toBeUndefined();
    expect(commandForKey(key("z", { ctrl: true, alt: true }))).toBeUndefined();
  });
});
