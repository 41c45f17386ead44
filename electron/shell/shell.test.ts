import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SHELL_COMMANDS } from "../../shared/api";
import { tempDir } from "../backend/test-support";
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from "./csp";
import { menuCommands, menuTemplate } from "./menu";
import { APP_START_URL, isAppUrl, resolveAppRequest } from "./protocol";
import { leavesPage, UNLOAD_QUESTION } from "./unload-question";
import { buildWindowOptions } from "./window-options";
import { captureWindowState, restoreWindowBounds } from "./window-state";

describe("main window options", () => {
  const options = buildWindowOptions({
    preloadPath: "/app/preload.cjs",
    bounds: { width: 1200, height: 800 },
    dark: false,
  });

  it("isolate the renderer: context isolation, sandbox, no Node", () => {
    expect(options.webPreferences).toMatchObject({
      preload: "/app/preload.cjs",
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
    });
  });

  it("open hidden until ready, with the theme's background and a usable minimum size", () => {
    expect(options.show).toBe(false);
    expect(
      buildWindowOptions({ preloadPath: "p", bounds: { width: 1, height: 1 }, dark: true }).backgroundColor,
    ).toBe("#16181d");
    expect(options.minWidth).toBeGreaterThanOrEqual(900);
  });
});

describe("content security policy", () => {
  const directives = Object.fromEntries(
    CONTENT_SECURITY_POLICY.split(";").map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name, values.join(" ")];
    }),
  );

  it("allows only our own scripts: no inline, no eval, no remote", () => {
    expect(directives["default-src"]).toBe("'none'");
    expect(directives["script-src"]).toBe("'self'");
    expect(CONTENT_SECURITY_POLICY).not.toContain("unsafe-eval");
    expect(CONTENT_SECURITY_POLICY).not.toContain("unsafe-inline");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:/);
  });

  it("forbids framing, plugins and form posts", () => {
    expect(directives["frame-ancestors"]).toBe("'none'");
    expect(directives["object-src"]).toBe("'none'");
    expect(directives["form-action"]).toBe("'none'");
    expect(SECURITY_HEADERS["Content-Security-Policy"]).toBe(CONTENT_SECURITY_POLICY);
  });
});

describe("app:// protocol", () => {
  const root = tempDir("flowsmith-renderer-");
  writeFileSync(join(root, "index.html"), "<html></html>");
  mkdirSync(join(root, "assets"));
  writeFileSync(join(root, "assets", "main.js"), "1");

  it("recognises only our own origin", () => {
    expect(isAppUrl(APP_START_URL)).toBe(true);
    expect(isAppUrl("app://other/index.html")).toBe(false);
    expect(isAppUrl("https://flowsmith/index.html")).toBe(false);
    expect(isAppUrl("file:///etc/passwd")).toBe(false);
    expect(isAppUrl(undefined)).toBe(false);
    expect(isAppUrl("not a url")).toBe(false);
  });

  it("serves files from the renderer folder and nothing outside it", () => {
    expect(resolveAppRequest("app://flowsmith/assets/main.js", root)?.contentType).toContain("javascript");
    expect(resolveAppRequest("app://flowsmith/some/route", root)?.path).toBe(join(root, "index.html"));
    expect(resolveAppRequest("app://flowsmith/../../etc/passwd", root)?.path).not.toBe("/etc/passwd");
    expect(resolveAppRequest("app://flowsmith/%2e%2e/%2e%2e/etc/passwd", root)?.path ?? root).toContain(root);
    expect(resolveAppRequest("app://evil/index.html", root)).toBeUndefined();
  });
});

describe("application menu", () => {
  const labels = (platform: NodeJS.Platform) =>
    Object.fromEntries(
      menuTemplate(platform, { devTools: false }).map((s) => [
        s.label,
        s.items.flatMap((i) => ("label" in i ? [i.label] : [])),
      ]),
    );

  it("has File, Edit, View and Help with the expected entries", () => {
    const menu = labels("linux");
    expect(menu.File).toEqual(expect.arrayContaining(["New flow", "Close"]));
    expect(menu.Edit).toEqual(
      expect.arrayContaining(["Undo", "Redo", "Cut", "Copy", "Paste", "Delete", "Find a step…"]),
    );
    expect(menu.View).toEqual(expect.arrayContaining(["Zoom in", "Zoom out", "Toggle dark mode"]));
    expect(menu.Help).toEqual(["Keyboard shortcuts", "About Flowsmith"]);
    expect(menu.View).not.toContain("Developer tools");
  });

  it("only sends commands the renderer knows", () => {
    for (const command of menuCommands(menuTemplate("darwin", { devTools: true }))) {
      expect(SHELL_COMMANDS).toContain(command);
    }
  });
});

describe("window position memory", () => {
  const screen = [{ x: 0, y: 0, width: 1920, height: 1080 }];

  it("uses the default size the first time", () => {
    expect(restoreWindowBounds(undefined, screen)).toEqual({ width: 1280, height: 800, maximized: false });
  });

  it("restores a position that is still on a display", () => {
    const saved = { x: 100, y: 50, width: 1000, height: 700, maximized: true };
    expect(restoreWindowBounds(saved, screen)).toEqual(saved);
  });

  it("drops a position on a display that is gone, keeping the size", () => {
    const saved = { x: 2500, y: 100, width: 1000, height: 700, maximized: false };
    expect(restoreWindowBounds(saved, screen)).toEqual({ width: 1000, height: 700, maximized: false });
  });

  it("never opens larger than the display", () => {
    const saved = { width: 5000, height: 3000, maximized: false };
    expect(restoreWindowBounds(saved, screen)).toMatchObject({ width: 1920, height: 1080 });
  });

  it("captures rounded bounds", () => {
    expect(captureWindowState({ x: 10.4, y: 20.6, width: 800.2, height: 600.7 }, false)).toEqual({
      x: 10,
      y: 21,
      width: 800,
      height: 601,
      maximized: false,
    });
  });
});

describe("closing the window with changes not saved", () => {
  it("asks, and only the Leave button lets the page go; Stay is the default and Escape's answer", () => {
    const buttons = UNLOAD_QUESTION.buttons ?? [];
    expect(buttons[0]).toMatch(/^Leave/);
    expect(leavesPage(0)).toBe(true);
    expect(buttons[UNLOAD_QUESTION.defaultId ?? 0]).toBe("Stay");
    expect(leavesPage(UNLOAD_QUESTION.cancelId ?? 0)).toBe(false);
  });
});
