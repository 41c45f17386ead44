// Deleting and restoring a flow, the same from My flows and from the designer. A published flow
// says what deleting does to it (turned off, out of the workflow list) before it happens, and a
// restored one says it came back turned off, with the way to the workflow list.
import { useEffect, useState } from "react";
import type { DeletedFlow, FlowSummary, VersionInfo } from "../../shared/api";
import { api } from "../api/client";
import { t } from "../i18n";
import { ConfirmDialog } from "../ui/ConfirmDialog";
import { describeError } from "../ui/errors";
import { toast } from "../ui/toasts";
import { useFlows } from "./flows-store";

/** The version that is published (whether it runs or not); null for a flow never published. */
async function publishedVersion(flowId: string): Promise<VersionInfo | null> {
  const versions = await api.call("publish.versions", { flowId });
  return versions.find((version) => version.current) ?? null;
}

/** Restores the flow and says so (or why not); a published one is back in the workflow list, turned off. */
export async function restoreFlow(id: string, navigate: (to: string) => void): Promise<void> {
  let restored: FlowSummary;
  try {
    restored = await useFlows.getState().restore(id);
  } catch (cause) {
    toast.error(describeError(cause), undefined, `flow:${id}`);
    return;
  }
  const published = await publishedVersion(id).catch(() => null);
  if (!published) {
    toast.success(t("flows.restored", { name: restored.name }), undefined, `flow:${id}`);
    return;
  }
  toast.success(
    t("flows.restored.published", { name: restored.name, version: published.version }),
    { label: t("nav.workflows"), run: () => navigate("/workflows") },
    `flow:${id}`,
  );
}

export function DeleteFlowDialog({
  flow,
  onClose,
  onDeleted,
  navigate,
}: {
  flow: { id: string; name: string };
  onClose: () => void;
  /** After the flow is in the recycle bin (the dialog has closed itself and offered Undo). */
  onDeleted?: (gone: DeletedFlow) => void;
  navigate: (to: string) => void;
}) {
  // undefined while it is being read: the body says the general thing until then.
  const [published, setPublished] = useState<VersionInfo | null>();
  useEffect(() => {
    let live = true;
    publishedVersion(flow.id)
      .then((version) => live && setPublished(version))
      .catch(() => live && setPublished(null));
    return () => {
      live = false;
    };
  }, [flow.id]);

  const extra =
    published === undefined || published === null
      ? ""
      : ` ${t(published.status === "enabled" ? "delete.published.on" : "delete.published.off", {
          version: published.version,
        })}`;
  return (
    <ConfirmDialog
      title={t("delete.title", { name: flow.name })}
      body={t("delete.body") + extra}
      confirmLabel={t("delete.confirm")}
      danger
      onClose={onClose}
      onConfirm={async () => {
        const gone = await useFlows.getState().remove(flow.id);
        onClose();
        onDeleted?.(gone);
        toast.info(
          t("flows.deleted", { name: gone.name }),
          { label: t("common.undo"), run: () => void restoreFlow(gone.id, navigate) },
          `flow:${gone.id}`,
        );
      }}
    />
  );
}
