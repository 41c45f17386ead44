// ISO 8601 durations ("PT1H", "P1DT12H", "PT7.5S", "P2W") as WDL writes them for timeouts, retry
// intervals and Until limits: one reading for the designer's fields, the checker and the engine.

export interface Duration {
  years: number;
  months: number;
  weeks: number;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

const PATTERN =
  /^P(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/i;

/** The parts of an ISO 8601 duration, or undefined when the text is not one. */
export function parseDuration(text: string): Duration | undefined {
  const trimmed = text.trim();
  const match = PATTERN.exec(trimmed);
  if (!match || trimmed === "P" || trimmed.toUpperCase().endsWith("T")) return undefined;
  const n = (i: number): number => (match[i] === undefined ? 0 : Number(match[i]));
  return { years: n(1), months: n(2), weeks: n(3), days: n(4), hours: n(5), minutes: n(6), seconds: n(7) };
}

/** True when the engine can read the text as a duration. */
export function isIsoDuration(text: string): boolean {
  return parseDuration(text) !== undefined;
}
