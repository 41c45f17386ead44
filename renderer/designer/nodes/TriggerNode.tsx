import { Handle, type Node, type NodeProps, Position } from "@xyflow/react";
import type { FlowKind } from "../../../shared/api";
import { KindIcon, kindLabel } from "../../flows/kinds";
import { t } from "../../i18n";

export type TriggerNodeData = { title: string; kind: FlowKind; name: string };
export type TriggerNodeType = Node<TriggerNodeData, "trigger">;

export function TriggerNode({ data, selected }: NodeProps<TriggerNodeType>) {
  return (
    <div className={selected ? "card trigger-card selected" : "card trigger-card"} data-testid="trigger-node">
      <div className={`card-icon kind-${data.kind}`}>
        <KindIcon kind={data.kind} size={18} />
      </div>
      <div className="card-text">
        <span className="card-eyebrow">
          {t("designer.trigger")} · {kindLabel(data.kind)}
        </span>
        <span className="card-title">{data.title}</span>
      </div>
      <Handle type="source" position={Position.Bottom} isConnectable={false} />
    </div>
  );
}
