import { defineConfig } from "@playwright/test";
import { CHROMIUM_ARGS, chromiumPath } from "./e2e/harness/chromium";

// Journeys in a real browser against the real backend: web mode in Debian's Chromium, and the
// same journeys in Electron where its binary can start (skipped, with the reason, where not).
export default defineConfig({
  testDir: "e2e/specs",
  outputDir: "test-results",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [
    ["list"],
    ["./e2e/harness/skip-reasons-reporter.ts"],
    ["html", { open: "never", outputFolder: "playwright-report" }],
  ],
  use: {
    browserName: "chromium",
    viewport: { width: 1366, height: 820 },
    launchOptions: { executablePath: chromiumPath(), args: CHROMIUM_ARGS },
    actionTimeout: 10_000,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    { name: "web", metadata: { harness: "web" } },
    { name: "electron", metadata: { harness: "electron" } },
  ],
});
