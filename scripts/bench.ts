// `npm run bench`: builds the app (the designer bench drives it in Chromium), bundles the benches with
// esbuild into .bench-cache/ and runs them on Node 24. Arguments pass through (--only=core,engine).
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const wants = (section: string) => {
  const only = args.find((a) => a.startsWith("--only="));
  return !only || only.slice("--only=".length).split(",").includes(section);
};

// The browser benches drive the built app.
if (wants("designer") || wants("workflow-list")) {
  const built = spawnSync(process.execPath, [join(root, "scripts", "build.ts")], {
    stdio: "inherit",
    cwd: root,
  });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

const outfile = join(root, ".bench-cache", "all.mjs");
await build({
  absWorkingDir: root,
  entryPoints: ["bench/all.ts"],
  outfile,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node22",
  external: ["better-sqlite3", "playwright-core", "esbuild"],
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  logLevel: "warning",
});
const launcher = `import(${JSON.stringify(pathToFileURL(outfile).href)})`;
const result = spawnSync(process.execPath, ["--input-type=module", "-e", launcher, "--", ...args], {
  stdio: "inherit",
  cwd: root,
  env: { ...process.env, FLOWSMITH_ROOT: root },
});
process.exit(result.status ?? 0);
