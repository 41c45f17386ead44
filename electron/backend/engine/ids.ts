// Run ids that sort by start time: the journal's indexes then grow at their end instead of taking
// random inserts everywhere (as UUIDs would). 9 characters of time (base 36 ms), 5 of a counter,
// 6 random per process: unique across processes, readable, 20 characters.
import { randomBytes } from "node:crypto";

const processPart = randomBytes(4).readUInt32BE(0).toString(36).padStart(7, "0").slice(-6);
let counter = 0;
// The time part of the last id: a burst of runs starts within the same millisecond.
let lastMs = Number.NaN;
let lastTimePart = "";

export function timeOrderedId(now: number): string {
  counter = (counter + 1) % 36 ** 5;
  const ms = Math.max(0, Math.floor(now));
  if (ms !== lastMs) {
    lastMs = ms;
    lastTimePart = ms.toString(36).padStart(9, "0");
  }
  return `${lastTimePart}${counter.toString(36).padStart(5, "0")}${processPart}`;
}
