// What every call returns over a transport: the value, or an error in the contract's shape.
// Errors travel as data because Electron's IPC keeps only an Error's message.
import type { ApiErrorData } from "./errors";

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ApiErrorData };
