// The definition a new, empty flow starts with: just the trigger that matches its kind.
import type { DefinitionPayload, FlowKind } from "../api/flows";

const WDL_SCHEMA =
  "https://schema.management.azure.com/providers/Microsoft.Logic/schemas/2016-06-01/workflowdefinition.json#";

function envelope(triggers: DefinitionPayload["triggers"]): DefinitionPayload {
  return {
    $schema: WDL_SCHEMA,
    contentVersion: "1.0.0.0",
    parameters: {
      $connections: { defaultValue: {}, type: "Object" },
      $authentication: { defaultValue: {}, type: "SecureObject" },
    },
    triggers,
    actions: {},
  };
}

export function starterDefinition(kind: FlowKind): DefinitionPayload {
  switch (kind) {
    case "scheduled":
      return envelope({
        Recurrence: {
          type: "Recurrence",
          recurrence: {
            frequency: "Week",
            interval: 1,
            schedule: { weekDays: ["Monday"], hours: ["8"], minutes: [0] },
          },
        },
      });
    case "instant":
      return envelope({
        manual: {
          type: "Request",
          kind: "Button",
          inputs: { schema: { type: "object", properties: {}, required: [] } },
        },
      });
    case "automated":
      return envelope({
        "When_a_record_is_created_(V3)": {
          type: "OpenApiConnectionWebhook",
          inputs: {
            host: {
              apiId: "/providers/Microsoft.PowerApps/apis/shared_dynamicssmbsaas",
              connectionName: "shared_dynamicssmbsaas",
              operationId: "CreateOnNewItemsSubscriptionV3",
            },
            parameters: { bcenvironment: "PRODUCTION", company: "", dataset: "v2.0", table: "" },
            authentication: "@parameters('$authentication')",
          },
        },
      });
  }
}
