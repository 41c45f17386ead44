// Secured inputs and outputs (runtimeConfiguration.secureData) are sealed before the journal keeps
// them: AES-256-GCM with a key that lives beside the database, not in it, so the database file alone
// (a backup, a copy sent to someone) does not give them away. Run history never shows them; the
// engine opens them again only to go on with a run after a restart, when later steps use them.
//
// A sealed value is a JSON string "$sealed:v1:<base64 of iv, tag, ciphertext>" in the journal's
// place for the value, so that every reader of the journal stays as it is.
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import type { JsonValue } from "../../../shared/json";

const PREFIX = "$sealed:v1:";
const IV_BYTES = 12;
const TAG_BYTES = 16;
export const SEAL_KEY_BYTES = 32;

export interface ValueSealer {
  /** The JSON text to journal for a value's JSON text. */
  seal(json: string): string;
  /** A journaled value as the run used it (values that were not sealed come back as they are). */
  open(value: JsonValue): JsonValue;
}

/** Thrown when a sealed value cannot be opened (another key, a damaged value). */
export class SealedValueError extends Error {
  constructor(detail: string) {
    super(`A secured value of this run cannot be read: ${detail}`);
    this.name = "SealedValueError";
  }
}

export function createSealer(key: Buffer): ValueSealer {
  if (key.length !== SEAL_KEY_BYTES)
    throw new Error(`The key of secured values must be ${SEAL_KEY_BYTES} bytes.`);
  return {
    seal(json) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv("aes-256-gcm", key, iv);
      const sealed = Buffer.concat([cipher.update(json, "utf8"), cipher.final()]);
      return JSON.stringify(PREFIX + Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString("base64"));
    },
    open(value) {
      if (!isSealedValue(value)) return value;
      const bytes = Buffer.from(value.slice(PREFIX.length), "base64");
      if (bytes.length < IV_BYTES + TAG_BYTES) throw new SealedValueError("it is damaged.");
      let json: string;
      try {
        const decipher = createDecipheriv("aes-256-gcm", key, bytes.subarray(0, IV_BYTES));
        decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
        json = Buffer.concat([
          decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)),
          decipher.final(),
        ]).toString("utf8");
      } catch {
        throw new SealedValueError(
          "it was sealed with another key (was the key file beside the database replaced?).",
        );
      }
      return JSON.parse(json) as JsonValue;
    },
  };
}

/** Whether a journaled value is a sealed one (run history shows it as hidden). */
export function isSealedValue(value: JsonValue | undefined): value is string {
  return typeof value === "string" && value.startsWith(PREFIX);
}

/** Without a key (tests, tools): values are journaled as they are. */
export const UNSEALED: ValueSealer = { seal: (json) => json, open: (value) => value };
