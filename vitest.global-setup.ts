// Every unit test's temporary folders (databases, data dirs, crash children's files) go under one
// folder for the run, removed when it ends: thousands of runs must not fill the disk's /tmp.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), "flowsmith-vitest-"));
  const previous = process.env.TMPDIR;
  // Read by os.tmpdir() in the test workers, which start after this and inherit the environment.
  process.env.TMPDIR = root;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    rmSync(root, { recursive: true, force: true });
  };
}
