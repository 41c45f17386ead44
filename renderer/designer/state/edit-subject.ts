// Which card the person is looking at after an edit the canvas made for them: the step an Undo or
// a Redo brought back or changed, and the neighbour that takes the selection when steps are
// deleted. Keeping the selection (and the keyboard) on a card near the edit means the next key
// acts where the person was working, not on the page.
import {
  type ActionEntry,
  actionIndex,
  actionNodeId,
  jsonEqual,
  ownFields,
  sameContainer,
  triggerNodeId,
  type WdlDefinition,
} from "../../../shared/flow";
import type { JsonObject, JsonValue } from "../../../shared/json";

/**
 * The node to select once `shown` replaces `replaced` (an Undo or a Redo): a step that comes back
 * (a deletion or a rename undone), else the step a removed one followed (an insertion undone:
 * where its "+" was), else the first step whose own fields or place changed, else the trigger when
 * it changed. Undefined when no step is concerned (a note or a collapsed scope).
 */
export function editSubject(shown: WdlDefinition, replaced: WdlDefinition): string | undefined {
  if (shown.actions !== replaced.actions) {
    const now = actionIndex(shown);
    const before = actionIndex(replaced);
    for (const name of now.keys()) if (!before.has(name)) return actionNodeId(name);
    for (const [name, entry] of before) {
      if (now.has(name)) continue;
      const near = neighbourIn(now, entry, new Set());
      if (near) return near;
    }
    for (const [name, entry] of now) {
      const old = before.get(name);
      if (!old || old.action === entry.action) continue;
      if (!sameContainer(old.container, entry.container)) return actionNodeId(name);
      if (!jsonEqual(ownOf(old), ownOf(entry))) return actionNodeId(name);
    }
  }
  if (shown.triggers !== replaced.triggers) {
    for (const [name, trigger] of Object.entries(shown.triggers ?? {})) {
      const old = replaced.triggers?.[name];
      if (!old || !jsonEqual(old as unknown as JsonValue, trigger as unknown as JsonValue))
        return triggerNodeId(name);
    }
  }
  return undefined;
}

/**
 * Where the selection goes when these steps are deleted: the step the first of them ran after,
 * else the step that ran after it, else the scope around it, else the trigger.
 */
export function selectionAfterDelete(
  definition: WdlDefinition,
  names: readonly string[],
): string | undefined {
  const index = actionIndex(definition);
  const gone = new Set(names);
  for (const name of names) {
    const entry = index.get(name);
    if (!entry) continue;
    const near = neighbourIn(index, entry, gone);
    if (near) return near;
  }
  const trigger = Object.keys(definition.triggers ?? {})[0];
  return trigger === undefined ? undefined : triggerNodeId(trigger);
}

/** A step beside `entry` in `index` that is not in `gone`: before it, after it, or its scope. */
function neighbourIn(
  index: ReadonlyMap<string, ActionEntry>,
  entry: ActionEntry,
  gone: ReadonlySet<string>,
): string | undefined {
  const present = (name: string) => index.has(name) && !gone.has(name);
  const before = Object.keys(entry.action.runAfter ?? {}).find(present);
  if (before) return actionNodeId(before);
  for (const [name, other] of index) {
    if (gone.has(name) || !sameContainer(other.container, entry.container)) continue;
    if (Object.hasOwn(other.action.runAfter ?? {}, entry.name)) return actionNodeId(name);
  }
  const branch = entry.container;
  if (branch && present(branch.scope)) return actionNodeId(branch.scope);
  return undefined;
}

function ownOf(entry: ActionEntry): JsonObject {
  return ownFields(entry.action as unknown as JsonObject);
}
