// Helpers for the publish tests (and the bench): the backend's parts on a real SQLite file in a
// temporary folder, the demo company's sandbox, the engine and a publisher on a VirtualClock, with
// a "restart" that closes everything and opens the same file again later; and small flows.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Database } from "better-sqlite3";
import { ApiError, type DefinitionPayload, type Flow, type FlowKind } from "../../../shared/api";
import type { ConnectorPolicy } from "../../../shared/checker";
import { findOperation, instantiate, type OperationDeclaration } from "../../../shared/connectors";
import type { JsonObject, JsonValue } from "../../../shared/json";
import { findTemplate, templateDefinition } from "../../../shared/templates";
import { DEMO_COMPANY } from "../../../shared/templates/demo";
import { starterDefinition } from "../../../shared/templates/starters";
import { VirtualClock } from "../clock";
import { openDatabase } from "../db/open";
import { Engine } from "../engine";
import { FlowStore } from "../flows/store";
import { Sandbox } from "../sandbox";
import { Publisher } from "./publisher";

export const START = Date.UTC(2026, 0, 5, 8, 0, 0); // a Monday
export const ACTOR = "marcus.bell@cronus-demo.example";

export interface PublishWorld {
  dir: string;
  file: string;
  db: Database;
  clock: VirtualClock;
  flows: FlowStore;
  sandbox: Sandbox;
  engine: Engine;
  publisher: Publisher;
  logs: string[];
  /** Starts the runs of the events so far and waits until the engine has nothing in flight. */
  settle(): Promise<void>;
  advanceBy(ms: number): Promise<number>;
  /** Closes everything (the app quits) and opens the same file at `at` (the app starts again). */
  restart(at: number): PublishWorld;
  close(): void;
}

export interface WorldOptions {
  dir?: string;
  start?: number;
  automateOff?: () => boolean;
  policy?: () => ConnectorPolicy | undefined;
  /** Do not call publisher.start() (the test does). */
  manualStart?: boolean;
}

export function publishWorld(options: WorldOptions = {}): PublishWorld {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), "flowsmith-publish-"));
  const file = join(dir, "flowsmith.db");
  const { db } = openDatabase(file);
  const clock = new VirtualClock(options.start ?? START);
  const flows = new FlowStore(db, { now: () => clock.now() });
  let engineRef: Engine | undefined;
  const sandbox = new Sandbox({
    db,
    clock,
    signals: { deliver: (token, outcome) => engineRef?.deliver(token, outcome) },
  });
  const engine = new Engine({ db, clock, runtime: sandbox });
  engineRef = engine;
  engine.start();
  const logs: string[] = [];
  const publisher = new Publisher({
    db,
    flows,
    engine,
    sandbox,
    clock,
    log: (message) => logs.push(message),
    ...(options.automateOff ? { automateOff: options.automateOff } : {}),
    ...(options.policy ? { policy: options.policy } : {}),
  });
  if (!options.manualStart) publisher.start();
  const settle = () => publisher.settle();
  const close = () => {
    publisher.stop();
    engine.stop();
    db.close();
  };
  return {
    dir,
    file,
    db,
    clock,
    flows,
    sandbox,
    engine,
    publisher,
    logs,
    settle,
    advanceBy: (ms) => clock.advanceBy(ms, settle),
    restart: (at) => {
      close();
      return publishWorld({ ...options, dir, start: at });
    },
    close,
  };
}

// --- flows ---

const BC_HOST = {
  apiId: "/providers/Microsoft.PowerApps/apis/shared_dynamicssmbsaas",
  connectionName: "shared_dynamicssmbsaas",
};

const compose = (inputs: JsonValue): JsonObject => ({ type: "Compose", inputs, runAfter: {} });

/** An automated flow on a record trigger, with one Compose step (and trigger conditions, if given). */
export function recordFlow(
  table: string,
  operationId = "CreateOnUpdatedItemsSubscriptionV3",
  conditions: string[] = [],
): DefinitionPayload {
  const definition = starterDefinition("automated");
  definition.triggers = {
    When_a_record_changes: {
      type: "OpenApiConnectionWebhook",
      inputs: {
        host: { ...BC_HOST, operationId },
        parameters: { bcenvironment: "PRODUCTION", company: DEMO_COMPANY, dataset: "v2.0", table },
        authentication: "@parameters('$authentication')",
      },
      ...(conditions.length > 0 ? { conditions: conditions.map((expression) => ({ expression })) } : {}),
    },
  };
  definition.actions = { Compose: compose("@triggerOutputs()?['body/number']") };
  return definition;
}

/** A scheduled flow with the given recurrence and one Compose step. */
export function scheduledFlow(recurrence: JsonObject): DefinitionPayload {
  const definition = starterDefinition("scheduled");
  definition.triggers = { Recurrence: { type: "Recurrence", recurrence } };
  definition.actions = { Compose: compose("tick") };
  return definition;
}

/** "Manually trigger a flow" with a Run flow form and one Compose step. */
export function buttonFlow(
  schema: JsonObject = { type: "object", properties: {}, required: [] },
): DefinitionPayload {
  const definition = starterDefinition("instant");
  definition.triggers = { manual: { type: "Request", kind: "Button", inputs: { schema } } };
  definition.actions = { Compose: compose("@triggerOutputs()?['headers']?['x-ms-user-email']") };
  return definition;
}

/** A catalog operation the tests build steps of; a missing one fails the test at once. */
export function catalogOperation(connectorId: string, operationId: string): OperationDeclaration {
  const operation = findOperation(connectorId, operationId);
  if (!operation) throw new Error(`the catalog has no ${connectorId}/${operationId}`);
  return operation;
}

/**
 * "When a new email arrives (V3)" as the designer writes it (splitOn included), with the given
 * filters, and a Compose of the email's subject.
 */
export function mailFlow(filters: JsonObject = {}): DefinitionPayload {
  const trigger = instantiate(catalogOperation("shared_office365", "OnNewEmailV3"));
  const inputs = trigger.inputs as JsonObject;
  inputs.parameters = { ...(inputs.parameters as JsonObject), ...filters };
  const definition = starterDefinition("automated");
  definition.triggers = { When_a_new_email_arrives_V3: trigger as DefinitionPayload["triggers"][string] };
  definition.actions = { Compose: compose("@triggerOutputs()?['body/subject']") };
  return definition;
}

export function templateFlow(world: Pick<PublishWorld, "flows">, id: string, name?: string): Flow {
  const template = findTemplate(id);
  if (!template) throw new Error(`no template ${id}`);
  return world.flows.create({
    name: name ?? template.title,
    kind: template.kind,
    definition: templateDefinition(template) as unknown as DefinitionPayload,
  });
}

export function createFlow(
  world: Pick<PublishWorld, "flows">,
  name: string,
  kind: FlowKind,
  definition: DefinitionPayload,
): Flow {
  return world.flows.create({ name, kind, definition });
}

/** Published runs of a flow, oldest first. */
export function runsOf(world: Pick<PublishWorld, "engine">, flowId: string) {
  return world.engine.listRuns({ flowId, limit: 500 }).runs.reverse();
}

/** The ApiError fn throws (fails when it throws nothing or something else). */
export function caught(fn: () => unknown): ApiError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error("expected an ApiError");
}
