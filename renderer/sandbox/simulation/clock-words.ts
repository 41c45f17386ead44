// The simulated clock in words, for the Simulation page and the notice on the other sandbox pages.
import { t } from "../../i18n";

const HOUR = 3_600_000;

/** "3 hours ahead", "2 days ahead", or "real time" when the clock is less than half an hour ahead. */
export function clockAhead(offsetMs: number): string {
  const hours = Math.round(offsetMs / HOUR);
  if (hours <= 0) return t("sandbox.clock.realTime");
  if (hours < 48) return t("sandbox.clock.aheadHours", { count: hours });
  return t("sandbox.clock.aheadDays", { count: Math.round(hours / 24) });
}

/** Whether the clock runs far enough ahead for dates shown in the sandbox to differ from real ones. */
export function isClockAhead(offsetMs: number): boolean {
  return Math.round(offsetMs / HOUR) > 0;
}
