// The `app` fixture every journey uses: Flowsmith started fresh (its own data folder), in web mode
// or in Electron according to the Playwright project, with restart and second-window helpers.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test as base, type ElectronApplication, type Page } from "@playwright/test";
import { electronBinary, launchElectron } from "./electron";
import { startWebMode, type WebModeProcess } from "./web-mode";

export interface AppHandle {
  page: Page;
  dataDir: string;
  /** Quits the app and starts it again on the same data folder; returns the new page. */
  restart(): Promise<Page>;
  /** Another window on the same running app (a second tab in web mode). */
  openSecondWindow(): Promise<Page>;
  /** Web mode: stops the server and leaves the page open, as when its terminal is closed. */
  stopServer(): Promise<void>;
  /** Web mode: starts the server again on the same port (with a new token), without a new page. */
  startServerAgain(): Promise<void>;
}

export interface AppOptions {
  /** Files written into the fresh data folder before the app starts (a damaged database, say). */
  dataDirFiles: Record<string, string>;
}

export const test = base.extend<{ app: AppHandle } & AppOptions>({
  dataDirFiles: [{}, { option: true }],
  app: async ({ browser, dataDirFiles }, use, testInfo) => {
    const dataDir = mkdtempSync(join(tmpdir(), "flowsmith-e2e-"));
    for (const [name, content] of Object.entries(dataDirFiles)) writeFileSync(join(dataDir, name), content);
    const collectErrors = (page: Page) =>
      page.on("pageerror", (error) =>
        testInfo.annotations.push({ type: "page error", description: String(error) }),
      );

    if (testInfo.project.metadata.harness === "electron") {
      const binary = electronBinary();
      if ("reason" in binary) {
        rmSync(dataDir, { recursive: true, force: true });
        testInfo.skip(true, `Electron cannot start here: ${binary.reason}.`);
        return;
      }
      let electron: ElectronApplication = await launchElectron(binary.path, dataDir);
      let page = await electron.firstWindow();
      await use({
        get page() {
          return page;
        },
        dataDir,
        async restart() {
          await electron.close();
          electron = await launchElectron(binary.path, dataDir);
          page = await electron.firstWindow();
          return page;
        },
        async openSecondWindow() {
          throw new Error("Flowsmith's desktop app has one window; this journey runs in web mode.");
        },
        async stopServer() {
          throw new Error("The desktop app has no server to stop; this journey runs in web mode.");
        },
        async startServerAgain() {
          throw new Error("The desktop app has no server to start; this journey runs in web mode.");
        },
      });
      await electron.close();
      rmSync(dataDir, { recursive: true, force: true });
      return;
    }

    const context = await browser.newContext();
    let server: WebModeProcess = await startWebMode(dataDir);
    let page = await context.newPage();
    collectErrors(page);
    await page.goto(server.url);
    await use({
      get page() {
        return page;
      },
      dataDir,
      async restart() {
        await server.stop();
        server = await startWebMode(dataDir);
        page = await context.newPage();
        collectErrors(page);
        await page.goto(server.url);
        return page;
      },
      async openSecondWindow() {
        const second = await context.newPage();
        collectErrors(second);
        await second.goto(server.origin);
        return second;
      },
      stopServer: () => server.stop(),
      async startServerAgain() {
        server = await startWebMode(dataDir, Number(new URL(server.origin).port));
      },
    });
    await context.close();
    await server.stop();
    // Each journey's data folder goes with it (a failed journey's screenshot and trace are kept by Playwright).
    rmSync(dataDir, { recursive: true, force: true });
  },
});

export { expect } from "@playwright/test";
