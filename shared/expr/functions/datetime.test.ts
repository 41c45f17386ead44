import { describe, expect, it } from "vitest";
import { ev, evError, makeContext } from "../test-support/helpers";

const at = (iso: string) => makeContext({ now: () => new Date(iso) });
const T = "'2018-03-15T13:05:09.1234567Z'";

describe("date and time functions", () => {
  it.each([
    ["@addDays('2018-03-15T00:00:00Z', 10)", "2018-03-25T00:00:00.0000000Z"],
    ["@addDays('2018-03-15T00:00:00Z', -5)", "2018-03-10T00:00:00.0000000Z"],
    ["@addDays('2018-03-15', 1)", "2018-03-16T00:00:00.0000000"],
    ["@addDays('2018-03-15T00:00:00.1234567Z', 1)", "2018-03-16T00:00:00.1234567Z"],
    ["@addDays('2018-03-15T00:00:00Z', 1, 'yyyy-MM-dd')", "2018-03-16"],
    ["@addDays('2018-03-15T00:00:00Z', 0.5)", "2018-03-15T12:00:00.0000000Z"],
    ["@addHours('2018-03-15T00:00:00Z', 10)", "2018-03-15T10:00:00.0000000Z"],
    ["@addHours('2018-03-15T15:00:00Z', -5)", "2018-03-15T10:00:00.0000000Z"],
    ["@addMinutes('2018-03-15T00:10:00Z', 10)", "2018-03-15T00:20:00.0000000Z"],
    ["@addMinutes('2018-03-15T00:20:00Z', -5)", "2018-03-15T00:15:00.0000000Z"],
    ["@addSeconds('2018-03-15T00:00:00Z', 10)", "2018-03-15T00:00:10.0000000Z"],
    ["@addSeconds('2018-03-15T00:00:30Z', -5)", "2018-03-15T00:00:25.0000000Z"],
    ["@addToTime('2018-01-01T00:00:00Z', 1, 'Day')", "2018-01-02T00:00:00.0000000Z"],
    ["@addToTime('2018-01-01T00:00:00Z', 1, 'Day', 'D')", "Tuesday, January 2, 2018"],
    ["@addToTime('2018-01-31T00:00:00Z', 1, 'Month')", "2018-02-28T00:00:00.0000000Z"],
    ["@addToTime('2016-02-29T00:00:00Z', 1, 'Year')", "2017-02-28T00:00:00.0000000Z"],
    ["@addToTime('2018-01-01T00:00:00Z', 2, 'Week')", "2018-01-15T00:00:00.0000000Z"],
    ["@addToTime('2018-01-01T00:00:00Z', 90, 'second')", "2018-01-01T00:01:30.0000000Z"],
    ["@addToTime('2018-01-01T00:00:00Z', 3, 'Hours')", "2018-01-01T03:00:00.0000000Z"],
    ["@subtractFromTime('2018-01-02T00:00:00Z', 1, 'Day')", "2018-01-01T00:00:00.0000000Z"],
    ["@subtractFromTime('2018-01-02T00:00:00Z', 1, 'Day', 'D')", "Monday, January 1, 2018"],
    ["@subtractFromTime('2018-03-31T00:00:00Z', 1, 'Month')", "2018-02-28T00:00:00.0000000Z"],
    [
      "@convertFromUtc('2018-01-01T08:00:00.0000000Z', 'Pacific Standard Time')",
      "2018-01-01T00:00:00.0000000",
    ],
    [
      "@convertFromUtc('2018-01-01T08:00:00.0000000Z', 'Pacific Standard Time', 'D')",
      "Monday, January 1, 2018",
    ],
    ["@convertFromUtc('2018-01-15T12:00:00Z', 'W. Europe Standard Time')", "2018-01-15T13:00:00.0000000"],
    ["@convertFromUtc('2018-07-15T12:00:00Z', 'W. Europe Standard Time')", "2018-07-15T14:00:00.0000000"],
    ["@convertFromUtc('2018-07-15T12:00:00Z', 'W Europe Standard Time')", "2018-07-15T14:00:00.0000000"],
    ["@convertFromUtc('2018-01-01T00:00:00Z', 'India Standard Time')", "2018-01-01T05:30:00.0000000"],
    ["@convertFromUtc('2018-01-01T00:00:00Z', 'UTC')", "2018-01-01T00:00:00.0000000"],
    ["@convertFromUtc('2018-01-01T00:00:00Z', 'Europe/Paris')", "2018-01-01T01:00:00.0000000"],
    [
      "@convertTimeZone('2018-01-01T08:00:00.0000000Z', 'UTC', 'Pacific Standard Time')",
      "2018-01-01T00:00:00.0000000",
    ],
    [
      "@convertTimeZone('2018-01-01T08:00:00Z', 'UTC', 'Pacific Standard Time', 'D')",
      "Monday, January 1, 2018",
    ],
    [
      "@convertTimeZone('2018-07-01T12:00:00Z', 'UTC', 'Romance Standard Time')",
      "2018-07-01T14:00:00.0000000",
    ],
    [
      "@convertTimeZone('2018-07-01 09:00:00', 'Eastern Standard Time', 'Romance Standard Time')",
      "2018-07-01T15:00:00.0000000",
    ],
    ["@convertToUtc('01/01/2018 00:00:00', 'Pacific Standard Time')", "2018-01-01T08:00:00.0000000Z"],
    ["@convertToUtc('01/01/2018 00:00:00', 'Pacific Standard Time', 'D')", "Monday, January 1, 2018"],
    ["@convertToUtc('2018-07-01 14:00:00', 'Romance Standard Time')", "2018-07-01T12:00:00.0000000Z"],
    ["@convertToUtc('2018-01-01T00:00:00', 'Tokyo Standard Time')", "2017-12-31T15:00:00.0000000Z"],
    ["@dayOfMonth('2018-03-15T13:27:36Z')", 15],
    ["@dayOfWeek('2018-03-15T13:27:36Z')", 4],
    ["@dayOfWeek('2018-03-18T00:00:00Z')", 0],
    ["@dayOfYear('2018-03-15T13:27:36Z')", 74],
    ["@dayOfYear('2016-12-31')", 366],
    ["@startOfDay('2018-03-15T13:30:30Z')", "2018-03-15T00:00:00.0000000Z"],
    ["@startOfHour('2018-03-15T13:30:30Z')", "2018-03-15T13:00:00.0000000Z"],
    ["@startOfMonth('2018-03-15T13:30:30Z')", "2018-03-01T00:00:00.0000000Z"],
    ["@startOfMonth('2018-03-15T13:30:30Z', 'yyyy-MM-dd')", "2018-03-01"],
    ["@startOfDay('2018-03-15T13:30:30')", "2018-03-15T00:00:00.0000000"],
    ["@ticks('2018-03-15T13:00:00Z')", 636567156000000000],
    ["@ticks('0001-01-01T00:00:00Z')", 0],
    ["@dateDifference('2015-02-08', '2018-07-30')", "1268.00:00:00"],
    ["@dateDifference('2018-07-30', '2015-02-08')", "-1268.00:00:00"],
    ["@dateDifference('2015-02-08T10:30:00', '2015-02-09T12:45:30.5')", "1.02:15:30.5000000"],
    ["@dateDifference('2018-01-01T00:00:00Z', '2018-01-01T00:00:00Z')", "00:00:00"],
    ["@parseDateTime('20/10/2014', 'fr-FR')", "2014-10-20T00:00:00.0000000"],
    ["@parseDateTime('20 octobre 2014', 'fr-FR')", "2014-10-20T00:00:00.0000000"],
    ["@parseDateTime('10/20/2014 3:15 PM')", "2014-10-20T15:15:00.0000000"],
    ["@parseDateTime('20.10.2014 08:00', 'de-DE')", "2014-10-20T08:00:00.0000000"],
    ["@parseDateTime('20/10/2014 10:30', 'fr-FR', 'dd/MM/yyyy HH:mm')", "2014-10-20T10:30:00.0000000"],
    ["@parseDateTime('2014-10-20T10:30:00Z')", "2014-10-20T10:30:00.0000000Z"],
    ["@parseDateTime('March 5, 2019', 'en-US', 'MMMM d, yyyy')", "2019-03-05T00:00:00.0000000"],
    ["@parseDateTime('05-03-19 07:45 pm', 'en-US', 'dd-MM-yy hh:mm tt')", "2019-03-05T19:45:00.0000000"],
    ["@formatDateTime('03/15/2018 12:00:00', 'yyyy-MM-ddTHH:mm:ss')", "2018-03-15T12:00:00"],
    ["@formatDateTime('2018-03-15T13:00:00+02:00')", "2018-03-15T11:00:00.0000000Z"],
    ["@formatDateTime('2018-03-15T13:00:00')", "2018-03-15T13:00:00.0000000"],
    ["@formatDateTime('Thu, 15 Mar 2018 13:05:09 GMT')", "2018-03-15T13:05:09.0000000Z"],
    ["@formatDateTime('March 15, 2018')", "2018-03-15T00:00:00.0000000"],
    [`@formatDateTime(${T})`, "2018-03-15T13:05:09.1234567Z"],
    [`@formatDateTime(${T}, 'o')`, "2018-03-15T13:05:09.1234567Z"],
    [`@formatDateTime(${T}, 'd')`, "3/15/2018"],
    [`@formatDateTime(${T}, 'D')`, "Thursday, March 15, 2018"],
    [`@formatDateTime(${T}, 'f')`, "Thursday, March 15, 2018 1:05 PM"],
    [`@formatDateTime(${T}, 'F')`, "Thursday, March 15, 2018 1:05:09 PM"],
    [`@formatDateTime(${T}, 'g')`, "3/15/2018 1:05 PM"],
    [`@formatDateTime(${T}, 'G')`, "3/15/2018 1:05:09 PM"],
    [`@formatDateTime(${T}, 'M')`, "March 15"],
    [`@formatDateTime(${T}, 'r')`, "Thu, 15 Mar 2018 13:05:09 GMT"],
    [`@formatDateTime(${T}, 's')`, "2018-03-15T13:05:09"],
    [`@formatDateTime(${T}, 't')`, "1:05 PM"],
    [`@formatDateTime(${T}, 'T')`, "1:05:09 PM"],
    [`@formatDateTime(${T}, 'u')`, "2018-03-15 13:05:09Z"],
    [`@formatDateTime(${T}, 'Y')`, "March 2018"],
    [`@formatDateTime(${T}, 'yyyy-MM-dd')`, "2018-03-15"],
    [`@formatDateTime(${T}, 'dd/MM/yyyy HH:mm')`, "15/03/2018 13:05"],
    [`@formatDateTime(${T}, 'MMMM d, yyyy')`, "March 15, 2018"],
    [`@formatDateTime(${T}, 'hh:mm tt')`, "01:05 PM"],
    [`@formatDateTime(${T}, 'ddd MMM yy')`, "Thu Mar 18"],
    [`@formatDateTime(${T}, 'HH:mm:ss.fff')`, "13:05:09.123"],
    [`@formatDateTime(${T}, 's.FFFFFFF')`, "9.1234567"],
    [`@formatDateTime('2018-03-15T13:05:09Z', 'ss.FFF')`, "09"],
    [`@formatDateTime(${T}, '''Week of'' d')`, "Week of 15"],
    [`@formatDateTime(${T}, 'HH\\h')`, "13h"],
    [`@formatDateTime(${T}, '%d')`, "15"],
    [`@formatDateTime(${T}, 'dd/MM/yyyy', 'de-DE')`, "15.03.2018"],
    [`@formatDateTime(${T}, 'D', 'fr-FR')`, "jeudi 15 mars 2018"],
    [`@formatDateTime(${T}, 'D', 'de-DE')`, "Donnerstag, 15. März 2018"],
    [`@formatDateTime(${T}, 'd', 'en-GB')`, "15/03/2018"],
    [`@formatDateTime(${T}, 'g', 'fr-FR')`, "15/03/2018 13:05"],
    [`@formatDateTime(${T}, 'MMMM', 'es-ES')`, "marzo"],
  ])("%s", (expression, expected) => {
    expect(ev(expression)).toEqual(expected);
  });

  it.each([
    ["@utcNow()", "2018-04-15T13:00:00.0000000Z"],
    ["@utcNow('D')", "Sunday, April 15, 2018"],
    ["@utcNow('yyyy')", "2018"],
  ])("%s reads the injected clock", (expression, expected) => {
    expect(ev(expression, at("2018-04-15T13:00:00Z"))).toBe(expected);
  });

  it.each([
    ["@getFutureTime(5, 'Day')", "2018-03-06T00:00:00.0000000Z"],
    ["@getFutureTime(5, 'Day', 'D')", "Tuesday, March 6, 2018"],
    ["@getFutureTime(1, 'Month')", "2018-04-01T00:00:00.0000000Z"],
  ])("%s (now 2018-03-01)", (expression, expected) => {
    expect(ev(expression, at("2018-03-01T00:00:00Z"))).toBe(expected);
  });

  it.each([
    ["@getPastTime(5, 'Day')", "2018-01-27T00:00:00.0000000Z"],
    ["@getPastTime(5, 'Day', 'D')", "Saturday, January 27, 2018"],
    ["@getPastTime(1, 'Year')", "2017-02-01T00:00:00.0000000Z"],
  ])("%s (now 2018-02-01)", (expression, expected) => {
    expect(ev(expression, at("2018-02-01T00:00:00Z"))).toBe(expected);
  });

  it("accepts epoch milliseconds from the clock", () => {
    expect(ev("@utcNow()", makeContext({ now: () => 0 }))).toBe("1970-01-01T00:00:00.0000000Z");
  });

  it.each([
    ["@addDays('not a date', 1)", "runtime", "'addDays' could not read 'not a date' as a timestamp"],
    ["@addDays('2018-02-30', 1)", "runtime", "could not read '2018-02-30' as a timestamp"],
    ["@addDays(null, 1)", "type", "'addDays' expects a timestamp string; argument 1 is null"],
    ["@addDays('2018-01-01', '1')", "type", "argument 2 is a string"],
    ["@addDays('2018-01-01')", "arity", "'addDays' expects 2 to 3 arguments but got 1"],
    ["@addDays('9999-12-31T00:00:00Z', 1)", "runtime", "outside the range of dates"],
    ["@addToTime('2018-01-01', 1, 'Fortnight')", "runtime", "time unit must be one of"],
    ["@addToTime('2018-01-01', 1.5, 'Day')", "type", "argument 2 is a float"],
    [
      "@convertFromUtc('2018-01-01T00:00:00Z', 'Mars Standard Time')",
      "runtime",
      "does not know the time zone 'Mars Standard Time'",
    ],
    ["@convertTimeZone('2018-01-01', 'UTC')", "arity", "expects 3 to 4 arguments but got 2"],
    ["@formatDateTime('2018-01-01', 'Q')", "runtime", "'Q' is not a valid date and time format string"],
    ["@formatDateTime('2018-01-01', 'ffffffff')", "runtime", "not a valid date and time format string"],
    ["@formatDateTime(20180101)", "type", "argument 1 is an integer"],
    [
      "@parseDateTime('31/31/2014', 'fr-FR')",
      "runtime",
      "could not read '31/31/2014' as a timestamp in locale 'fr-FR'",
    ],
    ["@parseDateTime('2014', 'en-US', 'dd/MM/yyyy')", "runtime", "with format 'dd/MM/yyyy'"],
    ["@dateDifference('2018-01-01')", "arity", "expects 2 arguments"],
    ["@ticks('yesterday')", "runtime", "could not read 'yesterday'"],
    ["@getFutureTime(1)", "arity", "'getFutureTime' expects 2 to 3 arguments but got 1"],
  ])("%s fails", (expression, code, message) => {
    const error = evError(expression);
    expect(error.code).toBe(code);
    expect(error.message).toContain(message);
  });
});
