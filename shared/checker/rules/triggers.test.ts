import { describe, expect, it } from "vitest";
import type { WdlTrigger } from "../../flow";
import { compose, flow, manualTrigger, ofRule, op } from "../test-support/flows";

const recordTrigger = (table: string) =>
  op("shared_dynamicssmbsaas", "CreateOnNewItemsSubscriptionV3", { company: "CRONUS", table }) as WdlTrigger;
const recurrence = (frequency: string, interval: number) =>
  op("builtin_schedule", "Recurrence", {
    "recurrence/frequency": frequency,
    "recurrence/interval": interval,
  }) as WdlTrigger;

describe("trigger-missing", () => {
  it("reports a flow without a trigger on #root", () => {
    expect(ofRule({ actions: { A: compose(1) } }, "trigger-missing")).toMatchObject([
      { nodeId: "#root", flow: true, message: "This flow has no trigger: add one to say when it starts." },
    ]);
    expect(ofRule(flow({}), "trigger-missing")).toEqual([]);
  });
});

describe("no-actions", () => {
  it("warns, on the trigger, that a flow with no step does nothing; not a flow with a step or no trigger", () => {
    const empty = flow({});
    expect(ofRule(empty, "no-actions")).toMatchObject([
      {
        severity: "warning",
        flow: true,
        nodeId: "#trigger/manual",
        message: "This flow starts but does nothing yet: add an action after its trigger.",
      },
    ]);
    expect(ofRule(flow({ A: compose(1) }), "no-actions")).toEqual([]);
    expect(ofRule({ actions: {} }, "no-actions")).toEqual([]);
  });
});

describe("trigger-no-table", () => {
  it("reports a Business Central record trigger without a table, once", () => {
    const definition = flow({}, recordTrigger(""), "When_a_record_is_created_(V3)");
    expect(ofRule(definition, "trigger-no-table")).toMatchObject([
      {
        nodeId: "#trigger/When_a_record_is_created_(V3)",
        field: "table",
        message:
          "“When a record is created (V3)” needs a table: choose the records whose changes start the flow.",
      },
    ]);
    expect(ofRule(definition, "required-input")).toEqual([]);
    expect(ofRule(flow({}, recordTrigger("salesInvoices")), "trigger-no-table")).toEqual([]);
  });
});

describe("trigger-split-on-off", () => {
  /** As the palette makes it (with the catalog's splitOn), then with `splitOn` instead, or none. */
  const mailTrigger = (splitOn?: string) => {
    const { splitOn: _catalogs, ...trigger } = op("shared_office365", "OnNewEmailV3", {
      folderPath: "Inbox",
    }) as WdlTrigger;
    return (splitOn === undefined ? trigger : { ...trigger, splitOn }) as WdlTrigger;
  };

  it("warns about a batch trigger without Split on, and offers the catalog's back", () => {
    expect(ofRule(flow({}, mailTrigger(), "When_a_new_email_arrives"), "trigger-split-on-off")).toMatchObject(
      [
        {
          severity: "warning",
          nodeId: "#trigger/When_a_new_email_arrives",
          field: "splitOn",
          fix: {
            label: "Turn Split on back on",
            edit: { kind: "set-split-on", splitOn: "@triggerOutputs()?['body/value']" },
          },
        },
      ],
    );
    expect(ofRule(flow({}, mailTrigger("@triggerBody()?['value']")), "trigger-split-on-off")).toEqual([]);
    // Triggers that report one item at a time have no splitOn to miss.
    expect(ofRule(flow({}, recordTrigger("items")), "trigger-split-on-off")).toEqual([]);
  });
});

describe("unknown-table", () => {
  it("warns about a table the sandbox does not have, suggesting the closest", () => {
    const [finding] = ofRule(flow({}, recordTrigger("salesInvoice")), "unknown-table");
    expect(finding).toMatchObject({
      severity: "warning",
      field: "table",
      fix: {
        label: "Did you mean “salesInvoices”?",
        edit: { kind: "set-value", field: "table", value: "salesInvoices" },
      },
    });
    expect(ofRule(flow({}, recordTrigger("salesInvoices")), "unknown-table")).toEqual([]);
    expect(ofRule(flow({}, recordTrigger("@variables('table')")), "unknown-table")).toEqual([]);
  });
});

describe("recurrence-too-frequent", () => {
  it("reports a schedule below 60 seconds", () => {
    expect(ofRule(flow({}, recurrence("Second", 30), "Recurrence"), "recurrence-too-frequent")).toMatchObject(
      [
        {
          nodeId: "#trigger/Recurrence",
          field: "recurrence/interval",
          message: "“Recurrence” runs every 30 seconds; a flow can run at most once a minute.",
          fix: { edit: { kind: "set-value", field: "recurrence/interval", value: 60 } },
        },
      ],
    );
    expect(ofRule(flow({}, recurrence("Second", 60)), "recurrence-too-frequent")).toEqual([]);
    expect(ofRule(flow({}, recurrence("Minute", 1)), "recurrence-too-frequent")).toEqual([]);
  });
});

describe("trigger-kind-mismatch", () => {
  it("warns when the stored kind and the trigger disagree", () => {
    expect(ofRule(flow({}), "trigger-kind-mismatch", { kind: "scheduled" })[0]?.message).toBe(
      "This is a scheduled flow, but its trigger “manual” is started by a person.",
    );
    expect(ofRule(flow({}, manualTrigger), "trigger-kind-mismatch", { kind: "instant" })).toEqual([]);
    expect(ofRule(flow({}), "trigger-kind-mismatch")).toEqual([]);
  });
});
