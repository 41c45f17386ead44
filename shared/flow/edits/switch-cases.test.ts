import { describe, expect, it } from "vitest";
import { corpusDefinition, frozen } from "../test-support/corpus";
import { editError } from "../test-support/errors";
import { step } from "../test-support/steps";
import type { WdlSwitchAction } from "../types";
import { actionCount } from "../walk";
import { addSwitchCase, MAX_SWITCH_CASES, removeSwitchCase, setSwitchCaseValue } from "./switch-cases";

const cases = (definition: ReturnType<typeof corpusDefinition>) =>
  step<WdlSwitchAction>(definition, "Switch").cases;

describe("Switch cases", () => {
  const definition = frozen(corpusDefinition("logicapps/Switch.json"));

  it("adds an empty case at the end, named Case, Case_2…", () => {
    const out = addSwitchCase(definition, { switchName: "Switch", value: "test-4" });
    expect(Object.keys(cases(out) ?? {})).toEqual(["First_Case", "Second_Case", "Third_Case", "Case"]);
    expect(cases(out)?.Case).toEqual({ case: "test-4", actions: {} });
    const again = addSwitchCase(out, { switchName: "Switch", value: 5 });
    expect(cases(again)?.Case_2).toEqual({ case: 5, actions: {} });
    expect(step<WdlSwitchAction>(again, "Switch").default).toBe(
      step<WdlSwitchAction>(definition, "Switch").default,
    );
  });

  it("takes a given case name, unless a case or step has it", () => {
    const out = addSwitchCase(definition, { switchName: "Switch", value: "x", caseName: "Fourth_Case" });
    expect(cases(out)?.Fourth_Case).toEqual({ case: "x", actions: {} });
    expect(
      editError(() =>
        addSwitchCase(definition, { switchName: "Switch", value: "x", caseName: "Second_Case" }),
      ).code,
    ).toBe("nameTaken");
    expect(
      editError(() =>
        addSwitchCase(definition, { switchName: "Switch", value: "x", caseName: "Initialize_owner" }),
      ).code,
    ).toBe("nameTaken");
  });

  it("refuses a value another case has, a step that is no Switch, and a 26th case", () => {
    expect(
      editError(() => addSwitchCase(definition, { switchName: "Switch", value: "test-2" })).message,
    ).toBe('Another case of this Switch already has the value "test-2".');
    expect(
      editError(() => addSwitchCase(definition, { switchName: "Initialize_owner", value: 1 })),
    ).toMatchObject({
      code: "wrongType",
      message: '"Initialize_owner" is not a Switch.',
    });
    let full = definition;
    for (let i = 4; i <= MAX_SWITCH_CASES; i++)
      full = addSwitchCase(full, { switchName: "Switch", value: i });
    expect(Object.keys(cases(full) ?? {}).length).toBe(25);
    expect(editError(() => addSwitchCase(full, { switchName: "Switch", value: 99 })).code).toBe(
      "notAllowedHere",
    );
  });

  it("removes a case with its steps", () => {
    const out = removeSwitchCase(definition, { switchName: "Switch", caseName: "First_Case" });
    expect(Object.keys(cases(out) ?? {})).toEqual(["Second_Case", "Third_Case"]);
    expect(actionCount(out)).toBe(actionCount(definition) - 1);
    expect(
      editError(() => removeSwitchCase(definition, { switchName: "Switch", caseName: "Nope" })).code,
    ).toBe("notFound");
  });

  it("changes a case's value", () => {
    const out = setSwitchCaseValue(definition, {
      switchName: "Switch",
      caseName: "Third_Case",
      value: "three",
    });
    expect(cases(out)?.Third_Case).toEqual({ actions: {}, case: "three" });
    expect(
      setSwitchCaseValue(definition, { switchName: "Switch", caseName: "Third_Case", value: "test-3" }),
    ).toBeDefined();
    expect(
      editError(() =>
        setSwitchCaseValue(definition, { switchName: "Switch", caseName: "Third_Case", value: "test" }),
      ).code,
    ).toBe("invalidArgument");
  });
});
