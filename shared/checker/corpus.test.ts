import { describe, expect, it } from "vitest";
import { corpusFile, corpusFiles } from "../../fixtures/corpus";
import { readFlowFile } from "../flow";
import { checkFlow } from "./check";

function check(text: string) {
  const read = readFlowFile(text);
  if (!read.ok) throw new Error(read.error.message);
  return checkFlow(read.document.definition);
}

// Every corpus file is checked without throwing; its findings are kept in __snapshots__ so that a
// change in what the checker says shows up in review.
describe("the checker on the corpus", () => {
  it.each(corpusFiles().map((f) => [f.name, f.text]))("%s", (_name, text) => {
    const result = check(text);
    expect(result.errorCount + result.warningCount).toBe(result.findings.length);
    expect(
      result.findings.map(
        (f) => `${f.severity} ${f.id} — ${f.message}${f.fix ? ` [fix: ${f.fix.label}]` : ""}`,
      ),
    ).toMatchSnapshot();
  });

  it("checks the 1,000-step stress flow (performance smoke: no timing asserted; see the bench)", () => {
    const text = corpusFile("logicapps/StressTest1000.json").text;
    for (let i = 0; i < 5; i++) {
      const result = check(text);
      expect(result.findings.map((f) => f.rule)).toEqual(["limit-actions"]);
    }
  });
});
