import { describe, expect, it } from "vitest";
import { AttemptLimiter, FREE_ATTEMPTS, hashPassphrase, passphraseMatches } from "./admin-passphrase";

describe("the administrator passphrase", () => {
  it("is kept as a salted hash that the passphrase matches and nothing else does", async () => {
    const credential = await hashPassphrase("correct horse");
    expect(JSON.stringify(credential)).not.toContain("correct horse");
    expect(await passphraseMatches("correct horse", credential)).toBe(true);
    expect(await passphraseMatches("correct hors", credential)).toBe(false);
    expect(await passphraseMatches("Correct horse", credential)).toBe(false);
    // The same passphrase twice: two salts, two hashes.
    expect((await hashPassphrase("correct horse")).hash).not.toBe(credential.hash);
  });

  it("matches whatever Unicode form the keyboard typed it in", async () => {
    const credential = await hashPassphrase("caf\u00e9 au lait");
    expect(await passphraseMatches("cafe\u0301 au lait", credential)).toBe(true);
  });
});

describe("wrong passphrases in a row", () => {
  it("are free up to a few, then make the person wait longer each time, until one is right", () => {
    let now = 0;
    const limiter = new AttemptLimiter(() => now);
    for (let i = 1; i < FREE_ATTEMPTS; i++) limiter.failed();
    expect(limiter.waitMs()).toBe(0);
    limiter.failed();
    expect(limiter.waitMs()).toBe(30_000);
    now += 30_000;
    expect(limiter.waitMs()).toBe(0);
    limiter.failed();
    expect(limiter.waitMs()).toBe(60_000);
    now += 60_000;
    limiter.succeeded();
    limiter.failed();
    expect(limiter.waitMs()).toBe(0);
  });
});
