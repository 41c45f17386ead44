import { describe, expect, it } from "vitest";
import { findOperation, instantiate } from "../connectors";
import { allActions, type WdlDefinition, type WdlTrigger } from "../flow";
import { applyFix, canApplyFix } from "./apply-fix";
import { checkFlow } from "./check";
import { compose, email, flow, initVariable, ofRule, op, setVariable, succeeded } from "./test-support/flows";
import type { RuleCode } from "./types";

/** Applies the fix of the rule's first finding and returns the new definition. */
function fixed(definition: WdlDefinition, rule: RuleCode): WdlDefinition {
  const [finding] = ofRule(definition, rule);
  if (!finding) throw new Error(`no ${rule} finding`);
  expect(canApplyFix(finding)).toBe(true);
  const result = applyFix(definition, finding);
  expect(ofRule(result, rule)).toEqual([]);
  return result;
}

const approval = () =>
  op("shared_approvals", "StartAndWaitForAnApproval", {
    approvalType: "Basic",
    "WebhookApprovalCreationInput/title": "Approve",
    "WebhookApprovalCreationInput/assignedTo": "manager@cronus.example",
  });

describe("applying a finding's fix clears it", () => {
  it("a misspelt function name is replaced in place", () => {
    const result = fixed(flow({ Compose: compose("@lenght(createArray(1, 2))") }), "expression-syntax");
    expect(result.actions?.Compose?.inputs).toBe("@length(createArray(1, 2))");
  });

  it("a reference to a misspelt step is renamed in that step only", () => {
    const result = fixed(
      flow({ Compose: compose("x"), Use: compose("@{outputs('Compse')}!", succeeded("Compose")) }),
      "unknown-action-reference",
    );
    expect(result.actions?.Use?.inputs).toBe("@{outputs('Compose')}!");
  });

  it("a Run after naming a misspelt step is renamed; one naming a missing step is removed", () => {
    const renamed = fixed(
      flow({ Compose: compose(1), B: compose(2, succeeded("Compse")) }),
      "runafter-missing",
    );
    expect(renamed.actions?.B?.runAfter).toEqual({ Compose: ["Succeeded"] });
    const removed = fixed(flow({ A: compose(1), B: compose(2, succeeded("A", "Zzz")) }), "runafter-missing");
    expect(removed.actions?.B?.runAfter).toEqual({ A: ["Succeeded"] });
  });

  it("a circle of Run after is broken", () => {
    const result = fixed(
      flow({ A: compose(1, succeeded("B")), B: compose(2, succeeded("A")) }),
      "runafter-cycle",
    );
    expect(checkFlow(result).findings.filter((f) => f.rule === "runafter-cycle")).toEqual([]);
  });

  it("a value that is not a choice, a number out of range, an unknown table, a schedule too frequent", () => {
    const choice = fixed(
      flow({
        Approve: op("shared_approvals", "StartAndWaitForAnApproval", {
          approvalType: "Basik",
          "WebhookApprovalCreationInput/title": "t",
          "WebhookApprovalCreationInput/assignedTo": "a@b.c",
        }),
      }),
      "invalid-choice",
    );
    expect(choice.actions?.Approve?.inputs).toMatchObject({ parameters: { approvalType: "Basic" } });

    const range = fixed(
      flow({
        Until: { type: "Until", runAfter: {}, expression: "@true", limit: { count: 9000 }, actions: {} },
      }),
      "out-of-range",
    );
    expect(range.actions?.Until).toMatchObject({ limit: { count: 5000 } });

    const table = fixed(
      flow(
        {},
        op("shared_dynamicssmbsaas", "CreateOnNewItemsSubscriptionV3", {
          company: "CRONUS",
          table: "salesInvoice",
        }) as WdlTrigger,
      ),
      "unknown-table",
    );
    expect(JSON.stringify(table.triggers)).toContain('"salesInvoices"');

    const operation = findOperation("builtin_schedule", "Recurrence");
    if (!operation) throw new Error("no Recurrence");
    const trigger = instantiate(operation, {
      values: { "recurrence/frequency": "Second", "recurrence/interval": 30 },
    }) as unknown as WdlTrigger;
    const schedule = fixed(flow({}, trigger, "Recurrence"), "recurrence-too-frequent");
    expect(schedule.triggers?.Recurrence).toMatchObject({ recurrence: { interval: 60 } });
  });

  it("a variable never initialized gets an Initialize variable at the top, before the scope that uses it", () => {
    const definition = flow({
      First: compose(1),
      Group: { type: "Scope", runAfter: succeeded("First"), actions: { Set: setVariable("total", 1) } },
    });
    const result = fixed(definition, "variable-before-init");
    expect(Object.keys(result.actions ?? {})).toEqual(["First", "Initialize_total", "Group"]);
    expect(result.actions?.Initialize_total).toMatchObject({
      type: "InitializeVariable",
      inputs: { variables: [{ name: "total" }] },
      runAfter: { First: ["Succeeded"] },
    });
    expect(result.actions?.Group?.runAfter).toEqual({ Initialize_total: ["Succeeded"] });
  });

  it("an Initialize variable inside a loop moves to the top level, before the loop", () => {
    const definition = flow({
      Loop: {
        type: "Foreach",
        runAfter: {},
        foreach: "@createArray(1)",
        actions: { Init: initVariable("x", "string", "") },
      },
    });
    const result = fixed(definition, "variable-init-in-loop");
    expect(Object.keys(result.actions ?? {})).toEqual(["Init", "Loop"]);
    expect(allActions(result).map((e) => [e.name, e.depth])).toEqual([
      ["Init", 0],
      ["Loop", 0],
    ]);
  });

  it("an approval whose outcome nobody looks at gets a Condition on it right after", () => {
    const result = fixed(
      flow({ Approval: approval(), Mail: email({}, succeeded("Approval")) }),
      "approval-outcome-unused",
    );
    expect(result.actions?.Condition).toMatchObject({
      type: "If",
      expression: { and: [{ equals: ["@outputs('Approval')?['body/outcome']", "Approve"] }] },
      runAfter: { Approval: ["Succeeded"] },
    });
    expect(result.actions?.Mail?.runAfter).toEqual({ Condition: ["Succeeded"] });
  });

  it("a mail trigger without Split on gets the catalog's back", () => {
    const withSplit = op("shared_office365", "OnNewEmailV3", { folderPath: "Inbox" }) as WdlTrigger;
    const { splitOn: _split, ...without } = withSplit;
    const result = fixed(flow({}, without as WdlTrigger, "Mail"), "trigger-split-on-off");
    expect(result.triggers?.Mail).toEqual(withSplit);
  });

  it("a timeout that has no effect is removed; a static result that is on is turned off, and kept", () => {
    const timeout = fixed(flow({ Note: { ...compose(1), limit: { timeout: "PT1H" } } }), "timeout-no-effect");
    expect(timeout.actions?.Note).toEqual(compose(1));

    const mocked = {
      ...flow({
        Note: {
          ...compose(1),
          runtimeConfiguration: { staticResult: { name: "Note0", staticResultOptions: "Enabled" } },
        },
      }),
      staticResults: { Note0: { status: "Succeeded", outputs: 2 } },
    };
    const off = fixed(mocked, "static-result");
    expect(off.actions?.Note?.runtimeConfiguration).toEqual({
      staticResult: { name: "Note0", staticResultOptions: "Disabled" },
    });
    expect(off.staticResults).toEqual({ Note0: { status: "Succeeded", outputs: 2 } });
  });

  it("a finding without an edit has nothing to apply", () => {
    const pause = { type: "Wait", inputs: { interval: { count: 1, unit: "Day" } }, runAfter: {} };
    const [finding] = ofRule(
      flow({ Pause: { ...pause, limit: { timeout: "one hour" } } as never }),
      "timeout-invalid",
    );
    expect(finding?.fix?.label).toBe("Write a duration such as PT1H");
    expect(finding && canApplyFix(finding)).toBe(false);
  });
});
