// Loading what a definition is compared with: the flow's latest published version (before a
// publish), the version before an old one, or the draft; and the comparison itself.
import { useEffect, useMemo, useState } from "react";
import type { WorkflowStatus } from "../../../shared/api";
import { diffDefinitions, type FlowDiff, type WdlDefinition } from "../../../shared/flow";
import { api } from "../../api/client";
import { describeError } from "../../ui/errors";

/** The other side of a comparison; null when there is none (a flow never published, a first version). */
export interface Base {
  definition: WdlDefinition;
  /** The version number, or undefined for the draft. */
  version?: number;
  /** For a version: whether it is the one that runs (published and not since unpublished). */
  runs?: boolean;
  /** For the version that runs: the workflow's status (enabled, disabled, suspended). */
  status?: WorkflowStatus | null;
}

export type Comparison =
  | { state: "loading" }
  | { state: "failed"; message: string }
  | { state: "none" }
  | { state: "ready"; diff: FlowDiff; base: Base };

/** The flow's newest published version below `below` (any, without it), or null when there is none. */
async function newestVersion(flowId: string, below = Number.POSITIVE_INFINITY): Promise<Base | null> {
  const versions = (await api.call("publish.versions", { flowId })).filter((v) => v.version < below);
  const [first, ...rest] = versions;
  if (!first) return null;
  const newest = rest.reduce((a, b) => (b.version > a.version ? b : a), first);
  const detail = await api.call("publish.version", { flowId, version: newest.version });
  return {
    definition: detail.definition as unknown as WdlDefinition,
    version: newest.version,
    runs: newest.current,
    status: newest.status,
  };
}

/** The flow's newest published version, or null when it was never published. */
export function latestVersion(flowId: string): Promise<Base | null> {
  return newestVersion(flowId);
}

/** The version published just before `version`, or null for the first one. */
export function versionBefore(flowId: string, version: number): Promise<Base | null> {
  return newestVersion(flowId, version);
}

export async function draftOf(flowId: string): Promise<Base> {
  const flow = await api.call("flows.get", { id: flowId });
  return { definition: flow.definition as unknown as WdlDefinition };
}

/**
 * Loads the base with `load` (again whenever `key` changes) and compares: with `direction`
 * "base-first" the base is the older side (what `definition` changed from it), with "base-last"
 * the newer one (what the base changes from `definition`).
 */
export function useComparison(
  key: string,
  load: () => Promise<Base | null>,
  definition: WdlDefinition | undefined,
  direction: "base-first" | "base-last",
): Comparison {
  const [loaded, setLoaded] = useState<
    { key: string; base: Base | null } | { key: string; error: string } | undefined
  >();
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` names what `load` loads.
  useEffect(() => {
    let cancelled = false;
    load().then(
      (base) => !cancelled && setLoaded({ key, base }),
      (error: unknown) => !cancelled && setLoaded({ key, error: describeError(error) }),
    );
    return () => {
      cancelled = true;
    };
  }, [key]);
  return useMemo<Comparison>(() => {
    if (!loaded || loaded.key !== key || !definition) return { state: "loading" };
    if ("error" in loaded) return { state: "failed", message: loaded.error };
    if (loaded.base === null) return { state: "none" };
    const diff =
      direction === "base-first"
        ? diffDefinitions(loaded.base.definition, definition)
        : diffDefinitions(definition, loaded.base.definition);
    return { state: "ready", diff, base: loaded.base };
  }, [loaded, key, definition, direction]);
}
