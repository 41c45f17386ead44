import { describe, expect, it } from "vitest";
import { expressionProblem, referenceNotices } from "./expression-help";

const SCOPE = {
  actions: ["Start_and_wait_for_an_approval", "Apply_to_each", "Condition"],
  loops: ["Apply_to_each"],
  variables: ["Total"],
};

describe("the expression editor's checks", () => {
  it("places a syntax error by column (or line and column) of the person's text, not by raw offset", () => {
    expect(expressionProblem("concat('a', 'b'")).toEqual({
      message: expect.stringMatching(/\(column 16\)\.$/),
      position: 15,
    });
    const twoLines = expressionProblem("concat('a',\n  'b'))");
    expect(twoLines?.message).toMatch(/^End of expression expected \(line 2, column 7\)\.$/);
    expect(twoLines?.message).not.toMatch(/ at \d+/);
    expect(expressionProblem("concat('a', 'b')")).toBeUndefined();
  });

  it("names a step the flow does not have, with the one probably meant", () => {
    expect(referenceNotices("body('Start_and_wait_for_an_aproval')?['outcome']", SCOPE)).toEqual([
      "This flow has no step 'Start_and_wait_for_an_aproval'. Did you mean 'Start_and_wait_for_an_approval'?",
    ]);
    // Names compare without case, and with a space written for an underscore.
    expect(referenceNotices("outputs('start and wait for an approval')", SCOPE)).toEqual([]);
    expect(referenceNotices("result('Condition')", SCOPE)).toEqual([]);
  });

  it("names loops and variables the flow lacks", () => {
    expect(referenceNotices("items('Apply_to_each_2')", SCOPE)).toEqual([
      "This flow has no loop 'Apply_to_each_2'. Did you mean 'Apply_to_each'?",
    ]);
    expect(referenceNotices("add(variables('Totl'), variables('Total'))", SCOPE)).toEqual([
      "No variable 'Totl' is initialized in this flow. Did you mean 'Total'?",
    ]);
  });

  it("says nothing while the text does not parse (the syntax error comes first)", () => {
    expect(referenceNotices("body('Nope'", SCOPE)).toEqual([]);
    expect(referenceNotices("", SCOPE)).toEqual([]);
  });
});
