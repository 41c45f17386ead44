import { describe, expect, it } from "vitest";
import { runFlow, statuses, testEngine } from "./testing";

describe("smoke", () => {
  it("runs a Compose chain", async () => {
    const t = testEngine();
    t.engine.start();
    const run = await runFlow(
      t,
      {
        A: { type: "Compose", inputs: "@triggerBody()?['x']", runAfter: {} },
        B: { type: "Compose", inputs: "@add(outputs('A'), 1)", runAfter: { A: ["Succeeded"] } },
      },
      { x: 41 },
    );
    expect(statuses(run)).toEqual({ A: "Succeeded", B: "Succeeded" });
    expect(run.steps.find((s) => s.action === "B")?.outputs).toBe(42);
    expect(run.status).toBe("Succeeded");
  });
});
