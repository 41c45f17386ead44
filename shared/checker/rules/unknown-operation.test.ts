import { describe, expect, it } from "vitest";
import type { WdlAction } from "../../flow";
import { email, flow, ofRule } from "../test-support/flows";

const call = (apiId: string, operationId: string): WdlAction => ({
  type: "OpenApiConnection",
  runAfter: {},
  inputs: { host: { apiId: `/providers/Microsoft.PowerApps/apis/${apiId}`, operationId }, parameters: {} },
});

describe("unknown-operation and unknown-connector", () => {
  it("is an error for an operation a declared connector does not have", () => {
    const [finding] = ofRule(flow({ Send: call("shared_office365", "SendEmailV9") }), "unknown-operation");
    expect(finding).toMatchObject({
      severity: "error",
      nodeId: "Send",
      message: "“Send” uses “SendEmailV9”, which the Office 365 Outlook connector does not have.",
    });
  });

  it("is a warning for a connector Flowsmith does not declare", () => {
    const definition = flow({ Get: call("shared_sharepointonline", "GetItems") });
    expect(ofRule(definition, "unknown-operation")).toEqual([]);
    expect(ofRule(definition, "unknown-connector")).toMatchObject([
      {
        severity: "warning",
        message:
          "“Get” uses the connector “shared_sharepointonline”, which Flowsmith does not know: it cannot run in the sandbox.",
      },
    ]);
  });

  it("is a warning for a kind of step Flowsmith does not know", () => {
    const definition = flow({ Run: { type: "JavaScriptCode", runAfter: {}, inputs: { code: "1" } } });
    expect(ofRule(definition, "unknown-action-type")).toMatchObject([
      {
        severity: "warning",
        nodeId: "Run",
        message: "“Run” is a kind of step Flowsmith cannot run (“JavaScriptCode”).",
      },
    ]);
  });

  it("is quiet on catalog operations, in any letter case", () => {
    const definition = flow({
      Send: email(),
      Again: { ...call("shared_office365", "sendemailv2"), runAfter: { Send: ["Succeeded"] } },
    });
    expect(
      ofRule(definition, "unknown-operation").concat(
        ofRule(definition, "unknown-connector"),
        ofRule(definition, "unknown-action-type"),
      ),
    ).toEqual([]);
  });
});
