// The administrator role through the contract: it takes the passphrase, which never leaves the
// backend; the policy is the administrator's alone.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { MethodName } from "../../../shared/api";
import type { Backend } from "../app";
import { FREE_ATTEMPTS } from "../settings/admin-passphrase";
import { tempDir, testBackend } from "../test-support";

let backend: Backend;
let dataDir: string;
beforeEach(() => {
  dataDir = tempDir();
  backend = testBackend(dataDir);
});
afterEach(() => backend.close());

type Answer = { ok: true; value: Record<string, unknown> } | { ok: false; code: string; message: string };
async function call(method: MethodName, input: unknown): Promise<Answer> {
  const answer = await backend.dispatch(method, input);
  return answer.ok
    ? { ok: true, value: answer.value as Record<string, unknown> }
    : { ok: false, code: answer.error.code, message: answer.error.message };
}
const blockOutlook = { connectorPolicy: { connectors: { shared_office365: "blocked" } } };

describe("becoming the administrator", () => {
  it("is refused through settings.update: the role is the passphrase's to give", async () => {
    expect(await call("settings.update", { role: "admin" })).toMatchObject({
      ok: false,
      code: "invalid_input",
    });
    expect(await call("admin.setPolicy", blockOutlook)).toEqual({
      ok: false,
      code: "forbidden",
      message: "Only an administrator can change the Automate policy.",
    });
  });

  it("takes choosing the first passphrase; then signing out closes the policy and signing in opens it", async () => {
    const before = await call("settings.get", {});
    expect(before).toMatchObject({ ok: true, value: { role: "maker", adminPassphraseSet: false } });
    // Signing in before any passphrase exists says what to do instead.
    expect(await call("admin.signIn", { passphrase: "whatever1" })).toMatchObject({
      ok: false,
      code: "conflict",
      message: expect.stringContaining("choose one"),
    });

    const chosen = await call("admin.setPassphrase", { next: "correct horse" });
    expect(chosen).toMatchObject({ ok: true, value: { role: "admin", adminPassphraseSet: true } });
    // The answer and the settings carry whether it is set, never its hash.
    expect(JSON.stringify(chosen)).not.toContain("adminCredential");
    expect(JSON.stringify(await call("settings.get", {}))).not.toContain("adminCredential");
    expect(await call("admin.setPolicy", blockOutlook)).toMatchObject({ ok: true });

    expect(await call("admin.signOut", {})).toMatchObject({ ok: true, value: { role: "maker" } });
    expect(await call("admin.setPolicy", blockOutlook)).toMatchObject({ ok: false, code: "forbidden" });
    expect(await call("admin.signIn", { passphrase: "wrong horse" })).toEqual({
      ok: false,
      code: "forbidden",
      message: "That is not the administrator passphrase.",
    });
    expect(await call("admin.signIn", { passphrase: "correct horse" })).toMatchObject({
      ok: true,
      value: { role: "admin" },
    });
  });

  it("keeps the passphrase's hash, not the passphrase, in the settings file, across a restart", async () => {
    await call("admin.setPassphrase", { next: "correct horse" });
    await call("admin.signOut", {});
    const file = readFileSync(join(dataDir, "settings.json"), "utf8");
    expect(file).not.toContain("correct horse");
    expect(JSON.parse(file).adminCredential).toMatchObject({ algorithm: "scrypt" });
    backend.close();
    backend = testBackend(dataDir);
    expect(await call("settings.get", {})).toMatchObject({ ok: true, value: { adminPassphraseSet: true } });
    expect(await call("admin.signIn", { passphrase: "correct horse" })).toMatchObject({ ok: true });
  });

  it("cannot be had by choosing a passphrase again: changing it takes the administrator and the current one", async () => {
    await call("admin.setPassphrase", { next: "correct horse" });
    await call("admin.signOut", {});
    expect(await call("admin.setPassphrase", { next: "my own one" })).toEqual({
      ok: false,
      code: "forbidden",
      message: "Only an administrator can change the administrator passphrase.",
    });
    await call("admin.signIn", { passphrase: "correct horse" });
    expect(await call("admin.setPassphrase", { next: "battery staple" })).toMatchObject({
      ok: false,
      code: "invalid_input",
    });
    expect(
      await call("admin.setPassphrase", { current: "not it at all", next: "battery staple" }),
    ).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    expect(
      await call("admin.setPassphrase", { current: "correct horse", next: "battery staple" }),
    ).toMatchObject({ ok: true });
    await call("admin.signOut", {});
    expect(await call("admin.signIn", { passphrase: "correct horse" })).toMatchObject({ ok: false });
    expect(await call("admin.signIn", { passphrase: "battery staple" })).toMatchObject({ ok: true });
  });

  it("makes a guesser wait after a few wrong passphrases, even for the right one", async () => {
    await call("admin.setPassphrase", { next: "correct horse" });
    await call("admin.signOut", {});
    for (let i = 0; i < FREE_ATTEMPTS; i++) await call("admin.signIn", { passphrase: `guess ${i}` });
    expect(await call("admin.signIn", { passphrase: "correct horse" })).toMatchObject({
      ok: false,
      code: "unavailable",
      message: "Too many wrong passphrases. Try again in 30 seconds.",
    });
    expect(await call("settings.get", {})).toMatchObject({ ok: true, value: { role: "maker" } });
  });
});
