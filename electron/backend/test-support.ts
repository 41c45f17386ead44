// Helpers for backend tests: a real backend on a temporary data folder.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Backend, createBackend } from "./app";
import { JsonFileSettingsStore } from "./settings/store";

export function tempDir(prefix = "flowsmith-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function testBackend(dataDir = tempDir()): Backend {
  return createBackend({
    dataDir,
    mode: "web",
    version: "0.0.0-test",
    settings: JsonFileSettingsStore.inDir(dataDir),
    log: () => {},
  });
}

/** A person of the demo company who answers approvals in tests. */
export const ALICIA = "alicia.thornton@cronus-demo.example";

/** A connector call's host as Power Automate writes it. */
export const connectorHost = (apiId: string, operationId: string) => ({
  host: { apiId: `/providers/Microsoft.PowerApps/apis/${apiId}`, connectionName: apiId, operationId },
});

/** A step that asks Alicia for a Basic approval and waits for her answer. */
export const askAlicia = (title: string) => ({
  type: "OpenApiConnectionWebhook",
  inputs: {
    ...connectorHost("shared_approvals", "StartAndWaitForAnApproval"),
    parameters: {
      approvalType: "Basic",
      "WebhookApprovalCreationInput/title": title,
      "WebhookApprovalCreationInput/assignedTo": ALICIA,
    },
  },
  runAfter: {},
});

/** A step that posts an adaptive card to Finance › Approvals and waits for an answer. */
export const postCardAndWait = {
  type: "OpenApiConnectionWebhook",
  inputs: {
    ...connectorHost("shared_teams", "PostCardAndWaitForResponse"),
    parameters: {
      poster: "Flow bot",
      location: "Channel",
      "body/body/recipient/groupId": "Finance",
      "body/body/recipient/channelId": "Approvals",
      "body/body/messageBody": JSON.stringify({
        type: "AdaptiveCard",
        version: "1.4",
        body: [{ type: "TextBlock", text: "Pay now?" }],
        actions: [{ type: "Action.Submit", title: "Pay" }],
      }),
    },
  },
  runAfter: {},
};

/** Starts a draft test run of a new button flow with these actions, once the engine is idle; its run id. */
export async function startDraftRun(
  backend: Backend,
  actions: Record<string, unknown>,
  name = "Ask and wait",
): Promise<string> {
  const button = { manual: { type: "Request", kind: "Button", inputs: { schema: { type: "object" } } } };
  const flow = backend.flows.create({
    name,
    kind: "instant",
    definition: { triggers: button, actions } as never,
  });
  const started = await backend.dispatch("runs.start", {
    flowId: flow.id,
    source: { draft: true },
    triggerOutputs: { body: {} },
  });
  if (!started.ok) throw new Error(started.error.message);
  await backend.engine.idle();
  return (started.value as { runId: string }).runId;
}
