import { Handle, type Node, type NodeProps, Position } from "@xyflow/react";
import { Plus } from "lucide-react";
import { memo } from "react";
import type { InsertionPoint } from "../../../../shared/flow";
import { t } from "../../../i18n";
import { DropTarget } from "../DropTarget";

export type BranchLaneData = { tone: "yes" | "no" | "neutral" };
export type BranchLaneNode = Node<BranchLaneData, "branch">;

/** The background of one branch inside a scope. */
export const BranchLane = memo(function BranchLane({ data }: NodeProps<BranchLaneNode>) {
  return <div className={`branch-lane tone-${data.tone}`} />;
});

export type BranchHeadData = { label: string; tone: "yes" | "no" | "neutral" };
export type BranchHeadNode = Node<BranchHeadData, "head">;

/** The chip at the top of a branch: "Yes", "No", a Switch case's value, "Default". */
export const BranchHead = memo(function BranchHead({ data }: NodeProps<BranchHeadNode>) {
  return (
    <div className={`branch-head tone-${data.tone}`} data-testid="branch-head">
      {data.label}
      <Handle type="source" position={Position.Bottom} isConnectable={false} />
    </div>
  );
});

export type TailData = {
  point: InsertionPoint;
  empty: boolean;
  /** Undefined on a read-only canvas: an empty branch says so, with nothing to click. */
  onPick: ((point: InsertionPoint, anchor: DOMRect) => void) | undefined;
};
export type TailNodeType = Node<TailData, "tail">;

/** "+" after the last steps of a container, or a wide drop zone in an empty branch. */
export const TailNode = memo(function TailNode({ data }: NodeProps<TailNodeType>) {
  if (!data.onPick)
    return (
      <>
        <Handle type="target" position={Position.Top} isConnectable={false} />
        <div className="empty-branch empty-branch-readonly">{t("designer.branch.noActions")}</div>
      </>
    );
  return (
    <>
      <Handle type="target" position={Position.Top} isConnectable={false} />
      <DropTarget
        point={data.point}
        className={data.empty ? "drop-zone empty-branch" : "drop-zone tail-plus"}
        label={data.empty ? t("designer.branch.addAction") : t("designer.branch.addStep")}
        onPick={data.onPick}
      >
        <Plus size={data.empty ? 16 : 14} aria-hidden="true" />
        {data.empty && <span>{t("designer.branch.addAction")}</span>}
      </DropTarget>
    </>
  );
});

/** Where parallel last steps of a branch meet: nothing to click, each edge has its own "+". */
export const EndNode = memo(function EndNode() {
  return (
    <>
      <Handle type="target" position={Position.Top} isConnectable={false} />
      <div className="branch-end" />
    </>
  );
});
