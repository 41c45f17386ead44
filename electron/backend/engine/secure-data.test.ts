// Secure inputs and outputs: the run uses the values, run history does not show them.
import { describe, expect, it } from "vitest";
import { definition, FLOW, runFlow, step, testEngine } from "./testing";

const SECURE_BOTH = { secureData: { properties: ["inputs", "outputs"] } };

describe("secure inputs and outputs", () => {
  it("hides a secured step's values from run history while later steps still use them", async () => {
    const t = testEngine();
    t.engine.start();
    const run = await runFlow(
      t,
      {
        Get_secret: {
          type: "Compose",
          inputs: "pin-@{triggerBody()?['pin']}",
          runAfter: {},
          runtimeConfiguration: SECURE_BOTH,
        },
        Only_outputs: {
          type: "Compose",
          inputs: "@length(outputs('Get_secret'))",
          runAfter: { Get_secret: ["Succeeded"] },
          runtimeConfiguration: { secureData: { properties: ["outputs"] } },
        },
        Use_it: {
          type: "Compose",
          inputs: "@concat('sent ', outputs('Get_secret'))",
          runAfter: { Only_outputs: ["Succeeded"] },
        },
      },
      { pin: 4711 },
    );
    expect(run.status).toBe("Succeeded");
    expect(step(run, "Get_secret")).toMatchObject({
      inputs: null,
      outputs: null,
      secured: ["inputs", "outputs"],
    });
    expect(step(run, "Only_outputs")).toMatchObject({
      inputs: 8, // its inputs are not secured: the length of the secret, computed from it
      outputs: null,
      secured: ["outputs"],
    });
    expect(step(run, "Use_it")).toMatchObject({ outputs: "sent pin-4711", secured: [] });
    expect(JSON.stringify(run.steps.filter((s) => s.action !== "Use_it"))).not.toContain("pin-4711");
  });

  it("hides a secured trigger's outputs, yet a test can start again from them", async () => {
    const t = testEngine();
    t.engine.start();
    const def = definition(
      { Echo: { type: "Compose", inputs: "@triggerBody()?['iban']", runAfter: {} } },
      {
        triggers: {
          manual: {
            type: "Request",
            kind: "Button",
            inputs: { schema: {} },
            runtimeConfiguration: { secureData: { properties: ["outputs"] } },
          },
        },
      },
    );
    const started = t.engine.startRun({
      flow: FLOW,
      mode: "test",
      definition: def,
      triggerOutputs: { body: { iban: "FR76 3000 6000 0112 3456 7890 189" } },
    });
    if (!started.started) throw new Error(started.message);
    await t.engine.idle();
    const run = t.engine.getRun(started.runId);
    expect(run).toMatchObject({ triggerOutputs: null, triggerSecured: true });
    expect(t.engine.triggerOutputsOf(started.runId)).toEqual({
      body: { iban: "FR76 3000 6000 0112 3456 7890 189" },
    });
    expect(t.engine.triggerOutputsOf("no-such-run")).toBeUndefined();
  });
});
