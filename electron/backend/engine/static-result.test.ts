// Static results: a step with one turned on ends with it and never reaches the service.
import { describe, expect, it } from "vitest";
import type { WdlAction } from "../../../shared/flow";
import { definition, runFlow, statuses, step, testEngine } from "./testing";

function started() {
  const t = testEngine();
  t.engine.start();
  t.runtime.on("GetItemV3", () => ({
    kind: "succeeded",
    statusCode: 200,
    body: { displayName: "From the sandbox" },
  }));
  return t;
}

const getVendor = (options: "Enabled" | "Disabled", name = "Get_vendor0"): WdlAction => ({
  type: "OpenApiConnection",
  inputs: { host: { apiId: "shared_dynamicssmbsaas", operationId: "GetItemV3" }, parameters: { id: "V-1" } },
  runtimeConfiguration: { staticResult: { name, staticResultOptions: options } },
  runAfter: {},
});

const useIt: WdlAction = {
  type: "Compose",
  inputs: "@body('Get_vendor')?['displayName']",
  runAfter: { Get_vendor: ["Succeeded"] },
};

describe("static results", () => {
  it("a step with its static result on ends with it; the service is never called", async () => {
    const t = started();
    const run = await runFlow(
      t,
      definition(
        { Get_vendor: getVendor("Enabled"), Use: useIt },
        {
          staticResults: {
            Get_vendor0: {
              status: "Succeeded",
              outputs: { statusCode: 200, body: { displayName: "Mocked vendor" } },
            },
          },
        },
      ),
    );
    expect(statuses(run)).toEqual({ Get_vendor: "Succeeded", Use: "Succeeded" });
    expect(step(run, "Use").outputs).toBe("Mocked vendor");
    expect(t.runtime.calls).toEqual([]);
  });

  it("a failed static result takes the failure path", async () => {
    const t = started();
    const run = await runFlow(
      t,
      definition(
        {
          Get_vendor: getVendor("Enabled"),
          On_failure: { type: "Compose", inputs: "handled", runAfter: { Get_vendor: ["Failed"] } },
        },
        {
          staticResults: {
            Get_vendor0: { status: "Failed", error: { code: "NotFound", message: "No such vendor" } },
          },
        },
      ),
    );
    expect(statuses(run)).toEqual({ Get_vendor: "Failed", On_failure: "Succeeded" });
    expect(step(run, "Get_vendor").error).toEqual({ code: "NotFound", message: "No such vendor" });
  });

  it("turned off, the step runs; naming a result that is not there fails the step, saying so", async () => {
    const t = started();
    const off = await runFlow(
      t,
      definition(
        { Get_vendor: getVendor("Disabled"), Use: useIt },
        {
          staticResults: {
            Get_vendor0: { status: "Succeeded", outputs: { body: { displayName: "Mocked" } } },
          },
        },
      ),
    );
    expect(step(off, "Use").outputs).toBe("From the sandbox");

    const broken = await runFlow(t, definition({ Get_vendor: getVendor("Enabled", "Missing0") }));
    expect(step(broken, "Get_vendor")).toMatchObject({
      status: "Failed",
      error: {
        code: "InvalidStaticResult",
        message:
          "The static result of step 'Get_vendor' cannot be used: the flow has no static result named “Missing0”.",
      },
    });
  });
});
