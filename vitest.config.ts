import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: [
      "shared/**/*.test.ts",
      "electron/**/*.test.ts",
      "renderer/**/*.test.{ts,tsx}",
      "scripts/**/*.test.ts",
      "fixtures/**/*.test.ts",
    ],
    environment: "node",
    globalSetup: ["./vitest.global-setup.ts"],
    pool: "forks",
    testTimeout: 20_000,
  },
});
