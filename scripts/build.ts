// Builds everything the app runs: the renderer (Vite) into dist/renderer, and the Node side
// (esbuild) into dist/electron (main.js, preload.cjs) and dist/server (cli.js, web mode).
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build as esbuild } from "esbuild";
import { build as viteBuild } from "vite";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(root, "dist");
const started = Date.now();

// ESM output still meets CommonJS inside bundled dependencies: give them a require.
const requireShim =
  "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);";

await viteBuild({ configFile: join(root, "vite.config.ts"), logLevel: "warn" });

await esbuild({
  absWorkingDir: root,
  entryPoints: { "electron/main": "electron/main.ts", "server/cli": "electron/server/cli.ts" },
  outdir: dist,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node22",
  sourcemap: true,
  external: ["electron", "better-sqlite3"],
  banner: { js: requireShim },
  logLevel: "warning",
});

// The preload runs sandboxed: CommonJS, and nothing but electron may be required at run time.
await esbuild({
  absWorkingDir: root,
  entryPoints: { "electron/preload": "electron/preload.ts" },
  outdir: dist,
  outExtension: { ".js": ".cjs" },
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node22",
  external: ["electron"],
  logLevel: "warning",
});

writeFileSync(join(dist, ".build-stamp"), new Date().toISOString());
console.log(`Built Flowsmith into dist/ in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
