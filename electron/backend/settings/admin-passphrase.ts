// The administrator passphrase: what makes the administrator role more than a dropdown. Only its
// scrypt hash is kept (in the settings store, beside the role); it never crosses the contract.
// Wrong guesses are slowed down: after a few, sign-in waits before it answers again.
import { randomBytes, scrypt, timingSafeEqual } from "node:crypto";
import { z } from "zod";

export const adminCredentialSchema = z.object({
  algorithm: z.literal("scrypt"),
  /** scrypt's cost parameters, kept so that a later default can still check an older hash. */
  N: z
    .number()
    .int()
    .min(2)
    .max(2 ** 20),
  r: z.number().int().min(1).max(32),
  p: z.number().int().min(1).max(16),
  salt: z.base64(),
  hash: z.base64(),
});
export type AdminCredential = z.infer<typeof adminCredentialSchema>;

/** About 60 ms on this kind of machine: unnoticed by a person, costly for a guesser. */
const COST = { N: 2 ** 15, r: 8, p: 1 } as const;
const KEY_BYTES = 32;

function derive(
  passphrase: string,
  salt: Buffer,
  cost: { N: number; r: number; p: number },
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // maxmem: scrypt needs 128·N·r bytes; Node's default (32 MiB) is just short for N = 2^15.
    scrypt(
      passphrase.normalize("NFC"),
      salt,
      KEY_BYTES,
      { ...cost, maxmem: 256 * cost.N * cost.r },
      (error, key) => (error ? reject(error) : resolve(key)),
    );
  });
}

export async function hashPassphrase(passphrase: string): Promise<AdminCredential> {
  const salt = randomBytes(16);
  const hash = await derive(passphrase, salt, COST);
  return { algorithm: "scrypt", ...COST, salt: salt.toString("base64"), hash: hash.toString("base64") };
}

export async function passphraseMatches(passphrase: string, credential: AdminCredential): Promise<boolean> {
  const expected = Buffer.from(credential.hash, "base64");
  const actual = await derive(passphrase, Buffer.from(credential.salt, "base64"), credential);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** Wrong passphrases allowed in a row before sign-in makes the person wait. */
export const FREE_ATTEMPTS = 5;
/** The wait after the free attempts, doubled for each further wrong one (capped). */
const FIRST_LOCKOUT_MS = 30_000;
const MAX_LOCKOUT_MS = 15 * 60_000;

/** Counts wrong passphrases in a row; the process's memory is enough for a desktop app. */
export class AttemptLimiter {
  private failures = 0;
  private lockedUntil = 0;

  constructor(private readonly now: () => number = Date.now) {}

  /** Milliseconds to wait before the next attempt is heard (0: now). */
  waitMs(): number {
    return Math.max(0, this.lockedUntil - this.now());
  }

  failed(): void {
    this.failures++;
    if (this.failures < FREE_ATTEMPTS) return;
    const extra = this.failures - FREE_ATTEMPTS;
    this.lockedUntil = this.now() + Math.min(MAX_LOCKOUT_MS, FIRST_LOCKOUT_MS * 2 ** extra);
  }

  succeeded(): void {
    this.failures = 0;
    this.lockedUntil = 0;
  }
}
