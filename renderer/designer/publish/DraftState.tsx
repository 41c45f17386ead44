// Beside the flow's name: whether it is published, which version runs, and whether the draft has
// changes that are not published yet (compared step by step, not by revision: an edit undone is no
// change). People forget to publish; this says so where they edit.
import { useCallback, useEffect, useState } from "react";
import type { WorkflowStatus } from "../../../shared/api";
import { diffDefinitions, diffIsEmpty, type WdlDefinition } from "../../../shared/flow";
import { useThrottledApiEvents } from "../../api/hooks";
import { t } from "../../i18n";
import { latestVersion } from "../compare/use-comparison";
import { useDesigner } from "../state/context";

type Published =
  | { state: "loading" }
  | { state: "never" }
  | {
      state: "published";
      version: number;
      runs: boolean;
      status: WorkflowStatus | null;
      definition: WdlDefinition;
    };

/** The newest published version of the flow, reloaded when workflows change (a publish, an unpublish). */
function usePublished(flowId: string): Published {
  const [published, setPublished] = useState<Published>({ state: "loading" });
  const load = useCallback(async () => {
    try {
      const newest = await latestVersion(flowId);
      setPublished(
        newest
          ? {
              state: "published",
              version: newest.version ?? 0,
              runs: newest.runs ?? false,
              status: newest.status ?? null,
              definition: newest.definition,
            }
          : { state: "never" },
      );
    } catch {
      // A convenience beside the name: the Versions dialog says the same, with the error if any.
    }
  }, [flowId]);
  useEffect(() => {
    void load();
  }, [load]);
  useThrottledApiEvents(["workflows.changed"], load);
  return published;
}

/** Compared once the person pauses, so that typing in a field never waits on it. */
const COMPARE_AFTER_MS = 400;

function useHasChanges(published: Published, definition: WdlDefinition): boolean | undefined {
  const [changed, setChanged] = useState<boolean>();
  useEffect(() => {
    if (published.state !== "published") return;
    const timer = setTimeout(() => {
      const diff = diffDefinitions(published.definition, definition);
      setChanged(!diffIsEmpty(diff));
    }, COMPARE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [published, definition]);
  return published.state === "published" ? changed : undefined;
}

/** Beside the open flow's name; its draft is the designer's definition. */
export function DraftState({
  flowId,
  onShowChanges,
}: {
  flowId: string;
  /** Opens the Publish dialog, which lists the changes. */
  onShowChanges: () => void;
}) {
  const definition = useDesigner((s) => s.definition);
  const published = usePublished(flowId);
  const changed = useHasChanges(published, definition);
  if (published.state === "loading") return null;
  if (published.state === "never")
    return (
      <span className="draft-state muted" data-testid="draft-state">
        {t("draftState.never")}
      </span>
    );
  // Published and current is not enough to run: the workflow must be turned on and not suspended.
  const runs = published.runs && published.status === "enabled";
  const stateText = !published.runs
    ? t("draftState.unpublished", { version: published.version })
    : published.status === "suspended"
      ? t("draftState.suspended", { version: published.version })
      : published.status === "disabled"
        ? t("draftState.off", { version: published.version })
        : t("draftState.runs", { version: published.version });
  return (
    <span className="draft-state" data-testid="draft-state">
      <span className={runs ? "muted" : "muted draft-state-off"}>{stateText}</span>
      {changed && (
        <button
          type="button"
          className="link-button draft-state-changes"
          title={t("draftState.changesHint")}
          onClick={onShowChanges}
        >
          <span className="status-dot" aria-hidden="true" />
          {t("draftState.changes")}
        </button>
      )}
    </span>
  );
}
