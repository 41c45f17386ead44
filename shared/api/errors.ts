// The one error shape that crosses the contract, whatever the transport.
import { z } from "zod";

export const API_ERROR_CODES = [
  "invalid_input", // the payload does not have the contract's shape
  "not_found", // the thing named does not exist (or is in the recycle bin)
  "conflict", // a stale revision: the thing changed since the caller read it
  "forbidden", // refused by policy or transport security
  "unavailable", // the feature exists but cannot serve now
  "internal", // a bug: the backend broke its own contract
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

export const issueSchema = z.object({ path: z.string(), message: z.string() });
export type Issue = z.infer<typeof issueSchema>;

export const apiErrorSchema = z.object({
  code: z.enum(API_ERROR_CODES),
  message: z.string(),
  /** For invalid_input: every field that is wrong, with its path ("definition.triggers"). */
  issues: z.array(issueSchema).optional(),
  /** For conflict: the revision the backend holds now. */
  currentRevision: z.number().int().optional(),
});
export type ApiErrorData = z.infer<typeof apiErrorSchema>;

/** Thrown by backend code and by API clients; carries an ApiErrorData. */
export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly issues: Issue[] | undefined;
  readonly currentRevision: number | undefined;

  constructor(data: ApiErrorData) {
    super(data.message);
    this.name = "ApiError";
    this.code = data.code;
    this.issues = data.issues;
    this.currentRevision = data.currentRevision;
  }

  toData(): ApiErrorData {
    const data: ApiErrorData = { code: this.code, message: this.message };
    if (this.issues) data.issues = this.issues;
    if (this.currentRevision !== undefined) data.currentRevision = this.currentRevision;
    return data;
  }
}

export function notFound(what: string): ApiError {
  return new ApiError({ code: "not_found", message: `${what} was not found.` });
}

/** "definition.actions['Send an email'].type": readable, and copy-pasteable as a JS path. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else if (typeof key === "string" && /^[A-Za-z_$][\w$]*$/.test(key)) out += out ? `.${key}` : key;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out || "(the whole payload)";
}

type RawIssue = z.core.$ZodIssue;

/**
 * A union's issue only says "Invalid input"; the branch that came closest (fewest issues) says what
 * is actually wrong, so report that branch's issues under the union's path.
 */
function flatten(issue: RawIssue): { path: PropertyKey[]; message: string }[] {
  if (issue.code === "invalid_union" && issue.errors.length > 0) {
    const closest = [...issue.errors].sort((a, b) => a.length - b.length)[0] ?? [];
    if (closest.length > 0) {
      return closest.flatMap((inner) =>
        flatten(inner).map((i) => ({ path: [...issue.path, ...i.path], message: i.message })),
      );
    }
  }
  return [{ path: [...issue.path], message: issue.message }];
}

/** Turns zod's issues into an invalid_input error that names every wrong field. */
export function invalidInput(error: z.ZodError, context: string): ApiError {
  const issues = error.issues
    .flatMap(flatten)
    .map((issue) => ({ path: formatPath(issue.path), message: issue.message }));
  const first = issues[0];
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : "";
  const message = first
    ? `Invalid ${context}: ${first.path}: ${first.message}${more}`
    : `Invalid ${context}.`;
  return new ApiError({ code: "invalid_input", message, issues });
}
