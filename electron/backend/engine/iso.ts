// ISO 8601 text of an instant, remembering the last few: a burst of steps shares the same
// millisecond (always, on a virtual clock), and events format every start and end.
let lastMs = Number.NaN;
let lastText = "";
let prevMs = Number.NaN;
let prevText = "";

export function iso(ms: number): string {
  if (ms === lastMs) return lastText;
  if (ms === prevMs) return prevText;
  prevMs = lastMs;
  prevText = lastText;
  lastMs = ms;
  lastText = new Date(ms).toISOString();
  return lastText;
}
