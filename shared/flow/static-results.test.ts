import { describe, expect, it } from "vitest";
import { EditError } from "./edits/errors";
import { setStaticResult, staticResultOf } from "./static-results";
import type { WdlDefinition } from "./types";

const flow = (): WdlDefinition => ({
  triggers: { manual: { type: "Request", kind: "Button", inputs: {} } },
  actions: {
    Get: { type: "Compose", inputs: 1, runAfter: {} },
    Group: { type: "Scope", actions: {}, runAfter: { Get: ["Succeeded"] } },
  },
});

describe("static results", () => {
  it("sets a step's static result under <step>0, turns it off and on, and removes it", () => {
    const on = setStaticResult(flow(), {
      name: "Get",
      result: { status: "Succeeded", outputs: { body: 1 } },
    });
    expect(on.staticResults).toEqual({ Get0: { status: "Succeeded", outputs: { body: 1 } } });
    expect(on.actions?.Get?.runtimeConfiguration).toEqual({
      staticResult: { name: "Get0", staticResultOptions: "Enabled" },
    });
    expect(staticResultOf(on, on.actions?.Get as never)).toEqual({
      kind: "enabled",
      name: "Get0",
      result: { status: "Succeeded", outputs: { body: 1 } },
    });

    const off = setStaticResult(on, { name: "Get", result: { status: "Failed" }, enabled: false });
    expect(staticResultOf(off, off.actions?.Get as never)).toEqual({ kind: "disabled", name: "Get0" });
    expect(off.staticResults).toEqual({ Get0: { status: "Failed" } });

    const removed = setStaticResult(off, { name: "Get", result: null });
    expect(removed.staticResults).toBeUndefined();
    expect(removed.actions?.Get).toEqual(flow().actions?.Get);
  });

  it("refuses a container: only a step that runs can have one", () => {
    expect(() => setStaticResult(flow(), { name: "Group", result: { status: "Succeeded" } })).toThrow(
      EditError,
    );
  });
});
