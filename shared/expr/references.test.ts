import { describe, expect, it } from "vitest";
import {
  renameActionReferences,
  renameActionReferencesInValue,
  renameVariableReferences,
  renameVariableReferencesInValue,
} from "./references";

describe("renameActionReferences", () => {
  it.each([
    ["@outputs('Send_an_email')", "@outputs('Mail_manager')"],
    ["@body('Send_an_email')?['id']", "@body('Mail_manager')?['id']"],
    ["@actions('Send_an_email').status", "@actions('Mail_manager').status"],
    ["@actionBody('Send_an_email')", "@actionBody('Mail_manager')"],
    ["@actionOutputs('Send_an_email')", "@actionOutputs('Mail_manager')"],
    ["@result('Send_an_email')", "@result('Mail_manager')"],
    ["@items('Send_an_email')", "@items('Mail_manager')"],
    ["@iterationIndexes('Send_an_email')", "@iterationIndexes('Mail_manager')"],
    ["@formDataValue('Send_an_email', 'Send_an_email')", "@formDataValue('Mail_manager', 'Send_an_email')"],
    ["@OUTPUTS('Send_an_email')", "@OUTPUTS('Mail_manager')"],
    ["@outputs('Send an email')", "@outputs('Mail_manager')"],
    ["@outputs( 'Send_an_email' )?['body']", "@outputs( 'Mail_manager' )?['body']"],
    [
      "Dear @{body('Send_an_email')?['to']},  see @{outputs('Other')} and @{body('Send_an_email')}",
      "Dear @{body('Mail_manager')?['to']},  see @{outputs('Other')} and @{body('Mail_manager')}",
    ],
    ["@variables('Send_an_email')", "@variables('Send_an_email')"],
    ["@concat('Send_an_email')", "@concat('Send_an_email')"],
    ["@outputs('Send_an_email_2')", "@outputs('Send_an_email_2')"],
    ["plain text outputs('Send_an_email')", "plain text outputs('Send_an_email')"],
    ["@@outputs('Send_an_email')", "@@outputs('Send_an_email')"],
    ["x @@{outputs('Send_an_email')}", "x @@{outputs('Send_an_email')}"],
    ["@{outputs('Send_an_email')['body'] ", "@{outputs('Mail_manager')['body'] "],
    ["@{concat(body('Send_an_email'), '}')} tail", "@{concat(body('Mail_manager'), '}')} tail"],
  ])("%s", (text, expected) => {
    expect(renameActionReferences(text, "Send an email", "Mail manager")).toBe(expected);
  });

  it("writes the new name with quotes doubled", () => {
    expect(renameActionReferences("@body('A')", "A", "Bob's step")).toBe("@body('Bob''s_step')");
    expect(renameActionReferences("@body('Bob''s_step')", "Bob's step", "B")).toBe("@body('B')");
  });

  it("keeps every other byte of the text, including odd spacing and line breaks", () => {
    const text = "@{ if( equals(body( 'A' )?['x'],\n  1 ), outputs('A'), 'A' ) }";
    expect(renameActionReferences(text, "A", "B")).toBe(
      "@{ if( equals(body( 'B' )?['x'],\n  1 ), outputs('B'), 'A' ) }",
    );
  });

  it("returns the same string when nothing refers to the action", () => {
    const text = "no expression here";
    expect(renameActionReferences(text, "A", "B")).toBe(text);
  });

  it("rewrites inside a JSON value", () => {
    expect(
      renameActionReferencesInValue({ a: ["@body('A')"], "@body('A')": "@{outputs('A')}", n: 1 }, "A", "B"),
    ).toEqual({ a: ["@body('B')"], "@body('A')": "@{outputs('B')}", n: 1 });
  });
});

describe("renameVariableReferences", () => {
  it.each([
    ["@variables('counter')", "@variables('total')"],
    [
      "Count: @{variables('counter')} / @{variables('counterMax')}",
      "Count: @{variables('total')} / @{variables('counterMax')}",
    ],
    ["@VARIABLES('counter')", "@VARIABLES('total')"],
    ["@outputs('counter')", "@outputs('counter')"],
    ["@variables('Counter')", "@variables('Counter')"],
  ])("%s", (text, expected) => {
    expect(renameVariableReferences(text, "counter", "total")).toBe(expected);
  });

  it("keeps spaces in variable names", () => {
    expect(renameVariableReferences("@variables('my var')", "my var", "your var")).toBe(
      "@variables('your var')",
    );
    expect(renameVariableReferencesInValue(["@variables('a')"], "a", "b")).toEqual(["@variables('b')"]);
  });
});
