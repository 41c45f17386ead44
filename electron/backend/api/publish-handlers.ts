// publish.*, workflows.*, automate.*, flows.export/import: issue 6's methods (admin.* in admin-handlers.ts).
import { ApiError, type DefinitionPayload } from "../../../shared/api";
import { findOperation, instantiate } from "../../../shared/connectors";
import { starterDefinition } from "../../../shared/templates/starters";
import type { EventBus } from "../events";
import { type FlowStore, uniqueFlowName } from "../flows/store";
import type { Publisher } from "../publish";
import type { HttpHooks } from "../publish/http-hooks";
import type { Sandbox } from "../sandbox";
import { COMPANY_NAME } from "../sandbox";
import type { SettingsStore } from "../settings/store";
import { pageParameterFor, pageTitle, tableOfPage } from "../triggers/pages";
import type { Handlers } from "./dispatch";

type PublishMethods = Pick<
  Handlers,
  (`publish.${string}` | `workflows.${string}` | `automate.${string}`) & keyof Handlers
> &
  Pick<Handlers, "flows.export" | "flows.import">;

export interface PublishHandlerDeps {
  publisher: Publisher;
  hooks: HttpHooks;
  flows: FlowStore;
  settings: SettingsStore;
  sandbox: Sandbox;
  events: EventBus;
}

export function publishHandlers({
  publisher,
  hooks,
  flows,
  settings,
  sandbox,
  events,
}: PublishHandlerDeps): PublishMethods {
  const changed = (id?: string) => events.emit("workflows.changed", id ? { id } : {});
  const automateAllowed = () => {
    if (!settings.get().automateEnabled) {
      throw new ApiError({ code: "forbidden", message: "Your administrator has turned Automate off." });
    }
  };
  return {
    "publish.publish": ({ flowId, note }) => {
      const result = publisher.publish(flowId, {
        publishedBy: sandbox.connectionUser(),
        policy: settings.get().connectorPolicy,
        ...(note ? { note } : {}),
      });
      changed(flowId);
      return result as never;
    },
    "publish.versions": ({ flowId }) => publisher.versions(flowId),
    "publish.version": ({ flowId, version }) => publisher.version(flowId, version) as never,
    "publish.restore": ({ flowId, version }) => {
      const saved = publisher.restoreVersionAsDraft(flowId, version);
      events.emit("flows.changed", { id: flowId, reason: "saved", revision: saved.revision });
      return saved;
    },
    "workflows.list": (query) => publisher.listWorkflows(query) as never,
    "workflows.setEnabled": ({ id, enabled }) => {
      const entry = publisher.setEnabled(id, enabled, { policy: settings.get().connectorPolicy });
      changed(id);
      return entry as never;
    },
    "workflows.unpublish": ({ flowId }) => {
      const result = publisher.unpublish(flowId);
      changed(flowId);
      return result;
    },
    "workflows.setMissedPolicy": ({ flowId, policy }) => {
      const entry = publisher.setMissedPolicy(flowId, policy);
      changed(flowId);
      return entry as never;
    },
    "workflows.httpAddress": ({ flowId }) => hooks.address(flowId),
    "workflows.runForm": ({ flowId }) => publisher.runForm(flowId),
    "workflows.run": ({ flowId, inputs }) => {
      // Run from the list by its maker: the person the flows' connections belong to.
      const email = sandbox.connectionUser();
      const user = { name: sandbox.getPerson(email)?.displayName ?? email, email };
      return publisher.runFromList(flowId, { user, ...(inputs ? { inputs } : {}) });
    },
    "workflows.dismissStartProblems": ({ flowId }) => {
      const entry = publisher.dismissStartProblems(flowId);
      changed(flowId);
      return entry as never;
    },
    "automate.flowsFor": ({ page }) => {
      automateAllowed();
      return publisher.instantFlowsFor(page) as never;
    },
    "automate.run": ({ flowId, page, records, inputs, user }) => {
      automateAllowed();
      return publisher.runInstant(flowId, {
        page,
        user,
        ...(records ? { records } : {}),
        ...(inputs ? { inputs } : {}),
      });
    },
    "automate.newFlow": ({ page, name }) => {
      automateAllowed();
      const flow = flows.create({
        // A second "New flow for Vendors" is numbered "(2)", as copies are.
        name:
          name ?? uniqueFlowName(`New flow for ${pageTitle(tableOfPage(page) ?? page)}`, flows.liveNames()),
        kind: "instant",
        definition: selectedRecordStarter(page),
      });
      events.emit("flows.changed", { id: flow.id, reason: "created", revision: flow.revision });
      return flow;
    },
    "flows.export": ({ flowId, version }) =>
      version === undefined ? publisher.exportDraft(flowId) : publisher.exportVersion(flowId, version),
    "flows.import": ({ fileName, content }) => {
      const flow = publisher.importFlow(fileName, content);
      events.emit("flows.changed", { id: flow.id, reason: "created", revision: flow.revision });
      return flow;
    },
  };
}

/** A new instant flow for a Business Central page: "For a selected record (V3)" offered on that page. */
function selectedRecordStarter(page: string): DefinitionPayload {
  const operation = findOperation("shared_dynamicssmbsaas", "ForASelectedRecordV3");
  const table = tableOfPage(page);
  if (!operation || !table) {
    throw new ApiError({
      code: "invalid_input",
      message: `'${page}' is not a Business Central page of the sandbox.`,
    });
  }
  const trigger = instantiate(operation, {
    values: { bcenvironment: "PRODUCTION", company: COMPANY_NAME, page: pageParameterFor(table) ?? page },
  });
  return {
    ...starterDefinition("instant"),
    triggers: { "For_a_selected_record_(V3)": trigger },
  } as DefinitionPayload;
}
