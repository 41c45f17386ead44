// The contract's methods, implemented once over the stores, the engine and the sandbox.
// Inputs arrive validated; each area has its own file.
import { type AdminHandlerDeps, adminHandlers } from "./admin-handlers";
import type { Handlers } from "./dispatch";
import { type FlowHandlerDeps, flowHandlers } from "./flow-handlers";
import { type PublishHandlerDeps, publishHandlers } from "./publish-handlers";
import { runHandlers } from "./run-handlers";
import { sandboxHandlers } from "./sandbox-handlers";

export type HandlerDeps = FlowHandlerDeps &
  Parameters<typeof runHandlers>[0] &
  Parameters<typeof sandboxHandlers>[0] &
  PublishHandlerDeps &
  AdminHandlerDeps;

export function createHandlers(deps: HandlerDeps): Handlers {
  return {
    ...flowHandlers(deps),
    ...runHandlers(deps),
    ...sandboxHandlers(deps),
    ...publishHandlers(deps),
    ...adminHandlers(deps),
  };
}
