import { describe, expect, it } from "vitest";
import {
  fieldHelp,
  parseFormNumber,
  type RunFlowFieldShape,
  runFlowFieldProblem,
  runFlowInputs,
  runFlowProblemMessage,
  runFlowProblems,
  runFlowProblemsSummary,
} from "./run-flow-form";

const field = (
  key: string,
  kind: string,
  title: string,
  required = true,
  options?: string[],
): RunFlowFieldShape => ({
  key,
  kind,
  title,
  description: "",
  required,
  ...(options ? { options } : {}),
});

const FORM = [
  field("text", "text", "Reason"),
  field("number", "number", "Amount"),
  field("date", "date", "Due date"),
  field("email", "email", "Email"),
  field("boolean", "boolean", "Urgent"),
  field("text_1", "text", "Note", false),
];

describe("the checks of a Run flow form", () => {
  it("reports every empty required field at once, in the form's order, and words the summary", () => {
    const problems = runFlowProblems(FORM, {});
    expect(problems).toEqual([
      { key: "text", title: "Reason", kind: "required" },
      { key: "number", title: "Amount", kind: "required" },
      { key: "date", title: "Due date", kind: "required" },
      { key: "email", title: "Email", kind: "required" },
    ]);
    expect(runFlowProblemsSummary(problems)).toBe("Fill in 4 fields: Reason, Amount, Due date, Email.");
    expect(runFlowProblemMessage({ kind: "required", title: "Reason" })).toBe("“Reason” is required.");
  });

  it("counts blank text as empty and a Yes/No never as missing", () => {
    expect(runFlowFieldProblem(field("t", "text", "Reason"), "   ")).toBe("required");
    expect(runFlowFieldProblem(field("b", "boolean", "Urgent"), undefined)).toBeUndefined();
    expect(runFlowFieldProblem(field("t", "text", "Note", false), "")).toBeUndefined();
  });

  it("reports values that are not of their field's kind, filled or not required", () => {
    const values = {
      text: "Closing",
      number: "12,5x",
      date: "2025-02-30",
      email: "daniel at cronus",
      boolean: true,
    };
    const problems = runFlowProblems(FORM, values);
    expect(problems.map((p) => [p.key, p.kind])).toEqual([
      ["number", "notNumber"],
      ["date", "notDate"],
      ["email", "notEmail"],
    ]);
    expect(runFlowProblemsSummary(problems)).toBe("Correct 3 fields: Amount, Due date, Email.");
    expect(runFlowFieldProblem(field("e", "email", "Cc", false), "nope")).toBe("notEmail");
    expect(runFlowFieldProblem(field("c", "choice", "Priority", true, ["Low", "High"]), "Medium")).toBe(
      "notChoice",
    );
  });

  it("mixes both in one summary, and says one field in the singular", () => {
    const problems = runFlowProblems(FORM, { text: "x", number: "ten", date: "2025-01-31", email: "" });
    expect(runFlowProblemsSummary(problems)).toBe("Fill in or correct 2 fields: Amount, Email.");
    expect(runFlowProblemsSummary(runFlowProblems([field("text", "text", "Reason")], {}))).toBe(
      "Fill in 1 field: Reason.",
    );
    expect(runFlowProblemsSummary([])).toBeUndefined();
  });

  it("takes the browser's word for a date box it cannot read (only the month typed)", () => {
    expect(runFlowProblems(FORM.slice(2, 3), { date: "" }, new Set(["date"]))).toEqual([
      { key: "date", title: "Due date", kind: "notDate" },
    ]);
    expect(runFlowFieldProblem(field("d", "date", "Due date", false), "", true)).toBe("notDate");
  });

  it("reads numbers as people type them, and nothing else", () => {
    expect(["250", " 12.5 ", "-3", ".5", "1e3", 7].map(parseFormNumber)).toEqual([
      250, 12.5, -3, 0.5, 1000, 7,
    ]);
    expect(["", "ten", "1,000", "0x10", "Infinity", "1.2.3"].map(parseFormNumber)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it("gives the flow numbers as numbers, leaves empty fields out and an unticked required Yes/No as false", () => {
    expect(
      runFlowInputs(FORM, {
        text: "Quarter closing",
        number: " 250.5",
        date: "2025-03-31",
        email: " ap@cronus-demo.example ",
        text_1: "",
      }),
    ).toEqual({
      text: "Quarter closing",
      number: 250.5,
      date: "2025-03-31",
      email: "ap@cronus-demo.example",
      boolean: false,
    });
    expect(runFlowInputs([field("b", "boolean", "Urgent", false)], {})).toEqual({});
  });

  it("drops the (YYYY-MM-DD) of a date's hint, which the browser's date box does not follow", () => {
    expect(
      fieldHelp({ ...field("d", "date", "Due"), description: "Please enter or select a date (YYYY-MM-DD)" }),
    ).toBe("Please enter or select a date");
    expect(fieldHelp({ ...field("t", "text", "Code"), description: "Format (YYYY-MM-DD)" })).toBe(
      "Format (YYYY-MM-DD)",
    );
  });
});
