// A saved flow around a definition, as flows.get returns it, for the designer store's tests.
import type { Flow } from "../../../shared/api";
import type { WdlDefinition } from "../../../shared/flow";

export function designerFlow(definition: unknown, name = "Flow"): Flow {
  return {
    id: "f1",
    name,
    kind: "instant",
    revision: 1,
    createdAt: "2026-11-24T10:00:00.000Z",
    updatedAt: "2026-11-24T10:00:00.000Z",
    definition: definition as WdlDefinition,
    designer: { notes: [], collapsed: [] },
  } as unknown as Flow;
}
