import { describe, expect, it } from "vitest";
import { cellText, columnFormats } from "./cells";

const rows = [
  { Date: "2026-09-21", Document: "PI-1011", Amount: "12821.39", Target: "35000", "Vendor number": "10000" },
  { Date: "2026-10-10", Document: "PI-1012", Amount: "16263.8", Target: 40000, "Vendor number": "20000" },
  { Date: "", Document: "PI-1013", Amount: "", Target: "-5000", "Vendor number": "" },
];
const columns = ["Date", "Document", "Amount", "Target", "Vendor number", "Comments"];

describe("columnFormats", () => {
  it("finds the columns of numbers and of dates; identifiers and empty columns stay text", () => {
    expect(columnFormats(columns, rows)).toEqual({
      Date: { kind: "date", decimals: 0 },
      Document: { kind: "text", decimals: 0 },
      Amount: { kind: "number", decimals: 2 },
      Target: { kind: "number", decimals: 0 },
      "Vendor number": { kind: "text", decimals: 0 },
      Comments: { kind: "text", decimals: 0 },
    });
  });

  it("keeps a column text as soon as one value is not a number", () => {
    expect(columnFormats(["Quarter"], [{ Quarter: "1" }, { Quarter: "Q2" }]).Quarter?.kind).toBe("text");
  });
});

describe("cellText", () => {
  const formats = columnFormats(columns, rows);
  it("groups numbers with the column's decimals", () => {
    expect(cellText("12821.39", formats.Amount)).toBe("12,821.39");
    expect(cellText("16263.8", formats.Amount)).toBe("16,263.80");
    expect(cellText(40000, formats.Target)).toBe("40,000");
    expect(cellText("-5000", formats.Target)).toBe("-5,000");
  });

  it("reads dates as dates, on their own day", () => {
    expect(cellText("2026-09-21", formats.Date)).toBe("Sep 21, 2026");
    expect(cellText("", formats.Date)).toBe("");
  });

  it("shows the rest as it is", () => {
    expect(cellText("10000", formats["Vendor number"])).toBe("10000");
    expect(cellText("PI-1011")).toBe("PI-1011");
    expect(cellText(true)).toBe("true");
    expect(cellText({ a: 1 })).toBe('{"a":1}');
    expect(cellText(null)).toBe("");
  });
});
