// A document for a flow made in Flowsmith, in the envelope it is exported in: a Power Automate
// package's definition.json (importable there) or a Logic Apps workflow.json.
import { isJsonObject, type JsonObject, type JsonValue } from "../json";
import { isTriggerType } from "./action-types";
import type { FlowDocument } from "./document";
import { putOwn } from "./own";
import type { WdlDefinition } from "./types";
import { allActions } from "./walk";

export type NewFlowDocumentArgs =
  | {
      kind: "package";
      definition: WdlDefinition;
      displayName: string /** The flow's GUID. */;
      flowId: string;
    }
  | { kind: "workflow"; definition: WdlDefinition }
  | { kind: "definition"; definition: WdlDefinition };

export function newFlowDocument(args: NewFlowDocumentArgs): FlowDocument {
  switch (args.kind) {
    case "definition":
      return { envelope: { kind: "definition", outer: {} }, definition: args.definition };
    case "workflow":
      return {
        envelope: { kind: "workflow", outer: { definition: null, kind: "Stateful" } },
        definition: args.definition,
      };
    case "package":
      return {
        envelope: {
          kind: "package",
          outer: {
            name: args.flowId,
            id: `/providers/Microsoft.Flow/flows/${args.flowId}`,
            type: "Microsoft.Flow/flows",
            properties: {
              apiId: "/providers/Microsoft.PowerApps/apis/shared_logicflows",
              displayName: args.displayName,
              definition: null,
              connectionReferences: connectionReferencesOf(args.definition),
            },
          },
        },
        definition: args.definition,
        displayName: args.displayName,
      };
  }
}

/**
 * connectionReferences of a package: one per host.connectionName of the Power Automate-form connector
 * calls and triggers. Power Automate asks on import which connection each one uses.
 */
export function connectionReferencesOf(definition: WdlDefinition): JsonObject {
  const out: JsonObject = {};
  const steps = [
    ...Object.values(definition.triggers ?? {}).filter((t) => !isTriggerType(t, "Recurrence")),
    ...allActions(definition).map((e) => e.action),
  ];
  for (const step of steps) {
    const inputs: JsonValue | undefined = step.inputs;
    const host = isJsonObject(inputs) && isJsonObject(inputs.host) ? inputs.host : undefined;
    const name = typeof host?.connectionName === "string" ? host.connectionName : undefined;
    const apiId = typeof host?.apiId === "string" ? host.apiId : undefined;
    if (name === undefined || apiId === undefined || Object.hasOwn(out, name)) continue;
    putOwn(out, name, { connectionName: name, source: "Invoker", id: apiId, tier: "NotSpecified" });
  }
  return out;
}
