import { BaseEdge, type Edge, EdgeLabelRenderer, type EdgeProps, getSmoothStepPath } from "@xyflow/react";
import { Plus } from "lucide-react";
import { memo } from "react";
import type { InsertionPoint, RunAfterStatus } from "../../../../shared/flow";
import { type MessageKey, t } from "../../../i18n";
import { DropTarget } from "../DropTarget";

export type InsertEdgeData = {
  point: InsertionPoint | undefined;
  statuses: RunAfterStatus[];
  onPick: ((point: InsertionPoint, anchor: DOMRect) => void) | undefined;
};
export type InsertEdgeType = Edge<InsertEdgeData, "insert">;

const STATUS_WORDS: Record<RunAfterStatus, MessageKey> = {
  Succeeded: "designer.edge.succeeded",
  Failed: "designer.edge.failed",
  Skipped: "designer.edge.skipped",
  TimedOut: "designer.edge.timedOut",
};

/** "if failed or timed out": the statuses other than Succeeded that an edge is followed on. */
function runAfterLabel(statuses: readonly RunAfterStatus[]): string {
  const words = statuses.map((s) => t(STATUS_WORDS[s]));
  const list = words
    .slice(1)
    .reduce((all, status) => t("designer.edge.or", { statuses: all, status }), words[0] ?? "");
  return t("designer.edge.runAfter", { statuses: list });
}

/** An edge with a "+" in its middle: insert (or drop) a step between the two ends. */
export const InsertEdge = memo(function InsertEdge(props: EdgeProps<InsertEdgeType>) {
  const { sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data } = props;
  const [path, labelX, labelY] = getSmoothStepPath({
    sourceX,
    sourceY,
    targetX,
    targetY,
    sourcePosition,
    targetPosition,
    borderRadius: 10,
  });
  const unusual = (data?.statuses.length ?? 0) > 0;
  return (
    <>
      <BaseEdge id={props.id} path={path} className={unusual ? "edge-unusual" : undefined} />
      <EdgeLabelRenderer>
        <div
          className="edge-label"
          style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
        >
          {unusual && <span className="run-after-label">{runAfterLabel(data?.statuses ?? [])}</span>}
          {data?.point && data.onPick && (
            <DropTarget
              point={data.point}
              className="drop-zone edge-plus"
              label={t("designer.edge.insert")}
              onPick={data.onPick}
            >
              <Plus size={12} aria-hidden="true" />
            </DropTarget>
          )}
        </div>
      </EdgeLabelRenderer>
    </>
  );
});
