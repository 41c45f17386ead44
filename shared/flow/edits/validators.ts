// Checks on edit arguments that people type: durations, numbers.
import { isIsoDuration } from "../durations";
import { EditError } from "./errors";

export function requireDuration(what: string, text: string): void {
  if (!isIsoDuration(text)) {
    throw new EditError(
      "invalidArgument",
      `${what} must be an ISO 8601 duration such as PT1H or P1D, not "${text}".`,
    );
  }
}

export function requireInteger(what: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new EditError(
      "invalidArgument",
      `${what} must be a whole number from ${min} to ${max}, not ${value}.`,
    );
  }
}
