import { BaseEdge, type Edge, EdgeLabelRenderer, type EdgeProps, getSmoothStepPath } from "@xyflow/react";
import { Plus } from "lucide-react";
import { memo } from "react";
import type { InsertionPoint, RunAfterStatus } from "../../../../shared/flow";
import { DropTarget } from "../DropTarget";

export type InsertEdgeData = {
  point: InsertionPoint | undefined;
  statuses: RunAfterStatus[];
  onPick: ((point: InsertionPoint, anchor: DOMRect) => void) | undefined;
};
export type InsertEdgeType = Edge<InsertEdgeData, "insert">;

const STATUS_WORDS: Record<RunAfterStatus, string> = {
  Succeeded: "succeeded",
  Failed: "failed",
  Skipped: "skipped",
  TimedOut: "timed out",
};

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
          {unusual && (
            <span className="run-after-label">
              if {data?.statuses.map((s) => STATUS_WORDS[s]).join(" or ")}
            </span>
          )}
          {data?.point && data.onPick && (
            <DropTarget
              point={data.point}
              className="drop-zone edge-plus"
              label="Insert a step"
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
