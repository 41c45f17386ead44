import { ApiError } from "../../../shared/api";
import { t } from "../../i18n";

/** The sandbox's own words for what went wrong (its messages name the record or field at fault). */
export function errorText(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return t("error.generic", { message: error instanceof Error ? error.message : String(error) });
}
