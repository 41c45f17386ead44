import { ApiError } from "../../shared/api";
import { t } from "../i18n";

/** A sentence for the person, whatever was thrown. */
export function describeError(error: unknown): string {
  // The backend's messages say what is missing and why (a flow in the recycle bin says so).
  if (error instanceof ApiError) return error.message;
  return t("error.generic", { message: error instanceof Error ? error.message : String(error) });
}

export function isConflict(error: unknown): error is ApiError {
  return error instanceof ApiError && error.code === "conflict";
}
