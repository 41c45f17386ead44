import { describe, expect, it } from "vitest";
import { readFlowFile } from "../../../shared/flow";
import { caught, createFlow, recordFlow, templateFlow } from "./test-support";
import { worldPerTest } from "./test-worlds";

const open = worldPerTest();

describe("export and import", () => {
  it("the draft and a version export as Power Automate packages that import back as new flows", () => {
    const w = open();
    const flow = templateFlow(w, "block-vendor-payments", "Block vendor payments");
    w.publisher.publish(flow.id, { publishedBy: "me" });
    w.flows.saveDraft({ id: flow.id, revision: flow.revision, definition: recordFlow("items") });

    const version = w.publisher.exportVersion(flow.id, 1);
    expect(version.fileName).toBe("Block vendor payments (version 1).json");
    const read = readFlowFile(version.content);
    expect(read.ok && read.document.envelope.kind).toBe("package");
    expect(JSON.parse(version.content)).toMatchObject({
      name: flow.id,
      type: "Microsoft.Flow/flows",
      properties: { displayName: "Block vendor payments", connectionReferences: expect.any(Object) },
    });

    const before = w.flows.list().length;
    const imported = w.publisher.importFlow(version.fileName, version.content);
    expect(w.flows.list()).toHaveLength(before + 1);
    // My flows has "Block vendor payments" already: the imported one is told apart by its number.
    expect(imported).toMatchObject({ name: "Block vendor payments (2)", kind: "instant" });
    expect(imported.id).not.toBe(flow.id);
    expect(imported.definition).toEqual(w.publisher.version(flow.id, 1).definition);

    const draft = w.publisher.exportDraft(flow.id);
    expect(draft.fileName).toBe("Block vendor payments.json");
    const fromDraft = w.publisher.importFlow(draft.fileName, draft.content);
    expect(fromDraft).toMatchObject({
      name: "Block vendor payments (3)",
      kind: "automated",
      definition: recordFlow("items"),
    });
  });

  it("sticky notes and collapsed scopes travel beside the definition, and come back on import", () => {
    const w = open();
    const flow = createFlow(w, "Noted flow", "automated", recordFlow("items"));
    const designer = {
      notes: [{ id: "n1", text: "Ask finance before changing the threshold", x: 40, y: -80, color: "blue" }],
      collapsed: [],
    };
    w.flows.saveDraft({ id: flow.id, revision: flow.revision, definition: recordFlow("items"), designer });
    w.publisher.publish(flow.id, { publishedBy: "me" });

    for (const file of [w.publisher.exportDraft(flow.id), w.publisher.exportVersion(flow.id, 1)]) {
      const content = JSON.parse(file.content) as { properties: Record<string, unknown> };
      expect(content.properties.flowsmithDesigner).toEqual(designer);
      // The definition itself stays as Power Automate knows it.
      expect(JSON.stringify(content.properties.definition)).not.toContain("Ask finance");
      expect(w.publisher.importFlow(file.fileName, file.content).designer).toEqual(designer);
    }

    // Nothing to carry: no property at all.
    const plain = createFlow(w, "Plain flow", "automated", recordFlow("items"));
    const exported = JSON.parse(w.publisher.exportDraft(plain.id).content) as { properties: object };
    expect(exported.properties).not.toHaveProperty("flowsmithDesigner");
  });

  it("a bare definition takes its name from the file and its kind from the trigger", () => {
    const w = open();
    const flow = createFlow(w, "x", "automated", recordFlow("items"));
    const imported = w.publisher.importFlow("C:\\exports\\Watch items.json", JSON.stringify(flow.definition));
    expect(imported).toMatchObject({ name: "Watch items", kind: "automated" });
  });

  it("a file that is not a flow is refused clearly, and nothing is created", () => {
    const w = open();
    const before = w.flows.list().length;
    const cases: [string, string, RegExp][] = [
      [
        "broken.json",
        '{\n  "triggers": {\n    "manual": oops\n  }\n}',
        /not valid JSON: .* at line 3, column 15/,
      ],
      ["list.json", "[1, 2, 3]", /must be a JSON object; this one is an array/],
      ["notes.json", '{"title": "shopping list"}', /No flow definition found/],
      ["empty.json", "   ", /The file is empty/],
      ["flow.zip", "PK\u0003\u0004garbage", /\.zip package\. Unzip it/],
      [
        "bad-action.json",
        '{"triggers": {"t": {"type": "Request"}}, "actions": {"A": 5}}',
        /\$\.actions\.A: an action must be a JSON object$/,
      ],
      ["no-trigger.json", '{"triggers": {}, "actions": {}}', /has no trigger/],
    ];
    for (const [name, content, message] of cases) {
      const error = caught(() => w.publisher.importFlow(name, content));
      expect(error.code, name).toBe("invalid_input");
      expect(error.message, name).toContain(`“${name}” is not a flow Flowsmith can open: `);
      expect(error.message, name).toMatch(message);
    }
    expect(w.flows.list()).toHaveLength(before);
  });
});
