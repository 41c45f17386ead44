// The Run flow form: its input kinds as Power Automate writes them, and editing the schema.
import { describe, expect, it } from "vitest";
import {
  addRunFlowInput,
  nextRunFlowKey,
  RUN_FLOW_INPUT_KINDS,
  runFlowFields,
  runFlowInputKindOf,
  runFlowOutputs,
} from "./runflowform";

describe("Run flow input kinds", () => {
  it("declare text as Power Automate writes it", () => {
    expect(RUN_FLOW_INPUT_KINDS.find((kind) => kind.kind === "text")?.schema).toEqual({
      title: "Input",
      type: "string",
      "x-ms-dynamically-added": true,
      description: "Please enter your input",
      "x-ms-content-hint": "TEXT",
    });
  });

  it("are each recognised from their own schema", () => {
    for (const declaration of RUN_FLOW_INPUT_KINDS) {
      expect(runFlowInputKindOf(declaration.schema)).toBe(declaration.kind);
    }
  });

  it("are recognised in hand-written schemas without a hint", () => {
    expect(runFlowInputKindOf({ type: "string", format: "email" })).toBe("email");
    expect(runFlowInputKindOf({ type: "integer" })).toBe("number");
    expect(runFlowInputKindOf({ type: "string", enum: ["a"] })).toBe("choice");
    expect(runFlowInputKindOf({ type: "object", properties: { contentBytes: { type: "string" } } })).toBe(
      "file",
    );
    expect(runFlowInputKindOf({ type: "null" })).toBeUndefined();
    expect(runFlowInputKindOf("text")).toBeUndefined();
  });
});

describe("editing the form", () => {
  it("numbers keys per kind, as Power Automate does", () => {
    let schema = addRunFlowInput(undefined, "text").schema;
    expect(nextRunFlowKey(schema, "text")).toBe("text_1");
    expect(nextRunFlowKey(schema, "choice")).toBe("text_1");
    schema = addRunFlowInput(schema, "choice", { options: ["Low", "High"], title: "Priority" }).schema;
    schema = addRunFlowInput(schema, "boolean", { required: true }).schema;
    expect(Object.keys(schema.properties as object)).toEqual(["text", "text_1", "boolean"]);
    expect(schema.required).toEqual(["boolean"]);
    expect(runFlowFields(schema)).toEqual([
      { key: "text", kind: "text", title: "Input", description: "Please enter your input", required: false },
      {
        key: "text_1",
        kind: "choice",
        title: "Priority",
        description: "Please select an option",
        required: false,
        options: ["Low", "High"],
      },
      {
        key: "boolean",
        kind: "boolean",
        title: "Yes/No",
        description: "Please select yes or no",
        required: true,
      },
    ]);
  });

  it("leaves the given schema untouched", () => {
    const original = { type: "object", properties: {}, required: [] };
    addRunFlowInput(original, "file");
    expect(original).toEqual({ type: "object", properties: {}, required: [] });
  });

  it("reads the forms of the corpus", () => {
    const schema = {
      type: "object",
      properties: {
        text: { title: "Site Url", type: "string", "x-ms-content-hint": "TEXT" },
        boolean: { title: "Hidden", type: "boolean", "x-ms-content-hint": "BOOLEAN" },
      },
      required: [],
    };
    expect(runFlowOutputs(schema).map((output) => [output.path, output.title, output.type])).toEqual([
      ["body/text", "Site Url", "string"],
      ["body/boolean", "Hidden", "boolean"],
    ]);
  });

  it("offers a file's name and content", () => {
    const { schema } = addRunFlowInput(undefined, "file");
    expect(runFlowOutputs(schema).map((output) => output.path)).toEqual([
      "body/file",
      "body/file/name",
      "body/file/contentBytes",
    ]);
  });
});
