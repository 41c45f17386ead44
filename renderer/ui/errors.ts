import { ApiError } from "../../shared/api";
import { t } from "../i18n";

/** A sentence for the person, whatever was thrown. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.code === "not_found") return t("error.notFound");
    return error.message;
  }
  return t("error.generic", { message: error instanceof Error ? error.message : String(error) });
}

export function isConflict(error: unknown): error is ApiError {
  return error instanceof ApiError && error.code === "conflict";
}
