// The one error the sandbox throws: an HTTP-like status for connector outcomes (400 names the
// parameter, 404, 409, 501…) that is also an ApiError, so the contract passes it to the UI as is.
import { ApiError, type ApiErrorCode } from "../../../shared/api";

function apiCodeOf(status: number): ApiErrorCode {
  if (status === 404) return "not_found";
  if (status === 409) return "conflict";
  if (status === 403) return "forbidden";
  if (status === 501 || status === 503) return "unavailable";
  if (status >= 500) return "internal";
  return "invalid_input";
}

export class SandboxError extends ApiError {
  /** HTTP status a connector call fails with. */
  readonly status: number;
  /** The connector's error code ("InvalidParameter", "NotFound"…). */
  readonly errorCode: string;
  /** The parameter at fault, for 400s ("emailMessage/To"). */
  readonly parameter: string | undefined;

  constructor(status: number, errorCode: string, message: string, parameter?: string) {
    super({
      code: apiCodeOf(status),
      message,
      ...(parameter ? { issues: [{ path: parameter, message }] } : {}),
    });
    this.name = "SandboxError";
    this.status = status;
    this.errorCode = errorCode;
    this.parameter = parameter;
  }
}

export const badParameter = (parameter: string, message: string): SandboxError =>
  new SandboxError(400, "InvalidParameter", `Parameter '${parameter}': ${message}`, parameter);

export const badRequest = (message: string): SandboxError => new SandboxError(400, "BadRequest", message);

export const notFound = (message: string): SandboxError => new SandboxError(404, "NotFound", message);

export const conflict = (message: string): SandboxError => new SandboxError(409, "Conflict", message);

export const forbidden = (message: string): SandboxError => new SandboxError(403, "Forbidden", message);
