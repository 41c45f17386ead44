import { describe, expect, it } from "vitest";
import type { JsonObject } from "../../../shared/json";
import { readRecurrence, Schedule } from "./recurrence";
import { describeRecurrence } from "./recurrence-text";

function schedule(recurrence: JsonObject, publishedAt = Date.UTC(2026, 0, 1)): Schedule {
  const read = readRecurrence({ type: "Recurrence", recurrence });
  if (!read.ok) throw new Error(read.message);
  return new Schedule(read.recurrence, publishedAt);
}

const iso = (ms: number[]): string[] => ms.map((m) => new Date(m).toISOString());
const utc = (text: string): number => Date.parse(text);

describe("recurrence: wall-clock schedules across daylight-saving changes", () => {
  it("Europe/Paris, every day at 08:00: 07:00Z in winter, 06:00Z from the last Sunday of March", () => {
    const s = schedule({
      frequency: "Day",
      interval: 1,
      timeZone: "Romance Standard Time",
      schedule: { hours: ["8"], minutes: [0] },
    });
    expect(iso(s.list(utc("2026-03-27T00:00:00Z"), utc("2026-03-31T00:00:00Z")))).toEqual([
      "2026-03-27T07:00:00.000Z",
      "2026-03-28T07:00:00.000Z",
      "2026-03-29T06:00:00.000Z",
      "2026-03-30T06:00:00.000Z",
    ]);
    // and back on the last Sunday of October
    expect(iso(s.list(utc("2026-10-24T00:00:00Z"), utc("2026-10-27T00:00:00Z")))).toEqual([
      "2026-10-24T06:00:00.000Z",
      "2026-10-25T07:00:00.000Z",
      "2026-10-26T07:00:00.000Z",
    ]);
  });

  it("Europe/Paris at 02:30: once when the clock jumps past it, once when it happens twice", () => {
    const s = schedule({
      frequency: "Day",
      interval: 1,
      timeZone: "Europe/Paris",
      schedule: { hours: [2], minutes: [30] },
    });
    const spring = s.list(utc("2026-03-28T12:00:00Z"), utc("2026-03-30T12:00:00Z"));
    // 2026-03-29 02:30 does not exist in Paris: it runs once, at 03:00 local (01:00Z).
    expect(iso(spring)).toEqual(["2026-03-29T01:00:00.000Z", "2026-03-30T00:30:00.000Z"]);
    const autumn = s.list(utc("2026-10-24T12:00:00Z"), utc("2026-10-26T12:00:00Z"));
    // 2026-10-25 02:30 happens twice: it runs once, at the first (00:30Z, still summer time).
    expect(iso(autumn)).toEqual(["2026-10-25T00:30:00.000Z", "2026-10-26T01:30:00.000Z"]);
  });

  it("America/New_York, every Monday at 08:00: 13:00Z in winter, 12:00Z in summer (March 8 and November 1, 2026)", () => {
    const s = schedule({
      frequency: "Week",
      interval: 1,
      timeZone: "Eastern Standard Time",
      schedule: { weekDays: ["Monday"], hours: ["8"], minutes: [0] },
    });
    expect(iso(s.list(utc("2026-03-01T00:00:00Z"), utc("2026-03-17T00:00:00Z")))).toEqual([
      "2026-03-02T13:00:00.000Z",
      "2026-03-09T12:00:00.000Z",
      "2026-03-16T12:00:00.000Z",
    ]);
    expect(iso(s.list(utc("2026-10-25T00:00:00Z"), utc("2026-11-10T00:00:00Z")))).toEqual([
      "2026-10-26T12:00:00.000Z",
      "2026-11-02T13:00:00.000Z",
      "2026-11-09T13:00:00.000Z",
    ]);
  });

  it("America/New_York at 01:30 on the night of November 1: the repeated hour runs once", () => {
    const s = schedule({
      frequency: "Day",
      interval: 1,
      timeZone: "America/New_York",
      schedule: { hours: [1], minutes: [30] },
    });
    expect(iso(s.list(utc("2026-10-31T12:00:00Z"), utc("2026-11-02T12:00:00Z")))).toEqual([
      "2026-11-01T05:30:00.000Z",
      "2026-11-02T06:30:00.000Z",
    ]);
  });

  it("hourly counts real hours: 24 runs in the 24 real hours across the spring change, 25 across the longer autumn day", () => {
    const s = schedule(
      { frequency: "Hour", interval: 1, timeZone: "Romance Standard Time" },
      utc("2026-03-28T23:00:00Z"),
    );
    const runs = s.list(utc("2026-03-28T23:00:00Z"), utc("2026-03-29T23:00:00Z"));
    expect(runs).toHaveLength(24);
    expect(new Set(runs.map((r) => r % 3_600_000))).toEqual(new Set([0]));
    expect(s.between(utc("2026-10-24T22:00:00Z"), utc("2026-10-25T23:00:00Z")).count).toBe(25);
  });
});

describe("recurrence: frequency, interval, start time, schedule", () => {
  it("every 15 minutes from the start time", () => {
    const s = schedule({ frequency: "Minute", interval: 15, startTime: "2026-01-05T08:05:00Z" });
    expect(iso(s.list(utc("2026-01-05T00:00:00Z"), utc("2026-01-05T08:40:00Z")))).toEqual([
      "2026-01-05T08:05:00.000Z",
      "2026-01-05T08:20:00.000Z",
      "2026-01-05T08:35:00.000Z",
    ]);
  });

  it("every 30 seconds, counted without listing them", () => {
    const s = schedule({ frequency: "Second", interval: 30 }, utc("2026-01-05T00:00:00Z"));
    expect(s.between(utc("2026-01-05T00:00:00Z"), utc("2026-01-06T00:00:00Z"))).toMatchObject({
      count: 2880,
      capped: false,
    });
    expect(s.between(utc("2026-01-05T00:00:00Z"), utc("2026-01-06T00:00:00Z"), 100)).toMatchObject({
      count: 100,
      capped: true,
      last: utc("2026-01-06T00:00:00Z"),
    });
  });

  it("a calendar schedule counted past the cap still knows its last occurrence", () => {
    const everyMinute = Array.from({ length: 60 }, (_, m) => m);
    const everyHour = Array.from({ length: 24 }, (_, h) => h);
    const s = schedule(
      {
        frequency: "Day",
        interval: 2,
        timeZone: "Europe/Paris",
        schedule: { hours: everyHour, minutes: everyMinute },
      },
      utc("2026-03-01T00:00:00Z"),
    );
    const counted = s.between(utc("2026-03-01T00:00:00Z"), utc("2026-03-31T12:00:00Z"), 500);
    // (from, to]: the occurrence at "from" itself is not counted.
    expect(counted).toMatchObject({ count: 500, capped: true, first: utc("2026-03-01T00:01:00Z") });
    // The last is on a kept day (every other local day from March 1st): March 31 at 12:00Z is 14:00 in Paris.
    expect(counted.last).toBe(utc("2026-03-31T12:00:00Z"));
  });

  it("every 2 weeks on Monday and Thursday, counted from the start time's week", () => {
    const s = schedule({
      frequency: "Week",
      interval: 2,
      timeZone: "Romance Standard Time",
      startTime: "2026-01-05T00:00:00",
      schedule: { weekDays: ["Monday", "Thursday"], hours: ["9"], minutes: [30] },
    });
    expect(iso(s.list(utc("2026-01-01T00:00:00Z"), utc("2026-02-01T00:00:00Z")))).toEqual([
      "2026-01-05T08:30:00.000Z",
      "2026-01-08T08:30:00.000Z",
      "2026-01-19T08:30:00.000Z",
      "2026-01-22T08:30:00.000Z",
    ]);
  });

  it("every 3 days at two times; the start time without offset is local time", () => {
    const s = schedule({
      frequency: "Day",
      interval: 3,
      timeZone: "Eastern Standard Time",
      startTime: "2026-01-05T00:00:00",
      schedule: { hours: [8, 17], minutes: [0] },
    });
    expect(s.base).toBe(utc("2026-01-05T05:00:00Z"));
    expect(iso(s.list(utc("2026-01-05T00:00:00Z"), utc("2026-01-09T00:00:00Z")))).toEqual([
      "2026-01-05T13:00:00.000Z",
      "2026-01-05T22:00:00.000Z",
      "2026-01-08T13:00:00.000Z",
      "2026-01-08T22:00:00.000Z",
    ]);
  });

  it("monthly on the 1st and the last day; every 2 months", () => {
    const s = schedule({
      frequency: "Month",
      interval: 2,
      startTime: "2026-01-01T00:00:00Z",
      schedule: { monthDays: [1, -1], hours: [6], minutes: [0] },
    });
    expect(iso(s.list(utc("2026-01-01T00:00:00Z"), utc("2026-06-01T00:00:00Z")))).toEqual([
      "2026-01-01T06:00:00.000Z",
      "2026-01-31T06:00:00.000Z",
      "2026-03-01T06:00:00.000Z",
      "2026-03-31T06:00:00.000Z",
      "2026-05-01T06:00:00.000Z",
      "2026-05-31T06:00:00.000Z",
    ]);
  });

  it("what the schedule leaves out comes from the publish time: every day at the time it was published", () => {
    const s = schedule({ frequency: "Day", interval: 1 }, utc("2026-01-05T10:23:00Z"));
    expect(iso(s.list(utc("2026-01-05T10:23:00Z"), utc("2026-01-07T12:00:00Z")))).toEqual([
      "2026-01-06T10:23:00.000Z",
      "2026-01-07T10:23:00.000Z",
    ]);
  });

  it("refuses what it cannot read, saying what", () => {
    const read = (recurrence: JsonObject) => readRecurrence({ type: "Recurrence", recurrence });
    expect(read({ frequency: "Fortnight", interval: 1 })).toMatchObject({ ok: false });
    expect(read({ frequency: "Day", interval: 0 })).toMatchObject({
      ok: false,
      message: "The interval must be a whole number of at least 1.",
    });
    expect(read({ frequency: "Day", interval: 1, timeZone: "Mars Standard Time" })).toMatchObject({
      ok: false,
      message: "The time zone 'Mars Standard Time' is not known.",
    });
    expect(read({ frequency: "Week", interval: 1, schedule: { weekDays: ["Funday"] } })).toMatchObject({
      ok: false,
      message: '"Funday" is not a day of the week.',
    });
  });
});

describe("recurrence in words", () => {
  const text = (recurrence: JsonObject, base?: number) => {
    const read = readRecurrence({ type: "Recurrence", recurrence });
    if (!read.ok) throw new Error(read.message);
    return describeRecurrence(read.recurrence, base);
  };

  it("says what the workflow list shows", () => {
    expect(
      text({
        frequency: "Week",
        interval: 1,
        timeZone: "Romance Standard Time",
        schedule: { weekDays: ["Monday"], hours: ["8"], minutes: [0] },
      }),
    ).toBe("Every Monday at 08:00 (Romance Standard Time)");
    expect(text({ frequency: "Minute", interval: 15 })).toBe("Every 15 minutes");
    expect(text({ frequency: "Hour", interval: 1 })).toBe("Every hour");
    expect(
      text({
        frequency: "Week",
        interval: 2,
        schedule: { weekDays: ["Thursday", "Monday"], hours: [8, 17], minutes: [0, 30] },
      }),
    ).toBe("Every 2 weeks on Monday and Thursday at 08:00, 08:30, 17:00 and 17:30 (UTC)");
    expect(
      text({
        frequency: "Week",
        interval: 1,
        timeZone: "Eastern Standard Time",
        schedule: {
          weekDays: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"],
          hours: [7],
          minutes: [15],
        },
      }),
    ).toBe("Every weekday (Monday to Friday) at 07:15 (Eastern Standard Time)");
    expect(text({ frequency: "Day", interval: 1 }, Date.UTC(2026, 0, 5, 10, 23))).toBe(
      "Every day at 10:23 (UTC)",
    );
    expect(
      text({ frequency: "Month", interval: 1, schedule: { monthDays: [1, -1], hours: [6], minutes: [0] } }),
    ).toBe("Every month on day 1 and the last day at 06:00 (UTC)");
    expect(
      text({
        frequency: "Day",
        interval: 1,
        schedule: { hours: [8, 9, 10, 11, 12, 13, 14, 15, 16], minutes: [0] },
      }),
    ).toBe("Every day at :00 past 8, 9, 10, 11, 12, 13, 14, 15 and 16 (UTC)");
  });
});
