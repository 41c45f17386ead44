import { describe, expect, it } from "vitest";
import type { FieldInfo } from "./bc-model";
import { dateText, fieldProblem, formProblems, isIsoDay, parseTypedDate } from "./card-form";

const field = (name: string, title: string, type: string): FieldInfo => ({
  name,
  title,
  type,
  readOnly: false,
});
const limit = field("creditLimit", "Credit limit (LCY)", "number");
const line = field("sequence", "Line no.", "integer");
const due = field("dueDate", "Due date", "date");
const email = field("email", "Email", "email");
const name = field("displayName", "Name", "string");

describe("days as people type them", () => {
  it("reads ISO days, US month-first days and days with month names", () => {
    expect(parseTypedDate("2026-11-24")).toBe("2026-11-24");
    expect(parseTypedDate("2026-1-5")).toBe("2026-01-05");
    expect(parseTypedDate("11/24/2026")).toBe("2026-11-24");
    expect(parseTypedDate("1/5/26")).toBe("2026-01-05");
    expect(parseTypedDate("Nov 24, 2026")).toBe("2026-11-24");
    expect(parseTypedDate("november 24 2026")).toBe("2026-11-24");
    expect(parseTypedDate("24 Nov 2026")).toBe("2026-11-24");
    expect(parseTypedDate(" Dec. 31, 2026 ")).toBe("2026-12-31");
  });

  it("refuses what is not a day", () => {
    expect(parseTypedDate("")).toBeUndefined();
    expect(parseTypedDate("soon")).toBeUndefined();
    expect(parseTypedDate("2026-02-30")).toBeUndefined();
    expect(parseTypedDate("13/01/2026")).toBeUndefined();
    expect(parseTypedDate("Foo 3, 2026")).toBeUndefined();
    expect(isIsoDay("2026-02-29")).toBe(false);
    expect(isIsoDay("2028-02-29")).toBe(true);
  });

  it("shows a day as the app writes days, and anything else as typed", () => {
    expect(dateText("2026-11-24")).toBe("Nov 24, 2026");
    expect(dateText("11/3")).toBe("11/3");
    expect(dateText("")).toBe("");
  });
});

describe("what is wrong with a field, in people's words", () => {
  it("names numbers, whole numbers, days, addresses and missing values", () => {
    expect(fieldProblem(limit, "lots", false)).toBe("Credit limit (LCY) must be a number.");
    expect(fieldProblem(limit, "1,000.50", false)).toBeUndefined();
    expect(fieldProblem(line, "2.5", false)).toBe("Line no. must be a whole number.");
    expect(fieldProblem(due, "soon", false)).toBe("Due date must be a date, such as Nov 24, 2026.");
    expect(fieldProblem(due, "2026-11-24", false)).toBeUndefined();
    expect(fieldProblem(email, "not-an-email", false)).toBe(
      "Email must be an email address, such as name@example.com.",
    );
    expect(fieldProblem(name, "  ", true)).toBe("Name is required.");
    expect(fieldProblem(name, "", false)).toBeUndefined();
  });

  it("checks what changed and what is required, not a value the record had already", () => {
    const record = { displayName: "", email: "legacy address", creditLimit: 0 };
    expect(
      formProblems(
        [name, email, limit],
        record,
        { displayName: "", email: "legacy address", creditLimit: "x" },
        new Set(["displayName"]),
      ),
    ).toEqual({ displayName: "Name is required.", creditLimit: "Credit limit (LCY) must be a number." });
  });
});
